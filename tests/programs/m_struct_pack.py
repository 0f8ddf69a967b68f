# struct: every format character in every byte order, sizes and alignment, and the errors.
import struct
def t(f, *a):
    try: print(repr(f(*a)))
    except Exception as e: print(type(e).__name__, e)
for fmt, v in [('i','a'),('i',1.0),('b',200),('b',-129),('B',300),('B',-1),('h',70000),('H',-1),('H',70000),('i',2**31),('I',-1),('I',2**32),('l',2**63),('L',-1),('q',2**63),('Q',-1),('Q',2**64),('n',2**63),('N',-1),
  ('<b',200),('<B',-1),('<h',2**15),('<H',-1),('<i',2**31),('<I',-1),('<l',2**31),('<L',2**32),('<q',2**63),('<Q',-1),('<Q',2**64),('>q', -2**63-1), ('c', b'ab'), ('c', 'a'), ('c', 1), ('s', 'a'), ('p', 1), ('e', 1e6), ('f', 1e300), ('d', 'x'), ('e', 'x'), ('?', []), ('P', -1), ('P', 2**64), ('c', bytearray(b'a')), ('f', 10**400)]:
    t(struct.pack, fmt, v)
for fmt in ['<n', '=N', '!P', 'z', '3', '4', 'i4', '2x3', '', '@', '<', ' i i ', 'i\n', '10000000000000000000i', '2147483648s', '3s2p', '0s']:
    t(struct.calcsize, fmt)
t(struct.pack, 'ii', 1)
t(struct.pack, 'i', 1, 2)
t(struct.pack, 'x')
t(struct.pack, '3x')
t(struct.unpack, 'i', b'abc')
t(struct.unpack, 'i', 'abcd')
t(struct.unpack_from, '<i', b'abcdef', 4)
t(struct.unpack_from, '<i', b'abcdef', -2)
t(struct.unpack_from, '<i', b'abcdef', -10)
t(struct.unpack_from, '<i', b'abcdef', 10)
ba = bytearray(5)
t(struct.pack_into, '<i', ba, 2, 7)
t(struct.pack_into, '<i', ba, -10, 7)
t(struct.pack_into, '<i', ba, 10, 7)
t(struct.pack_into, '<i', b'abcdef', 0, 7)
t(struct.pack_into, '<i', ba, 0)
t(struct.iter_unpack, '<i', b'abcdef')
t(struct.iter_unpack, '', b'abcdef')
t(lambda: list(struct.iter_unpack('<h', b'abcdef')))
it = struct.iter_unpack('<h', b'abcdef'); print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__())
print(type(struct.Struct('i')).__name__, struct.Struct(b'<2h').format, struct.Struct('3si').size)
t(struct.Struct, 1)
t(struct.Struct, 'z')
t(struct.pack, 1)
t(struct.calcsize)
t(struct.pack)
t(struct.unpack, 'i')
print(struct.error, struct.error.__mro__, isinstance(struct.__doc__, str))
print(struct.pack('5s', b'ab'), struct.pack('2s', b'abcd'), struct.pack('5p', b'ab'), struct.pack('3p', b'abcd'), struct.pack('p', b'abc'), struct.pack('0p', b'x'), struct.pack('300p', b'x'*300)[:3])
print(struct.unpack('5p', b'\x02abcd'), struct.unpack('5p', b'\x09abcd'), struct.unpack('?', b'\x05'), struct.unpack('3c', b'abc'))
print(struct.pack('?', []), struct.pack('?', 'x'), struct.pack('e', 1.5), struct.pack('<e', 65504), struct.unpack('<e', b'\x00\x7c'), struct.pack('<e', float('nan')), struct.pack('<e', 1e-8), struct.pack('<e', 6e-8))
t(struct.pack, '<e', 65520.0)
t(struct.pack, '<e', 65519.99)
print(struct.pack('<d', float('-inf')), struct.pack('<f', float('nan')), struct.unpack('<f', struct.pack('<f', 0.1)))
print(struct.pack('bhilq', 1, 2, 3, 4, 5), struct.calcsize('bhilq'), struct.calcsize('@qb'), struct.calcsize('@bq'), struct.calcsize('bq0q'), struct.calcsize('=bq'))
class I:
    def __index__(self): return 7
print(struct.pack('<i', I()), struct.pack('<?', I()))
t(struct.pack, '<i', True)
# packing that runs Python code which packs too (__index__, __float__), padding kept zero
class Reentrant:
    def __index__(self):
        struct.pack('<qqq', -1, -1, -1)
        return 258
    def __float__(self):
        struct.pack('<ddd', 1e300, -1e300, 5.5)
        return 2.5
print(struct.pack('<iHd4s', Reentrant(), Reentrant(), Reentrant(), b'xy'))
print(struct.pack('@bxi?xq', 1, 2, True, Reentrant()))
print(struct.pack('@bxi?xq', 1, 2, True, 3), struct.pack('@cHd', b'z', 9, 0.5))
buf = bytearray(b'\xff' * 24)
struct.pack_into('@bxiq', buf, 2, 1, Reentrant(), 3); print(buf)
print(struct.pack('<5s2s20s', b'toolongvalue', b'a', b'\xee' * 25), struct.pack('<3p', b'ab'))
for n in (-129, -128, 127, 128, 255, 256, -32769, 65535, 65536, 2**31 - 1, 2**31, 2**32 - 1, 2**32, -2**31, -2**31 - 1):
    for code in 'bBhHiIlL':
        try: print(code, n, struct.pack('<' + code, n).hex(), struct.pack('@' + code, n).hex())
        except struct.error as e: print(code, n, e)
print([struct.unpack_from('<hi', b'\x01\x02\x03\x04\x05\x06\x07\x08', k) for k in (0, 1, 2)])
