/*
 * tools/device_options.c — parsing and applying the device options of
 * device_options.h, and the host files behind them.
 */
#include "device_options.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "keymap.h"

void device_defaults(struct device_opts *d)
{
	*d = (struct device_opts){ 0 };
	serial_parse(&d->serial[0], "stdio");
	serial_parse(&d->serial[1], "none");
}

/* Days since 1970-01-01 of a proleptic Gregorian date (civil calendar). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static int parse_rtc(const char *arg, int64_t *out)
{
	int y, mo, d, h, mi, s, n = 0;

	if (sscanf(arg, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &s, &n) != 6 || arg[n] ||
	    y < 1900 || y > 2099 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 ||
	    s > 59 || h < 0 || mi < 0 || s < 0)
		return -1;
	*out = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
	return 0;
}

/* --boot a|c|ac|ca as the BIOS reads CMOS byte 0x3D: the first device in
 * the low nibble, 1 = floppy A:, 2 = hard disk. */
static int parse_boot(const char *cmd, struct device_opts *d, const char *arg)
{
	static const struct {
		const char *name;
		uint8_t order;
	} orders[] = { { "a", 0x01 }, { "c", 0x02 }, { "ac", 0x21 }, { "ca", 0x12 } };

	for (size_t i = 0; i < sizeof orders / sizeof orders[0]; i++)
		if (strcmp(arg, orders[i].name) == 0) {
			d->boot_order = orders[i].order;
			return 0;
		}
	cli_error(cmd, "--boot '%s': use a (floppy), c (hard disk), ac or ca", arg);
	return -1;
}

int device_option(const char *cmd, struct device_opts *d, int opt, const char *arg)
{
	switch (opt) {
	case OPT_IPS:
		if (cli_parse_count(arg, &d->ips) < 0 || d->ips < 1000 ||
		    d->ips > 100000000000ull) {
			cli_error(cmd, "--ips '%s': give instructions per second, 1000 to 1e11",
			          arg);
			return -1;
		}
		return 0;
	case OPT_RTC:
		if (parse_rtc(arg, &d->rtc_time) < 0) {
			cli_error(cmd,
			          "--rtc '%s': write the time as 2026-01-31T23:59:00 (1900-2099)",
			          arg);
			return -1;
		}
		d->rtc_fixed = true;
		return 0;
	case OPT_CMOS:
		d->cmos_path = arg;
		return 0;
	case OPT_SERIAL:
	case OPT_SERIAL2:
		if (serial_parse(&d->serial[opt == OPT_SERIAL2], arg) < 0) {
			cli_error(
			        cmd,
			        "--%s '%s': use stdio, file:PATH, pty, tcp:PORT (1-65535) or none",
			        opt == OPT_SERIAL2 ? "serial2" : "serial", arg);
			return -1;
		}
		return 0;
	case OPT_POST:
		d->post = true;
		return 0;
	case OPT_POST_PORT: {
		char *end;
		unsigned long port;

		errno = 0;
		port = strtoul(arg, &end, 0);
		if (errno || end == arg || *end || port == 0 || port > 0xFFFF || arg[0] == '-') {
			cli_error(cmd,
			          "--post-port '%s': give a port number, 1 to 0xFFFF (e.g. 0x190)",
			          arg);
			return -1;
		}
		d->post_port2 = (uint16_t)port;
		return 0;
	}
	case OPT_KEYS: {
		struct key_event ev[KEYFEED_MAX];
		const char *bad;
		size_t badlen;

		if (keymap_text(arg, ev, KEYFEED_MAX, &bad, &badlen) < 0) {
			if (bad)
				cli_error(cmd,
				          "--keys: '%.*s' is not a key of a US keyboard; write "
				          "characters, \\n for Enter, or key names in braces "
				          "({esc}, {ctrl-alt-delete}, {f1}, {up})",
				          (int)badlen, bad);
			else
				cli_error(cmd,
				          "--keys: too long; at most %d key presses and releases",
				          KEYFEED_MAX);
			return -1;
		}
		d->keys = arg;
		return 0;
	}
	case OPT_HDA:
	case OPT_HDB:
		d->disk_path[opt == OPT_HDB] = arg;
		return 0;
	case OPT_FDA:
	case OPT_FDB:
		d->floppy_path[opt == OPT_FDB] = arg;
		return 0;
	case OPT_RW:
		d->disk_rw = true;
		return 0;
	case OPT_BOOT:
		return parse_boot(cmd, d, arg);
	case OPT_REALTIME:
		d->realtime.on = true;
		return 0;
	default:
		return 1;
	}
}

/* An existing CMOS file must be exactly 128 bytes; a missing one is created at exit. */
static int read_nvram(const char *cmd, struct device_opts *d)
{
	FILE *f = fopen(d->cmos_path, "rb");
	size_t n;

	if (!f && errno == ENOENT)
		return 0;
	if (!f) {
		cli_error(cmd, "cannot read --cmos %s: %s", d->cmos_path, strerror(errno));
		return -1;
	}
	n = fread(d->nvram, 1, sizeof d->nvram, f);
	if (n != sizeof d->nvram || fgetc(f) != EOF) {
		fclose(f);
		cli_error(cmd, "--cmos %s is not a 128-byte CMOS image", d->cmos_path);
		return -1;
	}
	fclose(f);
	d->have_nvram = true;
	return 0;
}

static void close_disks(struct device_opts *d)
{
	for (int i = 0; i < 2; i++) {
		disk_image_close(d->disk[i]);
		d->disk[i] = NULL;
		disk_image_close(d->floppy[i]);
		d->floppy[i] = NULL;
	}
}

/* The image behind --OPT (hda, fdb ...). Returns 0, or -1 after reporting. */
static int open_image(const char *cmd, const char *opt, const char *path, bool rw,
                      struct disk_image **img, struct block_dev *blk)
{
	char err[512];

	*img = disk_image_open(path, rw, err, sizeof err);
	if (!*img) {
		cli_error(cmd, "--%s: %s", opt, err);
		return -1;
	}
	*blk = disk_image_block(*img);
	return 0;
}

static int open_disks(const char *cmd, struct device_opts *d)
{
	static const char *const hd[2] = { "hda", "hdb" }, *const fd[2] = { "fda", "fdb" };

	if (!d->disk_path[0] && d->builtin_disk) {
		d->disk[0] = disk_image_from_memory(d->builtin_disk, d->builtin_disk_len);
		if (!d->disk[0]) {
			cli_error(cmd, "cannot set up the built-in disk");
			return -1;
		}
		d->disk_blk[0] = disk_image_block(d->disk[0]);
	}
	for (int i = 0; i < 2; i++) {
		if (d->disk_path[i] && open_image(cmd, hd[i], d->disk_path[i], d->disk_rw,
		                                  &d->disk[i], &d->disk_blk[i]) < 0)
			goto fail;
		if (!d->floppy_path[i])
			continue;
		if (open_image(cmd, fd[i], d->floppy_path[i], d->disk_rw, &d->floppy[i],
		               &d->floppy_blk[i]) < 0)
			goto fail;
		if (!fdc_geometry_for(d->floppy_blk[i].sectors)) {
			cli_error(cmd,
			          "--%s: %s is %llu bytes, not a 360K, 720K, 1.2M, 1.44M or 2.88M "
			          "floppy image",
			          fd[i], d->floppy_path[i],
			          (unsigned long long)d->floppy_blk[i].sectors * 512);
			goto fail;
		}
	}
	return 0;
fail:
	close_disks(d);
	return -1;
}

int device_open(const char *cmd, struct device_opts *d, bool serial_input, bool serial_terminal)
{
	if (open_disks(cmd, d) < 0)
		return -1;
	if (d->cmos_path && read_nvram(cmd, d) < 0) {
		close_disks(d);
		return -1;
	}
	for (int i = 0; i < 2; i++) {
		if (serial_open(&d->serial[i], serial_input && i == 0, serial_terminal) < 0) {
			cli_error(cmd, "cannot open %s for COM%d: %s", d->serial[i].path, i + 1,
			          strerror(errno));
			if (i)
				serial_close(&d->serial[0]);
			close_disks(d);
			return -1;
		}
		if (d->serial[i].where[0])
			fprintf(stderr, "x86lab: COM%d is on %s\n", i + 1, d->serial[i].where);
	}
	return 0;
}

static void print_post(void *ctx, uint8_t code)
{
	(void)ctx;
	fprintf(stderr, "x86lab: POST %02X\n", code);
}

static uint64_t wall_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

#define PACE_MAX_SLEEP_NS  50000000u  /* one nanosleep: a front end stays lively */
#define PACE_MAX_BEHIND_NS 100000000u /* further behind: start counting again */

/* --realtime: sleep while guest time is ahead of the wall clock. A guest
 * that fell behind (a slow host, a pause in the monitor, a new machine)
 * starts counting again rather than racing to catch up. A signal (Ctrl-C)
 * ends the wait early. */
static void pace_to_wall(void *ctx, uint64_t guest_ns)
{
	struct device_opts *d = ctx;
	uint64_t now = wall_ns(), wall, guest;

	if (guest_ns < d->realtime.guest0 ||
	    now - d->realtime.wall0 > guest_ns - d->realtime.guest0 + PACE_MAX_BEHIND_NS) {
		d->realtime.wall0 = now;
		d->realtime.guest0 = guest_ns;
		return;
	}
	guest = guest_ns - d->realtime.guest0;
	while ((wall = now - d->realtime.wall0) < guest) {
		uint64_t ns = guest - wall < PACE_MAX_SLEEP_NS ? guest - wall : PACE_MAX_SLEEP_NS;
		struct timespec t = { 0, (long)ns };

		if (nanosleep(&t, NULL) < 0)
			return;
		now = wall_ns();
	}
}

void device_config(struct device_opts *d, struct machine_config *cfg)
{
	cfg->ips = d->ips;
	cfg->rtc_time = d->rtc_fixed ? d->rtc_time : (int64_t)time(NULL);
	cfg->nvram = d->have_nvram ? d->nvram : NULL;
	for (int i = 0; i < 2; i++)
		cfg->serial[i] = serial_backend(&d->serial[i]);
	cfg->post_sink = d->post ? print_post : NULL;
	cfg->post_ctx = NULL;
	cfg->post_port2 = d->post_port2;
	for (int i = 0; i < 2; i++)
		cfg->disk[i] = d->disk[i] ? &d->disk_blk[i] : NULL;
	for (int i = 0; i < 2; i++)
		cfg->floppy[i] = d->floppy[i] ? &d->floppy_blk[i] : NULL;
	cfg->boot_order = d->boot_order;
	cfg->pace = d->realtime.on ? pace_to_wall : NULL;
	cfg->pace_ctx = d;
	d->realtime.wall0 = wall_ns();
	d->realtime.guest0 = 0;
}

/* --keys waits this long after power-on: a key pressed before the guest has
 * set up its interrupt controller raises an IRQ1 edge that nobody sees. */
#define KEYS_START_NS 100000000u

void device_start(struct device_opts *d, struct machine *m)
{
	struct key_event ev[KEYFEED_MAX];
	const char *bad;
	size_t badlen;
	int n = d->keys ? keymap_text(d->keys, ev, KEYFEED_MAX, &bad, &badlen) : 0;

	if (n > 0) /* checked when the option was read */
		keyfeed_push(&m->keys, ev, n, KEYS_START_NS);
}

void device_close(struct device_opts *d, const struct machine *m)
{
	if (d->cmos_path && m) {
		uint8_t nvram[128];
		FILE *f = fopen(d->cmos_path, "wb");
		cmos_save(&m->cmos, nvram);
		if (!f || fwrite(nvram, 1, sizeof nvram, f) != sizeof nvram)
			fprintf(stderr, "x86lab: cannot save the CMOS to %s: %s\n", d->cmos_path,
			        strerror(errno));
		if (f)
			fclose(f);
	}
	serial_close(&d->serial[0]);
	serial_close(&d->serial[1]);
	close_disks(d);
}
