/*
 * dev/cmos.h — the MC146818 RTC and 128 bytes of CMOS RAM at ports 0x70 (index;
 * bit 7 masks NMI) and 0x71 (data); time from a power-on timestamp plus guest time.
 */
#ifndef X86LAB_CMOS_H
#define X86LAB_CMOS_H

#include <stdbool.h>
#include <stdint.h>

#include "bus.h"
#include "clock.h"
#include "irq.h"

#define CMOS_INDEX_PORT 0x70
#define CMOS_DATA_PORT  0x71
#define CMOS_SIZE       128

/* The calendar the chip counts in, held in binary whatever the data mode, so
 * that switching BCD/binary or 12/24 hours changes how it reads, not what it
 * is. Fields written by the guest are kept as written until the next update. */
struct rtc_time {
	int sec, min, hour; /* hour 0-23 */
	int wday;           /* 1-7, 1 = Sunday */
	int mday, mon;      /* 1-31, 1-12 */
	int year;           /* full year: register 9 is year % 100, 0x32 the century */
};

struct cmos {
	struct clock *clk;
	struct irq_line irq;
	int timer;
	uint8_t ram[CMOS_SIZE]; /* registers A-D and the NVRAM; time bytes live in 'now' */
	uint8_t index;
	bool nmi_masked;
	struct rtc_time now;
	uint64_t div_start_ns;   /* when the divider chain last left reset: phase of it all */
	uint64_t next_update_ns; /* the next once-a-second update */
	uint64_t synced_ns;      /* guest time the flags and calendar are brought up to */
	int irq_level;
};

int cmos_init(struct cmos *c, struct bus *b, struct clock *clk, struct irq_line irq8,
              int64_t power_on_time);
/* Base memory (0x15-0x16, KB below 640K) and extended memory (0x17-0x18 and
 * 0x30-0x31, KB above 1 MB up to 0xFFFF; 0x34-0x35, 64 KB units above 16 MB),
 * and the checksum at 0x2E-0x2F over 0x10-0x2D. Call after cmos_load. */
void cmos_set_memory(struct cmos *c, uint32_t ram_bytes);
/* The drives as a PC BIOS reads them at POST: byte 0x10 the floppy types
 * (A: high nibble, B: low; 4 = 1.44M), byte 0x14 the equipment byte (the
 * floppy count, a VGA, no coprocessor). They describe the board as built,
 * over what a CMOS file held; call before cmos_set_memory, which sums them. */
void cmos_set_equipment(struct cmos *c, uint8_t floppy_types);
/* The boot order in byte 0x3D, outside the checksum, where QEMU and Bochs
 * keep it too: the first device in the low nibble, the second in the high
 * one; 1 = floppy A:, 2 = hard disk 80h, 0 = none. */
#define CMOS_BOOT_ORDER 0x3D
void cmos_set_boot_order(struct cmos *c, uint8_t order);
/* NVRAM between runs: bytes 0x0E-0x7F (except the century, which is the
 * clock's), the alarm bytes and registers A and B (without UIP and SET). The
 * time itself always comes from power_on_time. */
void cmos_load(struct cmos *c, const uint8_t nvram[CMOS_SIZE]);
/* All 128 bytes as the guest would read them now (register C is not cleared). */
void cmos_save(const struct cmos *c, uint8_t nvram[CMOS_SIZE]);
bool cmos_nmi_masked(const struct cmos *c);

#endif
