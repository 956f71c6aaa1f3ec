until 1000:02da
sendkey "Hi" enter
sendkey bogus
continue
