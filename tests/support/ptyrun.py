# tests/support/ptyrun.py — run a program on a fresh pseudo-terminal that it
# has as its controlling terminal, cooked as a login shell leaves it, feed
# it through a callback once its output shows it is ready, and report the
# terminal's settings before and after, for tests of terminal handling.
import fcntl
import os
import pty
import select
import subprocess
import termios
import time


class Result:
    """out: everything the program wrote; status: its exit status (negative:
    the signal that ended it), or None when it had to be killed; before,
    after: the terminal's settings; raw: whether input was raw (not
    canonical) when the program became ready."""

    def __init__(self, out, status, before, after, raw):
        self.out, self.status, self.before, self.after, self.raw = out, status, before, after, raw


def run(argv, ready, action, timeout=30):
    """ready(out) says when to call action(child, master) (once)."""
    master, slave = pty.openpty()
    attrs = termios.tcgetattr(slave)
    attrs[3] |= termios.ECHO | termios.ICANON | termios.ISIG
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    fcntl.ioctl(slave, termios.TIOCSWINSZ, b"\x19\x00\x50\x00\x00\x00\x00\x00")  # 25x80
    before = termios.tcgetattr(slave)

    def controlling_tty():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    child = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave,
                             preexec_fn=controlling_tty)
    out = bytearray()
    raw = None
    deadline = time.time() + timeout
    while time.time() < deadline:
        got, _, _ = select.select([master], [], [], 0.05)
        if got:
            try:
                out += os.read(master, 65536)
            except OSError:
                break
        if raw is None and ready(out):
            raw = not (termios.tcgetattr(slave)[3] & termios.ICANON)
            action(child, master)
        if child.poll() is not None and not got:
            break
    status = child.poll()
    if status is None:
        child.kill()
        child.wait()
    after = termios.tcgetattr(slave)
    os.close(master)
    os.close(slave)
    return Result(bytes(out), status, before, after, raw)
