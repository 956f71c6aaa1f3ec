/*
 * dev/cmos.c — the MC146818 RTC and CMOS RAM: the calendar kept from guest
 * time, registers A-D, the periodic/alarm/update interrupts, the PC BIOS
 * memory-size bytes and checksum, and the NMI mask bit of port 0x70.
 */
#include "cmos.h"

#include <string.h>

enum { SEC, ALARM_SEC, MIN, ALARM_MIN, HOUR, ALARM_HOUR, WDAY, MDAY, MON, YEAR };
enum { REG_A = 0x0A, REG_B, REG_C, REG_D, CENTURY = 0x32 };
enum { A_UIP = 0x80, A_DV = 0x70, A_DV_NORMAL = 0x20, A_RS = 0x0F };
enum { B_SET = 0x80, B_PIE = 0x40, B_AIE = 0x20, B_UIE = 0x10, B_BINARY = 0x04, B_24H = 0x02 };
enum { C_IRQF = 0x80, C_PF = 0x40, C_AF = 0x20, C_UF = 0x10 };
enum { D_VRT = 0x80 };

#define NS_PER_SEC  1000000000u
#define UIP_NS      244000u /* UIP goes high this long before an update */
#define TIMEBASE_HZ 32768u
#define DAY_SECS    86400

/* ---- calendar (proleptic Gregorian, days counted from 1970-01-01) ---- */

static int64_t floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static int64_t days_from_civil(int64_t y, int m, int d)
{
	/* Count from March so the leap day ends the year; eras of 400 years. */
	y -= m <= 2;
	int64_t era = floor_div(y, 400);
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, struct rtc_time *t)
{
	z += 719468;
	int64_t era = floor_div(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	t->mday = (int)(doy - (153 * mp + 2) / 5 + 1);
	t->mon = (int)(mp < 10 ? mp + 3 : mp - 9);
	t->year = (int)(yoe + era * 400 + (t->mon <= 2));
}

/* A month the guest set out of range is carried into the year, so any
 * register contents give some date rather than undefined arithmetic. */
static int64_t tm_days(const struct rtc_time *t)
{
	int64_t m0 = t->mon - 1;
	return days_from_civil(t->year + floor_div(m0, 12), (int)(m0 - floor_div(m0, 12) * 12) + 1,
	                       t->mday);
}

static int64_t tm_seconds(const struct rtc_time *t)
{
	return tm_days(t) * DAY_SECS + t->hour * 3600 + t->min * 60 + t->sec;
}

/* The day of the week is a counter of its own on the chip: it steps once a
 * day from whatever the guest set, not from the date. */
static void tm_advance(struct rtc_time *t, int64_t secs)
{
	int64_t days_before = tm_days(t), s = tm_seconds(t) + secs;
	int64_t day = floor_div(s, DAY_SECS), sod = s - day * DAY_SECS;

	civil_from_days(day, t);
	t->hour = (int)(sod / 3600);
	t->min = (int)(sod / 60 % 60);
	t->sec = (int)(sod % 60);
	int64_t w = (t->wday - 1 + day - days_before) % 7;
	t->wday = (int)(w < 0 ? w + 7 : w) + 1;
}

static void tm_from_unix(struct rtc_time *t, int64_t unix_secs)
{
	/* 1970-01-01 was a Thursday: weekday 5 counting Sunday as 1. */
	*t = (struct rtc_time){ .mon = 1, .mday = 1, .year = 1970, .wday = 5 };
	tm_advance(t, unix_secs);
}

/* ---- register formats ---- */

static bool binary_mode(const struct cmos *c)
{
	return c->ram[REG_B] & B_BINARY;
}

static uint8_t encode(const struct cmos *c, int v)
{
	v %= 100;
	return (uint8_t)(binary_mode(c) ? v : v / 10 << 4 | v % 10);
}

static int decode(const struct cmos *c, uint8_t v)
{
	return binary_mode(c) ? v : (v >> 4) * 10 + (v & 15);
}

/* In 12-hour mode hours run 12, 1 .. 11 with bit 7 set after noon. */
static uint8_t encode_hour(const struct cmos *c, int h)
{
	if (c->ram[REG_B] & B_24H)
		return encode(c, h);
	return (uint8_t)(encode(c, h % 12 ? h % 12 : 12) | (h >= 12 ? 0x80 : 0));
}

static int decode_hour(const struct cmos *c, uint8_t v)
{
	if (c->ram[REG_B] & B_24H)
		return decode(c, v);
	return decode(c, v & 0x7F) % 12 + (v & 0x80 ? 12 : 0);
}

static uint8_t read_time(const struct cmos *c, uint8_t reg)
{
	const struct rtc_time *t = &c->now;

	switch (reg) {
	case SEC:
		return encode(c, t->sec);
	case MIN:
		return encode(c, t->min);
	case HOUR:
		return encode_hour(c, t->hour);
	case WDAY:
		return encode(c, t->wday);
	case MDAY:
		return encode(c, t->mday);
	case MON:
		return encode(c, t->mon);
	case YEAR:
		return encode(c, t->year % 100);
	default:
		return encode(c, t->year / 100); /* CENTURY */
	}
}

static void write_time(struct cmos *c, uint8_t reg, uint8_t v)
{
	struct rtc_time *t = &c->now;

	switch (reg) {
	case SEC:
		t->sec = decode(c, v);
		break;
	case MIN:
		t->min = decode(c, v);
		break;
	case HOUR:
		t->hour = decode_hour(c, v);
		break;
	case WDAY:
		t->wday = decode(c, v);
		break;
	case MDAY:
		t->mday = decode(c, v);
		break;
	case MON:
		t->mon = decode(c, v);
		break;
	case YEAR:
		t->year = t->year / 100 * 100 + decode(c, v);
		break;
	default:
		t->year = decode(c, v) * 100 + t->year % 100;
		break; /* CENTURY */
	}
}

static bool is_time_reg(uint8_t reg)
{
	return reg == SEC || reg == MIN || reg == HOUR || (reg >= WDAY && reg <= YEAR) ||
	       reg == CENTURY;
}

/* ---- guest time ---- */

static bool divider_running(const struct cmos *c)
{
	return (c->ram[REG_A] & A_DV) == A_DV_NORMAL;
}

/* Periodic rate in 32.768 kHz ticks: select 1 and 2 repeat 8 and 9. */
static uint32_t period_ticks(const struct cmos *c)
{
	unsigned rs = c->ram[REG_A] & A_RS;

	if (!rs)
		return 0;
	return rs <= 2 ? 1u << (rs + 6) : 1u << (rs - 1);
}

static uint64_t ticks_at(const struct cmos *c, uint64_t ns)
{
	uint64_t d = ns - c->div_start_ns;
	return d / NS_PER_SEC * TIMEBASE_HZ + d % NS_PER_SEC * TIMEBASE_HZ / NS_PER_SEC;
}

/* The first guest nanosecond at which 'ticks_at' reaches 'k'. */
static uint64_t ns_of_tick(const struct cmos *c, uint64_t k)
{
	return c->div_start_ns + k / TIMEBASE_HZ * NS_PER_SEC +
	       (k % TIMEBASE_HZ * NS_PER_SEC + TIMEBASE_HZ - 1) / TIMEBASE_HZ;
}

static bool alarm_field(uint8_t alarm, uint8_t now)
{
	return (alarm & 0xC0) == 0xC0 || alarm == now;
}

/* Does the alarm match second 'sod' of the day? */
static bool alarm_matches(const struct cmos *c, int sod)
{
	return alarm_field(c->ram[ALARM_SEC], encode(c, sod % 60)) &&
	       alarm_field(c->ram[ALARM_MIN], encode(c, sod / 60 % 60)) &&
	       alarm_field(c->ram[ALARM_HOUR], encode_hour(c, sod / 3600));
}

/* 'n' once-a-second updates: each ends with UF and, on a match, AF. Alarms
 * repeat daily at most, so a day's worth of checks covers any gap. */
static void run_updates(struct cmos *c, uint64_t n)
{
	int sod = c->now.hour * 3600 + c->now.min * 60 + c->now.sec;
	uint64_t checks = n < DAY_SECS ? n : DAY_SECS;

	for (uint64_t i = 1; i <= checks && !(c->ram[REG_C] & C_AF); i++)
		if (alarm_matches(c, (int)((sod + i) % DAY_SECS)))
			c->ram[REG_C] |= C_AF;
	c->ram[REG_C] |= C_UF;
	tm_advance(&c->now, (int64_t)n);
}

/* Bring flags and calendar up to guest time. The divider keeps its phase
 * while SET holds the updates off, so they resume on the same boundaries. */
static void sync(struct cmos *c)
{
	uint64_t now = clock_ns(c->clk);
	uint32_t period = period_ticks(c);

	if (!divider_running(c) || now <= c->synced_ns) {
		c->synced_ns = now > c->synced_ns ? now : c->synced_ns;
		return;
	}
	if (period && ticks_at(c, now) / period > ticks_at(c, c->synced_ns) / period)
		c->ram[REG_C] |= C_PF;
	if (now >= c->next_update_ns) {
		uint64_t n = (now - c->next_update_ns) / NS_PER_SEC + 1;
		c->next_update_ns += n * NS_PER_SEC;
		if (!(c->ram[REG_B] & B_SET))
			run_updates(c, n);
	}
	c->synced_ns = now;
}

/* ---- interrupt ---- */

static bool irqf(const struct cmos *c)
{
	return c->ram[REG_C] & c->ram[REG_B] & (C_PF | C_AF | C_UF);
}

static void update_irq(struct cmos *c)
{
	int level = irqf(c);

	if (level != c->irq_level) {
		c->irq_level = level;
		irq_set(&c->irq, level);
	}
}

/* A deadline only for an enabled flag not yet set: once it is, nothing
 * changes on the line until register C is read. */
static void schedule(struct cmos *c)
{
	uint8_t b = c->ram[REG_B], flags = c->ram[REG_C];
	uint32_t period = period_ticks(c);
	uint64_t next = UINT64_MAX;

	if (divider_running(c)) {
		if ((b & B_PIE) && period && !(flags & C_PF))
			next = ns_of_tick(c, (ticks_at(c, c->synced_ns) / period + 1) * period);
		if (!(b & B_SET) &&
		    (((b & B_UIE) && !(flags & C_UF)) || ((b & B_AIE) && !(flags & C_AF))) &&
		    c->next_update_ns < next)
			next = c->next_update_ns;
	}
	if (next == UINT64_MAX)
		clock_disarm(c->clk, c->timer);
	else
		clock_arm(c->clk, c->timer, next);
}

static void settle(struct cmos *c)
{
	update_irq(c);
	schedule(c);
}

static void cmos_fire(void *ctx)
{
	struct cmos *c = ctx;

	sync(c);
	settle(c);
}

/* ---- registers ---- */

static bool update_in_progress(const struct cmos *c)
{
	return divider_running(c) && !(c->ram[REG_B] & B_SET) &&
	       c->next_update_ns - c->synced_ns <= UIP_NS;
}

static uint8_t read_reg(struct cmos *c, uint8_t reg)
{
	uint8_t v;

	if (is_time_reg(reg))
		return read_time(c, reg);
	switch (reg) {
	case REG_A:
		return (uint8_t)(c->ram[REG_A] | (update_in_progress(c) ? A_UIP : 0));
	case REG_C:
		v = (uint8_t)(c->ram[REG_C] | (irqf(c) ? C_IRQF : 0));
		c->ram[REG_C] = 0;
		return v;
	case REG_D:
		return D_VRT;
	default:
		return c->ram[reg];
	}
}

/* Leaving divider reset for the normal time base: the first update comes
 * half a second later, and the periodic rate restarts its phase. */
static void write_a(struct cmos *c, uint8_t v)
{
	bool was_running = divider_running(c);
	uint64_t now = clock_ns(c->clk);

	c->ram[REG_A] = v & 0x7F;
	if (!was_running && divider_running(c)) {
		c->div_start_ns = now;
		c->synced_ns = now;
		c->next_update_ns = now + NS_PER_SEC / 2;
	}
}

/* Setting SET also clears UIE, as the datasheet says. */
static void write_b(struct cmos *c, uint8_t v)
{
	if (v & B_SET)
		v &= (uint8_t)~B_UIE;
	c->ram[REG_B] = v;
}

static void write_reg(struct cmos *c, uint8_t reg, uint8_t v)
{
	if (is_time_reg(reg)) {
		write_time(c, reg, v);
		return;
	}
	switch (reg) {
	case REG_A:
		write_a(c, v);
		break;
	case REG_B:
		write_b(c, v);
		break;
	case REG_C:
	case REG_D:
		break; /* read-only */
	default:
		c->ram[reg] = v;
		break;
	}
}

/* Port 0x70 is write-only on a PC: reads float. */
static uint32_t cmos_read(void *dev, uint16_t port, int size)
{
	struct cmos *c = dev;
	uint8_t v;

	(void)size;
	if (port == 0)
		return 0xFF;
	sync(c);
	v = read_reg(c, c->index);
	settle(c);
	return v;
}

static void cmos_write(void *dev, uint16_t port, uint32_t val, int size)
{
	struct cmos *c = dev;

	(void)size;
	if (port == 0) {
		c->index = val & 0x7F;
		c->nmi_masked = val & 0x80;
		return;
	}
	sync(c);
	write_reg(c, c->index, (uint8_t)val);
	settle(c);
}

static const struct port_ops cmos_ops = { cmos_read, cmos_write };

/* Power on with the divider running, 24-hour BCD (what PC BIOSes set) and
 * the first update one second after guest time 0. */
int cmos_init(struct cmos *c, struct bus *b, struct clock *clk, struct irq_line irq8,
              int64_t power_on_time)
{
	memset(c, 0, sizeof *c);
	c->clk = clk;
	c->irq = irq8;
	c->ram[REG_A] = A_DV_NORMAL | 0x06;
	c->ram[REG_B] = B_24H;
	c->next_update_ns = NS_PER_SEC;
	tm_from_unix(&c->now, power_on_time);
	c->timer = clock_add_timer(clk, cmos_fire, c);
	if (c->timer < 0)
		return -1;
	return bus_map(b, CMOS_INDEX_PORT, 2, "cmos", &cmos_ops, c, IO_8);
}

static void put_word(struct cmos *c, uint8_t reg, uint32_t v)
{
	if (v > 0xFFFF)
		v = 0xFFFF;
	c->ram[reg] = (uint8_t)v;
	c->ram[reg + 1] = (uint8_t)(v >> 8);
}

void cmos_set_memory(struct cmos *c, uint32_t ram_bytes)
{
	const uint32_t mb = 1u << 20;
	uint32_t base_kb = ram_bytes / 1024 < 640 ? ram_bytes / 1024 : 640;
	uint32_t ext_kb = ram_bytes > mb ? (ram_bytes - mb) / 1024 : 0;
	uint16_t sum = 0;

	put_word(c, 0x15, base_kb);
	put_word(c, 0x17, ext_kb);
	put_word(c, 0x30, ext_kb);
	put_word(c, 0x34, ram_bytes > 16 * mb ? (ram_bytes - 16 * mb) / 65536 : 0);
	for (int i = 0x10; i <= 0x2D; i++)
		sum = (uint16_t)(sum + c->ram[i]);
	c->ram[0x2E] = (uint8_t)(sum >> 8); /* high byte first, unlike the sizes */
	c->ram[0x2F] = (uint8_t)sum;
}

void cmos_set_equipment(struct cmos *c, uint8_t floppy_types)
{
	int drives = (floppy_types >> 4 ? 1 : 0) + (floppy_types & 0x0F ? 1 : 0);

	c->ram[0x10] = floppy_types;
	/* Bits 7-6: drives minus one, bit 0: any drive; bits 5-4 00: EGA/VGA. */
	c->ram[0x14] = drives ? (uint8_t)(((drives - 1) << 6) | 0x01) : 0x00;
}

void cmos_load(struct cmos *c, const uint8_t nvram[CMOS_SIZE])
{
	for (int i = 0x0E; i < CMOS_SIZE; i++)
		if (i != CENTURY)
			c->ram[i] = nvram[i];
	c->ram[ALARM_SEC] = nvram[ALARM_SEC];
	c->ram[ALARM_MIN] = nvram[ALARM_MIN];
	c->ram[ALARM_HOUR] = nvram[ALARM_HOUR];
	write_a(c, nvram[REG_A]);
	c->ram[REG_B] = nvram[REG_B] & (uint8_t)~B_SET;
	settle(c);
}

void cmos_save(const struct cmos *c, uint8_t nvram[CMOS_SIZE])
{
	struct cmos now = *c; /* bring a copy up to date: saving changes nothing */

	sync(&now);
	for (int i = 0; i < CMOS_SIZE; i++)
		nvram[i] = i == REG_C ? (uint8_t)(now.ram[REG_C] | (irqf(&now) ? C_IRQF : 0))
		                      : read_reg(&now, (uint8_t)i);
}

bool cmos_nmi_masked(const struct cmos *c)
{
	return c->nmi_masked;
}

void cmos_set_boot_order(struct cmos *c, uint8_t order)
{
	c->ram[CMOS_BOOT_ORDER] = order;
}
