/*
 * tools/monitor/cmd_change.c — changing memory by hand: write bytes, load a
 * file into memory, save memory to a file. All through mem_peek/mem_poke on
 * physical addresses (no device side effects, ROM writable, as a debugger
 * needs). 'set' for registers is in mcmd_regs.c.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "monitor.h"

#define WRITE_MAX 256         /* bytes one 'write' takes */
#define FILE_MAX  (64u << 20) /* bytes 'load' and 'save' move at once */

/* Page by page, since consecutive linear pages need not be consecutive
 * physical ones. Checks that every byte has memory first. */
static int copy_mem(struct monitor *m, const struct mon_addr *a, uint8_t *buf, uint32_t len,
                    bool to_guest, const char *what)
{
	for (uint32_t done = 0; done < len;) {
		uint32_t phys, chunk;
		if (!mon_addr_phys(m, a, done, &phys)) {
			mon_error(m, "%s: no physical address for byte %" PRIu32, what, done);
			return -1;
		}
		chunk = MEM_PAGE_SIZE - (phys & MEM_PAGE_MASK);
		if (chunk > len - done)
			chunk = len - done;
		if (mon_check_backed(m, phys, chunk, what) < 0)
			return -1;
		done += chunk;
	}
	for (uint32_t done = 0; done < len;) {
		uint32_t phys, chunk;
		mon_addr_phys(m, a, done, &phys);
		chunk = MEM_PAGE_SIZE - (phys & MEM_PAGE_MASK);
		if (chunk > len - done)
			chunk = len - done;
		if (to_guest)
			mem_poke(&m->machine->mem, phys, buf + done, chunk);
		else
			mem_peek(&m->machine->mem, phys, buf + done, chunk);
		done += chunk;
	}
	return 0;
}

/* The bytes of 'write': numbers (-128..255) and "quoted text". */
static int collect_bytes(struct monitor *m, const struct mon_args *a, uint8_t *buf, uint32_t *n)
{
	*n = 0;
	for (int i = 1; i < a->argc; i++) {
		bool text = a->rest[i][0] == '"';
		size_t len = text ? strlen(a->argv[i]) : 1;
		int64_t v;
		if (*n + len > WRITE_MAX) {
			mon_error(m, "write takes at most %d bytes at a time", WRITE_MAX);
			return -1;
		}
		if (text) {
			memcpy(buf + *n, a->argv[i], len);
			*n += (uint32_t)len;
			continue;
		}
		if (mon_count(m, a->argv[i], -128, 255, "a byte", &v) < 0)
			return -1;
		buf[(*n)++] = (uint8_t)v;
	}
	return 0;
}

int mcmd_write(struct monitor *m, const struct mon_args *a)
{
	uint8_t buf[WRITE_MAX + 1];
	struct mon_addr addr;
	char where[32];
	uint32_t n;

	if (a->argc < 2) {
		mon_error(m, "usage: write ADDR BYTE... (e.g. 'write ds:0200 0x41 0x42 \"text\"')");
		return -1;
	}
	if (mon_address(m, a->argv[0], SEG_DS, &addr) < 0 || collect_bytes(m, a, buf, &n) < 0)
		return -1;
	if (n == 0) {
		mon_error(m, "write: nothing to write");
		return -1;
	}
	if (copy_mem(m, &addr, buf, n, true, "write") < 0)
		return -1;
	mon_addr_text(&addr, 0, where, sizeof where);
	fprintf(m->out, "wrote %" PRIu32 " byte%s at %s\n", n, n == 1 ? "" : "s", where);
	return 0;
}

int mcmd_load(struct monitor *m, const struct mon_args *a)
{
	struct mon_addr addr;
	uint8_t *data = NULL;
	size_t len = 0;
	char where[32];
	int rc = -1;

	if (a->argc != 2) {
		mon_error(m, "usage: load FILE ADDR (e.g. 'load data.bin 2000:0000')");
		return -1;
	}
	if (mon_address(m, a->argv[1], SEG_DS, &addr) < 0)
		return -1;
	if (cli_read_file(a->argv[0], &data, &len, FILE_MAX) < 0) {
		mon_error(m, "cannot read %s: %s", a->argv[0],
		          errno == EFBIG ? "larger than 64 MiB" : strerror(errno));
		return -1;
	}
	if (len > 0 && copy_mem(m, &addr, data, (uint32_t)len, true, "load") == 0) {
		mon_addr_text(&addr, 0, where, sizeof where);
		fprintf(m->out, "loaded %zu bytes from %s at %s\n", len, a->argv[0], where);
		rc = 0;
	} else if (len == 0) {
		mon_error(m, "%s is empty", a->argv[0]);
	}
	free(data);
	return rc;
}

static int write_file(struct monitor *m, const char *path, const uint8_t *data, uint32_t len)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(data, 1, len, f) != len) {
		mon_error(m, "cannot write %s: %s", path, strerror(errno));
		if (f)
			fclose(f);
		return -1;
	}
	if (fclose(f) != 0) {
		mon_error(m, "cannot write %s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

int mcmd_save(struct monitor *m, const struct mon_args *a)
{
	struct mon_addr addr;
	uint8_t *data;
	int64_t len;
	char where[32];
	int rc = -1;

	if (a->argc != 3) {
		mon_error(m, "usage: save FILE ADDR LEN (e.g. 'save out.bin ds:0200 0x100')");
		return -1;
	}
	if (mon_address(m, a->argv[1], SEG_DS, &addr) < 0 ||
	    mon_count(m, a->rest[2], 1, FILE_MAX, "LEN", &len) < 0)
		return -1;
	data = malloc((size_t)len);
	if (!data) {
		mon_error(m, "out of memory");
		return -1;
	}
	if (copy_mem(m, &addr, data, (uint32_t)len, false, "save") == 0 &&
	    write_file(m, a->argv[0], data, (uint32_t)len) == 0) {
		mon_addr_text(&addr, 0, where, sizeof where);
		fprintf(m->out, "saved %" PRId64 " bytes from %s to %s\n", len, where, a->argv[0]);
		rc = 0;
	}
	free(data);
	return rc;
}
