# Understanding what runs: explain before and after a step (registers, flags,
# the stack and memory it wrote), trace to the screen and to a file, history
# (and switching recording off), stats.
explain
step
explain
step 2
explain
step
explain
trace on
step 3
next
trace off
trace on trace.txt
until 0x124
next
trace off
history 5
history
stats
history off
history
continue
stats
history on
history 0
history 2000
history 1 2
trace
trace on /nonexistent/t.txt
trace sideways
