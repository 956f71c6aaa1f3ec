/*
 * tools/monitor/symbols.h — the monitor's symbol table: names for linear
 * addresses, loaded from nasm listings and "name = ADDRESS" files.
 */
#ifndef X86LAB_MON_SYMBOLS_H
#define X86LAB_MON_SYMBOLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct symtab;

/* An empty table, or NULL when memory is short. */
struct symtab *symtab_new(void);
void symtab_free(struct symtab *t);

/* Load symbols from 'path'. The format is detected line by line:
 *  - nasm listings (`nasm -l`): a line whose source starts with a label
 *    ("start:", "start: mov ax,1", ".loop:" which becomes "start.loop")
 *    names the address in the listing's offset column plus 'base' (nasm
 *    shows offsets from the start of the section; the caller says where that
 *    is, as a linear address). A label on a line of its own has no offset in
 *    the listing: it names the next byte emitted. Macro-local labels (..@),
 *    labels inside %macro definitions and struc fields are skipped, and so
 *    are the listing's warning lines. Every offset is taken from 'base': in
 *    a listing of several sections, load the one that matters (or use
 *    "name = ADDRESS" for the others);
 *  - "name = ADDRESS": ADDRESS is linear hex (0x7c00, 7c00h or 7c00) or
 *    SEG:OFF in hex (0000:7c00, = 0x7c00); 'base' does not apply.
 * '#' and ';' start comments. A name loaded again takes its new address (so
 * a listing can be reloaded after a rebuild). All or nothing: on an error
 * nothing is added. Returns the number of symbols the file defines, or -1
 * with "file:line: problem" in 'err'. */
int symtab_load(struct symtab *t, const char *path, uint32_t base, char *err, size_t errlen);

/* Add or move one symbol (for the monitor's own definitions). Returns false
 * when memory is short or the name is empty. */
bool symtab_add(struct symtab *t, const char *name, uint32_t lin);

/* The number of symbols. */
int symtab_count(const struct symtab *t);

bool symtab_lookup(const struct symtab *t, const char *name, uint32_t *lin);

/* The nearest symbol at or below 'lin' within 'max_distance' bytes, and the
 * distance ('distance' may be NULL); NULL if none. Of several symbols at one
 * address, the one defined last (the innermost label, usually). For
 * "start+0x5" annotations in disassembly. */
const char *symtab_near(const struct symtab *t, uint32_t lin, uint32_t max_distance,
                        uint32_t *distance);

/* The i-th symbol name in alphabetical (strcmp) order, for tab completion;
 * NULL past the end. */
const char *symtab_name(const struct symtab *t, int i);

#endif
