#!/usr/bin/env python3
# tests/cli/serial_terminal.py X86LAB — the BIOS's serial console on a
# terminal: 'x86lab run' (the demo disk, COM1 on stdio) under a
# pseudo-terminal takes the keys typed there raw, one at a time, so the
# demo echoes them and Esc ends it; the terminal's settings are the same
# afterwards as before, also when x86lab is ended by SIGTERM.
import os
import signal
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import ptyrun  # noqa: E402

X86LAB = sys.argv[1]


def run(action):
    r = ptyrun.run([X86LAB, "run"], lambda out: b"Type keys" in out, action)
    if r.raw is None:
        return f"the demo never asked for keys; output: {r.out[-300:]!r}"
    if not r.raw:
        return "the terminal is not in raw mode while the guest reads it"
    if r.status is None:
        return f"x86lab did not end; output: {r.out[-300:]!r}"
    if r.after != r.before:
        return "the terminal settings differ after x86lab ended"
    return r.out


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
