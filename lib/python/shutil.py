# shutil: high-level file operations -> copying files (copyfileobj, copyfile, copymode, copystat,
# copy, copy2), trees (copytree, rmtree, move), finding programs (which), disk usage and terminal
# size. Archives and ownership changes are not available in pyjit (NotImplementedError).
# Written for pyjit from the documented behaviour of CPython's shutil.

import os
import posix
import sys
import stat
import fnmatch

__all__ = ["copyfileobj", "copyfile", "copymode", "copystat", "copy", "copy2", "copytree", "move",
           "rmtree", "Error", "SpecialFileError", "ExecError", "make_archive",
           "get_archive_formats", "register_archive_format", "unregister_archive_format",
           "get_unpack_formats", "register_unpack_format", "unregister_unpack_format",
           "unpack_archive", "ignore_patterns", "chown", "which", "get_terminal_size",
           "SameFileError", "disk_usage"]

COPY_BUFSIZE = 64 * 1024


class Error(OSError):
    pass


class SameFileError(Error):
    """Raised when source and destination are the same file."""


class SpecialFileError(OSError):
    """Raised when trying to do a kind of operation (e.g. copying) which is not supported on a
    special file (e.g. a named pipe)"""


class ExecError(OSError):
    """Raised when a command could not be executed"""


class ReadError(OSError):
    """Raised when an archive cannot be read"""


class RegistryError(Exception):
    """Raised when a registry operation with the archiving and unpacking registries fails"""


def copyfileobj(fsrc, fdst, length=0):
    """Copies the data of file object fsrc to file object fdst, in chunks of length bytes."""
    if not length:
        length = COPY_BUFSIZE
    read = fsrc.read
    write = fdst.write
    while True:
        buf = read(length)
        if not buf:
            break
        write(buf)


def _samefile(src, dst):
    if isinstance(src, os.DirEntry):
        try:
            return os.path.samestat(src.stat(), os.stat(dst))
        except OSError:
            return False
    try:
        return os.path.samefile(src, dst)
    except OSError:
        return False


def _is_fifo(path):
    try:
        return stat.S_ISFIFO(os.stat(path).st_mode)
    except OSError:
        return False


def copyfile(src, dst, *, follow_symlinks=True):
    """Copies the contents (no metadata) of src to dst; returns dst."""
    if _samefile(src, dst):
        raise SameFileError("{!r} and {!r} are the same file".format(src, dst))
    for name in (src, dst):
        if _is_fifo(name):
            raise SpecialFileError("`%s` is a named pipe" % name)
    if not follow_symlinks and os.path.islink(src):
        os.symlink(os.readlink(src), dst)
        return dst
    with open(src, 'rb') as fsrc:
        try:
            with open(dst, 'wb') as fdst:
                copyfileobj(fsrc, fdst, 1024 * 1024)
        except IsADirectoryError as e:
            if not os.path.exists(dst):
                raise FileNotFoundError(f'Directory does not exist: {dst}') from e
            raise
    return dst


def copymode(src, dst, *, follow_symlinks=True):
    """Copies the permission bits of src to dst."""
    if not follow_symlinks and os.path.islink(src) and os.path.islink(dst):
        return
    st = os.stat(src)
    os.chmod(dst, stat.S_IMODE(st.st_mode))


def copystat(src, dst, *, follow_symlinks=True):
    """Copies the permission bits and the access and modification times of src to dst."""
    if not follow_symlinks and os.path.islink(src) and os.path.islink(dst):
        return
    st = os.stat(src)
    os.utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.chmod(dst, stat.S_IMODE(st.st_mode))


def copy(src, dst, *, follow_symlinks=True):
    """Copies data and permission bits; dst may be a directory. Returns the new file's path."""
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copymode(src, dst, follow_symlinks=follow_symlinks)
    return dst


def copy2(src, dst, *, follow_symlinks=True):
    """copy() that also copies the times. Returns the new file's path."""
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copystat(src, dst, follow_symlinks=follow_symlinks)
    return dst


def ignore_patterns(*patterns):
    """A copytree ignore function that ignores names matching any of the glob patterns."""
    def _ignore_patterns(path, names):
        ignored = set()
        for pattern in patterns:
            ignored.update(fnmatch.filter(names, pattern))
        return ignored
    return _ignore_patterns


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2,
             ignore_dangling_symlinks=False, dirs_exist_ok=False):
    """Copies the directory tree src to dst (which must not exist unless dirs_exist_ok)."""
    with os.scandir(src) as it:
        entries = list(it)
    ignored = set()
    if ignore is not None:
        ignored = ignore(os.fspath(src), [e.name for e in entries])
    os.makedirs(dst, exist_ok=dirs_exist_ok)
    errors = []
    for entry in entries:
        if entry.name in ignored:
            continue
        src_name = os.path.join(src, entry.name)
        dst_name = os.path.join(dst, entry.name)
        try:
            if entry.is_symlink():
                target = os.readlink(src_name)
                if symlinks:
                    os.symlink(target, dst_name)
                    copystat(src_name, dst_name, follow_symlinks=False)
                elif not os.path.exists(target if os.path.isabs(target)
                                        else os.path.join(os.path.dirname(src_name), target)):
                    if not ignore_dangling_symlinks:
                        copy_function(src_name, dst_name)
                elif entry.is_dir():
                    copytree(src_name, dst_name, symlinks, ignore, copy_function,
                             ignore_dangling_symlinks, dirs_exist_ok)
                else:
                    copy_function(src_name, dst_name)
            elif entry.is_dir():
                copytree(src_name, dst_name, symlinks, ignore, copy_function,
                         ignore_dangling_symlinks, dirs_exist_ok)
            else:
                copy_function(src_name, dst_name)
        except Error as err:
            errors.extend(err.args[0])
        except OSError as why:
            errors.append((src_name, dst_name, str(why)))
    try:
        copystat(src, dst)
    except OSError as why:
        errors.append((src, dst, str(why)))
    if errors:
        raise Error(errors)
    return dst


def rmtree(path, ignore_errors=False, onerror=None, *, dir_fd=None):
    """Deletes a directory tree (symbolic links inside are removed, not followed)."""
    if dir_fd is not None:
        raise NotImplementedError("rmtree: dir_fd is not supported by pyjit")
    if ignore_errors:
        def onerror(*args):
            pass
    elif onerror is None:
        def onerror(*args):
            raise
    try:
        st = os.lstat(path)
    except OSError:
        onerror(os.lstat, path, sys.exc_info())
        return
    try:
        if stat.S_ISLNK(st.st_mode):
            raise OSError("Cannot call rmtree on a symbolic link")
    except OSError:
        onerror(os.path.islink, path, sys.exc_info())
        return
    _remove_tree(path, onerror)


def _remove_tree(path, onerror):
    try:
        with os.scandir(path) as it:
            entries = list(it)
    except OSError:
        onerror(os.scandir, path, sys.exc_info())
        entries = []
    for entry in entries:
        full = entry.path
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            _remove_tree(full, onerror)
        else:
            try:
                os.unlink(full)
            except OSError:
                onerror(os.unlink, full, sys.exc_info())
    try:
        os.rmdir(path)
    except OSError:
        onerror(os.rmdir, path, sys.exc_info())


def _basename(path):
    sep = os.path.sep + (os.path.altsep or '')
    return os.path.basename(path.rstrip(sep))


def _destinsrc(src, dst):
    src = os.path.abspath(src)
    dst = os.path.abspath(dst)
    if not src.endswith(os.path.sep):
        src += os.path.sep
    if not dst.endswith(os.path.sep):
        dst += os.path.sep
    return dst.startswith(src)


def move(src, dst, copy_function=copy2):
    """Moves a file or directory to dst (into it, if dst is a directory); returns the destination."""
    real_dst = dst
    if os.path.isdir(dst):
        if _samefile(src, dst):
            os.rename(src, dst)
            return
        real_dst = os.path.join(dst, _basename(os.fspath(src)))
        if os.path.exists(real_dst):
            raise Error("Destination path '%s' already exists" % real_dst)
    try:
        os.rename(src, real_dst)
    except OSError:
        if os.path.islink(src):
            target = os.readlink(src)
            os.symlink(target, real_dst)
            os.unlink(src)
        elif os.path.isdir(src):
            if _destinsrc(src, dst):
                raise Error("Cannot move a directory '%s' into itself '%s'." % (src, dst))
            copytree(src, real_dst, copy_function=copy_function, symlinks=True)
            rmtree(src)
        else:
            copy_function(src, real_dst)
            os.unlink(src)
    return real_dst


class _ntuple_diskusage(tuple):
    """usage(total, used, free)"""

    def __new__(cls, total, used, free):
        return tuple.__new__(cls, (total, used, free))

    total = property(lambda self: self[0])
    used = property(lambda self: self[1])
    free = property(lambda self: self[2])

    def __repr__(self):
        return f'usage(total={self[0]!r}, used={self[1]!r}, free={self[2]!r})'


_ntuple_diskusage.__name__ = 'usage'
_ntuple_diskusage.__qualname__ = 'usage'


def disk_usage(path):
    """usage(total, used, free) of the file system holding path, in bytes."""
    total, used, free = posix._disk_usage(path)
    return _ntuple_diskusage(total, used, free)


def chown(path, user=None, group=None):
    """Not available: Deno cannot change ownership by name."""
    raise NotImplementedError("shutil.chown() is not supported by pyjit")


def which(cmd, mode=os.F_OK | os.X_OK, path=None):
    """The path of the executable cmd found on PATH (or path), or None."""
    def usable(fn):
        return os.path.exists(fn) and os.access(fn, mode) and not os.path.isdir(fn)

    if os.path.dirname(cmd):
        return cmd if usable(cmd) else None
    if path is None:
        path = os.environ.get("PATH", None)
        if path is None:
            path = os.defpath
    if not path:
        return None
    if isinstance(cmd, bytes):
        path = os.fsencode(path)
        sep = os.fsencode(os.pathsep)
    else:
        path = os.fsdecode(path)
        sep = os.pathsep
    seen = set()
    for directory in path.split(sep):
        normdir = os.path.normcase(directory)
        if normdir in seen:
            continue
        seen.add(normdir)
        name = os.path.join(directory, cmd)
        if usable(name):
            return name
    return None


def get_terminal_size(fallback=(80, 24)):
    """The terminal size: $COLUMNS and $LINES, else the terminal's, else fallback."""
    columns = lines = 0
    try:
        columns = int(os.environ['COLUMNS'])
    except (KeyError, ValueError, PermissionError):
        pass
    try:
        lines = int(os.environ['LINES'])
    except (KeyError, ValueError, PermissionError):
        pass
    if columns <= 0 or lines <= 0:
        try:
            size = os.get_terminal_size(sys.__stdout__.fileno())
        except (AttributeError, ValueError, OSError):
            size = os.terminal_size(fallback)
        if columns <= 0:
            columns = size.columns or fallback[0]
        if lines <= 0:
            lines = size.lines or fallback[1]
    return os.terminal_size((columns, lines))


def _no_archives(name):
    def refuse(*args, **kwargs):
        raise NotImplementedError(f"shutil.{name}() is not supported by pyjit")
    refuse.__name__ = name
    return refuse


make_archive = _no_archives("make_archive")
unpack_archive = _no_archives("unpack_archive")
register_archive_format = _no_archives("register_archive_format")
unregister_archive_format = _no_archives("unregister_archive_format")
register_unpack_format = _no_archives("register_unpack_format")
unregister_unpack_format = _no_archives("unregister_unpack_format")


def get_archive_formats():
    """No archive formats are available in pyjit."""
    return []


def get_unpack_formats():
    """No unpack formats are available in pyjit."""
    return []
