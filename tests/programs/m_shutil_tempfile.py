# shutil (copying files and trees, rmtree, move, which, disk_usage, terminal size) and tempfile
# (mkstemp, mkdtemp, NamedTemporaryFile, TemporaryFile, SpooledTemporaryFile, TemporaryDirectory).
import os
import shutil
import stat
import tempfile


def attempt(f):
    try:
        print(repr(f()))
    except OSError as e:
        print(type(e).__name__, e)
    except Exception as e:
        print(type(e).__name__, e)


print(tempfile.gettempdir(), tempfile.gettempprefix(), tempfile.gettempdirb())
fd, path = tempfile.mkstemp(suffix='.txt', prefix='pj_')
name = os.path.basename(path)
print(type(fd).__name__, name.startswith('pj_'), name.endswith('.txt'), len(name), oct(os.stat(path).st_mode & 0o777))
os.write(fd, b'abc')
os.close(fd)
with open(path) as f:
    print(f.read())
os.remove(path)
d = tempfile.mkdtemp(prefix='pjd_')
print(os.path.isdir(d), oct(os.stat(d).st_mode & 0o777), os.path.dirname(d), os.path.basename(d)[:4])
os.rmdir(d)
with tempfile.NamedTemporaryFile('w+', suffix='.log') as f:
    f.write('data\n')
    f.flush()
    f.seek(0)
    print(f.read(), os.path.exists(f.name), f.name.endswith('.log'), type(f).__name__)
    named = f.name
print(os.path.exists(named))
with tempfile.TemporaryFile() as f:
    f.write(b'xyz')
    f.seek(0)
    print(f.read(), type(f).__name__, type(f.name).__name__)
s = tempfile.SpooledTemporaryFile(max_size=10, mode='w+')
s.write('hello')
print(s._rolled)
s.write(' world!')
print(s._rolled)
s.seek(0)
print(s.read())
s.close()
attempt(lambda: tempfile.mkstemp(prefix=b'x', suffix='y'))

with tempfile.TemporaryDirectory() as base:
    home = os.getcwd()
    os.chdir(base)
    try:
        with open('a.txt', 'w') as f:
            f.write('hello')
        os.chmod('a.txt', 0o640)
        os.utime('a.txt', (1000000000, 1200000000))
        os.mkdir('d')
        attempt(lambda: shutil.copyfile('a.txt', 'a.txt'))
        attempt(lambda: shutil.copyfile('a.txt', 'd'))
        attempt(lambda: shutil.copyfile('nope', 'x'))
        attempt(lambda: shutil.copyfile('d', 'x'))
        print(shutil.copyfile('a.txt', 'plain.txt'), oct(os.stat('plain.txt').st_mode & 0o777))
        print(shutil.copy('a.txt', 'd'), oct(os.stat('d/a.txt').st_mode & 0o777))
        print(shutil.copy2('a.txt', 'b.txt'), os.stat('b.txt').st_mtime, oct(os.stat('b.txt').st_mode & 0o777))
        shutil.copymode('a.txt', 'plain.txt')
        shutil.copystat('a.txt', 'plain.txt')
        print(oct(os.stat('plain.txt').st_mode & 0o777), os.stat('plain.txt').st_mtime)
        with open('a.txt', 'rb') as src, open('c.txt', 'wb') as dst:
            shutil.copyfileobj(src, dst)
        print(open('c.txt').read())
        os.makedirs('tree/sub')
        for f in ('tree/1.txt', 'tree/2.py', 'tree/sub/3.txt'):
            with open(f, 'w') as fh:
                fh.write(f)
        os.symlink('1.txt', 'tree/link')
        print(shutil.copytree('tree', 'copy'))
        print(sorted(os.listdir('copy')), os.path.islink('copy/link'), open('copy/sub/3.txt').read())
        attempt(lambda: shutil.copytree('tree', 'copy'))
        print(shutil.copytree('tree', 'copy', dirs_exist_ok=True))
        print(shutil.copytree('tree', 'copy2', symlinks=True, ignore=shutil.ignore_patterns('*.py')))
        print(sorted(os.listdir('copy2')), os.path.islink('copy2/link'), os.readlink('copy2/link'))
        attempt(lambda: shutil.rmtree('a.txt'))
        attempt(lambda: shutil.rmtree('nope'))
        os.symlink('d', 'ln')
        attempt(lambda: shutil.rmtree('ln'))
        errors = []
        shutil.rmtree('nope', onerror=lambda f, p, e: errors.append((f.__name__, p, e[0].__name__)))
        print(errors, shutil.rmtree('nope', ignore_errors=True))
        shutil.rmtree('copy2')
        print(os.path.exists('copy2'), os.path.exists('tree/1.txt'))
        attempt(lambda: shutil.move('copy', 'copy/sub'))
        print(shutil.move('b.txt', 'd'), sorted(os.listdir('d')))
        with open('b.txt', 'w') as f:
            f.write('x')
        attempt(lambda: shutil.move('b.txt', 'd'))
        print(shutil.move('b.txt', 'moved.txt'), shutil.move('copy', 'd'), sorted(os.listdir('d')))
        print(sorted(os.listdir('.')))
        print(shutil.which('sh') is not None, shutil.which('no-such-command-pyjit'),
              shutil.which('sh', path='/nonexistent'), shutil.which('./moved.txt'))
        usage = shutil.disk_usage('.')
        print(type(usage).__name__, usage.total > 0, usage.total >= usage.used, usage.free >= 0, len(usage))
        print(type(shutil.get_terminal_size((33, 7))).__name__)
        print(issubclass(shutil.SameFileError, shutil.Error), issubclass(shutil.Error, OSError))
    finally:
        os.chdir(home)
print(os.path.exists(base))
