/*
 * tools/monitor/cmd_keys.c — sendkey: key presses from the monitor to the
 * guest's keyboard, queued and handed over as the guest runs.
 */
#include <string.h>

#include "keymap.h"
#include "monitor.h"

int mcmd_sendkey(struct monitor *m, const struct mon_args *a)
{
	struct key_event ev[KEYFEED_MAX];
	int n = 0;

	if (a->argc < 1) {
		mon_error(m, "usage: sendkey KEYS... (e.g. 'sendkey ctrl-alt-delete' or "
		             "'sendkey \"dir\" enter')");
		return -1;
	}
	for (int i = 0; i < a->argc; i++) {
		const char *arg = a->argv[i];
		const char *bad = NULL;
		size_t badlen = 0;
		int got;

		if (a->rest[i][0] == '"')
			got = keymap_text(arg, ev + n, KEYFEED_MAX - n, &bad, &badlen);
		else if ((got = keymap_combo(arg, strlen(arg), ev + n, KEYFEED_MAX - n)) < 0)
			bad = arg, badlen = strlen(arg);
		if (got < 0 && bad) {
			mon_error(m, "sendkey: '%.*s' is not a key; the keys are: %s", (int)badlen,
			          bad, keymap_names());
			return -1;
		}
		if (got < 0 || keyfeed_push(&m->machine->keys, ev + n, got, 0) < 0) {
			mon_error(m,
			          "sendkey: too many keys waiting; let the guest run to take them");
			return -1;
		}
		n += got;
	}
	fprintf(m->out, "%d key event%s queued; the guest gets one every 10 ms of its time\n", n,
	        n == 1 ? "" : "s");
	return 0;
}
