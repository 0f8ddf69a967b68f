# pathlib concrete paths in a temporary directory: creation, reading and writing, queries,
# iterdir, glob and rglob, renaming, resolving.
import os
import tempfile
from pathlib import Path


def attempt(f):
    try:
        print(repr(f()))
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror)
    except Exception as e:
        print(type(e).__name__, e)


base = Path(tempfile.mkdtemp())
home = os.getcwd()
os.chdir(base)
try:
    Path('a/b').mkdir(parents=True)
    Path('.h').mkdir()
    for name in ('a/x.py', 'a/b/y.py', 'z.txt', '.h/q.py', '.dot'):
        Path(name).touch()
    Path('lnk').symlink_to('a')
    p = Path('.')
    print(sorted(p.glob('*')))
    print(sorted(p.glob('**')))
    print(sorted(p.glob('**/*.py')))
    print(sorted(p.rglob('*.py')))
    print(sorted(p.glob('*/')))
    print(sorted(p.glob('a/*')), sorted(p.glob('a')), sorted(p.glob('nope')), sorted(p.glob('*/*.py')))
    print(sorted(p.glob('?.txt')), sorted(p.glob('[a-z]')), sorted(Path('a').rglob('*')))
    attempt(lambda: list(p.glob('')))
    attempt(lambda: list(p.glob('/x')))
    print(sorted(Path('a').iterdir()))
    attempt(lambda: list(Path('z.txt').iterdir()))
    print(Path('z.txt').write_text('hi\nthere'), Path('z.txt').read_text(), Path('z.txt').read_text().splitlines())
    attempt(lambda: Path('z.txt').write_text(5))
    attempt(lambda: Path('z.txt').write_bytes('x'))
    print(Path('b.bin').write_bytes(b'\x00\x01'), Path('b.bin').read_bytes())
    print(Path('e.txt').write_text('é', encoding='latin-1'), Path('e.txt').read_bytes(), Path('e.txt').read_text('latin-1'))
    print(Path('n.txt').write_text('a\nb', newline='\r\n'), Path('n.txt').read_bytes())
    attempt(lambda: Path('new/deep').mkdir())
    Path('new/deep').mkdir(parents=True)
    attempt(lambda: Path('new/deep').mkdir(parents=True))
    Path('new/deep').mkdir(parents=True, exist_ok=True)
    attempt(lambda: Path('z.txt').mkdir(exist_ok=True))
    Path('new/deep').rmdir()
    Path('new/f').touch()
    attempt(lambda: Path('new/f').touch(exist_ok=False))
    Path('new/f').unlink()
    attempt(lambda: Path('new/f').unlink())
    Path('new/f').unlink(missing_ok=True)
    Path('new').rmdir()
    print(Path('z.txt').rename('w.txt'), Path('w.txt').replace('z.txt'), Path('z.txt').exists(), Path('w.txt').exists())
    print(Path('z.txt').exists(), Path('z.txt').is_file(), Path('a').is_dir(), Path('lnk').is_symlink(),
          Path('lnk').is_dir(), Path('nope').exists(), Path('z.txt\0').exists(), Path('nope').is_file())
    print(Path('z.txt').is_mount(), Path('/').is_mount(), Path('z.txt').is_fifo(), Path('z.txt').is_socket(),
          Path('z.txt').is_block_device(), Path('z.txt').is_char_device())
    print(Path('lnk').resolve() == Path('a').absolute().resolve(), Path('lnk').readlink())
    print(Path('a/../z.txt').resolve() == Path.cwd().resolve() / 'z.txt', Path('a').absolute() == Path.cwd() / 'a')
    print(Path.cwd() == Path(os.getcwd()), Path.home() == Path(os.path.expanduser('~')),
          Path('~/x').expanduser() == Path.home() / 'x')
    print(Path('z.txt').stat().st_size, Path('lnk').lstat().st_size == len('a'), Path('z.txt').samefile('z.txt'))
    attempt(lambda: Path('nope').stat())
    attempt(lambda: Path('nope').resolve(strict=True))
    with Path('z.txt').open() as f:
        print(f.read())
    with Path('z.txt').open('a') as f:
        f.write('!')
    print(Path('z.txt').read_text())
    Path('z.txt').chmod(0o600)
    print(oct(Path('z.txt').stat().st_mode & 0o777))
    Path('hard').hardlink_to('z.txt')
    print(Path('hard').stat().st_nlink)
    print(Path('z.txt').with_suffix('.md').name, Path('a/x.py').relative_to('a'), Path('a') / 'x.py' in list(Path('a').iterdir()))
finally:
    os.chdir(home)
    for root, dirs, files in os.walk(base, topdown=False):
        for name in files:
            os.remove(os.path.join(root, name))
        for name in dirs:
            full = os.path.join(root, name)
            if os.path.islink(full):
                os.remove(full)
            else:
                os.rmdir(full)
    base.rmdir()
print(base.exists())
