# struct: 8-byte ints around the safe-integer and 32-bit boundaries, every byte order
import struct
vals = [0, 1, -1, 2**53 - 1, 2**53, 2**53 + 1, -2**53, -2**53 - 1, -2**53 + 1, 2**63 - 1, -2**63, 2**31, -2**31 - 1, 2**32, 2**52 + 12345, -(2**52) - 7, 2**21 * 2**32 - 1, -(2**21) * 2**32, -(2**21) * 2**32 - 1]
for v in vals:
    for fmt in ('<q', '>q', '=q', '@q', '<Q', '>Q', '@Q', '@n', '@N'):
        try:
            b = struct.pack(fmt, v); r = struct.unpack(fmt, b)[0]; print(fmt, v, b.hex(), r, type(r).__name__, r == v)
        except struct.error as e: print(fmt, v, e)
print(struct.unpack('<QQ', b'\xff' * 16), struct.unpack('>qq', b'\x80' + b'\x00' * 7 + b'\x7f' + b'\xff' * 7))
