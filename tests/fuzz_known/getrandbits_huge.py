# Found by the runtime mutator (m_zlib_crc32.py with getrandbits(8) turned into
# getrandbits(2**31-1), on the JIT tier): CPython 3.11 prints True in under a second; pyjit runs for
# minutes (the 2**31-bit int is past V8's BigInt limit, so at best it could raise MemoryError).
import random
r = random.Random(1)
print(r.getrandbits(2 ** 31 - 1) > 0)
