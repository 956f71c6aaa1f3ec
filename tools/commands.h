/*
 * tools/commands.h — the subcommands of the x86lab program. Each takes the
 * arguments after its own name (argv[0] is the subcommand) and returns the
 * process exit status.
 */
#ifndef X86LAB_COMMANDS_H
#define X86LAB_COMMANDS_H

int cmd_run(int argc, char **argv);
int cmd_sst(int argc, char **argv);
int cmd_disasm(int argc, char **argv);
int cmd_monitor(int argc, char **argv);

/* The built-in firmware and demo disk, assembled and embedded at build time. */
extern const unsigned char x86lab_demo_disk[]; /* tools/demo_disk.asm */
extern const unsigned long x86lab_demo_disk_size;
extern const unsigned char x86lab_bios_rom[]; /* bios/bios.asm, 64 KiB */
extern const unsigned long x86lab_bios_rom_size;

#endif
