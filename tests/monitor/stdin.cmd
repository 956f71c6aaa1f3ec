# Commands from a pipe (no -x, no terminal): echoed as from a file.
step
p ax
quit
