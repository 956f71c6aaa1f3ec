#!/usr/bin/env bash
# tests/cli/serial_tcp.sh X86LAB SERIAL_ECHO_BIN — COM1 on a TCP port: a
# client on 127.0.0.1 sends "hi." to a guest that echoes COM1, reads it back,
# and the guest ends with status 0 when it has echoed the '.'.
set -u
x86lab=$1
bin=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A port free a moment ago; x86lab binds it right after.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$x86lab" run --quiet --serial tcp:"$port" --load "$bin@1000:0100" 2>"$work/err" &
pid=$!

python3 - "$port" >"$work/echo" <<'PY'
import socket, sys, time
deadline = time.time() + 20
while True:
    try:
        c = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1)
        break
    except OSError:
        if time.time() > deadline:
            sys.exit("cannot connect")
        time.sleep(0.05)
c.settimeout(20)
c.sendall(b"hi.")
got = b""
while not got.endswith(b"."):
    b = c.recv(64)
    if not b:
        break
    got += b
sys.stdout.write(got.decode("latin-1"))
PY
client=$?
wait "$pid"
status=$?

fail() {
	echo "FAIL: $*"
	sed 's/^/  stderr| /' "$work/err"
	exit 1
}
[ "$client" -eq 0 ] || fail "the client failed (status $client)"
[ "$(cat "$work/echo")" = "hi." ] || fail "echoed '$(cat "$work/echo")', want 'hi.'"
[ "$status" -eq 0 ] || fail "x86lab exited with status $status, want 0"
grep -q "COM1 is on 127.0.0.1:$port" "$work/err" || fail "stderr does not name the port"
echo "COM1 over tcp:$port echoed hi."
