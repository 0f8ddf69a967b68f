# pathlib: object-oriented paths -> pure paths (PurePosixPath, PureWindowsPath: parsing, parts,
# joining with /, suffixes, relative_to, match ... without touching the file system) and concrete
# paths (Path, PosixPath: stat, iterdir, glob, mkdir, read_text, open, resolve ... through os).
# Written for pyjit from the documented behaviour of CPython 3.11's pathlib.

import io
import os
import posixpath
import _fnmatch
from errno import ENOENT, ENOTDIR, EBADF, ELOOP
from stat import S_ISDIR, S_ISREG, S_ISLNK, S_ISBLK, S_ISCHR, S_ISFIFO, S_ISSOCK

__all__ = ["PurePath", "PurePosixPath", "PureWindowsPath", "Path", "PosixPath", "WindowsPath"]

# Errors that mean "no such file" to the is_* queries (they answer False instead of raising).
_MISSING_ERRNOS = (ENOENT, ENOTDIR, EBADF, ELOOP)


def _is_missing(err):
    return getattr(err, 'errno', None) in _MISSING_ERRNOS


# ---------------------------------------------------------------------------------------------
# Flavours: how each kind of path is spelled


class _PosixFlavour:
    sep = '/'
    altsep = ''
    has_drv = False
    is_supported = os.name != 'nt'

    def splitroot(self, part):
        """(drive, root, rest) of one path string."""
        if part[:1] != '/':
            return '', '', part
        rest = part.lstrip('/')
        # POSIX gives exactly two leading slashes an implementation-defined meaning: keep them.
        root = '//' if len(part) - len(rest) == 2 else '/'
        return '', root, rest

    def casefold(self, s):
        return s

    def casefold_parts(self, parts):
        return parts

    def is_reserved(self, parts):
        return False

    def make_uri(self, path):
        return 'file://' + _quote(os.fsencode(str(path)))


_WINDOWS_RESERVED = ({'CON', 'PRN', 'AUX', 'NUL', 'CONIN$', 'CONOUT$'} |
                     {'COM%s' % c for c in '123456789\xb9\xb2\xb3'} |
                     {'LPT%s' % c for c in '123456789\xb9\xb2\xb3'})


class _WindowsFlavour:
    sep = '\\'
    altsep = '/'
    has_drv = True
    is_supported = os.name == 'nt'

    def splitroot(self, part):
        """(drive, root, rest): "c:", "\\\\server\\share" (UNC) or "" as the drive."""
        sep = '\\'
        if part[:2] == sep * 2 and part[2:3] != sep:
            server_end = part.find(sep, 2)
            if server_end != -1:
                share_end = part.find(sep, server_end + 1)
                if share_end != server_end + 1:
                    if share_end == -1:
                        share_end = len(part)
                    return part[:share_end], sep, part[share_end + 1:]
        drv = ''
        if part[1:2] == ':' and part[:1].isascii() and part[:1].isalpha():
            drv = part[:2]
            part = part[2:]
        if part[:1] == sep:
            return drv, sep, part.lstrip(sep)
        return drv, '', part

    def casefold(self, s):
        return s.lower()

    def casefold_parts(self, parts):
        return [p.lower() for p in parts]

    def is_reserved(self, parts):
        if not parts:
            return False
        if parts[0].startswith('\\\\'):
            return False
        name = parts[-1].partition('.')[0].partition(':')[0].rstrip(' ')
        return name.upper() in _WINDOWS_RESERVED

    def make_uri(self, path):
        drive = path.drive
        if len(drive) == 2 and drive[1] == ':':
            rest = path.as_posix()[2:].lstrip('/')
            return 'file:///%s/%s' % (drive, _quote(rest.encode('utf-8')))
        return 'file:' + _quote(path.as_posix().encode('utf-8'))


_posix_flavour = _PosixFlavour()
_windows_flavour = _WindowsFlavour()

_URI_SAFE = frozenset(b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/')


def _quote(data):
    """Percent-encodes bytes for a file URI (letters, digits, _.-~/ stay as they are)."""
    return ''.join(chr(b) if b in _URI_SAFE else '%%%02X' % b for b in data)


def _parse(flavour, args):
    """Joins path arguments: (drive, root, components)."""
    drv = root = ''
    parts = []
    sep = flavour.sep
    altsep = flavour.altsep
    for a in args:
        if isinstance(a, PurePath):
            a = str(a) if a._flavour is flavour else a.as_posix()
        else:
            a = os.fspath(a)
            if not isinstance(a, str):
                raise TypeError("argument should be a str object or an os.PathLike object "
                                "returning str, not %r" % type(a))
        if altsep:
            a = a.replace(altsep, sep)
        d, r, rest = flavour.splitroot(a)
        if d:
            # A part with a drive starts the path again (even on the same drive).
            drv, root, parts = d, r, []
        elif r:
            root, parts = r, []
        for comp in rest.split(sep):
            if comp and comp != '.':
                parts.append(comp)
    return drv, root, parts


# ---------------------------------------------------------------------------------------------
# Pure paths


class _PathParents:
    """The immutable sequence of a path's logical ancestors (path.parents)."""
    __slots__ = ('_path', '_count')

    def __init__(self, path):
        self._path = path
        self._count = len(path._tail)

    def __len__(self):
        return self._count

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(self._count)))
        if idx >= self._count or idx < -self._count:
            raise IndexError(idx)
        if idx < 0:
            idx += self._count
        p = self._path
        return p._from_parsed(p._drv, p._root, p._tail[:self._count - idx - 1])

    def __iter__(self):
        for i in range(self._count):
            yield self[i]

    def __repr__(self):
        return "<{}.parents>".format(type(self._path).__name__)


class PurePath:
    """A path that is never looked up in the file system: its syntax only."""

    __slots__ = ('_drv', '_root', '_tail', '_str', '_hash', '_cached_cparts')
    _flavour = _posix_flavour

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PureWindowsPath if os.name == 'nt' else PurePosixPath
        return cls._from_args(args)

    @classmethod
    def _from_args(cls, args):
        self = object.__new__(cls)
        self._drv, self._root, self._tail = _parse(cls._flavour, args)
        self._str = None
        self._hash = None
        self._cached_cparts = None
        return self

    @classmethod
    def _from_parsed(cls, drv, root, tail):
        self = object.__new__(cls)
        self._drv = drv
        self._root = root
        self._tail = tail
        self._str = None
        self._hash = None
        self._cached_cparts = None
        return self

    def _child(self, names):
        """This path joined with more arguments (same class)."""
        drv, root, tail = _parse(self._flavour, (self,) + tuple(names))
        return self._from_parsed(drv, root, tail)

    def __reduce__(self):
        return (self.__class__, tuple(self._all_parts()))

    def _all_parts(self):
        anchor = self._drv + self._root
        return [anchor] + self._tail if anchor else list(self._tail)

    def __str__(self):
        s = self._str
        if s is None:
            s = self._drv + self._root + self._flavour.sep.join(self._tail)
            s = s or '.'
            self._str = s
        return s

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        """The path with forward slashes."""
        return str(self).replace(self._flavour.sep, '/')

    def __bytes__(self):
        return os.fsencode(self)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self.as_posix())

    def as_uri(self):
        """The path as a file URI (absolute paths only)."""
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        return self._flavour.make_uri(self)

    @property
    def _cparts(self):
        c = self._cached_cparts
        if c is None:
            c = self._cached_cparts = self._flavour.casefold_parts(self._all_parts())
        return c

    def __eq__(self, other):
        if not isinstance(other, PurePath) or self._flavour is not other._flavour:
            return NotImplemented
        return self._cparts == other._cparts

    def __hash__(self):
        h = self._hash
        if h is None:
            h = self._hash = hash(tuple(self._cparts))
        return h

    def __lt__(self, other):
        if not isinstance(other, PurePath) or self._flavour is not other._flavour:
            return NotImplemented
        return self._cparts < other._cparts

    def __le__(self, other):
        if not isinstance(other, PurePath) or self._flavour is not other._flavour:
            return NotImplemented
        return self._cparts <= other._cparts

    def __gt__(self, other):
        if not isinstance(other, PurePath) or self._flavour is not other._flavour:
            return NotImplemented
        return self._cparts > other._cparts

    def __ge__(self, other):
        if not isinstance(other, PurePath) or self._flavour is not other._flavour:
            return NotImplemented
        return self._cparts >= other._cparts

    @property
    def drive(self):
        """The drive ("c:" on Windows; always "" on POSIX)."""
        return self._drv

    @property
    def root(self):
        """The root ("/" for absolute POSIX paths)."""
        return self._root

    @property
    def anchor(self):
        """drive + root."""
        return self._drv + self._root

    @property
    def parts(self):
        """The components, the anchor first."""
        return tuple(self._all_parts())

    @property
    def name(self):
        """The final component ("" for the anchor alone)."""
        return self._tail[-1] if self._tail else ''

    @property
    def suffix(self):
        """The final component's last extension, with its dot."""
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        """All of the final component's extensions."""
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + s for s in name.split('.')[1:]]

    @property
    def stem(self):
        """The final component without its suffix."""
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    def with_name(self, name):
        """This path with the final component replaced."""
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        flavour = self._flavour
        drv, root, tail = _parse(flavour, (name,))
        if (not name or name[-1] in (flavour.sep, flavour.altsep) or drv or root or len(tail) != 1):
            raise ValueError("Invalid name %r" % (name,))
        return self._from_parsed(self._drv, self._root, self._tail[:-1] + [name])

    def with_stem(self, stem):
        """This path with the stem replaced (the suffix kept)."""
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        """This path with the suffix replaced ("" removes it)."""
        flavour = self._flavour
        if flavour.sep in suffix or (flavour.altsep and flavour.altsep in suffix):
            raise ValueError("Invalid suffix %r" % (suffix,))
        if (suffix and not suffix.startswith('.')) or suffix == '.':
            raise ValueError("Invalid suffix %r" % (suffix,))
        name = self.name
        if not name:
            raise ValueError("%r has an empty name" % (self,))
        old = self.suffix
        name = (name[:-len(old)] if old else name) + suffix
        return self._from_parsed(self._drv, self._root, self._tail[:-1] + [name])

    def relative_to(self, *other):
        """This path relative to other (which must be one of its ancestors, or itself)."""
        if not other:
            raise TypeError("need at least one argument")
        base = type(self)._from_args(other)
        n = len(base._tail)
        cf = self._flavour.casefold_parts
        if (self._flavour.casefold(self.anchor) != self._flavour.casefold(base.anchor)
                or cf(self._tail[:n]) != cf(base._tail)):
            raise ValueError("{!r} is not in the subpath of {!r} OR one path is relative and the "
                             "other is absolute.".format(str(self), str(base)))
        return self._from_parsed('', '', self._tail[n:])

    def is_relative_to(self, *other):
        """Whether this path is relative to other."""
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    @property
    def parent(self):
        """The logical parent."""
        if not self._tail:
            return self
        return self._from_parsed(self._drv, self._root, self._tail[:-1])

    @property
    def parents(self):
        """The logical ancestors, nearest first."""
        return _PathParents(self)

    def is_absolute(self):
        """Whether the path has a root (and, on Windows, a drive)."""
        if not self._root:
            return False
        return not self._flavour.has_drv or bool(self._drv)

    def is_reserved(self):
        """Whether the name is reserved by the system (only ever on Windows)."""
        return self._flavour.is_reserved(self._all_parts())

    def joinpath(self, *args):
        """This path joined with each argument in turn."""
        return self._child(args)

    def __truediv__(self, key):
        try:
            return self._child((key,))
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)._from_args((key, self))
        except TypeError:
            return NotImplemented

    def match(self, path_pattern):
        """Whether the path matches a glob pattern, compared from the right."""
        flavour = self._flavour
        pattern = flavour.casefold(path_pattern)
        drv, root, pat_tail = _parse(flavour, (pattern,))
        if not (drv or root or pat_tail):
            raise ValueError("empty pattern")
        if drv and drv != flavour.casefold(self._drv):
            return False
        if root and root != flavour.casefold(self._root):
            return False
        parts = self._cparts
        if drv or root:
            if len(pat_tail) + 1 != len(parts):
                return False
            parts = parts[1:]
        elif len(pat_tail) > len(parts):
            return False
        for part, pat in zip(reversed(parts), reversed(pat_tail)):
            if not _fnmatch.fnmatchcase(part, pat):
                return False
        return True


class PurePosixPath(PurePath):
    """A pure POSIX path."""
    _flavour = _posix_flavour
    __slots__ = ()


class PureWindowsPath(PurePath):
    """A pure Windows path."""
    _flavour = _windows_flavour
    __slots__ = ()


# ---------------------------------------------------------------------------------------------
# Concrete paths


def _user_name(file, number):
    """The name whose id is `number` in /etc/passwd or /etc/group, or None."""
    try:
        with open(file, encoding='utf-8', errors='replace') as f:
            for line in f:
                fields = line.split(':')
                if len(fields) > 2 and fields[2] == str(number):
                    return fields[0]
    except OSError:
        pass
    return None


class Path(PurePath):
    """A path in the file system of this machine."""
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = WindowsPath if os.name == 'nt' else PosixPath
        if not cls._flavour.is_supported:
            raise NotImplementedError("cannot instantiate %r on your system" % (cls.__name__,))
        return cls._from_args(args)

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        pass

    @classmethod
    def cwd(cls):
        """The current working directory."""
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        """The user's home directory."""
        return cls("~").expanduser()

    def samefile(self, other_path):
        """Whether other_path is the same file as this one."""
        st = self.stat()
        try:
            other_st = other_path.stat()
        except AttributeError:
            other_st = self.__class__(other_path).stat()
        return os.path.samestat(st, other_st)

    def iterdir(self):
        """The entries of this directory, as paths."""
        for name in os.listdir(self):
            yield self._from_parsed(self._drv, self._root, self._tail + [name])

    def glob(self, pattern):
        """The existing paths under this one that match a relative glob pattern."""
        if not pattern:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        drv, root, parts = _parse(self._flavour, (pattern,))
        if drv or root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        if pattern[-1] in (self._flavour.sep, self._flavour.altsep):
            parts.append('')
        return self._select(self, parts)

    def rglob(self, pattern):
        """glob() with "**/" in front of the pattern: matches at any depth."""
        drv, root, parts = _parse(self._flavour, (pattern,))
        if drv or root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        if pattern and pattern[-1] in (self._flavour.sep, self._flavour.altsep):
            parts.append('')
        return self._select(self, ['**'] + parts)

    def _select(self, parent, parts):
        """Yields the paths below parent matching the pattern components `parts`."""
        if not parts:
            yield parent
            return
        pat, rest = parts[0], parts[1:]
        if pat == '':
            if parent.is_dir():
                yield parent
            return
        if pat == '**':
            seen = set()
            for directory in self._walk_dirs(parent):
                for p in self._select(directory, rest):
                    if p not in seen:
                        seen.add(p)
                        yield p
            return
        if any(c in pat for c in '*?['):
            try:
                with os.scandir(parent) as it:
                    entries = list(it)
            except OSError:
                return
            for entry in entries:
                if rest:
                    try:
                        if not entry.is_dir():
                            continue
                    except OSError:
                        continue
                name = entry.name
                if _fnmatch.fnmatchcase(name, pat):
                    yield from self._select(parent._child_name(name), rest)
            return
        child = parent._child_name(pat)
        try:
            ok = child.is_dir() if rest else child.exists()
        except OSError:
            ok = False
        if ok:
            yield from self._select(child, rest)

    def _walk_dirs(self, top):
        """top and every directory below it (symbolic links to directories are not entered)."""
        yield top
        try:
            with os.scandir(top) as it:
                entries = list(it)
        except OSError:
            return
        for entry in entries:
            try:
                descend = entry.is_dir() and not entry.is_symlink()
            except OSError:
                descend = False
            if descend:
                yield from self._walk_dirs(top._child_name(entry.name))

    def _child_name(self, name):
        return self._from_parsed(self._drv, self._root, self._tail + [name])

    def absolute(self):
        """This path made absolute (not normalized, symlinks not resolved)."""
        if self.is_absolute():
            return self
        return type(self)._from_args((os.getcwd(), self))

    def resolve(self, strict=False):
        """The absolute path with symlinks resolved and '..' removed."""
        return type(self)(os.path.realpath(self, strict=strict))

    def stat(self, *, follow_symlinks=True):
        """os.stat() of this path."""
        return os.stat(self, follow_symlinks=follow_symlinks)

    def lstat(self):
        """os.lstat() of this path."""
        return os.lstat(self)

    def owner(self):
        """The name of the file's owner."""
        uid = self.stat().st_uid
        name = _user_name('/etc/passwd', uid)
        if name is None:
            raise KeyError('getpwuid(): uid not found: %d' % uid)
        return name

    def group(self):
        """The name of the file's group."""
        gid = self.stat().st_gid
        name = _user_name('/etc/group', gid)
        if name is None:
            raise KeyError('getgrgid(): gid not found: %d' % gid)
        return name

    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        """Opens the file, as open() does."""
        if "b" not in mode:
            encoding = io.text_encoding(encoding)
        return io.open(self, mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        """The file's contents as bytes."""
        with self.open(mode='rb') as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        """The file's contents as str."""
        encoding = io.text_encoding(encoding)
        with self.open(mode='r', encoding=encoding, errors=errors) as f:
            return f.read()

    def write_bytes(self, data):
        """Replaces the file's contents with data (bytes-like); returns the count written."""
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("memoryview: a bytes-like object is required, not '%s'"
                            % type(data).__name__)
        with self.open(mode='wb') as f:
            return f.write(data)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        """Replaces the file's contents with the str data; returns the count written."""
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % data.__class__.__name__)
        encoding = io.text_encoding(encoding)
        with self.open(mode='w', encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def readlink(self):
        """The path a symbolic link points to."""
        return type(self)(os.readlink(self))

    def touch(self, mode=0o666, exist_ok=True):
        """Creates the file, or updates its times if it exists (exist_ok)."""
        if exist_ok:
            try:
                os.utime(self, None)
            except OSError:
                pass
            else:
                return
        flags = os.O_CREAT | os.O_WRONLY
        if not exist_ok:
            flags |= os.O_EXCL
        fd = os.open(self, flags, mode)
        os.close(fd)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        """Creates the directory (and its missing parents if asked)."""
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        """Changes the permission bits."""
        os.chmod(self, mode, follow_symlinks=follow_symlinks)

    def lchmod(self, mode):
        """chmod() of the symbolic link itself."""
        self.chmod(mode, follow_symlinks=False)

    def unlink(self, missing_ok=False):
        """Removes the file (or symbolic link)."""
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        """Removes the (empty) directory."""
        os.rmdir(self)

    def rename(self, target):
        """Renames to target; returns the new path."""
        os.rename(self, target)
        return self.__class__(target)

    def replace(self, target):
        """Renames to target, replacing it if it exists; returns the new path."""
        os.replace(self, target)
        return self.__class__(target)

    def symlink_to(self, target, target_is_directory=False):
        """Makes this path a symbolic link to target."""
        os.symlink(target, self, target_is_directory)

    def hardlink_to(self, target):
        """Makes this path a hard link to target."""
        os.link(target, self)

    def link_to(self, target):
        """Deprecated: makes target a hard link to this path."""
        os.link(self, target)

    def exists(self):
        """Whether the path exists."""
        try:
            self.stat()
        except OSError as e:
            if not _is_missing(e):
                raise
            return False
        except ValueError:
            return False
        return True

    def _mode_test(self, test, follow=True):
        try:
            return test((self.stat() if follow else self.lstat()).st_mode)
        except OSError as e:
            if not _is_missing(e):
                raise
            return False
        except ValueError:
            return False

    def is_dir(self):
        """Whether the path is a directory (symlinks followed)."""
        return self._mode_test(S_ISDIR)

    def is_file(self):
        """Whether the path is a regular file (symlinks followed)."""
        return self._mode_test(S_ISREG)

    def is_symlink(self):
        """Whether the path is a symbolic link."""
        return self._mode_test(S_ISLNK, follow=False)

    def is_block_device(self):
        return self._mode_test(S_ISBLK)

    def is_char_device(self):
        return self._mode_test(S_ISCHR)

    def is_fifo(self):
        return self._mode_test(S_ISFIFO)

    def is_socket(self):
        return self._mode_test(S_ISSOCK)

    def is_mount(self):
        """Whether the path is a mount point."""
        if not self.exists() or not self.is_dir():
            return False
        try:
            parent_dev = self.parent.stat().st_dev
        except OSError:
            return False
        st = self.stat()
        if st.st_dev != parent_dev:
            return True
        return st.st_ino == self.parent.stat().st_ino

    def expanduser(self):
        """The path with a leading ~ or ~user expanded."""
        if not (self._drv or self._root) and self._tail and self._tail[0][:1] == '~':
            home = os.path.expanduser(self._tail[0])
            if home[:1] == '~':
                raise RuntimeError("Could not determine home directory.")
            return type(self)._from_args((home, *self._tail[1:]))
        return self


class PosixPath(Path, PurePosixPath):
    """A path in a POSIX file system."""
    __slots__ = ()


class WindowsPath(Path, PureWindowsPath):
    """A path in a Windows file system (cannot be made on POSIX)."""
    __slots__ = ()
