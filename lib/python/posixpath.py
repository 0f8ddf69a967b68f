# posixpath (os.path): POSIX path names (str or bytes, or os.PathLike objects) -> their parts,
# normalized or absolute forms, and questions about the files they name (exists, isdir, getsize...).
# Written for pyjit from the documented behaviour of CPython's os.path; the file queries go through
# the posix module (Deno's file system API).

import posix as _posix
import stat as _stat

__all__ = ["normcase", "isabs", "join", "splitdrive", "split", "splitext", "basename", "dirname",
           "commonprefix", "getsize", "getmtime", "getatime", "getctime", "islink", "exists",
           "lexists", "isdir", "isfile", "ismount", "expanduser", "expandvars", "normpath",
           "abspath", "samefile", "sameopenfile", "samestat", "curdir", "pardir", "sep",
           "pathsep", "defpath", "altsep", "extsep", "devnull", "realpath",
           "supports_unicode_filenames", "relpath", "commonpath"]

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'
supports_unicode_filenames = False

_fspath = _posix.fspath


def _seps(p):
    """The separator, current and parent directory names in the type of p (str or bytes)."""
    if isinstance(p, bytes):
        return b'/', b'.', b'..'
    return '/', '.', '..'


def _check_arg_types(funcname, *args):
    """Raises the TypeError for arguments that are not all str or all bytes."""
    has_str = has_bytes = False
    for s in args:
        if isinstance(s, str):
            has_str = True
        elif isinstance(s, bytes):
            has_bytes = True
        else:
            raise TypeError(f'{funcname}() argument must be str, bytes, or '
                            f'os.PathLike object, not {type(s).__name__!r}') from None
    if has_str and has_bytes:
        raise TypeError("Can't mix strings and bytes in path components") from None


def normcase(s):
    """POSIX file names are case-sensitive: s unchanged."""
    return _fspath(s)


def isabs(s):
    """Whether s is an absolute path."""
    s = _fspath(s)
    return s.startswith(_seps(s)[0])


def join(a, *p):
    """Joins path components; an absolute component discards everything before it."""
    a = _fspath(a)
    sep = _seps(a)[0]
    result = a
    try:
        if not p:
            result[:0] + sep
        for b in p:
            b = _fspath(b)
            if b.startswith(sep):
                result = b
            elif not result or result.endswith(sep):
                result = result + b
            else:
                result = result + sep + b
    except (TypeError, AttributeError):
        _check_arg_types('join', a, *p)
        raise
    return result


def split(p):
    """(head, tail): tail is what follows the last slash, head the rest without trailing slashes."""
    p = _fspath(p)
    sep = _seps(p)[0]
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    """(root, ext): ext is the last dot and what follows it in the last component, if any."""
    p = _fspath(p)
    sep, dot = (b'/', b'.') if isinstance(p, bytes) else ('/', '.')
    last_sep = p.rfind(sep)
    last_dot = p.rfind(dot)
    if last_dot > last_sep:
        # Leading dots of the file name do not start an extension (".bashrc").
        i = last_sep + 1
        while i < last_dot:
            if p[i:i + 1] != dot:
                return p[:last_dot], p[last_dot:]
            i += 1
    return p, p[:0]


def splitdrive(p):
    """POSIX has no drives: ('', p)."""
    p = _fspath(p)
    return p[:0], p


def basename(p):
    """The final component of p."""
    p = _fspath(p)
    sep = _seps(p)[0]
    return p[p.rfind(sep) + 1:]


def dirname(p):
    """Everything before the final component of p."""
    p = _fspath(p)
    sep = _seps(p)[0]
    head = p[:p.rfind(sep) + 1]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def commonprefix(m):
    """The longest common leading string (character by character) of the items of m."""
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_fspath, m))
    lo = min(m)
    hi = max(m)
    n = min(len(lo), len(hi))
    for i in range(n):
        if lo[i] != hi[i]:
            return lo[:i]
    return lo[:n]


# ---------------------------------------------------------------------------------------------
# Questions about the file a path names


def exists(path):
    """Whether path names an existing file (False for broken symlinks and invalid names)."""
    try:
        _posix.stat(path)
    except (OSError, ValueError):
        return False
    return True


def lexists(path):
    """Whether path exists (True for broken symlinks)."""
    try:
        _posix.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def isfile(path):
    """Whether path is an existing regular file (symlinks followed)."""
    try:
        st = _posix.stat(path)
    except (OSError, ValueError):
        return False
    return _stat.S_ISREG(st.st_mode)


def isdir(s):
    """Whether s is an existing directory (symlinks followed)."""
    try:
        st = _posix.stat(s)
    except (OSError, ValueError):
        return False
    return _stat.S_ISDIR(st.st_mode)


def islink(path):
    """Whether path is a symbolic link."""
    try:
        st = _posix.lstat(path)
    except (OSError, ValueError, AttributeError):
        return False
    return _stat.S_ISLNK(st.st_mode)


def ismount(path):
    """Whether path is a mount point: its parent is on another device, or is the same directory."""
    try:
        s1 = _posix.lstat(path)
    except (OSError, ValueError):
        return False
    if _stat.S_ISLNK(s1.st_mode):
        return False
    path = _fspath(path)
    parent = join(path, b'..' if isinstance(path, bytes) else '..')
    parent = realpath(parent)
    try:
        s2 = _posix.lstat(parent)
    except (OSError, ValueError):
        return False
    return s1.st_dev != s2.st_dev or s1.st_ino == s2.st_ino


def getsize(filename):
    """The size of the file, in bytes."""
    return _posix.stat(filename).st_size


def getmtime(filename):
    """The time of last modification (seconds since the epoch)."""
    return _posix.stat(filename).st_mtime


def getatime(filename):
    """The time of last access."""
    return _posix.stat(filename).st_atime


def getctime(filename):
    """The time of the last metadata change."""
    return _posix.stat(filename).st_ctime


def samestat(s1, s2):
    """Whether two stat results describe the same file."""
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    """Whether two paths name the same file."""
    return samestat(_posix.stat(f1), _posix.stat(f2))


def sameopenfile(fp1, fp2):
    """Whether two file descriptors refer to the same file."""
    return samestat(_posix.fstat(fp1), _posix.fstat(fp2))


# ---------------------------------------------------------------------------------------------
# Expansion and normalization


def _home():
    return _posix._getenv_quiet('HOME')


def _user_home(name):
    """The home directory of user `name` from /etc/passwd, or None."""
    try:
        with open('/etc/passwd', encoding='utf-8', errors='replace') as f:
            for line in f:
                fields = line.rstrip('\n').split(':')
                if len(fields) >= 6 and fields[0] == name:
                    return fields[5]
    except (OSError, ValueError):
        pass
    return None


def expanduser(path):
    """Replaces a leading ~ or ~user by that user's home directory (unchanged when unknown)."""
    path = _fspath(path)
    is_bytes = isinstance(path, bytes)
    tilde = b'~' if is_bytes else '~'
    if not path.startswith(tilde):
        return path
    sep = _seps(path)[0]
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i == 1:
        home = _home()
        if home is None:
            home = _user_home(_posix._getenv_quiet('USER') or _posix._getenv_quiet('LOGNAME') or 'root')
    else:
        name = path[1:i]
        if is_bytes:
            name = _posix._fsdecode(name)
        home = _user_home(name)
    if home is None:
        return path
    if is_bytes:
        home = _posix._fsencode(home)
    root = b'/' if is_bytes else '/'
    home = home.rstrip(root)
    return (home + path[i:]) or root


def _is_word_char(c):
    return c == '_' or ('a' <= c <= 'z') or ('A' <= c <= 'Z') or ('0' <= c <= '9')


def expandvars(path):
    """Replaces $name and ${name} by the environment variable's value; unknown ones stay as they are."""
    path = _fspath(path)
    is_bytes = isinstance(path, bytes)
    text = _posix._fsdecode(path) if is_bytes else path
    if '$' not in text:
        return path
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c != '$':
            out.append(c)
            i += 1
            continue
        if i + 1 < n and text[i + 1] == '{':
            end = text.find('}', i + 2)
            if end < 0:
                out.append(text[i:])
                break
            name = text[i + 2:end]
            after = end + 1
        else:
            j = i + 1
            while j < n and _is_word_char(text[j]):
                j += 1
            name = text[i + 1:j]
            after = j
            if not name:
                out.append(c)
                i += 1
                continue
        value = _posix._getenv_quiet(name) if name and '=' not in name and '\0' not in name else None
        out.append(text[i:after] if value is None else value)
        i = after
    result = ''.join(out)
    return _posix._fsencode(result) if is_bytes else result


def normpath(path):
    """Collapses redundant separators and up-level references: 'A//B', 'A/./B', 'A/foo/../B' -> 'A/B'."""
    path = _fspath(path)
    sep, dot, dotdot = _seps(path)
    if not path:
        return dot
    # POSIX keeps exactly two leading slashes; three or more mean one.
    leading = 0
    if path.startswith(sep):
        leading = 2 if path.startswith(sep * 2) and not path.startswith(sep * 3) else 1
    parts = []
    for comp in path.split(sep):
        if not comp or comp == dot:
            continue
        if comp != dotdot or (not leading and not parts) or (parts and parts[-1] == dotdot):
            parts.append(comp)
        elif parts:
            parts.pop()
    result = sep * leading + sep.join(parts)
    return result or dot


def abspath(path):
    """The absolute, normalized form of path."""
    path = _fspath(path)
    if not isabs(path):
        cwd = _posix.getcwdb() if isinstance(path, bytes) else _posix.getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """The canonical path: symbolic links resolved, '.' and '..' removed (as far as the path exists)."""
    filename = _fspath(filename)
    sep, dot, dotdot = _seps(filename)
    resolved = _resolve(filename, sep, dot, dotdot, strict, {})
    return abspath(resolved)


def _resolve(path, sep, dot, dotdot, strict, seen):
    """Resolves path component by component; `seen` maps links being resolved to their results."""
    if isabs(path):
        rest = path[1:]
        result = sep
    else:
        rest = path
        result = _posix.getcwdb() if isinstance(path, bytes) else _posix.getcwd()
    for name in rest.split(sep):
        if not name or name == dot:
            continue
        if name == dotdot:
            result = dirname(result) if result != sep else result
            continue
        candidate = join(result, name)
        try:
            st = _posix.lstat(candidate)
        except OSError:
            if strict:
                raise
            result = candidate
            continue
        if not _stat.S_ISLNK(st.st_mode):
            result = candidate
            continue
        if candidate in seen:
            done = seen[candidate]
            if done is not None:
                result = done
                continue
            # A symlink loop.
            if strict:
                _posix.stat(candidate)
            result = candidate
            continue
        seen[candidate] = None
        target = _posix.readlink(candidate)
        result = _resolve(target if isabs(target) else join(dirname(candidate), target),
                          sep, dot, dotdot, strict, seen)
        seen[candidate] = result
    return result


def relpath(path, start=None):
    """path relative to start (default: the current directory)."""
    if not path:
        raise ValueError("no path specified")
    path = _fspath(path)
    sep, dot, dotdot = _seps(path)
    if start is None:
        start = dot
    else:
        start = _fspath(start)
    try:
        start_list = [x for x in abspath(start).split(sep) if x]
        path_list = [x for x in abspath(path).split(sep) if x]
        i = len(commonprefix([start_list, path_list]))
        rel_list = [dotdot] * (len(start_list) - i) + path_list[i:]
        if not rel_list:
            return dot
        return join(*rel_list)
    except (TypeError, AttributeError, DeprecationWarning):
        _check_arg_types('relpath', path, start)
        raise


def commonpath(paths):
    """The longest common sub-path of the paths (whole components only)."""
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(map(_fspath, paths))
    sep, dot, _ = _seps(paths[0])
    try:
        split_paths = [p.split(sep) for p in paths]
        try:
            absolute, = set(p[:1] == sep for p in paths)
        except ValueError:
            raise ValueError("Can't mix absolute and relative paths") from None
        split_paths = [[c for c in s if c and c != dot] for s in split_paths]
        s1 = min(split_paths)
        s2 = max(split_paths)
        common = s1
        for i, c in enumerate(s1):
            if c != s2[i]:
                common = s1[:i]
                break
        prefix = sep if absolute else sep[:0]
        return prefix + sep.join(common)
    except (TypeError, AttributeError):
        _check_arg_types('commonpath', *paths)
        raise
