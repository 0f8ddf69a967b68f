# os: directories and files through the posix layer (mkdir, listdir, scandir, stat, rename, remove,
# symlinks, chmod, utime, truncate, access, file descriptors) and their OSError subclasses.
import os
import stat
import tempfile


def attempt(f):
    try:
        print(repr(f()))
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename and os.path.basename(e.filename),
              e.filename2 and os.path.basename(e.filename2))
    except Exception as e:
        print(type(e).__name__, e)


base = tempfile.mkdtemp()
home = os.getcwd()
os.chdir(base)
try:
    print(os.getcwd() == base, os.path.samefile(os.getcwd(), base))
    os.mkdir('d')
    os.makedirs('d/e/f')
    os.makedirs('d/e/f', exist_ok=True)
    attempt(lambda: os.makedirs('d/e/f'))
    attempt(lambda: os.mkdir('d'))
    attempt(lambda: os.mkdir('nope/x'))
    with open('d/file.txt', 'w') as f:
        f.write('12345')
    print(sorted(os.listdir('d')), sorted(os.listdir(b'd')), os.listdir('d/e/f'))
    attempt(lambda: os.listdir('nope'))
    attempt(lambda: os.listdir('d/file.txt'))
    with os.scandir('d') as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        print(e, e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(), e.inode() > 0, os.fspath(e))
    print(entries[1].stat().st_size, isinstance(entries[0], os.DirEntry))
    st = os.stat('d/file.txt')
    print(type(st).__name__, st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode), st.st_nlink)
    print(type(st.st_mtime).__name__, type(st[stat.ST_MTIME]).__name__, len(st), st[6], st.st_mtime_ns > 0)
    print(int(st.st_mtime) == st[8], st.st_ino == st[1], stat.filemode(st.st_mode)[0])
    attempt(lambda: os.stat('nope'))
    attempt(lambda: os.stat(1.5))
    attempt(lambda: os.stat('a\0b'))
    os.chmod('d/file.txt', 0o640)
    print(oct(stat.S_IMODE(os.stat('d/file.txt').st_mode)), stat.filemode(os.stat('d/file.txt').st_mode))
    os.utime('d/file.txt', (1000000000, 1500000000))
    st = os.stat('d/file.txt')
    print(st.st_atime, st.st_mtime, st.st_mtime_ns)
    os.utime('d/file.txt', ns=(2000000000123456789, 2000000000500000000))
    print(os.stat('d/file.txt').st_mtime)
    os.truncate('d/file.txt', 2)
    print(os.path.getsize('d/file.txt'))
    print(os.access('d/file.txt', os.F_OK), os.access('nope', os.F_OK), os.access('d', os.R_OK | os.X_OK))
    os.rename('d/file.txt', 'd/renamed.txt')
    print(sorted(os.listdir('d')))
    attempt(lambda: os.rename('nope', 'other'))
    os.replace('d/renamed.txt', 'moved.txt')
    print(os.path.exists('d/renamed.txt'), os.path.exists('moved.txt'))
    os.symlink('moved.txt', 'link')
    print(os.path.islink('link'), os.readlink('link'), os.lstat('link').st_size, os.stat('link').st_size)
    print(stat.S_ISLNK(os.lstat('link').st_mode), os.path.realpath('link') == os.path.join(base, 'moved.txt'))
    attempt(lambda: os.readlink('moved.txt'))
    attempt(lambda: os.symlink('moved.txt', 'link'))
    os.link('moved.txt', 'hard')
    print(os.stat('hard').st_nlink, os.path.samefile('hard', 'moved.txt'))
    attempt(lambda: os.rmdir('d'))
    attempt(lambda: os.rmdir('moved.txt'))
    attempt(lambda: os.remove('d'))
    attempt(lambda: os.remove('nope'))
    attempt(lambda: os.unlink('nope'))
    attempt(lambda: os.chdir('nope'))
    attempt(lambda: os.chdir('moved.txt'))
    # File descriptors.
    fd = os.open('fd.txt', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    print(os.write(fd, b'descriptor data'), os.lseek(fd, 0, os.SEEK_CUR), os.isatty(fd))
    os.close(fd)
    attempt(lambda: os.close(fd))
    fd = os.open('fd.txt', os.O_RDONLY)
    print(os.read(fd, 10), os.lseek(fd, -4, os.SEEK_END), os.read(fd, 100), os.read(fd, 100))
    print(os.fstat(fd).st_size)
    os.close(fd)
    attempt(lambda: os.open('fd.txt', os.O_WRONLY | os.O_CREAT | os.O_EXCL))
    attempt(lambda: os.open('nope', os.O_RDONLY))
    fd = os.open('fd.txt', os.O_RDWR | os.O_APPEND)
    os.write(fd, b'!')
    os.close(fd)
    with open('fd.txt') as f:
        print(f.read())
    # removedirs and renames.
    os.makedirs('x/y/z')
    os.removedirs('x/y/z')
    print(os.path.exists('x'))
    os.makedirs('r1/r2')
    with open('r1/r2/f', 'w'):
        pass
    os.renames('r1/r2/f', 'n1/n2/f')
    print(os.path.exists('r1'), os.path.exists('n1/n2/f'))
    # walk, top-down and bottom-up.
    for root, dirs, files in os.walk('.'):
        dirs.sort()
        print(root, dirs, sorted(files))
    print([(r, sorted(ds), sorted(fs)) for r, ds, fs in os.walk('d', topdown=False)])
    errors = []
    print(list(os.walk('nope', onerror=errors.append)), [type(e).__name__ for e in errors])
    pruned = []
    for root, dirs, files in os.walk('.'):
        dirs[:] = [d for d in dirs if d != 'd']
        pruned.append(root)
    print(sorted(pruned))
finally:
    os.chdir(home)
    for root, dirs, files in os.walk(base, topdown=False):
        for name in files:
            os.remove(os.path.join(root, name))
        for name in dirs:
            path = os.path.join(root, name)
            if os.path.islink(path):
                os.remove(path)
            else:
                os.rmdir(path)
    os.rmdir(base)
print(os.path.exists(base))
