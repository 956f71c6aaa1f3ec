/*
 * tests/unit/test_cli.c — the command-line helpers of tools/cli.c: sizes,
 * counts and SEG:OFF addresses (good and bad input), file reading, and the
 * one-line error format.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "cli.h"

static const struct {
	const char *text;
	uint32_t value;
} good_sizes[] = {
	{ "65536", 65536 },
	{ "0x10000", 0x10000 },
	{ "0X10000", 0x10000 },
	{ "640K", 640 * 1024 },
	{ "640k", 640 * 1024 },
	{ "640KB", 640 * 1024 },
	{ "640KiB", 640 * 1024 },
	{ "16M", 16u << 20 },
	{ "16m", 16u << 20 },
	{ "16MB", 16u << 20 },
	{ "16mib", 16u << 20 },
	{ "1G", 1u << 30 },
	{ "3GiB", 3u << 30 },
	{ "512B", 512 },
	{ "512b", 512 },
	{ "4095M", 4095u << 20 },
	{ "4294967295", 4294967295u },
	{ "0xFFFFFFFF", 0xFFFFFFFFu },
	{ "007", 7 },
	{ "0x1B", 27 },
};

static const char *const bad_sizes[] = {
	"",      "0",          "0K",          "0x0",   "-1",
	"+5",    " 16M",       "16M ",        "16 M",  "1.5M",
	"16X",   "16MM",       "16Mi",        "16iB",  "4G",
	"4096M", "4294967296", "0x100000000", "K",     "abc",
	"1e6",   "0x",         "0x10K",       "16KBB", "99999999999999999999999",
};

static void test_parse_size_accepts_suffixes_and_hex(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof good_sizes / sizeof good_sizes[0]; i++) {
		uint32_t v = 0;
		int rc = cli_parse_size(good_sizes[i].text, &v);
		if (rc != 0 || v != good_sizes[i].value)
			fail_msg("'%s': rc %d, value %u", good_sizes[i].text, rc, (unsigned)v);
	}
}

static void test_parse_size_rejects_garbage_zero_and_overflow(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof bad_sizes / sizeof bad_sizes[0]; i++) {
		uint32_t v = 12345;
		if (cli_parse_size(bad_sizes[i], &v) == 0)
			fail_msg("'%s' was accepted as %u", bad_sizes[i], (unsigned)v);
		assert_int_equal(v, 12345); /* untouched on error */
	}
}

static void test_parse_count_decimal_and_hex(void **state)
{
	uint64_t v = 1;

	(void)state;
	assert_int_equal(cli_parse_count("0", &v), 0);
	assert_true(v == 0);
	assert_int_equal(cli_parse_count("1000000", &v), 0);
	assert_true(v == 1000000);
	assert_int_equal(cli_parse_count("0x10", &v), 0);
	assert_true(v == 16);
	assert_int_equal(cli_parse_count("18446744073709551615", &v), 0);
	assert_true(v == UINT64_MAX);
}

static void test_parse_count_rejects_garbage_and_overflow(void **state)
{
	static const char *const bad[] = {
		"",
		"-1",
		"+1",
		" 1",
		"1 ",
		"1K",
		"0x",
		"12a",
		"18446744073709551616",
		"0x10000000000000000",
	};
	uint64_t v = 7;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (cli_parse_count(bad[i], &v) == 0)
			fail_msg("'%s' was accepted", bad[i]);
	}
	assert_true(v == 7);
}

static void test_parse_segoff_is_hex(void **state)
{
	static const struct {
		const char *text;
		uint16_t seg, off;
	} good[] = {
		{ "0000:7C00", 0x0000, 0x7C00 },     { "7c0:0", 0x07C0, 0x0000 },
		{ "0x1000:0x100", 0x1000, 0x0100 },  { "FFFF:FFFF", 0xFFFF, 0xFFFF },
		{ "0X10:0X20", 0x0010, 0x0020 },     { "1000:0100", 0x1000, 0x0100 },
		{ "00001000:0100", 0x1000, 0x0100 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		uint16_t seg = 1, off = 1;
		int rc = cli_parse_segoff(good[i].text, &seg, &off);
		if (rc != 0 || seg != good[i].seg || off != good[i].off)
			fail_msg("'%s': rc %d, %04X:%04X", good[i].text, rc, seg, off);
	}
}

static void test_parse_segoff_rejects_bad_input(void **state)
{
	static const char *const bad[] = {
		"",        ":",           "1000",       "1000:",      ":100",      "10000:0",
		"0:10000", "1000:0100:5", "g:0",        "1000 :100",  "1000: 100", "-1:0",
		"0x:0",    "1000:0x",     "1000:0100 ", " 1000:0100", "1000;0100", "1000:+1",
	};
	uint16_t seg = 0xAAAA, off = 0xBBBB;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (cli_parse_segoff(bad[i], &seg, &off) == 0)
			fail_msg("'%s' was accepted as %04X:%04X", bad[i], seg, off);
	}
	assert_int_equal(seg, 0xAAAA);
	assert_int_equal(off, 0xBBBB);
}

/* A temporary file holding 'len' bytes of a known pattern; its path is
 * written to 'path' (at least 32 bytes). */
static void make_file(char *path, size_t len)
{
	int fd;

	strcpy(path, "/tmp/x86lab_test_cli_XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	for (size_t i = 0; i < len; i++) {
		uint8_t b = (uint8_t)(i * 7 + 3);
		assert_int_equal(write(fd, &b, 1), 1);
	}
	close(fd);
}

static void test_read_file_reads_whole_file(void **state)
{
	char path[64];
	uint8_t *data = NULL;
	size_t len = 0;

	(void)state;
	make_file(path, 10000); /* larger than the first buffer: it must grow */
	assert_int_equal(cli_read_file(path, &data, &len, 10000), 0);
	assert_int_equal(len, 10000);
	for (size_t i = 0; i < len; i++)
		assert_int_equal(data[i], (uint8_t)(i * 7 + 3));
	free(data);
	assert_int_equal(cli_read_file(path, &data, &len, SIZE_MAX), 0);
	assert_int_equal(len, 10000);
	free(data);
	unlink(path);
}

static void test_read_file_refuses_more_than_max(void **state)
{
	char path[64];
	uint8_t *data = NULL;
	size_t len = 0;

	(void)state;
	make_file(path, 10);
	assert_int_equal(cli_read_file(path, &data, &len, 9), -1);
	assert_int_equal(errno, EFBIG);
	assert_int_equal(cli_read_file(path, &data, &len, 0), -1);
	assert_int_equal(errno, EFBIG);
	assert_int_equal(cli_read_file(path, &data, &len, 10), 0);
	assert_int_equal(len, 10);
	free(data);
	unlink(path);
}

static void test_read_file_empty_gives_a_buffer(void **state)
{
	char path[64];
	uint8_t *data = NULL;
	size_t len = 99;

	(void)state;
	make_file(path, 0);
	assert_int_equal(cli_read_file(path, &data, &len, 100), 0);
	assert_int_equal(len, 0);
	assert_non_null(data);
	free(data);
	unlink(path);
}

static void test_read_file_reports_errno(void **state)
{
	uint8_t *data = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(cli_read_file("/nonexistent/x86lab/file", &data, &len, 100), -1);
	assert_int_equal(errno, ENOENT);
	assert_int_equal(cli_read_file("/tmp", &data, &len, 100), -1);
	assert_int_equal(errno, EISDIR);
}

/* Run 'fn' with stderr sent to a temporary file; return what it printed. */
static char *capture_stderr(void (*fn)(void *), void *arg)
{
	static char out[512];
	char path[] = "/tmp/x86lab_test_cli_err_XXXXXX";
	int fd = mkstemp(path), saved = dup(2);
	ssize_t n;

	assert_true(fd >= 0 && saved >= 0);
	fflush(stderr);
	dup2(fd, 2);
	fn(arg);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	lseek(fd, 0, SEEK_SET);
	n = read(fd, out, sizeof out - 1);
	out[n > 0 ? n : 0] = '\0';
	close(fd);
	unlink(path);
	return out;
}

static void print_run_error(void *arg)
{
	(void)arg;
	cli_error("run", "bad %s %d", "thing", 42);
}

static void print_plain_error(void *arg)
{
	(void)arg;
	cli_error(NULL, "no command");
}

static void test_error_has_program_and_command(void **state)
{
	(void)state;
	assert_string_equal(capture_stderr(print_run_error, NULL), "x86lab run: bad thing 42\n");
	assert_string_equal(capture_stderr(print_plain_error, NULL), "x86lab: no command\n");
}

/* Parse 'args' (NULL-terminated, after the command name) the way the
 * commands do, and report the first getopt error. */
static const char shortopts[] = ":qh";
static const struct option longopts[] = {
	{ "cpu", required_argument, NULL, 256 },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static void parse_until_error(void *arg)
{
	char **argv = arg;
	int argc = 0, opt;

	while (argv[argc])
		argc++;
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (opt == '?' || opt == ':') {
			assert_int_equal(cli_getopt_error("run", opt, argv, shortopts), 2);
			return;
		}
	}
}

static void expect_getopt_message(const char *a1, const char *a2, const char *message)
{
	char cmd[] = "run", w1[64], w2[64];
	char *argv[4] = { cmd, w1, a2 ? w2 : NULL, NULL };

	snprintf(w1, sizeof w1, "%s", a1);
	snprintf(w2, sizeof w2, "%s", a2 ? a2 : "");
	assert_string_equal(capture_stderr(parse_until_error, argv), message);
}

static void test_getopt_error_names_the_option(void **state)
{
	(void)state;
	expect_getopt_message("--bogus", NULL,
	                      "x86lab run: unknown option '--bogus'; see 'x86lab run --help'\n");
	expect_getopt_message("--bogus=1", NULL,
	                      "x86lab run: unknown option '--bogus'; see 'x86lab run --help'\n");
	expect_getopt_message("-x", NULL,
	                      "x86lab run: unknown option '-x'; see 'x86lab run --help'\n");
	expect_getopt_message("-qx", NULL,
	                      "x86lab run: unknown option '-x'; see 'x86lab run --help'\n");
	expect_getopt_message("--cpu=386", "-zq",
	                      "x86lab run: unknown option '-z'; see 'x86lab run --help'\n");
	expect_getopt_message(
	        "--cpu", NULL,
	        "x86lab run: option '--cpu' needs a value; see 'x86lab run --help'\n");
	expect_getopt_message(
	        "--quiet=1", NULL,
	        "x86lab run: option '--quiet' takes no value; see 'x86lab run --help'\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_size_accepts_suffixes_and_hex),
		cmocka_unit_test(test_parse_size_rejects_garbage_zero_and_overflow),
		cmocka_unit_test(test_parse_count_decimal_and_hex),
		cmocka_unit_test(test_parse_count_rejects_garbage_and_overflow),
		cmocka_unit_test(test_parse_segoff_is_hex),
		cmocka_unit_test(test_parse_segoff_rejects_bad_input),
		cmocka_unit_test(test_read_file_reads_whole_file),
		cmocka_unit_test(test_read_file_refuses_more_than_max),
		cmocka_unit_test(test_read_file_empty_gives_a_buffer),
		cmocka_unit_test(test_read_file_reports_errno),
		cmocka_unit_test(test_error_has_program_and_command),
		cmocka_unit_test(test_getopt_error_names_the_option),
	};
	return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
