/*
 * cpu/decode.c — bytes to struct insn: prefixes, opcode (one-byte and 0F
 * maps), ModRM/SIB, displacement and immediates, driven by optab. Pure: no
 * CPU state is read or written, so the disassembler, the monitor and a
 * decoded-instruction cache can all use it. SDM Vol. 2, chapter 2.
 */
#include <string.h>

#include "insn.h"

struct reader {
	const struct decode_env *env;
	struct insn *in;
	uint32_t pos;
};

static uint32_t next(struct reader *r, int bytes)
{
	uint32_t v = 0;

	for (int i = 0; i < bytes; i++)
		v |= (uint32_t)r->env->fetch(r->env->ctx, r->pos++) << (8 * i);
	return v;
}

static uint32_t sext8(uint32_t v)
{
	return (uint32_t)(int32_t)(int8_t)v;
}

static uint32_t sext16(uint32_t v)
{
	return (uint32_t)(int32_t)(int16_t)v;
}

/* 16-bit addressing normalised to base+index (SDM Table 2-1): after this one
 * ea() serves both address sizes. BP-based forms default to SS. */
static void modrm16(struct reader *r)
{
	static const int8_t base[8] = { REG_BX, REG_BX, REG_BP, REG_BP,
		                        REG_SI, REG_DI, REG_BP, REG_BX };
	static const int8_t index[8] = { REG_SI, REG_DI, REG_SI, REG_DI, -1, -1, -1, -1 };
	struct insn *in = r->in;

	if (in->mod == 0 && in->rm == 6) {
		in->disp = next(r, 2);
		in->disp_len = 2;
		return;
	}
	in->base = base[in->rm];
	in->index = index[in->rm];
	if (in->base == REG_BP && !in->seg_override)
		in->seg = SEG_SS;
	if (in->mod == 1)
		in->disp = sext8(next(r, 1)) & 0xffff;
	else if (in->mod == 2)
		in->disp = next(r, 2);
	in->disp_len = in->mod == 1 ? 1 : in->mod == 2 ? 2 : 0;
}

/* 32-bit addressing with the SIB byte (SDM Tables 2-2 and 2-3). */
static void modrm32(struct reader *r)
{
	struct insn *in = r->in;
	int base = in->rm;

	if (base == 4) {
		uint8_t sib = (uint8_t)next(r, 1);
		int index = (sib >> 3) & 7;

		in->has_sib = true;
		in->sib = sib;
		in->scale = sib >> 6;
		in->index = index == REG_SP ? -1 : index;
		base = sib & 7;
		if (base == REG_BP && in->mod == 0) {
			in->disp = next(r, 4);
			in->disp_len = 4;
			base = -1;
		}
	} else if (base == REG_BP && in->mod == 0) {
		in->disp = next(r, 4);
		in->disp_len = 4;
		base = -1;
	}
	in->base = (int8_t)base;
	if ((base == REG_BP || base == REG_SP) && !in->seg_override)
		in->seg = SEG_SS;
	if (in->mod == 1)
		in->disp = sext8(next(r, 1));
	else if (in->mod == 2)
		in->disp = next(r, 4);
	if (in->mod)
		in->disp_len = in->mod == 1 ? 1 : 4;
}

/* 'regonly': MOV to and from control and debug registers ignore the mod
 * field and always name a register (SDM: MOV-Move to/from Control Registers). */
static void read_modrm(struct reader *r, uint8_t modrm, bool regonly)
{
	struct insn *in = r->in;

	in->has_modrm = true;
	in->modrm = modrm;
	in->mod = regonly ? 3 : modrm >> 6;
	in->reg = (modrm >> 3) & 7;
	in->rm = modrm & 7;
	if (in->mod == 3)
		return;
	if (in->asize == 2)
		modrm16(r);
	else
		modrm32(r);
}

static void read_immediates(struct reader *r)
{
	struct insn *in = r->in;
	bool first = true;

	for (int i = 0; i < 3; i++) {
		uint32_t start = r->pos, v;

		switch (in->opnd[i]) {
		case Ib:
			v = next(r, 1);
			break;
		case sIb:
		case Jb:
			v = sext8(next(r, 1));
			break;
		case Iw:
			v = next(r, 2);
			break;
		case Ix:
			v = next(r, in->osize);
			break;
		case Iz:
		case Iv:
		case Jz:
			v = in->osize == 4 ? next(r, 4) : sext16(next(r, 2));
			break;
		case Ap:
			in->imm = next(r, in->osize == 4 ? 4 : 2);
			in->imm2 = next(r, 2);
			in->imm_len = (uint8_t)(in->osize == 4 ? 4 : 2);
			in->imm2_len = 2;
			first = false;
			continue;
		case Ob:
		case Ov:
			in->disp = next(r, in->asize);
			in->disp_len = in->asize;
			continue;
		default:
			continue;
		}
		if (first) {
			in->imm = v;
			in->imm_len = (uint8_t)(r->pos - start);
		} else {
			in->imm2 = v;
			in->imm2_len = (uint8_t)(r->pos - start);
		}
		first = false;
	}
}

/* The operand size of a row: a byte operation when its first data operand
 * (register, memory or string) is a byte; else 16 or 32 by CS.D and 66h. */
static int row_osize(const uint8_t *opnd, int vsize)
{
	for (int i = 0; i < 3; i++) {
		switch (opnd[i]) {
		case Eb:
		case Gb:
		case AL:
		case Zb:
		case Xb:
		case Yb:
		case Ob:
			return 1;
		case Ev:
		case Gv:
		case eAX:
		case Zv:
		case Xv:
		case Yv:
		case Ov:
			return vsize;
		default:
			break;
		}
	}
	return vsize;
}

int opnd_size(int k, int osize)
{
	switch (k) {
	case Eb:
	case Gb:
	case AL:
	case CL:
	case Zb:
	case Xb:
	case Yb:
	case Ob:
	case Ib:
		return 1;
	case Ew:
	case Gw:
	case Sw:
	case DX:
	case Iw:
	case rES:
	case rCS:
	case rSS:
	case rDS:
	case rFS:
	case rGS:
		return 2;
	case Cd:
	case Dd:
	case Rd:
		return 4;
	default:
		return osize;
	}
}

/* More prefixes than any instruction can hold: the decoder gives up rather
 * than loop over memory full of prefix bytes. */
#define PREFIX_LIMIT 16

/* Prefixes: the last segment override and the last REP kind win, as on the
 * chips. Returns the first byte that is not a prefix, or -1 past the limit. */
static int read_prefixes(struct reader *r, bool *osize_flip, bool *asize_flip)
{
	const struct cpu_traits *t = r->env->traits;
	struct insn *in = r->in;

	for (;;) {
		uint8_t b;

		if (r->pos >= PREFIX_LIMIT)
			return -1;
		b = (uint8_t)next(r, 1);
		const struct opdesc *row = &optab[b];

		/* A byte that only later CPUs decode may be a prefix before them (F1). */
		if (row->isa > t->isa && row->alias && (row->alias->attr & PREFIX))
			row = row->alias;

		if (!(row->attr & PREFIX) || row->isa > t->isa)
			return b;
		switch (row->sub) {
		case PFX_OSIZE:
			*osize_flip = true;
			break;
		case PFX_ASIZE:
			*asize_flip = true;
			break;
		case PFX_LOCK:
			in->lock = true;
			break;
		case PFX_REP:
		case PFX_REPNE:
			in->rep = row->sub;
			break;
		default:
			in->seg = row->sub;
			in->seg_override = true;
			break;
		}
	}
}

/* Where operand 'i' lives, from its kind and the ModRM fields. */
static void resolve_operand(struct insn *in, int i)
{
	int k = in->opnd[i];

	in->loc[i].size = (uint8_t)opnd_size(k, in->osize);
	in->loc[i].where = LOC_REG;
	switch (k) {
	case Eb:
	case Ew:
	case Ev:
		in->loc[i].where = in->mod == 3 ? LOC_REG : LOC_MEM;
		in->loc[i].reg = in->rm;
		break;
	case M:
	case Mp:
	case Ma:
	case Ms:
		in->loc[i].where = LOC_MEM;
		break;
	case Ob:
	case Ov:
		in->loc[i].where = LOC_MOFFS;
		break;
	case Gb:
	case Gw:
	case Gv:
	case Zb:
	case Zv:
		in->loc[i].reg = in->reg;
		break;
	case AL:
	case eAX:
		in->loc[i].reg = REG_AX;
		break;
	case CL:
		in->loc[i].reg = REG_CX;
		break;
	case DX:
		in->loc[i].reg = REG_DX;
		break;
	case Sw:
		in->loc[i].where = LOC_SREG;
		in->loc[i].reg = in->reg;
		break;
	case rES:
	case rCS:
	case rSS:
	case rDS:
	case rFS:
	case rGS:
		in->loc[i].where = LOC_SREG;
		in->loc[i].reg = (uint8_t)(k - rES);
		break;
	default:
		in->loc[i].where = LOC_OTHER;
		break;
	}
}

enum decode_status decode(const struct decode_env *env, struct insn *in)
{
	const struct cpu_traits *t = env->traits;
	struct reader r = { env, in, 0 };
	bool osize_flip = false, asize_flip = false;
	const struct opdesc *row;
	int b;

	memset(in, 0, sizeof *in);
	in->base = in->index = -1;
	in->seg = SEG_DS;
	b = read_prefixes(&r, &osize_flip, &asize_flip);
	if (b < 0) {
		in->len = (uint8_t)r.pos;
		return DECODE_TOO_LONG;
	}
	in->osize = (env->code32 != osize_flip) ? 4 : 2;
	in->asize = (env->code32 != asize_flip) ? 4 : 2;
	in->osize_prefix = osize_flip;
	in->asize_prefix = asize_flip;

	in->pfx_len = (uint8_t)(r.pos - 1);
	in->opcode = (uint16_t)b;
	in->opcode_len = 1;
	if (b == 0x0f && t->isa >= ISA_286) {
		in->opcode = 0x100 | (uint16_t)next(&r, 1);
		in->opcode_len = 2;
	}
	row = optab_resolve(&optab[in->opcode], t, env->prot);
	if (!row)
		return DECODE_UD;
	memcpy(in->opnd, row->opnd, sizeof in->opnd);
	if (row->group || (row->attr & MODRM)) {
		uint8_t modrm = (uint8_t)next(&r, 1);

		read_modrm(&r, modrm, in->opnd[0] == Rd || in->opnd[1] == Rd);
		if (row->group) {
			row = optab_resolve(&row->group[in->reg], t, env->prot);
			if (!row)
				return DECODE_UD;
			/* A group row inherits the parent's operands where it names none. */
			for (int i = 0; i < 3; i++)
				if (row->opnd[i] != NONE)
					in->opnd[i] = row->opnd[i];
		}
		if ((row->attr & MEMONLY) && in->mod == 3 && t->has_ud)
			return DECODE_UD;
	} else if (in->opnd[0] == Zb || in->opnd[0] == Zv) {
		in->reg = in->opcode & 7;
	}
	in->op = row;
	in->osize = (uint8_t)row_osize(in->opnd, in->osize);
	for (int i = 0; i < 3; i++)
		resolve_operand(in, i);
	read_immediates(&r);
	in->len = (uint8_t)(r.pos > 255 ? 255 : r.pos);
	if (t->max_insn_len && r.pos > t->max_insn_len)
		return DECODE_TOO_LONG;
	return DECODE_OK;
}
