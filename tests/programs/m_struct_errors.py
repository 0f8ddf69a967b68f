# struct: pack_into/unpack_from offsets, argument errors, the range errors of each integer
# format in each byte order, the unpack iterator.
import struct
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
ba = bytearray(8)
t(lambda: struct.pack_into('<i', ba, -2, 1))
t(lambda: struct.pack_into('<i', ba, -4, 1))
t(lambda: struct.pack_into('<i', ba, -9, 1))
t(lambda: struct.pack_into('<i', ba))
t(lambda: struct.pack_into('<i'))
t(lambda: struct.pack_into('<i', ba, 'x', 1))
t(lambda: struct.pack_into('<i', ba, 2.0, 1))
t(lambda: struct.Struct('<i').pack_into(ba))
t(lambda: struct.Struct('<i').pack_into())
t(lambda: struct.unpack_from('<i', ba, -4))
t(lambda: struct.unpack_from('<i', ba, 'x'))
t(lambda: struct.unpack_from('<i', ba, offset=2, buffer=ba))
t(lambda: struct.unpack_from('<i'))
t(lambda: struct.Struct())
t(lambda: struct.Struct(format='<i').size)
t(lambda: struct.iter_unpack('<i', 5))
t(lambda: struct.unpack('<i', 5))
t(lambda: struct.pack('<i', 1, x=2))
t(lambda: struct.calcsize(1))
t(lambda: struct.calcsize(format='i'))
for f in ['>h', '>H', '>i', '>I', '>l', '>L', '>q', '>Q', '!b', '!B', '=l', '=L', '=q', '=Q', '=i', '=I', '=h', '=H', '>n', 'P', '>P']:
    for v in [2**70, -2**70, 2**40, -2**40, 2**31, -2**31-1, 2**16, -2**15-1, -1, 2**63, 2**64]:
        try: r = struct.pack(f, v).hex()
        except Exception as e: r = type(e).__name__ + ': ' + str(e)
        print(f, v, r)
class B:
    def __bool__(self): raise ValueError('no bool')
t(lambda: struct.pack('?', B()))
class BadIdx:
    def __index__(self): return 'x'
t(lambda: struct.pack('<i', BadIdx()))
t(lambda: struct.pack('<f', 10**39))
t(lambda: struct.pack('f', 10**39))
t(lambda: struct.pack('<e', 10**39))
t(lambda: struct.pack('<e', 10**6))
t(lambda: struct.pack('<d', 'a'))

t(lambda: struct.unpack('<1p', b'\x05'))
print(struct.pack('<i', False), struct.pack('c', b'\x00'), struct.unpack('<?', b'\x00'))
it = struct.iter_unpack('<h', b'abcd')
t(lambda: type(it)())
print(iter(it) is it, list(it), list(it))
t(lambda: struct.Struct('i').__init__('h'))
s = struct.Struct('i'); s.__init__('h'); print(s.size, s.format)
