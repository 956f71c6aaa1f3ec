/*
 * cpu/models.c — the CPU models as data. Each field of struct cpu_traits is a
 * documented difference between the chips (8086 and 80286 user manuals, the
 * 80386 Programmer's Reference, the i486 manual's differences in SDM Vol. 3
 * chapter 22, and the SingleStepTests captures).
 */
#include <string.h>

#include "cpu.h"

const struct cpu_traits cpu_traits_table[CPU_MODEL_COUNT] = {
	[CPU_8086] = {
		.name = "8086",
		.isa = ISA_86,
		.addr_bits = 20,
		.max_insn_len = 0,    /* prefixes can repeat without limit */
		.shift_mask = 0xff,   /* counts are not masked: SHL AX,CL with CL=40 shifts 40 times */
		.has_ud = false,      /* every byte decodes to something */
		.push_sp_after = true,
		.de_after = true,
		.seg_wrap = true,
		.bcd_8086 = true,
		.sreg_2bit = true,
		.rep_negates = true,
		.idiv_min_faults = true,
		.shl6_setmo = true,
		.has_32bit = false,
		.flags_fixed1 = 0xf002, /* bits 12-15 and 1 read as one */
		.flags_real_rw = 0x0fd5,
	},
	[CPU_286] = {
		.name = "286",
		.isa = ISA_286,
		.addr_bits = 24,
		.max_insn_len = 10,
		.shift_mask = 0x1f,
		.has_ud = true,
		.shr_af = true, /* captured: undefined flags as the 286 leaves them */
		.mul_af = true,
		.aad_of_carry = true,
		.string_late_fault = true, /* captured: MOVSW at SI=FFFF advances SI, then #GP */
		.real_ss_fault = EXC_GP, /* 286 manual: interrupt 13 for any segment overrun */
		.esc_reads = true,
		.flags_fixed1 = 0x0002,
		.flags_real_rw = 0x0fd5, /* IOPL and NT cannot be set in real mode */
		.cr0_rw = 0x000f,         /* the MSW: PE MP EM TS (LMSW) */
	},
	[CPU_386] = {
		.name = "386",
		.isa = ISA_386,
		.addr_bits = 32,
		.max_insn_len = 15,
		.shift_mask = 0x1f,
		.has_ud = true,
		.shr_af = true, /* as the 286; no 386 captures to check against */
		.mul_af = true,
		.aad_of_carry = true,
		.real_ss_fault = EXC_SS,
		.fault_restores_sp = true,
		.has_32bit = true,
		.debug_regs = true,
		.flags_fixed1 = 0x0002,
		.flags_real_rw = 0x7fd5, /* IOPL and NT are writable in real mode; VM and RF are not */
		.cr0_rw = 0x8000001f,    /* PG, ET, TS, EM, MP, PE; the rest is reserved */
	},
	/* A 486 with CPUID (the later steppings): the 386 plus the 486's
	 * instructions, CR0.WP/AM/NE/CD/NW and EFLAGS.AC/ID (SDM Vol. 3, "IA-32
	 * Architecture Compatibility"). Every trait is spelled out per model, the
	 * 386's repeated, so that one row says all a model is. */
	[CPU_486] = {
		.name = "486",
		.isa = ISA_486,
		.addr_bits = 32,
		.max_insn_len = 15,
		.shift_mask = 0x1f,
		.has_ud = true,
		.shr_af = true,
		.mul_af = true,
		.aad_of_carry = true,
		.real_ss_fault = EXC_SS,
		.fault_restores_sp = true,
		.has_32bit = true,
		.debug_regs = true,
		.flags_fixed1 = 0x0002,
		.flags_real_rw = 0x247fd5, /* as the 386, plus AC (bit 18) and ID (bit 21) */
		.cr0_rw = 0xe005003f,      /* PG CD NW AM WP NE ET TS EM MP PE */
		.cpuid_signature = 0x0480, /* family 4, model 8 (DX4), stepping 0 */
	},
};

int cpu_model_by_name(const char *name)
{
	static const char *const aliases[][2] = {
		{ "8086", "8086" }, { "8088", "8086" }, { "86", "8086" },   { "286", "286" },
		{ "80286", "286" }, { "386", "386" },   { "80386", "386" }, { "i386", "386" },
		{ "486", "486" },   { "80486", "486" }, { "i486", "486" },
	};

	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
		if (strcmp(name, aliases[i][0]) != 0)
			continue;
		for (int m = 0; m < CPU_MODEL_COUNT; m++)
			if (strcmp(cpu_traits_table[m].name, aliases[i][1]) == 0)
				return m;
	}
	return -1;
}
