# gzip: compress/decompress (members, padding, errors), GzipFile and open() in every mode over
# BytesIO and real files, text mode, seeking, line reading, mtime and the header's name.
import gzip, io, os, tempfile, zlib
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
data = b'hello gzip world\n' * 200 + bytes(range(256))
for level in [0, 1, 6, 9]:
    z = gzip.compress(data, level, mtime=12345)
    print(level, len(z), zlib.crc32(z), z[:10], gzip.decompress(z) == data)
two = gzip.compress(b'first ', mtime=1) + b'\0\0\0' + gzip.compress(b'second', mtime=2)
print(gzip.decompress(two))
t(lambda: gzip.decompress(b'not gzip'))
t(lambda: gzip.decompress(gzip.compress(b'abc', mtime=0)[:-5]))
bad = bytearray(gzip.compress(b'abc', mtime=0)); bad[-8] ^= 1
t(lambda: gzip.decompress(bytes(bad)))
bad = bytearray(gzip.compress(b'abc', mtime=0)); bad[-4] ^= 1
t(lambda: gzip.decompress(bytes(bad)))
for level in (1, 6, 9):
    print(level, gzip.compress(b"mtime zero", level, mtime=0).hex())
t(lambda: gzip.decompress(b''))
t(lambda: gzip.decompress(b'\x1f\x8b\x07' + b'\0' * 7))
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode='wb', mtime=99, filename='name.txt.gz') as f:
    print(f.write(b'line one\n'), f.write(bytearray(b'line two\n')), f.writable(), f.readable(), f.seekable(), f.mode)
    f.write(b'x' * 5000)
    print(f.tell(), f.seek(5100), f.tell())
    f.flush()
    f.write(b'tail\n')
raw = buf.getvalue()
print(len(raw), zlib.crc32(raw), raw[:24])
with gzip.GzipFile(fileobj=io.BytesIO(raw)) as f:
    print(f.mtime, f.readline(), f.read(4), f.peek(1)[:1], f.tell())
    print(f.seek(0), f.read(9), f.seek(5, 1), f.tell(), len(f.read()), f.tell())
    print(f.seek(-5, 2), f.read(), f.mtime)
    f.rewind()
    print(len(f.readlines()), f.read(), f.closed)
print(f.closed)
t(lambda: f.read())
with gzip.GzipFile(fileobj=io.BytesIO(raw)) as f:
    print([len(line) for line in f][:3], f.read1(10))
    t(lambda: f.write(b'x'))
t(lambda: gzip.GzipFile(fileobj=io.BytesIO(), mode='wb').read())
t(lambda: gzip.GzipFile(fileobj=io.BytesIO(), mode='z'))
t(lambda: gzip.GzipFile(fileobj=io.BytesIO(), mode='rt'))
t(lambda: gzip.open(io.BytesIO(), 'rbt'))
t(lambda: gzip.open(io.BytesIO(), 'rb', encoding='utf-8'))
t(lambda: gzip.open(5))
w = gzip.GzipFile(fileobj=io.BytesIO(), mode='wb'); w.close(); w.close()
t(lambda: w.write(b'x'))
t(lambda: gzip.GzipFile(fileobj=io.BytesIO(raw)).seek(0, 3))
d = tempfile.mkdtemp()
path = os.path.join(d, 'test.txt.gz')
with gzip.open(path, 'wb', compresslevel=5) as f:
    f.write(b'file contents\n' * 10)
with open(path, 'rb') as f:
    head = f.read(10)
print(head[:4], head[8:10], os.path.getsize(path) > 20)
with gzip.open(path) as f:
    print(f.name == path, f.read()[:14], f.mtime > 0)
with gzip.open(path, 'at', encoding='utf-8') as f:
    f.write('appended é\n')
with gzip.open(path, 'rt', encoding='utf-8') as f:
    lines = f.readlines()
print(len(lines), lines[-1])
with gzip.open(path, 'rb') as f:
    print(len(f.read()))
with gzip.open(path, 'xb') if False else open(os.devnull, 'wb') as f:
    pass
try:
    gzip.open(path, 'xb')
except FileExistsError as e:
    print('FileExistsError', e.errno)
bio = io.BytesIO(gzip.compress(b'abc', mtime=0) + b'garbage!')
t(lambda: gzip.GzipFile(fileobj=bio).read())
big = bytes(range(256)) * 2000
bz = gzip.compress(big, mtime=0)
f = gzip.GzipFile(fileobj=io.BytesIO(bz))
print(len(f.read(100)), len(f.read(100000)), len(f.read()), f.read(), f.tell())
f.seek(1000); print(f.read(3), f.seek(400000), f.read(2))
print(gzip.READ, gzip.WRITE, gzip.FNAME, issubclass(gzip.BadGzipFile, OSError))
