# Found by the tier fuzzer against CPython (seed 300914, 1 << (62 - b) with b = -2**31): CPython
# 3.11 makes the 2**31-bit int (256 MiB) and prints 2147483711 and False; pyjit raises MemoryError, for
# V8's BigInt holds at most 2**30 bits.
x = 1 << (62 + 2 ** 31)
print(x.bit_length())
print(x < 0)
