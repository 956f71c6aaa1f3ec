/*
 * tools/image_kind.h — what 'x86lab run IMAGE' boots: a floppy image,
 * recognised by its size, or a hard-disk image, recognised by its MBR.
 */
#ifndef X86LAB_IMAGE_KIND_H
#define X86LAB_IMAGE_KIND_H

#include <stddef.h>

enum image_kind { IMAGE_FLOPPY, IMAGE_HARD_DISK };

/* Look at 'path': a file of a floppy's size (360K, 720K, 1.2M, 1.44M,
 * 2.88M) is a floppy; a file of whole 512-byte sectors whose first sector
 * ends with the boot signature 55h AAh and whose four partition entries have
 * a boot indicator of 00h or 80h is a hard disk. Returns 0 with the kind,
 * or -1 with the reason in 'err' (unreadable, too small, neither). */
int image_kind(const char *path, enum image_kind *kind, char *err, size_t errlen);

#endif
