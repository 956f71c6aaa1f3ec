/*
 * tools/monitor/mcmd_help.c — the command table, which drives dispatch, help
 * and completion; 'help' and 'help CMD'; readline's tab completion of
 * commands, register names and symbols.
 */
#include <stdlib.h>
#include <string.h>

#include <readline/readline.h>

#include "monitor.h"

static const struct mon_command commands[] = {
	/* Running the guest */
	{ "step", "s", mcmd_step, "step [N]",
	  "execute N instructions (default 1), into calls and interrupts",
	  "An empty line repeats the last step or next.", "step 3", true, false },
	{ "next", "n", mcmd_next, "next [N]",
	  "like step, but over calls, interrupts and REP instructions",
	  "Stops earlier at a breakpoint inside the call.", "next", true, false },
	{ "continue", "c", mcmd_continue, "continue",
	  "run until a breakpoint, the guest's end, or Ctrl-C", NULL, "continue", false, false },
	{ "finish", NULL, mcmd_finish, "finish", "run until the current procedure returns",
	  "It stops after the RET, RETF or IRET executed at the current stack depth.", "finish",
	  false, false },
	{ "until", NULL, mcmd_until, "until ADDR", "run until the instruction at ADDR", NULL,
	  "until 1000:0120", false, false },
	{ "reset", NULL, mcmd_reset, "reset",
	  "load the guest again and stop before its first instruction",
	  "Breakpoints, displays and symbols stay.", "reset", false, false },
	/* Breakpoints */
	{ "break", "b", mcmd_break, "break ADDR [if EXPR]",
	  "stop before the instruction at ADDR (if EXPR is not 0)",
	  "ADDR is SEG:OFF (hex), l:LINEAR, p:PHYSICAL, a symbol, or an offset in CS.",
	  "break 1000:0110 if cx == 2", false, false },
	{ "tbreak", NULL, mcmd_tbreak, "tbreak ADDR [if EXPR]",
	  "a breakpoint deleted when it stops the guest", NULL, "tbreak 1000:0110", false, false },
	{ "watch", NULL, mcmd_watch, "watch [r|w|rw] ADDR [LEN]",
	  "stop after the guest reads or writes memory",
	  "Default: writes, 1 byte; ADDR is an offset in DS unless it names a segment.\n"
	  "The stop shows the value before and after.",
	  "watch w ds:0200 2", false, false },
	{ "iowatch", NULL, mcmd_iowatch, "iowatch [r|w|rw] PORT[-PORT]",
	  "stop after the guest reads (IN) or writes (OUT) ports", "Default: both.",
	  "iowatch w 0xe9", false, false },
	{ "catch", NULL, mcmd_catch, "catch int N|exception N|mode",
	  "stop at interrupt N, at exception N, or when the mode changes",
	  "'int N' stops for INT n, an exception or an IRQ on vector N; 'exception N' only\n"
	  "when the CPU raised it. Both stop at the first instruction of the handler.\n"
	  "'mode' stops before the first instruction run in another mode (real,\n"
	  "protected, virtual-8086).",
	  "catch exception 13", false, false },
	{ "delete", "d", mcmd_delete, "delete [N...]",
	  "delete breakpoints, watchpoints, ... (all without N)", NULL, "delete 2", false, false },
	{ "disable", NULL, mcmd_disable, "disable [N...]",
	  "keep them, but do not stop there (all without N)", NULL, "disable 1 3", false, false },
	{ "enable", NULL, mcmd_enable, "enable [N...]", "let disabled ones stop the guest again",
	  NULL, "enable 1", false, false },
	{ "info", "i", mcmd_info, "info breakpoints|display|regs",
	  "list breakpoints (with hits), displays or registers", NULL, "info breakpoints", false,
	  false },
	/* Looking at the machine */
	{ "regs", "r", mcmd_regs, "regs", "registers and flags; '*': changed since the last stop",
	  "Flags: OF overflow, DF direction, IF interrupts enabled, TF trap (single step),\n"
	  "SF sign, ZF zero, AF auxiliary (BCD) carry, PF parity, CF carry.",
	  "regs", false, false },
	{ "sregs", NULL, mcmd_sregs, "sregs",
	  "segment caches, GDTR, IDTR, LDTR, TR, CR0 (and DRn on the 386)", NULL, "sregs", false,
	  false },
	{ "x", NULL, mcmd_x, "x/FMT ADDR [COUNT]",
	  "memory in hex and ASCII, by bytes, words or doublewords",
	  "Default: 64 bytes. ADDR is an offset in DS unless it names a segment.", "x/w ds:0200 8",
	  false, true },
	{ "disasm", "u", mcmd_disasm, "disasm [ADDR] [N]",
	  "N instructions (default 10) from ADDR (default CS:IP)",
	  "'=>' marks the current instruction, '*' a breakpoint.", "u 1000:0100 5", false, false },
	{ "stack", NULL, mcmd_stack, "stack [N]", "N words (default 8) from SS:SP upwards", NULL,
	  "stack 4", false, false },
	{ "ivt", NULL, mcmd_ivt, "ivt [N] | ivt FIRST COUNT",
	  "real-mode interrupt vectors (default: the first 32)",
	  "'ivt N' shows vectors 0 to N-1; 'ivt FIRST COUNT' COUNT vectors from FIRST.",
	  "ivt 0x21 1", false, false },
	{ "gdt", NULL, mcmd_gdt, "gdt [SEL [COUNT]]",
	  "the global descriptor table, one decoded descriptor per line",
	  "Each line: selector, type in words, then base, limit, DPL, P, D/B and G for a\n"
	  "segment, or the target selector:offset (and parameter count) for a gate.\n"
	  "Without SEL the whole table, empty entries left out; SEL's low 3 bits are ignored.",
	  "gdt 0x08 4", false, false },
	{ "ldt", NULL, mcmd_ldt, "ldt [SEL [COUNT]]",
	  "the local descriptor table LDTR names, as 'gdt' shows the GDT", NULL, "ldt 0x0c", false,
	  false },
	{ "idt", NULL, mcmd_idt, "idt [VECTOR [COUNT]]",
	  "the interrupt descriptor table: each vector's gate and handler",
	  "In real mode the IDT is not in use: it shows the interrupt vector table instead.",
	  "idt 0x0d", false, false },
	{ "tss", NULL, mcmd_tss, "tss [SEL]",
	  "a task state segment field by field (default: the one TR names)",
	  "The 16- or 32-bit layout, by the descriptor's type: back link, SSn:ESPn, CR3,\n"
	  "EIP, EFLAGS, the registers, the segment selectors, LDT, T and the I/O map base.",
	  "tss 0x28", false, false },
	{ "cr", NULL, mcmd_cr, "cr [CR0|CR2|CR3 VALUE]",
	  "control registers bit by bit, or load one (386 and later)",
	  "Each CR0 bit of the model is named and explained with its current effect.\n"
	  "'cr CR3 VALUE' loads CR3 and empties the TLB, as MOV CR3 does; CR0 takes the\n"
	  "model's bits only, and PG only with PE.",
	  "cr cr3 0x100000", false, false },
	{ "pagewalk", NULL, mcmd_pagewalk, "pagewalk LINEAR",
	  "a linear address through CR3, the PDE and the PTE to its frame",
	  "Each entry's bits are decoded; then, for reads and writes at CPL 3 and at\n"
	  "CPL 0-2, whether the access is allowed or the #PF error code it raises and\n"
	  "why. Nothing changes: no accessed or dirty bits, no TLB entry.",
	  "pagewalk 0x401000", false, false },
	{ "tlb", NULL, mcmd_tlb, "tlb", "the translations the TLB holds now",
	  "A translation stays there after the page tables change, until a CR3 load\n"
	  "or INVLPG (486) removes it, as on the chip.",
	  "tlb", false, false },
	{ "ports", NULL, mcmd_ports, "ports", "which device owns which ports, and their use so far",
	  NULL, "ports", false, false },
	{ "io", NULL, mcmd_io, "io[/FMT] PORT[=VALUE]",
	  "read a port, or write VALUE to it, as IN and OUT would",
	  "Reading a device's port can change the device, as the guest's IN would.", "io 0xe9=0x41",
	  false, true },
	{ "sendkey", NULL, mcmd_sendkey, "sendkey KEYS...",
	  "press keys on the guest's keyboard: names, combinations, \"typed text\"",
	  "Each argument is a key or a combination pressed together (ctrl-alt-delete);\n"
	  "quoted text is typed with Shift where needed. The keys wait in a queue and\n"
	  "reach the guest one every 10 ms of guest time once it runs again.",
	  "sendkey \"dir\" enter", false, false },
	{ "screendump", NULL, mcmd_screendump, "screendump FILE",
	  "write the guest's screen to FILE as a PNG image",
	  "Text modes and mode 13h, as the VGA shows them now: blinking text in its\n"
	  "current phase, the cursor where and as the CRTC places it.",
	  "screendump screen.png", false, false },
	/* Changing it */
	{ "set", NULL, mcmd_set, "set REG VALUE",
	  "change a register (ax, al, ds, ip, flags ...) or a flag",
	  "Also cr0 (msw), cr2, cr3, dr0-dr3, dr6, dr7, ldtr and tr (a GDT selector), and\n"
	  "'set gdtr BASE LIMIT', 'set idtr BASE LIMIT'. In protected mode a segment\n"
	  "register takes its descriptor from the GDT or LDT, without the CPU's checks.",
	  "set zf 1", false, false },
	{ "write", NULL, mcmd_write, "write ADDR BYTE...", "store bytes: numbers or \"text\"", NULL,
	  "write ds:0200 0x48 \"i\" 0", false, false },
	{ "load", NULL, mcmd_load, "load FILE ADDR", "copy a file into memory at ADDR", NULL,
	  "load data.bin 2000:0000", false, false },
	{ "save", NULL, mcmd_save, "save FILE ADDR LEN",
	  "write LEN bytes of memory at ADDR to a file", NULL, "save out.bin ds:0200 0x100", false,
	  false },
	/* Understanding */
	{ "explain", NULL, mcmd_explain, "explain",
	  "what the instruction at CS:IP does (and the last step did)",
	  "In protected mode also the descriptors, limits and privilege checks it involves,\n"
	  "and the fault they would raise.",
	  "explain", false, false },
	{ "trace", NULL, mcmd_trace, "trace on [FILE] | trace off",
	  "a line per executed instruction, with what it changed", NULL, "trace on trace.txt",
	  false, false },
	{ "stats", NULL, mcmd_stats, "stats",
	  "instruction count and mix, speed, interrupts, port use", NULL, "stats", false, false },
	{ "history", NULL, mcmd_history, "history [N] | history on|off",
	  "the last N (default 10) instructions executed",
	  "'history off' stops recording (also the mix and interrupts of 'stats'), so that\n"
	  "'continue' runs at full speed.",
	  "history 20", false, false },
	/* Expressions */
	{ "print", "p", mcmd_print, "print EXPR", "the value of an expression",
	  "Numbers: 31, 0x1f, 1fh, 0b11111. Registers (ax, al, eax, cs, ip, flags) and\n"
	  "flags (cf, zf ...), symbols, memory: byte[ADDR], word[ADDR], dword[ADDR].\n"
	  "Operators as in C: + - * / % & | ^ ~ << >> == != < <= > >= && || ! ( ).",
	  "print word[ds:0x200] + ax", false, false },
	{ "display", NULL, mcmd_display, "display [EXPR]", "show EXPR at every stop", NULL,
	  "display cx", false, false },
	{ "undisplay", NULL, mcmd_undisplay, "undisplay [N...]",
	  "stop showing displays (all without N)", NULL, "undisplay 1", false, false },
	{ "symbols", NULL, mcmd_symbols, "symbols FILE|bios [BASE]",
	  "load symbols (a nasm listing, or name = ADDRESS lines)",
	  "For a listing (nasm -l), BASE is the linear address where the code starts:\n"
	  "a .COM-style program at 1000:0100 has BASE 0x10100. 'symbols bios' loads\n"
	  "the built-in BIOS's listing from the build tree (POST, INT handlers ...).",
	  "symbols prog.lst 0x10100", false, false },
	/* The session */
	{ "source", NULL, mcmd_source, "source FILE", "run the commands in FILE", NULL,
	  "source setup.cmd", false, false },
	{ "gdb", NULL, mcmd_gdb, "gdb [PORT]", "let gdb debug the guest until it detaches",
	  "The monitor waits until gdb detaches, then the prompt returns.", "gdb 1234", false,
	  false },
	{ "help", "h", mcmd_help, "help [CMD]", "list the commands, or explain one", NULL,
	  "help watch", false, false },
	{ "quit", "q", mcmd_quit, "quit", "leave the monitor (Ctrl-D too)", NULL, "quit", false,
	  false },
};

#define NCOMMANDS (int)(sizeof commands / sizeof commands[0])

/* Exact name, alias, or a prefix only one command has. */
const struct mon_command *mon_find_command(const char *word)
{
	const struct mon_command *found = NULL;
	size_t len = strlen(word);
	int matches = 0;

	for (int i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, word) == 0 ||
		    (commands[i].alias && strcmp(commands[i].alias, word) == 0))
			return &commands[i];
	for (int i = 0; i < NCOMMANDS && len > 0; i++) {
		if (strncmp(commands[i].name, word, len) == 0) {
			found = &commands[i];
			matches++;
		}
	}
	return matches == 1 ? found : NULL;
}

static void help_list(struct monitor *m)
{
	for (int i = 0; i < NCOMMANDS; i++)
		fprintf(m->out, "  %-30s %-3s %s\n", commands[i].usage,
		        commands[i].alias ? commands[i].alias : "", commands[i].summary);
	fprintf(m->out,
	        "'help CMD' shows more about one. ADDR: SEG:OFF (hex), l:LINEAR, p:PHYSICAL,\n"
	        "a symbol, or an offset in the usual segment. EXPR: see 'help print'.\n");
}

int mcmd_help(struct monitor *m, const struct mon_args *a)
{
	const struct mon_command *c;

	if (a->argc == 0) {
		help_list(m);
		return 0;
	}
	c = mon_find_command(a->argv[0]);
	if (!c) {
		mon_error(m, "unknown command '%s'; 'help' lists the commands", a->argv[0]);
		return -1;
	}
	fprintf(m->out, "usage: %s%s%s%s\n", c->usage, c->alias ? "   (short: " : "",
	        c->alias ? c->alias : "", c->alias ? ")" : "");
	fprintf(m->out, "%c%s.\n", c->summary[0] - 'a' + 'A', c->summary + 1);
	if (c->details)
		fprintf(m->out, "%s\n", c->details);
	fprintf(m->out, "example: %s\n", c->example);
	return 0;
}

/* readline's completion callback and event hook take no context
 * argument, so the symbol table and the display reach them through this
 * pointer. It is set only while the
 * interactive loop runs (mon_completion_setup/done). */
static const struct monitor *completing;

static const char *const keywords[] = {
	"if", "on", "off", "int",         "exception", "mode",
	"r",  "w",  "rw",  "breakpoints", "display",   "registers"
};

struct matches {
	char **v;
	size_t n, cap;
};

static void offer(struct matches *mt, const char *text, const char *word)
{
	char **grown;

	if (!word || strncmp(word, text, strlen(text)) != 0)
		return;
	if (mt->n + 2 >= mt->cap) {
		grown = realloc(mt->v, (mt->cap * 2 + 16) * sizeof *grown);
		if (!grown)
			return;
		mt->v = grown;
		mt->cap = mt->cap * 2 + 16;
	}
	mt->v[++mt->n] = strdup(word);
	if (!mt->v[mt->n])
		mt->n--;
}

static void offer_commands(struct matches *mt, const char *text)
{
	for (int i = 0; i < NCOMMANDS; i++)
		offer(mt, text, commands[i].name);
}

static void offer_arguments(struct matches *mt, const char *text)
{
	const char *w;

	for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
		offer(mt, text, keywords[i]);
	for (int i = 0; (w = mon_reg_name(i)) != NULL; i++)
		offer(mt, text, w);
	for (int i = 0; completing && (w = symtab_name(completing->syms, i)) != NULL; i++)
		offer(mt, text, w);
}

/* readline's convention: [0] is what replaces the word (the longest common
 * prefix of the matches), then the matches, then NULL. */
static char **finish_matches(struct matches *mt)
{
	size_t common;

	if (mt->n == 0) {
		free(mt->v);
		return NULL;
	}
	common = strlen(mt->v[1]);
	for (size_t i = 2; i <= mt->n; i++)
		for (size_t k = 0; k < common; k++)
			if (mt->v[i][k] != mt->v[1][k]) {
				common = k;
				break;
			}
	mt->v[0] = strndup(mt->v[1], common);
	mt->v[mt->n + 1] = NULL;
	return mt->v;
}

/* Commands taking a file name get readline's own file name completion. */
static bool takes_file(const char *line)
{
	static const char *const file_cmds[] = { "source", "load", "save", "symbols", "trace" };
	size_t len = strcspn(line, " \t/");

	for (size_t i = 0; i < sizeof file_cmds / sizeof file_cmds[0]; i++)
		if (len == strlen(file_cmds[i]) && strncmp(line, file_cmds[i], len) == 0)
			return true;
	return false;
}

static char **complete(const char *text, int start, int end)
{
	struct matches mt = { NULL, 0, 0 };
	const char *line = rl_line_buffer + strspn(rl_line_buffer, " \t");
	bool first = (int)(line - rl_line_buffer) >= start;

	(void)end;
	if (!first && takes_file(line))
		return NULL;
	rl_attempted_completion_over = 1;
	if (first || strncmp(line, "help ", 5) == 0)
		offer_commands(&mt, text);
	else
		offer_arguments(&mt, text);
	return finish_matches(&mt);
}

/* While readline waits for a line (it calls this about ten times a
 * second), the SDL window keeps answering: it redraws when uncovered and
 * takes its events. */
static int keep_display_alive(void)
{
	if (completing && completing->opts->disp)
		display_update(completing->opts->disp);
	return 0;
}

void mon_completion_setup(struct monitor *m)
{
	completing = m;
	rl_readline_name = "x86lab";
	rl_attempted_completion_function = complete;
	rl_event_hook = m->opts->disp ? keep_display_alive : NULL;
}

void mon_completion_done(void)
{
	completing = NULL;
	rl_attempted_completion_function = NULL;
	rl_event_hook = NULL;
}
