#!/usr/bin/env python3
# tests/cli/serial_terminal.py X86LAB — the BIOS's serial console on a
# terminal: 'x86lab run' (the demo disk, COM1 on stdio) under a
# pseudo-terminal takes the keys typed there raw, one at a time, so the
# demo echoes them and Esc ends it; the terminal's settings are the same
# afterwards as before, also when x86lab is ended by SIGTERM.
import fcntl
import os
import pty
import select
import signal
import subprocess
import sys
import termios
import time

X86LAB = sys.argv[1]


def run(action):
    master, slave = pty.openpty()
    attrs = termios.tcgetattr(slave)
    attrs[3] |= termios.ECHO | termios.ICANON | termios.ISIG
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    before = termios.tcgetattr(slave)

    def controlling_tty():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    child = subprocess.Popen([X86LAB, "run"], stdin=slave, stdout=slave, stderr=slave,
                             preexec_fn=controlling_tty)
    out = bytearray()
    acted = False
    deadline = time.time() + 30
    while time.time() < deadline:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                out += os.read(master, 65536)
            except OSError:
                break
        if not acted and b"Type keys" in out:
            acted = True
            raw = not (termios.tcgetattr(slave)[3] & termios.ICANON)
            if not raw:
                child.kill()
                return "the terminal is not in raw mode while the guest reads it"
            action(child, master)
        if child.poll() is not None and not ready:
            break
    if child.poll() is None:
        child.kill()
        child.wait()
        return f"x86lab did not end; output: {bytes(out[-300:])!r}"
    after = termios.tcgetattr(slave)
    os.close(master)
    os.close(slave)
    if after != before:
        return "the terminal settings differ after x86lab ended"
    return bytes(out)


def typed(child, master):
    os.write(master, b"x")
    time.sleep(0.3)
    os.write(master, b"86\r")
    time.sleep(0.3)
    os.write(master, b"\x1b")


def terminated(child, master):
    child.send_signal(signal.SIGTERM)


failures = 0
out = run(typed)
if isinstance(out, str):
    print("FAIL typed keys:", out)
    failures += 1
elif b"x86" not in out or b"Demo finished" not in out or b"no key for 10 s" in out:
    print("FAIL typed keys: no echo of 'x86' or no end by Esc:", out[-300:])
    failures += 1
else:
    print("ok: keys typed on the terminal reach the guest; Esc ends the demo")
out = run(terminated)
if isinstance(out, str):
    print("FAIL SIGTERM:", out)
    failures += 1
else:
    print("ok: SIGTERM leaves the terminal as it was")
sys.exit(1 if failures else 0)
