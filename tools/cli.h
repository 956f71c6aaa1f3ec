/*
 * tools/cli.h — small helpers shared by the x86lab subcommands: parsing sizes,
 * counts and SEG:OFF addresses, reading input files, and reporting errors in
 * one format. Used by tools/ only.
 */
#ifndef X86LAB_CLI_H
#define X86LAB_CLI_H

#include <stddef.h>
#include <stdint.h>

/* A byte count: decimal with an optional binary suffix K, M or G (each may be
 * followed by B or iB; case does not matter; "16M" = "16MiB" = 16777216), a
 * plain "B", or hex with 0x and no suffix. Rejects empty input, signs,
 * spaces, garbage, zero and values above UINT32_MAX. Returns 0 or -1. */
int cli_parse_size(const char *s, uint32_t *out);

/* The value of hex digit 'ch' (either case), or -1. */
int cli_hex_digit(char ch);

/* A count (instructions, tests): decimal digits, or hex after 0x. Zero is
 * accepted; the caller decides whether it makes sense. Returns 0 or -1. */
int cli_parse_count(const char *s, uint64_t *out);

/* A real-mode address "SEG:OFF". Both parts are HEX, with or without 0x, as
 * debuggers and the Intel manuals write them: "7c0:0", "0000:7C00",
 * "0x1000:0x100". Each part must fit in 16 bits. Returns 0 or -1. */
int cli_parse_segoff(const char *s, uint16_t *seg, uint16_t *off);

/* Read a whole file into a new malloc'd buffer (free it). Files longer than
 * 'max' bytes are refused. Prints nothing: returns 0, or -1 with errno set
 * (EFBIG when longer than 'max'), so the caller can report strerror(errno).
 * An empty file gives *len = 0 and a valid (1-byte) buffer. */
int cli_read_file(const char *path, uint8_t **data, size_t *len, size_t max);

/* Print "x86lab CMD: message" (or "x86lab: message" when 'cmd' is NULL) and a
 * newline on stderr. */
void cli_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Make the next getopt_long() call start over at argv[1], forgetting any
 * half-parsed cluster of short options: each command calls this first. */
void cli_getopt_reset(void);

/* Report what getopt_long() complained about, in cli_error's format, naming
 * the option and pointing at "x86lab CMD --help". 'opt' is the '?' or ':'
 * getopt_long returned; 'shortopts' is the option string given to it, which
 * must start with ':' (and opterr should be 0, so getopt stays silent).
 * Reads getopt's optind and optopt. Returns 2, the bad-usage exit status. */
int cli_getopt_error(const char *cmd, int opt, char *const argv[], const char *shortopts);

#endif
