/*
 * dev/machine.c — the board: builds memory, the port bus, the report devices
 * and a CPU from a machine_config, wires the CPU's port path to the bus, maps
 * the BIOS ROM below 1 MiB and at the top of the address space, and runs the
 * CPU until the guest ends.
 */
#include <stdio.h>
#include <string.h>

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

static void machine_exit(void *ctx, int status)
{
	struct machine *m = ctx;

	m->exited = true;
	m->exit_status = status;
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

int machine_init(struct machine *m, const struct machine_config *cfg, char *err, int errlen)
{
	struct cpu_io io = { machine_in, machine_out, NULL, m };

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
	bus_init(&m->bus);
	debugcon_init(&m->debugcon, &m->bus, cfg->debugcon_sink, cfg->debugcon_ctx);
	exitport_init(&m->exitport, &m->bus, machine_exit, m);
	cpu_init(&m->cpu, cfg->model, &m->mem, &io);
	return 0;
}

void machine_free(struct machine *m)
{
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

/* Slices keep a front end responsive; there is no device yet that can wake
 * a halted CPU, so HLT with IF=1 ends the run instead of waiting forever. */
enum machine_stop machine_run(struct machine *m, uint64_t max_insns)
{
	const uint64_t slice = 1u << 20;

	for (;;) {
		uint64_t budget = slice;
		enum cpu_stop why;

		if (max_insns) {
			if (m->cpu.insns >= max_insns)
				return MACHINE_LIMIT;
			if (max_insns - m->cpu.insns < budget)
				budget = max_insns - m->cpu.insns;
		}
		why = cpu_run(&m->cpu, budget);
		if (m->exited)
			return MACHINE_EXIT;
		switch (why) {
		case CPU_STOP_HALT:
			return (cpu_flags(&m->cpu) & FLAG_IF) ? MACHINE_HALT_IF : MACHINE_HALT;
		case CPU_STOP_SHUTDOWN:
			return MACHINE_SHUTDOWN;
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
