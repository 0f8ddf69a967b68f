# Text files: open() modes, encodings, newline translation, reading and writing methods, seek/tell.
import os
import tempfile

base = tempfile.mkdtemp()
home = os.getcwd()
os.chdir(base)
try:
    with open('a.txt', 'w') as f:
        print(f, f.mode, f.encoding, f.errors, f.name, f.closed, f.line_buffering)
        print(f.write('first line\n'), f.write('second ☃ line\n'))
        f.writelines(['third\n', 'fourth'])
        print(f.readable(), f.writable(), f.seekable(), f.tell())
    print(f.closed, repr(f))

    with open('a.txt') as f:
        print(repr(f.readline()), f.tell())
        print(repr(f.read(6)), f.tell())
        print(repr(f.readline()))
        print(f.readlines())
        print(repr(f.read()), repr(f.readline()))
        f.seek(0)
        print([line for line in f])
        print(f.tell())

    with open('a.txt', 'r', encoding='utf-8') as f:
        print(repr(f.read()))
        print(f.seek(0), repr(f.read(5)), f.seek(0, 2))

    # Iteration disables tell() until the end, as in CPython.
    with open('a.txt') as f:
        next(f)
        try:
            f.tell()
        except OSError as e:
            print(type(e).__name__, e)
        f.seek(0)
        print(f.tell(), repr(f.readline(5)), repr(f.readline(100)))

    # Appending, exclusive creation, read+write modes.
    with open('a.txt', 'a') as f:
        print(f.tell(), f.write('\nappended'))
    with open('a.txt') as f:
        print(f.read().splitlines()[-2:])
    try:
        open('a.txt', 'x')
    except FileExistsError as e:
        print(type(e).__name__, e)
    with open('b.txt', 'x') as f:
        f.write('new')
    with open('b.txt', 'r+') as f:
        print(repr(f.read(1)))
        f.seek(0)
        f.write('N')
        f.seek(0)
        print(repr(f.read()))
    with open('b.txt', 'w+') as f:
        f.write('hello world')
        f.seek(6)
        print(repr(f.read()))
        print(f.truncate(5), f.tell())
        f.seek(0)
        print(repr(f.read()))
    with open('b.txt', 'a+') as f:
        f.write('!')
        f.seek(0)
        print(repr(f.read()))

    # Newline handling.
    with open('nl.txt', 'wb') as f:
        f.write(b'one\r\ntwo\rthree\nfour')
    for nl in (None, '', '\n', '\r', '\r\n'):
        with open('nl.txt', newline=nl) as f:
            print(repr(nl), f.readlines(), f.newlines)
        with open('nl.txt', newline=nl) as f:
            print(repr(nl), repr(f.read()))
    for nl in (None, '', '\n', '\r', '\r\n'):
        with open('w.txt', 'w', newline=nl) as f:
            f.write('a\nb\r\nc')
        with open('w.txt', 'rb') as f:
            print(repr(nl), f.read())

    # Encodings and error handlers.
    with open('enc.txt', 'w', encoding='latin-1') as f:
        print(f, f.write('café'))
    with open('enc.txt', 'rb') as f:
        print(f.read())
    with open('enc.txt', encoding='latin-1') as f:
        print(repr(f.read()))
    try:
        with open('enc.txt') as f:
            f.read()
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
    for errors in ('replace', 'ignore', 'backslashreplace', 'surrogateescape'):
        with open('enc.txt', errors=errors) as f:
            print(errors, ascii(f.read()))
    try:
        with open('enc.txt', 'w', encoding='ascii') as f:
            f.write('naïve')
    except UnicodeEncodeError as e:
        print(type(e).__name__, e)
    with open('enc.txt', 'w', encoding='ascii', errors='xmlcharrefreplace') as f:
        f.write('naïve')
    with open('enc.txt', 'rb') as f:
        print(f.read())
    for enc in ('utf-8-sig', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32'):
        with open('enc.txt', 'w', encoding=enc) as f:
            f.write('hé😀\n')
        with open('enc.txt', 'rb') as f:
            raw = f.read()
        with open('enc.txt', encoding=enc) as f:
            print(enc, raw, repr(f.read()), f.tell())
    with open('enc.txt', 'w', encoding='utf-8-sig') as f:
        f.write('x')
    with open('enc.txt', 'a', encoding='utf-8-sig') as f:
        f.write('y')
    with open('enc.txt', 'rb') as f:
        print(f.read())
    with open('enc.txt', encoding='utf-8-sig') as f:
        print(repr(f.read()))

    # A long file read by lines and in chunks crosses the decoder's chunk boundaries.
    with open('long.txt', 'w') as f:
        for i in range(3000):
            f.write(f'line {i} ' + 'é' * (i % 7) + '\n')
    with open('long.txt') as f:
        lines = f.readlines()
    print(len(lines), lines[0], lines[2999], end='')
    with open('long.txt') as f:
        total = 0
        while True:
            chunk = f.read(1000)
            if not chunk:
                break
            total += len(chunk)
        print(total, sum(len(x) for x in lines))
    with open('long.txt') as f:
        for _ in range(1500):
            f.readline()
        pos = f.tell()
        line = f.readline()
        f.seek(pos)
        print(pos, line == f.readline(), repr(line))
finally:
    os.chdir(home)
    for name in os.listdir(base):
        os.remove(os.path.join(base, name))
    os.rmdir(base)
print(os.path.exists(base))
