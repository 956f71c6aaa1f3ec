/*
 * tools/display/screenshot.h — the guest's screen as a PNG file (the
 * monitor's screendump, --screenshot), through libpng.
 */
#ifndef X86LAB_SCREENSHOT_H
#define X86LAB_SCREENSHOT_H

#include <stddef.h>
#include <stdint.h>

#include "vga.h"

/* 'width' x 'height' pixels 0x00RRGGBB, rows 'width' apart, as 8-bit RGB.
 * Returns 0, or -1 with a reason in 'err'. */
int png_write_rgb(const char *path, const uint32_t *pixels, int width, int height, char *err,
                  size_t n);
/* What the VGA shows now (vga_render), without any front end's status line. */
int screenshot_write(const struct vga *v, const char *path, char *err, size_t n);

#endif
