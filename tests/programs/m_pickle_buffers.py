# pickle protocol 5: PickleBuffer (raw, release, the buffer protocol), in-band bytes and bytearray,
# out-of-band buffers through buffer_callback and loads(buffers=...), READONLY_BUFFER, errors.
import pickle, array
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
b = pickle.PickleBuffer(bytearray(b'abc'))
t(lambda: (bytes(b.raw()), memoryview(b).readonly, b.raw().format, b.raw().nbytes))
t(lambda: pickle.dumps(b, 5)); t(lambda: pickle.dumps(pickle.PickleBuffer(b'xyz'), 5)); t(lambda: pickle.dumps([b, b], 5))
bufs = []
s = pickle.dumps([pickle.PickleBuffer(b'xyz'), pickle.PickleBuffer(bytearray(b'q'))], 5, buffer_callback=bufs.append)
t(lambda: s); t(lambda: [bytes(x) for x in bufs])
back = pickle.loads(s, buffers=bufs)
t(lambda: [type(x).__name__ for x in back]); t(lambda: [bytes(x) for x in back])
back = pickle.loads(s, buffers=[b'12', bytearray(b'34')])
t(lambda: [(type(x).__name__, bytes(x), memoryview(x).readonly) for x in back])
t(lambda: pickle.loads(s)); t(lambda: pickle.loads(s, buffers=[]))
t(lambda: pickle.dumps(pickle.PickleBuffer(b'x'), 4)); t(lambda: pickle.PickleBuffer(3)); t(lambda: pickle.PickleBuffer())
b.release(); t(lambda: b.raw()); t(lambda: memoryview(b)); t(lambda: pickle.dumps(b, 5))
t(lambda: pickle.dumps(pickle.PickleBuffer(memoryview(b'abcd')[::2]), 5)); t(lambda: pickle.PickleBuffer(memoryview(b'abcd')[::2]).raw())
t(lambda: pickle.dumps(pickle.PickleBuffer(array.array('i', [1, 2])), 5)); t(lambda: pickle.loads(pickle.dumps(pickle.PickleBuffer(bytearray(b'zz')), 5)))
t(lambda: pickle.dumps(pickle.PickleBuffer(b'x' * 70000), 5)[:20]); t(lambda: type(pickle.PickleBuffer).__name__); t(lambda: pickle.PickleBuffer.__module__)
