# Binary files: FileIO (buffering=0), BufferedReader/Writer/Random, their methods and reprs.
import io
import os
import tempfile

base = tempfile.mkdtemp()
home = os.getcwd()
os.chdir(base)
try:
    with open('data.bin', 'wb') as f:
        print(f, type(f).__name__, f.mode, f.raw, f.name)
        print(f.write(b'0123456789'), f.write(bytearray(b'abc')), f.tell())
        print(f.writable(), f.readable(), f.seekable(), f.isatty())
    with open('data.bin', 'rb') as f:
        print(f, f.peek(3)[:3], f.read(4), f.read1(3), f.tell())
        b = bytearray(4)
        print(f.readinto(b), b)
        print(f.read(), f.read(), f.read(5))
        print(f.seek(-3, 2), f.read(), f.seek(2), f.seek(3, 1), f.read(2))
        print(f.readable(), f.writable())
        try:
            f.write(b'x')
        except io.UnsupportedOperation as e:
            print(type(e).__name__, e)
    with open('data.bin', 'rb', buffering=0) as f:
        print(f, type(f).__name__, f.mode, f.closefd)
        print(f.read(3), f.readall(), f.read(), f.tell())
        f.seek(0)
        print(f.readinto(bytearray(5)), f.read(2))
    print(f)
    with open('data.bin', 'r+b') as f:
        print(f, f.read(3))
        f.write(b'XY')
        print(f.tell())
        f.seek(0)
        print(f.read())
        f.seek(0, 2)
        f.write(b'END')
        f.seek(-6, 2)
        print(f.read(), f.truncate(5), f.tell())
        f.seek(0)
        print(f.read())
    with open('data.bin', 'ab') as f:
        print(f.tell(), f.write(b'++'), f.tell())
    with open('data.bin', 'rb') as f:
        print(f.read())
    with open('lines.bin', 'wb') as f:
        f.write(b'a\nbb\n\nccc')
    with open('lines.bin', 'rb') as f:
        print(f.readline(), f.readline(1), f.readlines())
    with open('lines.bin', 'rb') as f:
        print(list(f))
    # Large writes go past the buffer, small ones collect in it.
    with open('big.bin', 'wb') as f:
        for i in range(100):
            f.write(bytes([i % 256]) * 1000)
        f.write(b'x' * 20000)
    with open('big.bin', 'rb') as f:
        data = f.read()
        print(len(data), data[999:1001], data[-3:])
        f.seek(50000)
        print(f.read(3), f.tell())
    raw = io.FileIO('data.bin')
    print(raw, raw.read(2), raw.fileno() > 2)
    raw.close()
    print(raw, raw.closed)
    try:
        raw.read()
    except ValueError as e:
        print(type(e).__name__, e)
    fd = os.open('data.bin', os.O_RDONLY)
    with open(fd, 'rb') as f:
        print(f.name == fd, f.read(3))
    try:
        os.read(fd, 1)
    except OSError as e:
        print(type(e).__name__, e)
    with open('out.txt', 'w') as f:
        print('to a file', 42, file=f)
        print('second', file=f, end='!\n')
    with open('out.txt', 'rb') as f:
        print(f.read())
finally:
    os.chdir(home)
    for name in os.listdir(base):
        os.remove(os.path.join(base, name))
    os.rmdir(base)
