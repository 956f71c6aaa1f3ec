/*
 * tools/monitor/mcmd_ports.c — the machine's tables and devices: the
 * real-mode interrupt vector table (ivt), which device owns which ports
 * (ports), and port accesses typed by hand (io).
 */
#include <inttypes.h>
#include <string.h>

#include "monitor.h"

/* What a real-mode PC keeps at the first vectors: CPU exceptions, which the
 * PC's IRQs 0-7 share at 08-0F, the BIOS services, DOS. */
static const char *const vector_names[] = {
	"divide error",
	"single step",
	"NMI",
	"breakpoint (INT3)",
	"overflow (INTO)",
	"BOUND range / print screen",
	"invalid opcode",
	"no coprocessor",
	"double fault / IRQ0 timer",
	"IRQ1 keyboard",
	"IRQ2 cascade",
	"IRQ3 COM2",
	"IRQ4 COM1",
	"IRQ5",
	"IRQ6 diskette",
	"IRQ7 printer",
	"BIOS video",
	"BIOS equipment list",
	"BIOS memory size",
	"BIOS disk",
	"BIOS serial port",
	"BIOS system services",
	"BIOS keyboard",
	"BIOS printer",
	"ROM BASIC",
	"bootstrap loader",
	"BIOS time of day",
	"Ctrl-Break",
	"timer tick",
	"video parameters",
	"diskette parameters",
	"graphics characters",
	"DOS terminate",
	"DOS services",
};

static void ivt_line(struct monitor *m, int v)
{
	struct cpu *c = m->cpu;
	uint8_t e[4] = { 0 };
	uint32_t phys;
	const char *name =
	        v < (int)(sizeof vector_names / sizeof vector_names[0]) ? vector_names[v] : "";

	char note[64];
	bool set;

	if (cpu_linear_to_phys(c, c->idtr.base + (uint32_t)v * 4, &phys))
		mem_peek(c->mem, phys, e, 4);
	set = e[0] | e[1] | e[2] | e[3];
	snprintf(note, sizeof note, "%s%s%s", name, !set && name[0] ? " " : "",
	         set ? "" : "(not set)");
	fprintf(m->out, "INT %02X  %04X:%04X%s%s\n", v, e[2] | e[3] << 8, e[0] | e[1] << 8,
	        note[0] ? "  " : "", note);
}

/* 'ivt N': vectors 0 to N-1; 'ivt FIRST COUNT': COUNT vectors from FIRST. */
int mcmd_ivt(struct monitor *m, const struct mon_args *a)
{
	int64_t first = 0, n = 32;

	if (a->argc > 2) {
		mon_error(m, "usage: ivt [N] | ivt FIRST COUNT (e.g. 'ivt 0x21 1')");
		return -1;
	}
	if (a->argc == 1 && mon_count(m, a->rest[0], 1, 256, "N", &n) < 0)
		return -1;
	if (a->argc == 2 && (mon_count(m, a->argv[0], 0, 255, "FIRST", &first) < 0 ||
	                     mon_count(m, a->rest[1], 1, 256 - first, "COUNT", &n) < 0))
		return -1;
	for (int64_t v = first; v < first + n; v++)
		ivt_line(m, (int)v);
	return 0;
}

int mcmd_ports(struct monitor *m, const struct mon_args *a)
{
	const struct bus *b = &m->machine->bus;

	(void)a;
	fprintf(m->out, "ports          device          reads     writes\n");
	for (int i = 0; i < b->nranges; i++) {
		const struct bus_range *r = &b->range[i];
		char ports[24];
		if (r->count == 1)
			snprintf(ports, sizeof ports, "0x%04X", r->first);
		else
			snprintf(ports, sizeof ports, "0x%04X-0x%04X", r->first,
			         (unsigned)(r->first + r->count - 1));
		fprintf(m->out, "%-14s %-12s %8" PRIu64 " %10" PRIu64 "\n", ports, r->name,
		        r->reads, r->writes);
	}
	fprintf(m->out, "%-14s %-12s %8" PRIu64 " %10" PRIu64 "  (reads give all ones)\n", "others",
	        "(none)", b->unclaimed_reads, b->unclaimed_writes);
	if (m->machine->post.count)
		fprintf(m->out, "last POST code 0x%02X (%" PRIu64 " written to the post ports)\n",
		        m->machine->post.last, m->machine->post.count);
	return 0;
}

static const char *owner_name(const struct monitor *m, uint16_t port)
{
	const struct bus_range *r = bus_owner(&m->machine->bus, port);

	return r ? r->name : "no device";
}

static void io_read(struct monitor *m, uint16_t port, int size)
{
	uint32_t v = bus_in(&m->machine->bus, port, size);

	fprintf(m->out, "in  port 0x%04X (%s): 0x%0*" PRIX32 "\n", port, owner_name(m, port),
	        size * 2, v);
	if (!m->io_note_shown && bus_owner(&m->machine->bus, port)) {
		fprintf(m->out, "note: a device can change when its port is read, as it would for "
		                "the guest's IN\n");
		m->io_note_shown = true;
	}
}

/* A write to the exit port ends the guest, as it would from the guest. */
static void io_write(struct monitor *m, uint16_t port, uint32_t v, int size)
{
	bus_out(&m->machine->bus, port, v, size);
	mon_end_guest_line(m);
	fprintf(m->out, "out port 0x%04X (%s): 0x%0*" PRIX32 "\n", port, owner_name(m, port),
	        size * 2, v);
	if (m->machine->exited && m->state != GUEST_ENDED)
		mon_report_end(m, MACHINE_EXIT);
}

int mcmd_io(struct monitor *m, const struct mon_args *a)
{
	int size = mon_unit_size(m, "io", a->fmt);
	const char *eq = a->argc == 1 ? strchr(a->argv[0], '=') : NULL;
	char port_text[64];
	int64_t port, v;

	if (size < 0)
		return -1;
	if (a->argc != 1) {
		mon_error(m, "usage: io PORT | io PORT=VALUE (e.g. 'io 0x60' or 'io/w 0xe9=0x41')");
		return -1;
	}
	snprintf(port_text, sizeof port_text, "%.*s",
	         eq ? (int)(eq - a->argv[0]) : (int)strlen(a->argv[0]), a->argv[0]);
	if (mon_count(m, port_text, 0, 0xFFFF, "the port", &port) < 0)
		return -1;
	if (!eq) {
		io_read(m, (uint16_t)port, size);
		return 0;
	}
	if (mon_count(m, eq + 1, -((int64_t)1 << (size * 8 - 1)), ((int64_t)1 << (size * 8)) - 1,
	              "the value", &v) < 0)
		return -1;
	io_write(m, (uint16_t)port, (uint32_t)v & (uint32_t)(((uint64_t)1 << (size * 8)) - 1),
	         size);
	return 0;
}
