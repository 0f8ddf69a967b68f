# os.path (posixpath): the pure string functions on str and bytes, and the file system queries.
import os
import os.path
import posixpath
import tempfile


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


p = os.path
print(p is posixpath, p.sep, p.curdir, p.pardir, p.extsep, p.pathsep, p.defpath, p.altsep, p.devnull)
for path in ('a/b/c.txt', '/a/b/', '/', '', 'a', '//a//b//', 'a/b.tar.gz', '.bashrc', 'a/.b.c', '...x', 'x.'):
    print(repr(path), p.split(path), p.splitext(path), p.basename(path), p.dirname(path), p.isabs(path),
          p.splitdrive(path), p.normcase(path))
for path in ('//a//b/../c/./d/', '///a', '', '../../a/..', '/../a', 'a/./b/', './', 'a/../..', '/a/b/../../..'):
    print(repr(path), repr(p.normpath(path)))
print(p.join('a', 'b', 'c'), p.join('a/', 'b'), p.join('a', '/b', 'c'), p.join('', 'x'), p.join('a', ''))
print(p.join(b'a', b'b'), p.split(b'a/b'), p.splitext(b'a.b'), p.normpath(b'a/../b'), p.basename(b'x/y'))
attempt(lambda: p.join('a', 1))
attempt(lambda: p.join('a', b'b'))
attempt(lambda: p.join(1))
attempt(lambda: p.join())
attempt(lambda: p.split(1))
attempt(lambda: p.basename(None))
print(p.commonprefix(['/usr/lib', '/usr/local', '/usr/libexec']), repr(p.commonprefix([])))
print(p.commonpath(['/usr/lib', '/usr/local', '/usr/libexec']), p.commonpath(['a/b/c', 'a/b/d', 'a/bc']))
print(p.commonpath(['/a/b/c', '/a/b/d', '/a/bc']), p.commonpath(['a', 'a']), p.commonpath([b'/x/y', b'/x/z']))
attempt(lambda: p.commonpath([]))
attempt(lambda: p.commonpath(['/a', 'b']))
attempt(lambda: p.commonpath(['a', b'b']))
print(p.relpath('/a/b/c', '/a/d'), p.relpath('a', 'a'), p.relpath('/x/y', '/'), p.relpath('/', '/x/y'))
attempt(lambda: p.relpath(''))
home = os.environ['HOME']
print(p.expanduser('~') == home, p.expanduser('~/x') == home + '/x', p.expanduser('a~'), p.expanduser('~nobody_pyjit/x'))
os.environ['PYJIT_M_OS_PATH'] = 'VAL'
print(p.expandvars('$PYJIT_M_OS_PATH/${PYJIT_M_OS_PATH}x$PYJIT_M_OS_PATH_NOPE ${NOPE_X} $ ${x $1a'))
print(p.expandvars(b'$PYJIT_M_OS_PATH/x'), p.expandvars('no vars'))
del os.environ['PYJIT_M_OS_PATH']
print(p.abspath('x/../y') == os.getcwd() + '/y', p.abspath('/a/./b'), p.isabs(p.abspath('.')))

base = tempfile.mkdtemp()
try:
    f = p.join(base, 'file.txt')
    d = p.join(base, 'dir')
    os.mkdir(d)
    with open(f, 'w') as fh:
        fh.write('hello')
    os.symlink(f, p.join(base, 'link'))
    os.symlink(p.join(base, 'missing'), p.join(base, 'broken'))
    for name in ('file.txt', 'dir', 'link', 'broken', 'nope'):
        q = p.join(base, name)
        print(name, p.exists(q), p.lexists(q), p.isfile(q), p.isdir(q), p.islink(q), p.ismount(q))
    print(p.exists('a\0b'), p.isdir(1.5) if False else '', p.getsize(f), p.getmtime(f) > 0, p.getatime(f) > 0,
          p.getctime(f) > 0, type(p.getmtime(f)).__name__)
    try:
        p.getsize(p.join(base, 'nope'))
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, p.basename(e.filename))
    print(p.samefile(f, p.join(base, 'link')), p.samefile(f, d), p.ismount('/'))
    print(p.realpath(p.join(base, 'link')) == p.realpath(f), p.realpath(p.join(base, 'dir/../file.txt')) == p.realpath(f))
    print(p.realpath(p.join(base, 'no/such/../path')) == p.join(p.realpath(base), 'no/path'))
    os.symlink('loop', p.join(base, 'loop'))
    print(p.realpath(p.join(base, 'loop')) == p.join(p.realpath(base), 'loop'))
finally:
    for name in ('file.txt', 'link', 'broken', 'loop'):
        os.remove(p.join(base, name))
    os.rmdir(p.join(base, 'dir'))
    os.rmdir(base)
