# os: the portable operating system interface over pyjit's posix module (Deno's APIs) -> the
# functions of CPython's os: everything posix has, os.path (posixpath), os.environ (read and written
# through the process environment), makedirs/removedirs/renames, walk, fsencode/fsdecode,
# PathLike, and NotImplementedError for the process functions pyjit does not have (exec*, spawn*).
# Written for pyjit from the documented behaviour of CPython's os.

import sys
import posix
from posix import *
from posix import _exit, _getenv, _getenv_quiet, _environ, _fsencode, _fsdecode
import posixpath as path
from posixpath import curdir, pardir, sep, pathsep, defpath, extsep, altsep, devnull

sys.modules['os.path'] = path

name = 'posix'
linesep = '\n'
error = OSError

supports_bytes_environ = True
supports_dir_fd = set()
supports_effective_ids = set()
supports_fd = {stat, truncate, chdir, listdir, scandir}
supports_follow_symlinks = {stat, link, utime}

# The builtin itself, as CPython's os.fspath is (no Python call in front of it).
fspath = posix.fspath


def fsencode(filename):
    """filename as bytes (UTF-8, lone surrogates back to the bytes they escaped)."""
    filename = fspath(filename)
    if isinstance(filename, str):
        return _fsencode(filename)
    return filename


def fsdecode(filename):
    """filename as str (UTF-8, undecodable bytes as lone surrogates)."""
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return _fsdecode(filename)
    return filename


class _PathLikeMeta(type):
    """isinstance(x, os.PathLike) holds for any object whose type has __fspath__."""

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if cls is PathLike:
            return any('__fspath__' in vars(c) for c in subclass.__mro__)
        return type.__subclasscheck__(cls, subclass)


class PathLike(metaclass=_PathLikeMeta):
    """Abstract base class for objects that implement the file system path protocol."""

    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __class_getitem__(cls, item):
        return cls


# ---------------------------------------------------------------------------------------------
# Directory trees


def makedirs(name, mode=0o777, exist_ok=False):
    """Makes a directory and any missing parents; with exist_ok an existing directory is fine."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        here = curdir if isinstance(tail, str) else curdir.encode()
        if tail == here:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Removes a directory, then its parents as long as they become empty."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """rename(), making the new parents first and removing emptied old parents after."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Yields (dirpath, dirnames, filenames) for top and every directory below it."""
    top = fspath(top)
    try:
        entries = scandir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs = []
    files = []
    below = []
    with entries:
        while True:
            try:
                entry = next(entries)
            except StopIteration:
                break
            except OSError as err:
                if onerror is not None:
                    onerror(err)
                return
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
                if not topdown:
                    try:
                        descend = followlinks or not entry.is_symlink()
                    except OSError:
                        descend = False
                    if descend:
                        below.append(entry.path)
            else:
                files.append(entry.name)
    if topdown:
        yield top, dirs, files
        for d in dirs:
            sub = path.join(top, d)
            if followlinks or not path.islink(sub):
                yield from walk(sub, topdown, onerror, followlinks)
    else:
        for sub in below:
            yield from walk(sub, topdown, onerror, followlinks)
        yield top, dirs, files


def fwalk(top=".", topdown=True, onerror=None, *, follow_symlinks=False, dir_fd=None):
    """Not available: pyjit has no directory file descriptors."""
    raise NotImplementedError("os.fwalk() is not supported by pyjit")


# ---------------------------------------------------------------------------------------------
# The environment


class _Environ:
    """os.environ: a mapping of the process environment, read and written through Deno.env."""

    def __getitem__(self, key):
        value = _getenv(_str_key(key))
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key, value):
        putenv(_str_key(key), _str_key(value))

    def __delitem__(self, key):
        key = _str_key(key)
        if _getenv(key) is None:
            raise KeyError(key)
        unsetenv(key)

    def __iter__(self):
        return iter(list(_environ()))

    def __len__(self):
        return len(_environ())

    def __contains__(self, key):
        return isinstance(key, str) and _getenv(key) is not None

    def __repr__(self):
        return 'environ(' + repr(_environ()) + ')'

    def __eq__(self, other):
        if isinstance(other, _Environ):
            return True
        return _environ() == other

    def __or__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        merged = dict(self)
        merged.update(other)
        return merged

    def __ror__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        merged = dict(other)
        merged.update(self)
        return merged

    def __ior__(self, other):
        self.update(other)
        return self

    def keys(self):
        return _environ().keys()

    def values(self):
        return _environ().values()

    def items(self):
        return _environ().items()

    def get(self, key, default=None):
        value = _getenv(_str_key(key))
        return default if value is None else value

    def copy(self):
        return dict(_environ())

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def pop(self, key, *default):
        if len(default) > 1:
            raise TypeError(f'pop expected at most 2 arguments, got {1 + len(default)}')
        if key in self:
            value = self[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        for key in self:
            value = self[key]
            del self[key]
            return key, value
        raise KeyError('popitem(): dictionary is empty')

    def update(self, other=(), **kwds):
        if hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def clear(self):
        for key in list(self):
            del self[key]

    __hash__ = None


def _str_key(value):
    if not isinstance(value, str):
        raise TypeError(f"str expected, not {type(value).__name__}")
    return value


environ = _Environ()


def getenv(key, default=None):
    """The value of the environment variable key, or default."""
    return environ.get(key, default)


def get_exec_path(env=None):
    """The directories searched for a named executable (PATH)."""
    if env is None:
        value = _getenv_quiet('PATH')
    else:
        value = env.get('PATH')
    if value is None:
        value = defpath
    return value.split(pathsep)


# ---------------------------------------------------------------------------------------------
# Files and processes


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    """open() on a file descriptor."""
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import io
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


def _not_supported(name):
    def refuse(*args, **kwargs):
        raise NotImplementedError(f"os.{name}() is not supported by pyjit")
    refuse.__name__ = name
    return refuse


for _name in ("execl", "execle", "execlp", "execlpe", "execv", "execve", "execvp", "execvpe",
              "spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnv", "spawnve", "spawnvp",
              "spawnvpe", "popen", "system", "fork", "forkpty", "wait", "waitpid", "wait3",
              "wait4", "posix_spawn", "posix_spawnp", "startfile", "register_at_fork"):
    globals()[_name] = _not_supported(_name)
del _name
