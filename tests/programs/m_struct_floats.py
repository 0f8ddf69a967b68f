# struct: half, single and double floats (rounding, overflow, specials), Struct objects,
# buffers and offsets.
import struct
def t(f, *a):
    try: print(repr(f(*a)))
    except Exception as e: print(type(e).__name__, e)
t(struct.pack, '<f', 1e300)
t(struct.pack, 'f', 1e300)
t(struct.pack, '>f', -1e39)
t(struct.pack, '<f', 3.4028235e38)
t(struct.pack, '<f', 3.4028236e38)
t(struct.pack, '<f', 3.40282357e38)
t(struct.calcsize, '3 i')
t(struct.calcsize, 'i 3')
t(struct.calcsize, '<3i')
t(struct.calcsize, '3<i')
t(struct.calcsize, 'i<')
t(struct.calcsize, '@ci')
t(struct.calcsize, '@cP')
t(struct.calcsize, '@ce')
t(struct.calcsize, '@c?')
t(struct.calcsize, '@c5s')
t(struct.calcsize, '@c0i')
t(struct.calcsize, '@c0ic')
s = struct.Struct('<hi')
print(s.format, s.size, s.pack(1, 2), s.unpack(b'\x01\x00\x02\x00\x00\x00'), s.unpack_from(b'xx\x01\x00\x02\x00\x00\x00', 2), list(s.iter_unpack(bytes(12))))
t(s.pack, 1)
t(lambda: s.unpack_from(b"x", offset=0))
t(lambda: s.unpack_from(buffer=bytes(6), offset=0))
t(lambda: struct.unpack_from("<h", buffer=b"ab"))
t(lambda: struct.unpack_from("<h", b"ab", offset=0))
ba = bytearray(10)
s.pack_into(ba, 1, 3, 4); print(ba)
print(s.__sizeof__() > 0)
class S(struct.Struct):
    pass
print(S('i').size)
print(struct.unpack('<q', b'\xff'*8), struct.unpack('<Q', b'\xff'*8), struct.unpack('>h', b'\x80\x00'), struct.unpack('=l', b'\x00\x00\x00\x80'))
print(struct.unpack('<e', b'\x01\x00'), struct.unpack('<e', b'\x00\xfc'), struct.unpack('<e', b'\x01\x7c'), struct.unpack('<e', b'\x01\xfe'))
print(struct.unpack('<d', struct.pack('<d', float('nan'))), struct.pack('>d', -0.0), struct.pack('<e', -0.0))
for v in [0.1, 1/3, 2.0**-14, 2.0**-24, 2.0**-25, 2.0**-25*1.0001, 1.0009765625, 1.00048828125, 1.00146484375, 65504.0, 65505.0, 65519.0, 2048.5, 2049.0, 2051.0]:
    print(v, struct.pack('<e', v), struct.unpack('<e', struct.pack('<e', v)))
for v in [0.1, 1e-40, 1e-46, 3.4028234663852886e38, 16777217.0, 1.00000005960464477539]:
    print(v, struct.pack('<f', v), struct.unpack('<f', struct.pack('<f', v)))
print(struct.pack('<Q', 2**64-1), struct.pack('>q', -2), struct.pack('<3h', 1, -2, 3))
print(struct.unpack('3s', b'abc'), struct.unpack('0s', b''), struct.unpack('2x', b'ab'), struct.unpack('c2xc', b'abcd'))
print(struct.pack('c2xc', b'a', b'd'))
t(struct.pack, 'i', None)
t(struct.pack, '?', None)
t(struct.pack, 's', bytearray(b'ab'))
t(struct.pack, '3s', memoryview(b'ab') if False else 'skip')
class F:
    def __float__(self): return 2.5
t(struct.pack, '<d', F())
t(struct.pack, '<d', 3)
t(struct.pack, '<d', 10**400)
class Idx:
    def __index__(self): return 2**40
t(struct.pack, '<i', Idx())
t(struct.pack, '<q', Idx())
t(struct.pack, '<i', 2.0)
import struct as st
print(sorted(x for x in dir(st) if not x.startswith('__')))
print(struct.Struct.__module__, struct.Struct.__name__, struct.error.__module__)
t(struct.unpack, b'<h', b'ab')
print(struct.calcsize(b'ii'))
t(struct.Struct('i').unpack, bytearray(b'abcd'))
t(struct.pack, '=e', 1.0)
print(struct.pack('!H', 258), struct.pack('>?', 2), struct.unpack('?', b'\x00'))
