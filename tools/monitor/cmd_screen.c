/*
 * tools/monitor/cmd_screen.c — screendump: the guest's screen as the VGA
 * shows it, written to a PNG file.
 */
#include <stdlib.h>

#include "monitor.h"
#include "screenshot.h"

int mcmd_screendump(struct monitor *m, const struct mon_args *a)
{
	char err[256];
	int w = 0, h = 0;
	uint32_t *pixels;

	if (a->argc != 1) {
		mon_error(m, "usage: screendump FILE.png");
		return -1;
	}
	pixels = malloc((size_t)VGA_MAX_WIDTH * VGA_MAX_HEIGHT * sizeof *pixels);
	if (!pixels) {
		mon_error(m, "out of memory");
		return -1;
	}
	vga_render(&m->machine->vga, pixels, &w, &h);
	if (png_write_rgb(a->argv[0], pixels, w, h, err, sizeof err) < 0) {
		free(pixels);
		mon_error(m, "screendump: %s", err);
		return -1;
	}
	free(pixels);
	fprintf(m->out, "wrote the %s screen (%dx%d) to %s\n",
	        vga_is_text(&m->machine->vga) ? "text" : "graphics", w, h, a->argv[0]);
	return 0;
}
