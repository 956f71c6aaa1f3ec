/*
 * tools/device_options.h — the options that configure the PC's devices for
 * 'x86lab run' and 'x86lab monitor': guest time, the RTC, the CMOS file,
 * the serial ports and POST codes.
 */
#ifndef X86LAB_DEVICE_OPTIONS_H
#define X86LAB_DEVICE_OPTIONS_H

#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>

#include "disk_image.h"
#include "keyfeed.h"
#include "machine.h"
#include "serial.h"

struct device_opts {
	uint64_t ips;   /* 0: the default rate */
	bool rtc_fixed; /* --rtc given; else the host's clock */
	int64_t rtc_time;
	const char *cmos_path;
	uint8_t nvram[128];
	bool have_nvram;
	struct serial_port serial[2];
	bool post;           /* print POST codes */
	uint16_t post_port2; /* --post-port: another POST-code port (0: none) */
	const char *keys;    /* --keys: text to type once the guest is up */
	struct {
		bool on;        /* --realtime */
		uint64_t wall0; /* CLOCK_MONOTONIC ns when guest time was guest0 */
		uint64_t guest0;
	} realtime;
	const char *disk_path[2]; /* --hda, --hdb */
	bool disk_rw;             /* --rw: write through to the image files */
	struct disk_image *disk[2];
	struct block_dev disk_blk[2];
	const char *floppy_path[2]; /* --fda, --fdb (also under --rw) */
	struct disk_image *floppy[2];
	struct block_dev floppy_blk[2];
	uint8_t boot_order; /* --boot, as CMOS byte 0x3D (0: not given) */
	/* A disk in memory for the IDE master when no --hda names one (the
	 * built-in demo disk), or NULL. */
	const uint8_t *builtin_disk;
	size_t builtin_disk_len;
};

enum { OPT_IPS = 300, OPT_RTC, OPT_CMOS, OPT_SERIAL, OPT_SERIAL2, OPT_POST };
enum { OPT_REALTIME = 350 };
enum { OPT_HDA = 360, OPT_HDB, OPT_RW, OPT_FDA, OPT_FDB };
enum { OPT_POST_PORT = 370, OPT_KEYS, OPT_BOOT };

#define DEVICE_LONGOPTS                                                                            \
	{ "ips", required_argument, NULL, OPT_IPS }, { "rtc", required_argument, NULL, OPT_RTC },  \
	        { "cmos", required_argument, NULL, OPT_CMOS },                                     \
	        { "serial", required_argument, NULL, OPT_SERIAL },                                 \
	        { "serial2", required_argument, NULL, OPT_SERIAL2 },                               \
	        { "realtime", no_argument, NULL, OPT_REALTIME },                                   \
	        { "hda", required_argument, NULL, OPT_HDA },                                       \
	        { "hdb", required_argument, NULL, OPT_HDB }, { "rw", no_argument, NULL, OPT_RW },  \
	        { "post-port", required_argument, NULL, OPT_POST_PORT },                           \
	        { "fda", required_argument, NULL, OPT_FDA },                                       \
	        { "fdb", required_argument, NULL, OPT_FDB },                                       \
	        { "keys", required_argument, NULL, OPT_KEYS },                                     \
	        { "boot", required_argument, NULL, OPT_BOOT },                                     \
	{                                                                                          \
		"post", no_argument, NULL, OPT_POST                                                \
	}

#define DEVICE_OPTIONS_HELP                                                                        \
	"  --ips N              guest instructions per second of guest time (default\n"            \
	"                       10000000): timers and the RTC follow it, not the host\n"           \
	"  --rtc YYYY-MM-DDTHH:MM:SS  the RTC's time at power-on (default: the host's)\n"          \
	"  --cmos FILE          keep the CMOS memory in FILE between runs\n"                       \
	"  --serial WHERE       COM1: stdio (default; input from stdin, a terminal read\n"         \
	"                       raw unless a display or the monitor uses it), file:PATH,\n"        \
	"                       pty (a pseudo-terminal, named on stderr), tcp:PORT (one\n"         \
	"                       client at a time on 127.0.0.1:PORT) or none\n"                     \
	"  --serial2 WHERE      COM2, the same (default none)\n"                                   \
	"  --post               print the POST codes written to port 0x80 on stderr\n"             \
	"  --post-port PORT     take POST codes on PORT as well as 0x80 (e.g. 0x190)\n"            \
	"  --keys TEXT          type TEXT on the keyboard from 100 ms after power-on,\n"           \
	"                       a key every 10 ms (\\n is Enter; {esc}, {ctrl-c}: keys)\n"         \
	"  --realtime           keep guest time from running ahead of the wall clock\n"            \
	"  --hda FILE           the primary IDE master disk (a raw image, 512-byte\n"              \
	"                       sectors); the guest's writes stay in memory unless --rw\n"         \
	"  --hdb FILE           the primary IDE slave disk, the same\n"                            \
	"  --fda FILE           floppy drive A: (a 360K, 720K, 1.2M, 1.44M or 2.88M\n"             \
	"                       image); the guest's writes stay in memory unless --rw\n"           \
	"  --fdb FILE           floppy drive B:, the same\n"                                       \
	"  --rw                 write the guest's disk writes through to the image files\n"        \
	"  --boot ORDER         where the BIOS boots from: a (floppy A:), c (hard disk),\n"        \
	"                       ac or ca (one, then the other; default ac)\n"

void device_defaults(struct device_opts *d);
/* Apply one of the options above; 1 when 'opt' is not one of them, 0 when
 * applied, -1 after reporting a bad value. */
int device_option(const char *cmd, struct device_opts *d, int opt, const char *arg);
/* Open the host side (serial files, the CMOS file). COM1 on stdio reads
 * stdin if 'serial_input', a terminal only if 'serial_terminal' too (see
 * serial_open). Returns 0 or -1 after reporting. */
int device_open(const char *cmd, struct device_opts *d, bool serial_input, bool serial_terminal);
void device_config(struct device_opts *d, struct machine_config *cfg);
/* After machine_init: queue the --keys events. */
void device_start(struct device_opts *d, struct machine *m);
/* Save the CMOS file and close the host side. */
void device_close(struct device_opts *d, const struct machine *m);

#endif
