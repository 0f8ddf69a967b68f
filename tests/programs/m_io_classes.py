# The io class hierarchy: ABCs, isinstance, subclasses built on the generic IOBase methods, stacking
# BufferedReader and TextIOWrapper over user streams, the standard streams.
import io
import sys

print(io.IOBase, io.RawIOBase, io.BufferedIOBase, io.TextIOBase)
print(io.FileIO, io.BufferedReader, io.BufferedWriter, io.BufferedRandom, io.TextIOWrapper)
print(io.StringIO, io.BytesIO, io.UnsupportedOperation)
print(io.UnsupportedOperation.__mro__)
print(io.DEFAULT_BUFFER_SIZE, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.BufferedReader, io.BufferedIOBase))
print(issubclass(io.TextIOWrapper, io.TextIOBase), issubclass(io.StringIO, io.TextIOBase))
print(issubclass(io.BytesIO, io.BufferedIOBase), issubclass(io.StringIO, io.IOBase))
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.RawIOBase))
print(isinstance(sys.stdout, io.TextIOWrapper), isinstance(sys.stdout, io.TextIOBase))
print(sys.stdout, sys.stderr, sys.stdin)
print(sys.stdout.encoding, sys.stdout.errors, sys.stderr.errors, sys.stdin.errors)
print(sys.stdout.name, sys.stdout.mode, sys.stdout.fileno(), sys.stdin.fileno(), sys.stderr.fileno())
print(sys.stdout.writable(), sys.stdout.readable(), sys.stdin.readable())
try:
    sys.stdout.read()
except io.UnsupportedOperation as e:
    print(type(e).__name__, e)
print(sys.stdout.write('written directly\n'))
sys.stdout.flush()


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


base = io.IOBase()
print(base.closed, base.readable(), base.writable(), base.seekable(), base.isatty())
attempt(base.fileno)
attempt(lambda: base.seek(0))
attempt(base.tell)
attempt(base.truncate)
with base as entered:
    print(entered is base)
print(base.closed)
attempt(base.flush)
attempt(lambda: iter(base))
attempt(lambda: io.RawIOBase().read(2))
attempt(lambda: io.BufferedIOBase().read())
attempt(lambda: io.BufferedIOBase().write(b''))
attempt(lambda: io.TextIOBase().read())
print(io.TextIOBase().encoding, io.TextIOBase().newlines, io.TextIOBase().errors)


class Chunks(io.RawIOBase):
    """A raw stream handing out at most three bytes per read."""

    def __init__(self, data):
        self.data = data
        self.pos = 0

    def readable(self):
        return True

    def readinto(self, b):
        n = min(len(b), 3, len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n


r = Chunks(b'hello\nworld\n')
print(r.read(4), r.readline(), r.readall(), r.read())
print(list(Chunks(b'a\nb\nc')))
buffered = io.BufferedReader(Chunks(b'line one\nline two\n'))
print(buffered.readline(), buffered.read(), buffered.raw.pos)
text = io.TextIOWrapper(io.BufferedReader(Chunks('añb\r\nc\n'.encode())), encoding='utf-8')
print(text.readlines(), text.encoding, text.newlines)


class Upper(io.TextIOBase):
    """A text sink that collects what is written, upper-cased."""

    def __init__(self):
        self.parts = []

    def writable(self):
        return True

    def write(self, s):
        self.parts.append(s.upper())
        return len(s)


sink = Upper()
sink.write('writes go through write\n')
sink.writelines(['a', 'b'])
print(sink.parts)

wrapped = io.TextIOWrapper(io.BytesIO(), encoding='utf-16-le', newline='\r\n')
wrapped.write('one\ntwo\n')
wrapped.flush()
print(wrapped.buffer.getvalue())
wrapped.seek(0)
print(repr(wrapped.read()))
print(wrapped)
reader = io.TextIOWrapper(io.BytesIO(b'x\r\ny\rz'), encoding='ascii', newline=None)
print(list(reader), reader.newlines)
dec = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(dec.decode('a\r')), repr(dec.decode('\nb\r')), repr(dec.decode('', final=True)), dec.newlines)
sys.stdout.flush()  # text first: the buffer below would otherwise write ahead of it on a pipe
sys.stdout.buffer.write(b'raw bytes on stdout\n')
sys.stdout.buffer.flush()
print('after bytes')
