/*
 * cpu/inspect.c — decoded instructions as plain data for front ends
 * (cpu/inspect.h): decode without side effects, then describe the fields,
 * the operands and the flags from the opcode table, and the NASM text.
 */
#include <string.h>

#include "access.h"
#include "dis.h"
#include "flags.h"
#include "inspect.h"
#include "operand.h"
#include "ops.h"

struct byte_source {
	const uint8_t *bytes;
	size_t n;
};

static uint8_t fetch_buffer(void *ctx, uint32_t pos)
{
	const struct byte_source *s = ctx;

	return pos < s->n ? s->bytes[pos] : 0;
}

/* Flags an instruction reads, from its handler and sub-operation. */
static uint32_t flags_read(const struct insn *in)
{
	static const uint16_t by_cc[8] = { FLAG_OF,           FLAG_CF,
		                           FLAG_ZF,           FLAG_CF | FLAG_ZF,
		                           FLAG_SF,           FLAG_PF,
		                           FLAG_SF | FLAG_OF, FLAG_ZF | FLAG_SF | FLAG_OF };
	exec_fn *e = in->op->exec;
	int sub = in->op->sub;

	if (e == op_jcc || e == op_setcc)
		return by_cc[sub >> 1];
	if ((e == op_alu && (sub == ALU_ADC || sub == ALU_SBB)) ||
	    (e == op_shift && (sub == SH_RCL || sub == SH_RCR)) || e == op_salc ||
	    (e == op_flagop && sub == FL_CMC))
		return FLAG_CF;
	if (e == op_loop && (sub == LP_LOOPE || sub == LP_LOOPNE))
		return FLAG_ZF;
	if (e == op_daa || e == op_das)
		return FLAG_CF | FLAG_AF;
	if (e == op_aaa || e == op_aas)
		return FLAG_AF;
	if (e == op_into)
		return FLAG_OF;
	if (e == op_pushf)
		return 0xffff;
	if (e == op_lahf)
		return FLAG_SF | FLAG_ZF | FLAG_AF | FLAG_PF | FLAG_CF;
	if (in->op->attr & STRING)
		return FLAG_DF | (in->rep && (in->op->attr & REPZ) ? FLAG_ZF : 0);
	return 0;
}

static void describe_operand(const struct insn *in, int i, uint32_t addr, struct cpu_operand *o)
{
	int k = in->opnd[i];

	*o = (struct cpu_operand){ .size = (uint8_t)opnd_size(k, in->osize) };
	if (k == NONE) {
		o->cls = OPERAND_NONE;
	} else if ((k == Eb || k == Ew || k == Ev) && in->mod == 3) {
		o->cls = OPERAND_REG;
		o->reg = in->rm;
	} else if (k == Eb || k == Ew || k == Ev || k == M || k == Mp || k == Ma || k == Ms ||
	           k == Ob || k == Ov) {
		o->cls = OPERAND_MEM;
	} else if (k == Gb || k == Gw || k == Gv || k == Zb || k == Zv) {
		o->cls = OPERAND_REG;
		o->reg = in->reg;
	} else if (k == AL || k == eAX || k == CL || k == DX) {
		o->cls = OPERAND_REG;
		o->reg = k == CL ? REG_CX : k == DX ? REG_DX : REG_AX;
	} else if (k == Sw || (k >= rES && k <= rGS)) {
		o->cls = OPERAND_SREG;
		o->reg = (uint8_t)(k == Sw ? in->reg : k - rES);
	} else if (k == Jb || k == Jz) {
		o->cls = OPERAND_REL;
		o->value = (addr + in->len + in->imm) & (in->osize == 2 ? 0xffff : ~0u);
	} else if (k == Ap) {
		o->cls = OPERAND_FAR;
		o->value = in->imm;
		o->sel = (uint16_t)in->imm2;
	} else if (k == Xb || k == Xv || k == Yb || k == Yv) {
		o->cls = OPERAND_STRING;
		o->reg = (k == Xb || k == Xv) ? REG_SI : REG_DI;
	} else if (k == Ib || k == sIb || k == Iw || k == Iz || k == Iv || k == Ix) {
		o->cls = OPERAND_IMM;
		o->value = i > 0 && in->opnd[0] >= Ib && in->opnd[0] <= Iv ? in->imm2 : in->imm;
	} else {
		o->cls = OPERAND_OTHER;
	}
}

static void describe(const struct insn *in, enum decode_status st, uint32_t addr, bool code32,
                     struct cpu_insn_info *out)
{
	out->status = st == DECODE_OK ? INSN_OK : st == DECODE_UD ? INSN_UD : INSN_TOO_LONG;
	out->len = in->len;
	out->prefix_len = in->pfx_len;
	out->opcode_len = in->opcode_len;
	out->disp_len = in->disp_len;
	out->imm_len = in->imm_len;
	out->imm2_len = in->imm2_len;
	out->has_modrm = in->has_modrm;
	out->has_sib = in->has_sib;
	out->modrm = in->modrm;
	out->sib = in->sib;
	out->mod = in->mod;
	out->reg = in->reg;
	out->rm = in->rm;
	out->base = in->base;
	out->index = in->index;
	out->scale = in->scale;
	out->disp = in->disp;
	out->osize = in->osize;
	out->asize = in->asize;
	out->seg = in->seg;
	out->seg_override = in->seg_override;
	out->rep = in->rep == PFX_REP ? 0xf3 : in->rep == PFX_REPNE ? 0xf2 : 0;
	out->lock = in->lock;
	if (st != DECODE_OK) {
		out->mnemonic = "(bad)";
		strcpy(out->text, st == DECODE_UD ? "(bad)" : "(too long)");
		return;
	}
	for (int i = 0; i < 3; i++)
		describe_operand(in, i, addr, &out->operand[i]);
	out->mnemonic = in->osize == 4 && in->op->name32 ? in->op->name32 : in->op->name;
	out->what = in->op->what;
	out->flags_read = flags_read(in);
	out->flags_written = in->op->flags;
	out->flags_undefined = in->op->undef;
	out->is_call = in->op->exec == op_call || in->op->exec == op_call_far;
	out->is_int = in->op->exec == op_int || in->op->exec == op_int3 || in->op->exec == op_into;
	out->is_jump = (in->op->attr & JUMP) != 0;
	out->is_string = (in->op->attr & STRING) != 0;
	dis_format(in, addr, code32, out->text, sizeof out->text);
}

/* 'prot': decode protected-mode-only instructions too (a file on disk has no mode). */
static enum cpu_insn_status inspect_bytes(enum cpu_model model, bool code32, bool prot,
                                          const uint8_t *bytes, size_t n, uint32_t addr,
                                          struct cpu_insn_info *out)
{
	struct byte_source src = { bytes, n };
	struct decode_env env = { &cpu_traits_table[model], code32, prot, fetch_buffer, &src };
	struct insn in;
	enum decode_status st;

	memset(out, 0, sizeof *out);
	st = decode(&env, &in);
	if (in.len > sizeof out->bytes)
		in.len = sizeof out->bytes;
	for (size_t i = 0; i < in.len; i++)
		out->bytes[i] = i < n ? bytes[i] : 0;
	describe(&in, st, addr, code32, out);
	return out->status;
}

enum cpu_insn_status cpu_inspect_bytes(enum cpu_model model, bool code32, const uint8_t *bytes,
                                       size_t n, uint32_t addr, struct cpu_insn_info *out)
{
	return inspect_bytes(model, code32, true, bytes, n, addr, out);
}

enum cpu_insn_status cpu_inspect(struct cpu *c, uint16_t cs_sel, uint32_t cs_base, uint32_t off,
                                 struct cpu_insn_info *out)
{
	uint8_t bytes[16];
	bool code32 = c->seg[SEG_CS].big;
	enum cpu_insn_status st;

	(void)cs_sel;
	for (int i = 0; i < 16; i++) {
		uint32_t o = off + (uint32_t)i;
		if (!code32)
			o &= 0xffff;
		bytes[i] = 0xff;
		mem_peek(c->mem, (cs_base + o) & c->mem->addr_mask, &bytes[i], 1);
	}
	st = inspect_bytes(c->model, code32, (c->cr0 & CR0_PE) != 0, bytes, sizeof bytes, off, out);
	return st;
}

uint32_t cpu_insn_ea(const struct cpu *c, const struct cpu_insn_info *in)
{
	return effective_offset(c, in->base, in->index, in->scale, in->disp, in->asize);
}

const char *cpu_mnemonic(int i)
{
	int seen = 0;

	for (int op = 0; op < 0x200; op++) {
		const struct opdesc *rows = optab[op].group ? optab[op].group : &optab[op];
		int n = optab[op].group ? 8 : 1;
		for (int r = 0; r < n; r++) {
			const char *name = rows[r].name;
			bool dup = false;
			if (!name || !rows[r].exec)
				continue;
			for (int p = 0; p < op && !dup; p++) {
				const struct opdesc *prow =
				        optab[p].group ? optab[p].group : &optab[p];
				for (int q = 0; q < (optab[p].group ? 8 : 1); q++)
					if (prow[q].name && strcmp(prow[q].name, name) == 0)
						dup = true;
			}
			for (int q = 0; q < r && !dup; q++)
				if (rows[q].name && strcmp(rows[q].name, name) == 0)
					dup = true;
			if (!dup && seen++ == i)
				return name;
		}
	}
	return NULL;
}
