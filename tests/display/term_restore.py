#!/usr/bin/env python3
# tests/display/term_restore.py X86LAB QUICK.bin SPIN.bin — the terminal
# display under a pseudo-terminal: it draws the guest's text, and the
# terminal's settings (termios, as stty -g shows them) are the same after
# x86lab ends as before it started — when the guest ends by itself, on
# Ctrl-C typed at the terminal, on SIGINT and SIGTERM sent with kill, and
# on the terminal display's own quit key (Ctrl-]). It also checks that the
# alternate screen was left and the cursor shown again.
import os
import signal
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import ptyrun  # noqa: E402

X86LAB, QUICK, SPIN = sys.argv[1:4]
ENTER, LEAVE = b"\x1b[?1049h", b"\x1b[?1049l"


def run(guest, action):
    r = ptyrun.run([X86LAB, "run", "--quiet", "--display", "term", "--debugcon", "none",
                    "--load", guest + "@1000:0100"],
                   lambda out: ENTER in out and b"Hello" in out, action, timeout=20)
    if r.status is None:
        return f"x86lab did not end ({len(r.out)} bytes of output)"
    if r.before != r.after:
        return f"termios differ:\n  before {r.before}\n  after  {r.after}"
    if ENTER not in r.out:
        return "the alternate screen was never entered"
    tail = r.out[r.out.rfind(ENTER):]
    if LEAVE not in tail or b"\x1b[?25h" not in tail[tail.find(LEAVE) - 16:]:
        return "the alternate screen was not left with the cursor shown"
    return r.status


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
