# pathlib pure paths: parsing, parts, names and suffixes, joining, relative_to, match, comparison.
from pathlib import PurePath, PurePosixPath, PureWindowsPath, Path, PosixPath, WindowsPath
import os


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


attempt(lambda: PurePath('a', 'b/c'))
attempt(lambda: PurePosixPath('/a//b/./c/..'))
attempt(lambda: (PurePosixPath('//a/b').parts, PurePosixPath('///a/b').parts, PurePosixPath().parts))
attempt(lambda: (str(PurePosixPath()), str(PurePosixPath('a/b/')), PurePosixPath('a', '', 'b')))
attempt(lambda: PurePath(b'a'))
attempt(lambda: PurePath(1))
p = PurePosixPath('/usr/lib/python3.tar.gz')
print(p.name, p.suffix, p.suffixes, p.stem, p.parent, p.anchor, repr(p.drive), p.root)
print(list(p.parents), p.parents[-1], p.parents[1:], len(p.parents), p.parents)
attempt(lambda: p.parents[10])
print(p.with_name('x.py'), p.with_suffix('.bz2'), p.with_suffix(''), p.with_stem('y'))
attempt(lambda: PurePosixPath('/').with_name('x'))
attempt(lambda: p.with_name('a/b'))
attempt(lambda: p.with_name(''))
attempt(lambda: p.with_suffix('x'))
attempt(lambda: p.with_suffix('.a/b'))
attempt(lambda: p.with_suffix('.'))
print(p.relative_to('/usr'), p.relative_to('/usr/lib/python3.tar.gz'), p.relative_to('/'), p.is_relative_to('/usr'))
print(PurePosixPath('a/b').relative_to('a', 'b'), p.is_relative_to('/etc'))
attempt(lambda: p.relative_to('/etc'))
attempt(lambda: p.relative_to('usr'))
attempt(lambda: p.relative_to())
print(p.match('*.gz'), p.match('lib/*.gz'), p.match('/lib/*.gz'), p.match('/usr/*/*.gz'), p.match('**/*.gz'))
print(PurePosixPath('a/b').match('A/B'), PurePosixPath('a/b').match('*'), PurePosixPath('/a').match('*/a'))
attempt(lambda: p.match(''))
print(p.as_uri(), PurePosixPath('/a b/%é').as_uri(), p.as_posix(), bytes(p), os.fspath(p))
attempt(lambda: PurePosixPath('a').as_uri())
print(PurePosixPath('a') / 'b' / PurePosixPath('/c'), 'x' / PurePosixPath('a'), PurePosixPath('a').joinpath('b', 'c'))
attempt(lambda: PurePosixPath('a') / 1)
attempt(lambda: 1 / PurePosixPath('a'))
print(PurePosixPath('a') == PurePosixPath('a/'), PurePosixPath('a') == PureWindowsPath('a'), PurePosixPath('a') == 'a')
print(PurePosixPath('a') < PurePosixPath('b'), PurePosixPath('a/b') > PurePosixPath('a'), PurePosixPath('A') <= PurePosixPath('a'))
attempt(lambda: PurePosixPath('a') < PureWindowsPath('b'))
print(sorted([PurePosixPath('b'), PurePosixPath('a/c'), PurePosixPath('a')]))
print(hash(PurePosixPath('a/b')) == hash(PurePosixPath('a//b')), {PurePosixPath('x'): 1}[PurePosixPath('x')])
print(PurePosixPath('a').is_absolute(), PurePosixPath('/a').is_absolute(), PurePosixPath('a').is_reserved())
print(PurePosixPath('..').parent, PurePosixPath('/').parent, PurePosixPath('.').parent, PurePosixPath('a/b').parents[0])
print(repr(PurePosixPath('.hidden').suffix), repr(PurePosixPath('a.').suffix), PurePosixPath('a..b').suffixes,
      PurePosixPath('.a.b').suffixes, PurePosixPath('a.b.').suffixes, PurePosixPath('').name == '')
w = PureWindowsPath('c:/Windows/System32/drivers.sys')
print(w, repr(w), w.parts, w.drive, w.root, w.anchor, w.name, w.suffix, w.parent, w.as_posix(), w.as_uri())
print(PureWindowsPath('//server/share/x').parts, PureWindowsPath('C:/A') == PureWindowsPath('c:/a'),
      PureWindowsPath('a\\b').name, PureWindowsPath('c:a').anchor, PureWindowsPath('c:a').is_absolute())
print(PureWindowsPath('c:/a', 'd:b'), PureWindowsPath('c:/a', '/b'), PureWindowsPath('c:/a', 'c:b'),
      PureWindowsPath('nul').is_reserved(), PureWindowsPath('c:/a/b.txt').relative_to('C:/A'))
print(PurePosixPath(PureWindowsPath('a/b')), isinstance(Path('a'), PurePath), PosixPath.__mro__)
attempt(lambda: WindowsPath('a'))
print(Path('a'), type(Path('a')).__name__, type(PurePath('a')).__name__, isinstance(Path('x'), os.PathLike))
