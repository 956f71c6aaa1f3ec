/*
 * tools/cmd_disasm.c — `x86lab disasm`: a flat binary as NASM-syntax text,
 * laid out like ndisasm (offset, bytes, instruction) so the two can be
 * compared line by line. The text comes from the CPU's own opcode table.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "inspect.h"

static const char usage[] =
        "usage: x86lab disasm [OPTIONS] FILE\n"
        "\n"
        "Disassemble a flat binary in NASM syntax, one instruction per line:\n"
        "offset, bytes in hex, instruction, as ndisasm prints them.\n"
        "\n"
        "  --bits 16|32     default operand and address size (default 16)\n"
        "  --org ADDR       address of the first byte (default 0; hex with 0x)\n"
        "  --cpu MODEL      8086, 286, 386 or 486: which opcodes exist (default 386)\n"
        "  -h, --help       this help\n"
        "\n"
        "Bytes that are no instruction on the chosen CPU are shown as 'db 0xNN'.\n";

#define DISASM_MAX_FILE (64u << 20)

struct disasm_opts {
	int bits;
	uint32_t org;
	int model;
	const char *file;
};

/* ndisasm's layout: 8 hex digits, two spaces, the bytes in a field of 18,
 * and bytes past the eighth on continuation lines that start with '-'. */
static void print_line(uint32_t addr, const uint8_t *bytes, size_t n, const char *text)
{
	char hex[40];
	size_t first = n < 8 ? n : 8;

	for (size_t i = 0; i < first; i++)
		sprintf(hex + 2 * i, "%02X", bytes[i]);
	hex[2 * first] = '\0';
	printf("%08X  %-18s%s\n", addr, hex, text);
	for (size_t at = first; at < n; at += 8) {
		size_t k = n - at < 8 ? n - at : 8;
		for (size_t i = 0; i < k; i++)
			sprintf(hex + 2 * i, "%02X", bytes[at + i]);
		hex[2 * k] = '\0';
		printf("         -%s\n", hex);
	}
}

/* A prefix before bytes that do not decode is shown by its own name, as
 * ndisasm does, and decoding goes on after it. */
static const char *prefix_name(uint8_t b, int bits)
{
	switch (b) {
	case 0x26:
		return "es";
	case 0x2e:
		return "cs";
	case 0x36:
		return "ss";
	case 0x3e:
		return "ds";
	case 0x64:
		return "fs";
	case 0x65:
		return "gs";
	case 0x66:
		return bits == 16 ? "o32" : "o16";
	case 0x67:
		return bits == 16 ? "a32" : "a16";
	case 0xf0:
		return "lock";
	case 0xf2:
		return "repne";
	case 0xf3:
		return "rep";
	default:
		return NULL;
	}
}

static void disassemble(const struct disasm_opts *o, const uint8_t *data, size_t len)
{
	for (size_t pos = 0; pos < len;) {
		struct cpu_insn_info info;
		uint32_t addr = o->org + (uint32_t)pos;
		enum cpu_insn_status st = cpu_inspect_bytes((enum cpu_model)o->model, o->bits == 32,
		                                            data + pos, len - pos, addr, &info);
		if (st != INSN_OK || info.len > len - pos) {
			const char *pfx =
			        o->model == CPU_8086 ? NULL : prefix_name(data[pos], o->bits);
			char text[16];
			if (pfx)
				snprintf(text, sizeof text, "%s", pfx);
			else
				snprintf(text, sizeof text, "db 0x%02x", data[pos]);
			print_line(addr, data + pos, 1, text);
			pos++;
			continue;
		}
		print_line(addr, data + pos, info.len, info.text);
		pos += info.len;
	}
}

static int parse(int argc, char **argv, struct disasm_opts *o)
{
	static const struct option longopts[] = {
		{ "bits", required_argument, NULL, 'b' },
		{ "org", required_argument, NULL, 'o' },
		{ "cpu", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const char shortopts[] = ":h";
	uint64_t v;
	int opt;

	*o = (struct disasm_opts){ .bits = 16, .model = CPU_386 };
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		switch (opt) {
		case 'b':
			if (strcmp(optarg, "16") && strcmp(optarg, "32")) {
				cli_error("disasm", "--bits takes 16 or 32, not '%s'", optarg);
				return 2;
			}
			o->bits = atoi(optarg);
			break;
		case 'o':
			if (cli_parse_count(optarg, &v) || v > 0xffffffffu) {
				cli_error("disasm",
				          "--org wants an address (0x7c00, 31744), not '%s'",
				          optarg);
				return 2;
			}
			o->org = (uint32_t)v;
			break;
		case 'c':
			o->model = cpu_model_by_name(optarg);
			if (o->model < 0) {
				cli_error("disasm",
				          "unknown CPU '%s'; use --cpu 8086, 286, 386 or 486",
				          optarg);
				return 2;
			}
			break;
		case 'h':
			fputs(usage, stdout);
			return 0;
		default:
			return cli_getopt_error("disasm", opt, argv, shortopts);
		}
	}
	if (optind != argc - 1) {
		cli_error("disasm", "give one file to disassemble; see 'x86lab disasm --help'");
		return 2;
	}
	o->file = argv[optind];
	return -1;
}

int cmd_disasm(int argc, char **argv)
{
	struct disasm_opts o;
	uint8_t *data;
	size_t len;
	int status = parse(argc, argv, &o);

	if (status >= 0)
		return status;
	if (cli_read_file(o.file, &data, &len, DISASM_MAX_FILE)) {
		cli_error("disasm", "cannot read %s: %s", o.file, strerror(errno));
		return 2;
	}
	disassemble(&o, data, len);
	free(data);
	return 0;
}
