# Turn a binary file into a C array (cmake -P; no xxd needed).
# Inputs: INPUT (file), OUTPUT (.c file), SYMBOL (array name).
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" n)
math(EXPR size "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
string(REGEX REPLACE "((0x..,){16})" "\\1\n" body "${body}")
file(WRITE "${OUTPUT}" "/* Generated from ${INPUT} by cmake/embed.cmake; do not edit. */\n"
  "const unsigned char ${SYMBOL}[] = {\n${body}\n};\n"
  "const unsigned long ${SYMBOL}_size = ${size};\n")
