# Text reading across the decoder's 8 KiB chunks: "\r\n" and multi-byte characters split between
# chunks, newlines seen, tell/seek in the middle of the file, read(n) in odd sizes.
import os
import tempfile

fd, p = tempfile.mkstemp()
os.close(fd)
try:
    data = b'x' * 8191 + b'\r\nab\n' + b'y' * 8190 + '€'.encode() + b'\nz\r'
    with open(p, 'wb') as f:
        f.write(data)
    with open(p) as f:
        lines = f.readlines()
    print([len(l) for l in lines], [l[-3:] for l in lines], f.newlines)
    with open(p, newline='') as f:
        print([l[-3:] for l in f.readlines()], f.newlines)
    with open(p, newline='\r\n') as f:
        print([len(l) for l in f.readlines()], f.newlines)
    with open(p) as f:
        out = []
        while True:
            c = f.read(4095)
            if not c:
                break
            out.append(c)
        s = ''.join(out)
        print(len(s), s.count('\n'), s[8189:8195], '\r' in s)
    with open(p) as f:
        f.readline()
        print(f.tell())
        f.readline()
        print(f.tell())
        x = f.readline()
        print(f.tell(), len(x))
        f.seek(8191 + 2)
        print(repr(f.readline()))
    with open(p) as f:
        while True:
            line = f.readline()
            print(repr(line[-3:]), f.newlines)
            if not line:
                break
    with open(p, 'w') as f:
        f.write(('é' * 5000 + '\n') * 3)
    with open(p) as f:
        print([len(l) for l in f], f.tell())
    with open(p) as f:
        print(len(f.read(4999)), f.tell(), repr(f.read(2)), f.tell())
finally:
    os.remove(p)
