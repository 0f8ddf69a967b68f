# tempfile: temporary files and directories with unique random names -> mkstemp/mkdtemp (the
# caller cleans up), TemporaryFile (no name, gone when closed), NamedTemporaryFile (deleted on
# close), SpooledTemporaryFile (in memory until it grows), TemporaryDirectory (removed with its
# contents), gettempdir and friends. Written for pyjit from the documented behaviour of CPython's
# tempfile.

import io
import os
import shutil
import posix as _posix

__all__ = ["NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile", "TemporaryDirectory",
           "mkstemp", "mkdtemp", "mktemp", "TMP_MAX", "gettempprefix", "tempdir", "gettempdir",
           "gettempprefixb", "gettempdirb"]

TMP_MAX = 10000
template = "tmp"
tempdir = None

_NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_"
_CREATE_FLAGS = os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


def _random_name():
    """Eight characters from [a-z0-9_], from the OS's random source."""
    return ''.join(_NAME_CHARS[b % len(_NAME_CHARS)] for b in os.urandom(8))


def gettempprefix():
    """The default prefix of temporary names ('tmp')."""
    return template


def gettempprefixb():
    """gettempprefix() as bytes."""
    return os.fsencode(template)


def _candidate_dirs():
    for name in ('TMPDIR', 'TEMP', 'TMP'):
        value = _posix._getenv_quiet(name)
        if value:
            yield value
    yield from ('/tmp', '/var/tmp', '/usr/tmp')
    try:
        yield os.getcwd()
    except OSError:
        yield os.curdir


def _find_tempdir():
    for directory in _candidate_dirs():
        if directory != os.curdir:
            directory = os.path.abspath(directory)
        if os.path.isdir(directory) and os.access(directory, os.W_OK | os.X_OK):
            return directory
    raise FileNotFoundError(2, "No usable temporary directory found in %s" % list(_candidate_dirs()))


def gettempdir():
    """The directory for temporary files: $TMPDIR, $TEMP, $TMP, /tmp, /var/tmp, /usr/tmp or the cwd."""
    global tempdir
    if tempdir is None:
        tempdir = _find_tempdir()
    return os.fsdecode(tempdir)


def gettempdirb():
    """gettempdir() as bytes."""
    return os.fsencode(gettempdir())


def _sanitize(prefix, suffix, dir):
    """Defaults for prefix/suffix/dir, all of one type (str or bytes)."""
    kinds = {type(x) for x in (prefix, suffix, dir) if x is not None}
    if len(kinds) > 1:
        raise TypeError("Can't mix bytes and non-bytes in path components.")
    as_bytes = bytes in kinds
    if suffix is None:
        suffix = b'' if as_bytes else ''
    if prefix is None:
        prefix = gettempprefixb() if as_bytes else template
    if dir is None:
        dir = gettempdirb() if as_bytes else gettempdir()
    return prefix, suffix, dir, as_bytes


def _unique_path(dir, prefix, suffix, as_bytes, make):
    """Tries random names in dir until make(path) succeeds; returns its result."""
    for _ in range(TMP_MAX):
        name = _random_name()
        if as_bytes:
            name = os.fsencode(name)
        path = os.path.join(dir, prefix + name + suffix)
        try:
            return make(path)
        except FileExistsError:
            continue
    raise FileExistsError(17, "No usable temporary file name found")


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Creates a new file readable and writable only by the user: (descriptor, absolute path)."""
    prefix, suffix, dir, as_bytes = _sanitize(prefix, suffix, dir)

    def make(path):
        return os.open(path, _CREATE_FLAGS, 0o600), os.path.abspath(path)
    return _unique_path(dir, prefix, suffix, as_bytes, make)


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Creates a new directory accessible only by the user; returns its absolute path."""
    prefix, suffix, dir, as_bytes = _sanitize(prefix, suffix, dir)

    def make(path):
        os.mkdir(path, 0o700)
        return os.path.abspath(path)
    return _unique_path(dir, prefix, suffix, as_bytes, make)


def mktemp(suffix="", prefix=template, dir=None):
    """Deprecated: a name that did not exist when asked (another process may take it first)."""
    if dir is None:
        dir = gettempdir()
    for _ in range(TMP_MAX):
        path = os.path.join(dir, prefix + _random_name() + suffix)
        if not os.path.lexists(path):
            return path
    raise FileExistsError(17, "No usable temporary filename found")


class _TemporaryFileWrapper:
    """A file object with a name that deletes the file when closed (if delete is true)."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closed = False

    def __getattr__(self, name):
        return getattr(self.__dict__['file'], name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        result = self.file.__exit__(exc, value, tb)
        self._cleanup()
        return result

    def close(self):
        try:
            self.file.close()
        finally:
            self._cleanup()

    def _cleanup(self):
        if self._closed:
            return
        self._closed = True
        if self.delete:
            try:
                os.unlink(self.name)
            except FileNotFoundError:
                pass

    def __iter__(self):
        for line in self.file:
            yield line


def NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None,
                       prefix=None, dir=None, delete=True, *, errors=None):
    """A temporary file with a visible name (the .name attribute), deleted when closed."""
    prefix, suffix, dir, as_bytes = _sanitize(prefix, suffix, dir)
    fd, name = mkstemp(suffix, prefix, dir)
    try:
        file = io.open(fd, mode, buffering=buffering, newline=newline, encoding=encoding, errors=errors)
    except BaseException:
        os.unlink(name)
        os.close(fd)
        raise
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None, prefix=None,
                  dir=None, *, errors=None):
    """A temporary file without a name in the file system (removed as soon as it is made)."""
    prefix, suffix, dir, as_bytes = _sanitize(prefix, suffix, dir)
    fd, name = mkstemp(suffix, prefix, dir)
    try:
        os.unlink(name)
        return io.open(fd, mode, buffering=buffering, newline=newline, encoding=encoding, errors=errors)
    except BaseException:
        os.close(fd)
        raise


class SpooledTemporaryFile(io.IOBase):
    """A temporary file kept in memory until it exceeds max_size (or fileno() is asked for)."""

    _rolled = False

    def __init__(self, max_size=0, mode='w+b', buffering=-1, encoding=None, newline=None,
                 suffix=None, prefix=None, dir=None, *, errors=None):
        if 'b' in mode:
            self._file = io.BytesIO()
        else:
            self._file = io.TextIOWrapper(io.BytesIO(), encoding=encoding or 'UTF-8',
                                          errors=errors, newline=newline)
        self._max_size = max_size
        self._rolled = False
        self._args = {'mode': mode, 'buffering': buffering, 'suffix': suffix, 'prefix': prefix,
                      'encoding': encoding, 'newline': newline, 'dir': dir, 'errors': errors}

    def _check(self, file):
        if self._max_size and not self._rolled and file.tell() > self._max_size:
            self.rollover()

    def rollover(self):
        """Moves the contents to a real temporary file."""
        if self._rolled:
            return
        memory = self._file
        newfile = self._file = TemporaryFile(**self._args)
        del self._args
        pos = memory.tell()
        if hasattr(newfile, 'buffer'):
            newfile.buffer.write(memory.detach().getvalue())
        else:
            newfile.write(memory.getvalue())
        newfile.seek(pos, 0)
        self._rolled = True

    def __enter__(self):
        if self._file.closed:
            raise ValueError("Cannot enter context with closed file")
        return self

    def __exit__(self, exc, value, tb):
        self._file.close()

    def __iter__(self):
        return self._file.__iter__()

    def __next__(self):
        return self._file.__next__()

    def close(self):
        self._file.close()

    @property
    def closed(self):
        return self._file.closed

    @property
    def encoding(self):
        return self._file.encoding

    @property
    def errors(self):
        return self._file.errors

    @property
    def mode(self):
        try:
            return self._file.mode
        except AttributeError:
            return self._args['mode']

    @property
    def name(self):
        try:
            return self._file.name
        except AttributeError:
            return None

    @property
    def newlines(self):
        return self._file.newlines

    def fileno(self):
        self.rollover()
        return self._file.fileno()

    def flush(self):
        self._file.flush()

    def isatty(self):
        return self._file.isatty()

    def read(self, *args):
        return self._file.read(*args)

    def read1(self, *args):
        return self._file.read1(*args)

    def readinto(self, b):
        return self._file.readinto(b)

    def readinto1(self, b):
        return self._file.readinto1(b)

    def readline(self, *args):
        return self._file.readline(*args)

    def readlines(self, *args):
        return self._file.readlines(*args)

    def readable(self):
        return self._file.readable()

    def seek(self, *args):
        return self._file.seek(*args)

    def seekable(self):
        return self._file.seekable()

    def tell(self):
        return self._file.tell()

    def truncate(self, size=None):
        if size is None:
            return self._file.truncate()
        if size > self._max_size:
            self.rollover()
        return self._file.truncate(size)

    def writable(self):
        return self._file.writable()

    def write(self, s):
        file = self._file
        result = file.write(s)
        self._check(file)
        return result

    def writelines(self, iterable):
        file = self._file
        result = file.writelines(iterable)
        self._check(file)
        return result

    def detach(self):
        return self._file.detach()


class TemporaryDirectory:
    """A temporary directory removed, with everything in it, by cleanup() or at the end of `with`."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._cleaned = False

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if self._cleaned or not os.path.exists(self.name):
            return
        self._cleaned = True
        shutil.rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)

    @classmethod
    def __class_getitem__(cls, item):
        return cls
