/*
 * tools/display/screenshot.c — writing the rendered VGA screen to a PNG
 * file with libpng: 8-bit RGB, no alpha, no interlace.
 */
#include "screenshot.h"

#include <errno.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct png_job {
	FILE *f;
	png_structp png;
	png_infop info;
	uint8_t *row;
};

/* libpng reports errors by longjmp; everything it could leak is in 'job'. */
static int write_rows(struct png_job *job, const uint32_t *pixels, int width, int height)
{
	if (setjmp(png_jmpbuf(job->png)))
		return -1;
	png_init_io(job->png, job->f);
	png_set_IHDR(job->png, job->info, (png_uint_32)width, (png_uint_32)height, 8,
	             PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
	             PNG_FILTER_TYPE_DEFAULT);
	png_write_info(job->png, job->info);
	for (int y = 0; y < height; y++) {
		const uint32_t *src = pixels + (size_t)y * (size_t)width;

		for (int x = 0; x < width; x++) {
			job->row[3 * x] = (uint8_t)(src[x] >> 16);
			job->row[3 * x + 1] = (uint8_t)(src[x] >> 8);
			job->row[3 * x + 2] = (uint8_t)src[x];
		}
		png_write_row(job->png, job->row);
	}
	png_write_end(job->png, NULL);
	return 0;
}

int png_write_rgb(const char *path, const uint32_t *pixels, int width, int height, char *err,
                  size_t n)
{
	struct png_job job = { NULL, NULL, NULL, NULL };
	int rc = -1;

	if (width <= 0 || height <= 0) {
		snprintf(err, n, "the screen is empty (%dx%d)", width, height);
		return -1;
	}
	job.f = fopen(path, "wb");
	if (!job.f) {
		snprintf(err, n, "cannot write %s: %s", path, strerror(errno));
		return -1;
	}
	job.row = malloc((size_t)width * 3);
	job.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	if (job.png)
		job.info = png_create_info_struct(job.png);
	if (job.row && job.info)
		rc = write_rows(&job, pixels, width, height);
	png_destroy_write_struct(&job.png, &job.info);
	free(job.row);
	if (fclose(job.f) != 0)
		rc = -1;
	if (rc < 0)
		snprintf(err, n, "cannot write the PNG file %s", path);
	return rc;
}

int screenshot_write(const struct vga *v, const char *path, char *err, size_t n)
{
	uint32_t *pixels = malloc((size_t)VGA_MAX_WIDTH * VGA_MAX_HEIGHT * sizeof *pixels);
	int w = 0, h = 0, rc;

	if (!pixels) {
		snprintf(err, n, "out of memory");
		return -1;
	}
	vga_render(v, pixels, &w, &h);
	rc = png_write_rgb(path, pixels, w, h, err, n);
	free(pixels);
	return rc;
}
