/*
 * dev/machine.c — the board of a PC/AT: builds memory, the port bus, the
 * devices and a CPU from a machine_config, wires IRQ lines (PIT on IRQ0, 8042
 * on IRQ1, COM2 on IRQ3, COM1 on IRQ4, floppy on IRQ6 and DMA 2, RTC on IRQ8,
 * ATA on IRQ14) to the PIC pair and the PIC to the CPU, the 8042's A20 and
 * reset lines to memory and the CPU, maps the BIOS ROM, and runs the CPU in
 * slices that end at the next device deadline of guest time.
 */
#include <stdio.h>
#include <string.h>

#include "font8x16.h"
#include "machine.h"

static uint32_t machine_in(void *ctx, uint16_t port, int size)
{
	struct machine *m = ctx;

	return bus_in(&m->bus, port, size);
}

static void machine_out(void *ctx, uint16_t port, uint32_t val, int size)
{
	struct machine *m = ctx;

	bus_out(&m->bus, port, val, size);
}

static void machine_intr(void *ctx, bool level)
{
	struct machine *m = ctx;

	cpu_set_intr(&m->cpu, level);
}

static int machine_inta(void *ctx)
{
	struct machine *m = ctx;

	return pic_inta(&m->pic);
}

static void machine_exit(void *ctx, int status)
{
	struct machine *m = ctx;

	m->exited = true;
	m->exit_status = status;
	cpu_request_stop(&m->cpu);
}

static void machine_a20(void *ctx, bool open)
{
	struct machine *m = ctx;

	mem_set_a20(&m->mem, open);
}

/* The reset happens between instructions: the slice ends here and
 * machine_run resets the CPU and goes on. */
static void machine_reset_cpu(void *ctx)
{
	struct machine *m = ctx;

	m->reset_pending = true;
	cpu_request_stop(&m->cpu);
}

/* The BIOS ends at 1 MiB (F0000-FFFFF for 64 KiB, E0000-FFFFF for 128 KiB)
 * and is aliased at the top of the CPU's address space, where the 286 and
 * 386 fetch their first instruction. */
static int map_bios(struct machine *m, const struct machine_config *cfg, char *err, int errlen)
{
	uint32_t top = (uint32_t)(((uint64_t)1 << cpu_traits_table[cfg->model].addr_bits) -
	                          cfg->bios_size);

	if (cfg->bios_size != 0x10000 && cfg->bios_size != 0x20000) {
		snprintf(err, (size_t)errlen,
		         "BIOS image is %u bytes; it must be 64 KiB or 128 KiB", cfg->bios_size);
		return -1;
	}
	if (mem_map_rom(&m->mem, 0x100000 - cfg->bios_size, cfg->bios, cfg->bios_size, "bios") ||
	    (top >= 0x100000 &&
	     mem_map_rom(&m->mem, top, cfg->bios, cfg->bios_size, "bios alias"))) {
		snprintf(err, (size_t)errlen, "cannot map the BIOS ROM");
		return -1;
	}
	return 0;
}

/* The PC/AT's devices and their IRQ lines. */
static void wire_devices(struct machine *m, const struct machine_config *cfg)
{
	static const struct {
		uint16_t base;
		int irq;
		const char *name;
	} com[2] = { { 0x3f8, 4, "com1" }, { 0x2f8, 3, "com2" } };
	const struct kbd_lines kbd_lines = { machine_a20, machine_reset_cpu, m };

	pic_init(&m->pic, &m->bus, machine_intr, m);
	pit_init(&m->pit, &m->bus, &m->clock, pic_line(&m->pic, 0));
	cmos_init(&m->cmos, &m->bus, &m->clock, pic_line(&m->pic, 8), cfg->rtc_time);
	if (cfg->nvram)
		cmos_load(&m->cmos, cfg->nvram);
	dma_init(&m->dma, &m->bus, &m->mem);
	cmos_set_equipment(&m->cmos, fdc_floppy_types(cfg->floppy[0], cfg->floppy[1]));
	cmos_set_memory(&m->cmos, cfg->mem_size);
	if (cfg->boot_order)
		cmos_set_boot_order(&m->cmos, cfg->boot_order);
	kbd_init(&m->kbd, &m->bus, &m->clock, pic_line(&m->pic, 1), &kbd_lines);
	keyfeed_init(&m->keys, &m->kbd, &m->clock);
	for (int i = 0; i < 2; i++)
		uart_init(&m->uart[i], &m->bus, com[i].base, com[i].name, &m->clock,
		          pic_line(&m->pic, com[i].irq), &cfg->serial[i]);
	ata_init(&m->ata, &m->bus, pic_line(&m->pic, 14), cfg->disk[0], cfg->disk[1]);
}

int machine_init(struct machine *m, const struct machine_config *cfg, char *err, int errlen)
{
	struct cpu_io io = { machine_in, machine_out, machine_inta, m };

	memset(m, 0, sizeof *m);
	if (mem_init(&m->mem, cfg->mem_size, cpu_traits_table[cfg->model].addr_bits)) {
		snprintf(err, (size_t)errlen, "cannot allocate %u bytes of guest memory",
		         cfg->mem_size);
		return -1;
	}
	if (cfg->bios && map_bios(m, cfg, err, errlen)) {
		mem_free(&m->mem);
		return -1;
	}
	m->reset_on_triple_fault = cfg->reset_on_triple_fault;
	bus_init(&m->bus);
	cpu_init(&m->cpu, cfg->model, &m->mem, &io);
	clock_init(&m->clock, cfg->ips, &m->cpu.insns);
	clock_bind_budget(&m->clock, &m->cpu.budget);
	debugcon_init(&m->debugcon, &m->bus, cfg->debugcon_sink, cfg->debugcon_ctx);
	exitport_init(&m->exitport, &m->bus, machine_exit, m);
	postport_init(&m->post, &m->bus, 0x80, cfg->post_sink, cfg->post_ctx);
	wire_devices(m, cfg);
	if (fdc_init(&m->fdc, &m->bus, pic_line(&m->pic, 6), &m->dma, cfg->floppy[0],
	             cfg->floppy[1])) {
		snprintf(err, (size_t)errlen,
		         "cannot set up the floppy controller: an image "
		         "of no floppy size, or its ports taken");
		machine_free(m);
		return -1;
	}
	if (vga_init(&m->vga, &m->bus, &m->mem, &m->clock)) {
		snprintf(err, (size_t)errlen, "cannot set up the VGA");
		machine_free(m);
		return -1;
	}
	/* Standing in for the video BIOS, which loads the font on its mode
	 * set: a guest started without firmware (--load) still gets readable
	 * text. A BIOS that loads its own font overwrites this one. */
	vga_load_font(&m->vga, x86lab_font8x16, 16);
	/* After the devices, so that a clash can name the owner. */
	if (cfg->post_port2 && postport_add_port(&m->post, &m->bus, cfg->post_port2) < 0) {
		const struct bus_range *owner = bus_owner(&m->bus, cfg->post_port2);

		snprintf(err, (size_t)errlen,
		         "cannot take POST codes on port 0x%X: it belongs to %s", cfg->post_port2,
		         owner ? owner->name : "another device");
		machine_free(m);
		return -1;
	}
	m->pace = cfg->pace;
	m->pace_ctx = cfg->pace_ctx;
	return 0;
}

void machine_free(struct machine *m)
{
	vga_free(&m->vga);
	cpu_free(&m->cpu);
	mem_free(&m->mem);
}

int machine_load(struct machine *m, uint32_t phys, const uint8_t *data, uint32_t len)
{
	if (phys > m->mem.ram_size || len > m->mem.ram_size - phys)
		return -1;
	mem_poke(&m->mem, phys, data, len);
	return 0;
}

/* How many instructions the next slice may run: up to the next device
 * deadline, the instruction limit, and a slice that keeps front ends awake.
 * 'done' counts what this run has used up, idle time included. */
static uint64_t slice_budget(struct machine *m, uint64_t max_insns, uint64_t done)
{
	uint64_t budget = 1u << 20, next = clock_next(&m->clock);

	if (next != UINT64_MAX && clock_insns_until(&m->clock, next) < budget)
		budget = clock_insns_until(&m->clock, next);
	if (max_insns && max_insns - done < budget)
		budget = max_insns - done;
	return budget;
}

/* Between slices: device events that came due, and serial input. */
static void service_devices(struct machine *m)
{
	clock_fire_due(&m->clock);
	uart_poll(&m->uart[0]);
	uart_poll(&m->uart[1]);
}

/* HLT with interrupts enabled waits for the next device event: guest time
 * jumps there. Returns the instructions that time is worth (so that waiting
 * counts against an instruction limit, and a front end running in slices
 * gets control back), or 0 when no event is to come and nothing can ever
 * wake the CPU. */
static uint64_t wait_for_interrupt(struct machine *m)
{
	uint64_t next = clock_next(&m->clock), idle;

	if (next == UINT64_MAX)
		return 0;
	idle = clock_insns_until(&m->clock, next);
	clock_skip_to(&m->clock, next);
	service_devices(m);
	return idle;
}

enum machine_stop machine_run(struct machine *m, uint64_t max_insns)
{
	uint64_t idle = 0; /* instructions' worth of time spent halted in this run */

	for (;;) {
		enum cpu_stop why;
		uint64_t waited;

		if (max_insns && m->cpu.insns + idle >= max_insns)
			return MACHINE_LIMIT;
		why = cpu_run(&m->cpu, slice_budget(m, max_insns, m->cpu.insns + idle));
		service_devices(m);
		if (m->pace)
			m->pace(m->pace_ctx, clock_ns(&m->clock));
		if (m->exited)
			return MACHINE_EXIT;
		if (m->reset_pending) {
			/* The slice may have ended on its budget before the
			 * stop was seen: drop the request with the reset. */
			m->reset_pending = m->cpu.stop_requested = false;
			cpu_reset(&m->cpu);
			continue;
		}
		switch (why) {
		case CPU_STOP_HALT:
			if (!(cpu_flags(&m->cpu) & FLAG_IF))
				return MACHINE_HALT;
			waited = wait_for_interrupt(m);
			if (!waited)
				return MACHINE_HALT_IF;
			idle += waited;
			break;
		case CPU_STOP_SHUTDOWN:
			/* A PC's board turns the CPU's shutdown cycle into a reset
			 * (IBM AT technical reference); software such as the 286
			 * BIOS's return to real mode relies on it. */
			if (!m->reset_on_triple_fault)
				return MACHINE_SHUTDOWN;
			m->triple_faults++;
			m->cpu.stop_requested = false;
			cpu_reset(&m->cpu);
			break;
		case CPU_STOP_REQUEST:
			return MACHINE_STOPPED;
		case CPU_STOP_UNSUPPORTED:
			return MACHINE_UNSUPPORTED;
		case CPU_STOP_DEBUG:
			return MACHINE_DEBUG;
		case CPU_STOP_BUDGET:
			break;
		}
	}
}
