# io.StringIO and io.BytesIO: reading, writing at positions, seek/tell/truncate, newline modes.
import io


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


s = io.StringIO('héllo\nwörld\n')
print(repr(s.read(3)), s.tell(), repr(s.readline()), repr(s.readline()), repr(s.readline()))
print(s.seek(0, 2), s.write('x'), repr(s.getvalue()))
print(s.seek(2), s.write('ZZ'), repr(s.getvalue()))
print(s.seek(20), s.write('!'), repr(s.getvalue()))
attempt(lambda: s.seek(-1))
attempt(lambda: s.seek(1, 1))
attempt(lambda: s.seek(1, 2))
attempt(lambda: s.seek(0, 3))
attempt(lambda: s.truncate(-1))
print(s.truncate(3), repr(s.getvalue()), s.tell())
attempt(lambda: s.write(b'x'))
print(s.encoding, s.errors, s.newlines, s.line_buffering, s.readable(), s.writable(), s.seekable(), s.isatty())
attempt(s.fileno)
attempt(s.detach)
s.close()
print(s.closed)
attempt(s.getvalue)
attempt(s.read)
attempt(lambda: s.write('x'))

out = io.StringIO()
for i in range(5):
    print(i, 'squared is', i * i, file=out)
out.write('emoji 😀 counts as one\n')
print(out.getvalue(), end='')
print(out.tell(), len(out.getvalue()))
out.seek(0)
print(out.readlines()[-1], end='')
out.seek(7)
print(repr(out.read(10)))

print(io.StringIO('a\r\nb\rc\nd', newline=None).getvalue().split('\n'))
print(io.StringIO('a\r\nb\rc', newline=None).newlines)
print(io.StringIO('a\r\nb\rc\nd', newline='').readlines())
print(repr(io.StringIO('a\nb', newline='\r\n').getvalue()))
print(io.StringIO('a\r\nb\rc\nd', newline='\r').readlines())
print(list(io.StringIO('x\ny\n')), io.StringIO().read(), io.StringIO(None).getvalue() == '')
attempt(lambda: io.StringIO(5))
attempt(lambda: io.StringIO('x', newline='z'))
with io.StringIO('ctx') as cm:
    print(cm.read())
print(cm.closed)

b = io.BytesIO(b'abc\ndef\n')
print(b.read(2), b.readline(), b.tell(), b.seek(-5, 1), b.seek(10), b.write(b'!'), b.getvalue())
attempt(lambda: b.seek(-1))
attempt(lambda: b.seek(0, 3))
attempt(lambda: b.truncate(-1))
print(b.truncate(4), b.getvalue(), b.tell())
attempt(lambda: b.write('x'))
b.seek(0)
print(b.read1(2), b.read1(), b.read1())
b.seek(0)
buf = bytearray(3)
print(b.readinto(buf), buf, list(b))
print(b.readable(), b.writable(), b.seekable(), b.isatty())
b.close()
attempt(b.getvalue)
attempt(b.read)
attempt(lambda: io.BytesIO('x'))
print(io.BytesIO(bytearray(b'xy')).getvalue(), io.BytesIO().getvalue())
big = io.BytesIO()
for i in range(1000):
    big.write(b'%d,' % i)
print(len(big.getvalue()), big.getvalue()[-8:])
