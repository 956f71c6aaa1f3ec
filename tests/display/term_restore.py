#!/usr/bin/env python3
# tests/display/term_restore.py X86LAB QUICK.bin SPIN.bin — the terminal
# display under a pseudo-terminal: it draws the guest's text, and the
# terminal's settings (termios, as stty -g shows them) are the same after
# x86lab ends as before it started — when the guest ends by itself, on
# Ctrl-C typed at the terminal, on SIGINT and SIGTERM sent with kill, and
# on the terminal display's own quit key (Ctrl-]). It also checks that the
# alternate screen was left and the cursor shown again.
import fcntl
import os
import pty
import select
import signal
import subprocess
import sys
import termios
import time

X86LAB, QUICK, SPIN = sys.argv[1:4]
ENTER, LEAVE = b"\x1b[?1049h", b"\x1b[?1049l"


def run(guest, action):
    master, slave = pty.openpty()
    # A cooked terminal as a login shell leaves it, with a size.
    attrs = termios.tcgetattr(slave)
    attrs[3] |= termios.ECHO | termios.ICANON | termios.ISIG
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    fcntl.ioctl(slave, termios.TIOCSWINSZ, b"\x19\x00\x50\x00\x00\x00\x00\x00")
    before = termios.tcgetattr(slave)

    def controlling_tty():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    child = subprocess.Popen(
        [X86LAB, "run", "--quiet", "--display", "term", "--debugcon", "none",
         "--load", guest + "@1000:0100"],
        stdin=slave, stdout=slave, stderr=slave, preexec_fn=controlling_tty)
    out = bytearray()
    acted = False
    deadline = time.time() + 20
    while time.time() < deadline:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                out += os.read(master, 65536)
            except OSError:
                break
        if not acted and ENTER in out and b"Hello" in out:
            acted = True
            action(child, master)
        if child.poll() is not None and not ready:
            break
    if child.poll() is None:
        child.kill()
        child.wait()
        return f"x86lab did not end ({len(out)} bytes of output)"
    after = termios.tcgetattr(slave)
    os.close(master)
    os.close(slave)
    if before != after:
        return f"termios differ:\n  before {before}\n  after  {after}"
    if ENTER not in out:
        return "the alternate screen was never entered"
    tail = out[out.rfind(ENTER):]
    if LEAVE not in tail or b"\x1b[?25h" not in tail[tail.find(LEAVE) - 16:]:
        return "the alternate screen was not left with the cursor shown"
    return child.returncode


def nothing(child, master):
    pass


def type_ctrl_c(child, master):
    os.write(master, b"\x03")


def kill_with(sig):
    return lambda child, master: child.send_signal(sig)


def type_quit_key(child, master):
    os.write(master, b"\x1d")


CASES = [
    ("the guest ends by itself", QUICK, nothing, 0),
    ("Ctrl-C typed", SPIN, type_ctrl_c, -signal.SIGINT),
    ("SIGINT", SPIN, kill_with(signal.SIGINT), -signal.SIGINT),
    ("SIGTERM", SPIN, kill_with(signal.SIGTERM), -signal.SIGTERM),
    ("the quit key Ctrl-]", SPIN, type_quit_key, 0),
]

failed = 0
for name, guest, action, want in CASES:
    got = run(guest, action)
    if got == want:
        print(f"ok: {name}")
    else:
        failed += 1
        print(f"FAIL: {name}: {got if isinstance(got, str) else f'exit {got}, want {want}'}")
print(f"{len(CASES) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
