/*
 * tools/cli.c — parsing and error helpers shared by the x86lab subcommands.
 * Host input only: nothing here knows about the machine.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int cli_hex_digit(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* Parse digits of 'base' (10 or 16) from *sp up to the first non-digit, which
 * is left in *sp. Fails on no digits or a value above 'limit'. */
static int parse_digits(const char **sp, int base, uint64_t limit, uint64_t *out)
{
	const char *s = *sp;
	uint64_t v = 0;
	int d;

	if (cli_hex_digit(*s) < 0 || cli_hex_digit(*s) >= base)
		return -1;
	while ((d = cli_hex_digit(*s)) >= 0 && d < base) {
		if (v > (limit - (uint64_t)d) / (uint64_t)base)
			return -1;
		v = v * (uint64_t)base + (uint64_t)d;
		s++;
	}
	*sp = s;
	*out = v;
	return 0;
}

static bool has_hex_prefix(const char *s)
{
	return s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
}

/* A whole string as one number: 0x-prefixed hex or plain decimal. */
static int parse_number(const char **sp, uint64_t limit, uint64_t *out)
{
	if (has_hex_prefix(*sp)) {
		*sp += 2;
		return parse_digits(sp, 16, limit, out);
	}
	return parse_digits(sp, 10, limit, out);
}

/* Size suffixes are binary multiples, as memory sizes always are. */
static const struct {
	const char *name;
	unsigned shift;
} size_suffixes[] = {
	{ "", 0 },    { "b", 0 },    { "k", 10 }, { "kb", 10 }, { "kib", 10 }, { "m", 20 },
	{ "mb", 20 }, { "mib", 20 }, { "g", 30 }, { "gb", 30 }, { "gib", 30 },
};

static int suffix_shift(const char *s, unsigned *shift)
{
	for (size_t i = 0; i < sizeof size_suffixes / sizeof size_suffixes[0]; i++) {
		if (strcasecmp(s, size_suffixes[i].name) == 0) {
			*shift = size_suffixes[i].shift;
			return 0;
		}
	}
	return -1;
}

int cli_parse_size(const char *s, uint32_t *out)
{
	bool hex = has_hex_prefix(s);
	unsigned shift = 0;
	uint64_t v;

	if (parse_number(&s, UINT32_MAX, &v) < 0)
		return -1;
	/* A hex digit string would swallow a "B" suffix, so hex takes none. */
	if (hex ? *s != '\0' : suffix_shift(s, &shift) < 0)
		return -1;
	if (v == 0 || v > (UINT32_MAX >> shift))
		return -1;
	*out = (uint32_t)(v << shift);
	return 0;
}

int cli_parse_count(const char *s, uint64_t *out)
{
	uint64_t v;

	if (parse_number(&s, UINT64_MAX, &v) < 0 || *s != '\0')
		return -1;
	*out = v;
	return 0;
}

static int parse_hex16(const char **sp, uint16_t *out)
{
	uint64_t v;

	if (has_hex_prefix(*sp))
		*sp += 2;
	if (parse_digits(sp, 16, 0xFFFF, &v) < 0)
		return -1;
	*out = (uint16_t)v;
	return 0;
}

int cli_parse_segoff(const char *s, uint16_t *seg, uint16_t *off)
{
	uint16_t sv, ov;

	if (parse_hex16(&s, &sv) < 0 || *s++ != ':')
		return -1;
	if (parse_hex16(&s, &ov) < 0 || *s != '\0')
		return -1;
	*seg = sv;
	*off = ov;
	return 0;
}

/* Read until EOF into a growing buffer, one byte past 'max' at most so that
 * an oversized input is detected without reading all of it. */
static int read_stream(FILE *f, uint8_t **data, size_t *len, size_t max)
{
	size_t limit = max < SIZE_MAX ? max + 1 : SIZE_MAX;
	size_t cap = limit < 4096 ? limit : 4096;
	size_t n = 0;
	uint8_t *buf = malloc(cap ? cap : 1);

	if (!buf)
		return -1;
	for (;;) {
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap || cap == limit)
			break;
		size_t ncap = cap > limit / 2 ? limit : cap * 2;
		uint8_t *nbuf = realloc(buf, ncap);
		if (!nbuf) {
			free(buf);
			return -1;
		}
		buf = nbuf;
		cap = ncap;
	}
	if (ferror(f) || n > max) {
		int e = ferror(f) ? errno : EFBIG;
		free(buf);
		errno = e ? e : EIO;
		return -1;
	}
	*data = buf;
	*len = n;
	return 0;
}

int cli_read_file(const char *path, uint8_t **data, size_t *len, size_t max)
{
	FILE *f = fopen(path, "rb");
	int rc, e;

	if (!f)
		return -1;
	errno = 0;
	rc = read_stream(f, data, len, max);
	e = errno;
	fclose(f);
	errno = e;
	return rc;
}

void cli_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout); /* keep the guest's output and our message in order */
	if (cmd)
		fprintf(stderr, "x86lab %s: ", cmd);
	else
		fputs("x86lab: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* getopt's state is global; glibc reinitializes it fully only when optind
 * is 0, POSIX getopt when it is 1. */
void cli_getopt_reset(void)
{
#ifdef __GLIBC__
	optind = 0;
#else
	optind = 1;
#endif
	opterr = 0;
}

/* getopt_long leaves few clues: optopt is 0 for an unknown long option, the
 * option's 'val' for a long option misused, and the character for a short
 * one; argv[optind-1] is the word at fault, except inside a cluster of short
 * options ("-qz") where optind has not moved yet. */
int cli_getopt_error(const char *cmd, int opt, char *const argv[], const char *shortopts)
{
	const char *word = optind > 0 ? argv[optind - 1] : "";
	bool known_short =
	        optopt > 0 && optopt < 256 && optopt != ':' && strchr(shortopts, optopt) != NULL;
	bool is_long = strncmp(word, "--", 2) == 0 &&
	               (opt == ':' || optopt == 0 || optopt >= 256 || known_short);
	int namelen = (int)strcspn(word, "=");

	if (opt == ':' && is_long)
		cli_error(cmd, "option '%.*s' needs a value; see 'x86lab %s --help'", namelen, word,
		          cmd);
	else if (opt == ':')
		cli_error(cmd, "option '-%c' needs a value; see 'x86lab %s --help'", optopt, cmd);
	else if (is_long && optopt != 0)
		cli_error(cmd, "option '%.*s' takes no value; see 'x86lab %s --help'", namelen,
		          word, cmd);
	else if (is_long)
		cli_error(cmd, "unknown option '%.*s'; see 'x86lab %s --help'", namelen, word, cmd);
	else
		cli_error(cmd, "unknown option '-%c'; see 'x86lab %s --help'", optopt, cmd);
	return 2;
}
