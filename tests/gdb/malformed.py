#!/usr/bin/env python3
"""tests/gdb/malformed.py X86LAB GUEST_BIN — a peer that is not gdb: noise,
bad checksums, an oversized packet, bad arguments and a truncated packet must
get a nack or E01 (never a crash), a second debugger is turned away, Ctrl-C
stops a running guest, and a peer that vanishes leaves the guest to run on."""
import select
import socket
import subprocess
import sys
import time

TIMEOUT = 10


def frame(payload: bytes) -> bytes:
    return b"$" + payload + b"#" + b"%02x" % (sum(payload) & 0xFF)


class Peer:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        self.buf = b""

    def send(self, data: bytes):
        self.sock.sendall(data)

    def byte(self) -> bytes:
        if not self.buf:
            self.buf = self.sock.recv(65536)
            if not self.buf:
                raise EOFError("the stub closed the connection")
        b, self.buf = self.buf[:1], self.buf[1:]
        return b

    def ack(self) -> bytes:
        """The next '+' or '-'."""
        b = self.byte()
        if b not in (b"+", b"-"):
            raise AssertionError("expected an ack, got %r" % b)
        return b

    def reply(self) -> bytes:
        """The next packet's payload; its checksum must be right."""
        while self.byte() != b"$":
            pass
        payload = b""
        while (b := self.byte()) != b"#":
            payload += b
        csum = self.byte() + self.byte()
        assert int(csum, 16) == sum(payload) & 0xFF, "bad checksum from the stub"
        self.send(b"+")
        return payload

    def ask(self, payload: bytes) -> bytes:
        self.send(frame(payload))
        assert self.ack() == b"+", "valid packet %r was nacked" % payload
        return self.reply()


failures = 0


def check(what, got, want):
    global failures
    if got != want:
        print("FAIL: %s: got %r, want %r" % (what, got, want))
        failures += 1


def start(x86lab, guest):
    proc = subprocess.Popen(
        [x86lab, "run", "--gdb", "0", "--load", guest + "@0000:7C00", "--start", "0000:7C40"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    ready, _, _ = select.select([proc.stderr], [], [], TIMEOUT)
    line = proc.stderr.readline().decode() if ready else ""
    prefix = "x86lab: gdb stub listening on 127.0.0.1:"
    if not line.startswith(prefix):
        proc.kill()
        sys.exit("FAIL: x86lab did not announce its port: %r" % line)
    return proc, int(line[len(prefix):])


def malformed(p):
    p.send(b"hello\x00\xff\r\n")  # noise between packets: ignored
    p.send(b"$?#00")
    check("wrong checksum", p.ack(), b"-")
    p.send(b"$?#zz")
    check("non-hex checksum", p.ack(), b"-")
    p.send(frame(b"m" * 5000))
    check("oversized packet acked", p.ack(), b"+")
    check("oversized packet", p.reply(), b"E01")
    for bad in [b"mzz,4", b"m7c80", b"m7c80,4x", b"m123456789,1", b"M7c80,2:zz",
                b"M7c80,2:00", b"pzz", b"p99", b"P0=12", b"Pzz=00000000", b"G1234",
                b"Z0,zz,1", b"Z2,500", b"Z2,ffffffff,4", b"qXfer:features:read:target.xml:x"]:
        check("bad arguments %r" % bad, p.ask(bad), b"E01")
    check("unknown annex", p.ask(b"qXfer:features:read:other.xml:0,10"), b"E00")
    check("unknown packet", p.ask(b"vNoSuchThing"), b"")
    check("unknown Z type", p.ask(b"Z9,7c80,1"), b"")
    p.send(b"$m7c80,4")  # truncated: the next '$' starts over
    check("after a truncated packet", p.ask(b"?"), b"T05thread:1;")
    check("memory", p.ask(b"m7c80,4"), b"deadbeef")
    check("a large read is clipped", len(p.ask(b"m0,ffffffff")), 4096)


def second_debugger(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
    try:
        check("a second debugger is turned away", s.recv(16), b"")
    except ConnectionResetError:
        pass
    s.close()


def interrupt(p):
    p.send(frame(b"c"))
    check("continue acked", p.ack(), b"+")
    time.sleep(0.3)
    p.send(b"\x03")
    check("Ctrl-C", p.reply(), b"T02thread:1;")
    check("still spinning", p.ask(b"p8"), b"407c0000")


def main():
    x86lab, guest = sys.argv[1], sys.argv[2]
    proc, port = start(x86lab, guest)
    try:
        p = Peer(port)
        malformed(p)
        second_debugger(port)
        interrupt(p)
        # Point the guest at its exit and vanish: the run goes on without gdb.
        check("set eip", p.ask(b"P8=107c0000"), b"OK")
        p.sock.close()
        status = proc.wait(timeout=TIMEOUT)
        check("x86lab's status after the peer vanished", status, 7)
    except Exception as e:  # a dead stub shows up here as EOF or a timeout
        print("FAIL: %s: %s" % (type(e).__name__, e))
        print(proc.stderr.read().decode() if proc.poll() is not None else "")
        return 1
    finally:
        if proc.poll() is None:
            proc.kill()
    if failures:
        print("%d check(s) failed" % failures)
        return 1
    print("malformed packets: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
