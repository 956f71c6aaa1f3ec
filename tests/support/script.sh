# tests/support/script.sh — what the shell tests share (source it): a work
# directory and background processes removed at exit, a failure counter with
# fail(), and require_gdb() for the tests that drive a real gdb.
work=$(mktemp -d)
pids=()
failures=0

cleanup() {
	for p in "${pids[@]}"; do
		kill "$p" 2>/dev/null
	done
	rm -rf "$work"
}
trap cleanup EXIT

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

require_gdb() {
	if ! command -v gdb >/dev/null 2>&1; then
		echo "FAIL: gdb is not installed; install it with 'sudo apt-get install gdb'" \
			"(or run 'make deps' as root)"
		exit 1
	fi
}
