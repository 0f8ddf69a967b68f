# glob: a shell-style path pattern ("src/*.py", "**/*.txt" with recursive=True) -> the existing
# paths that match it, in directory order (glob, iglob); escape and has_magic for literal parts.
# Names starting with a dot are matched only by patterns that start with a dot, unless
# include_hidden is true. Written for pyjit from the documented behaviour of CPython's glob.

import os
import _fnmatch

__all__ = ["escape", "glob", "iglob"]


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    """The list of paths matching pathname."""
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd, recursive=recursive,
                      include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    """An iterator over the paths matching pathname."""
    if dir_fd is not None:
        raise NotImplementedError("glob: dir_fd is not supported by pyjit")
    pathname = os.fspath(pathname)
    root_dir = pathname[:0] if root_dir is None else os.fspath(root_dir)
    found = _glob(pathname, root_dir, recursive, False, include_hidden)
    if not pathname or (recursive and _is_recursive(pathname[:2])):
        # A leading "**" first yields the starting directory itself as an empty name: drop it.
        return _drop_empty_first(found)
    return found


def _drop_empty_first(found):
    first = True
    for name in found:
        if first:
            first = False
            if not name:
                continue
        yield name


def _glob(pattern, root_dir, recursive, dirs_only, include_hidden):
    head, tail = os.path.split(pattern)
    if not has_magic(pattern):
        if tail:
            if _lexists(_under(root_dir, pattern)):
                yield pattern
        elif _isdir(_under(root_dir, head)):
            yield pattern
        return
    if not head:
        if recursive and _is_recursive(tail):
            yield from _match_recursive(root_dir, tail, dirs_only, include_hidden)
        else:
            yield from _match_in(root_dir, tail, dirs_only, include_hidden)
        return
    if head != pattern and has_magic(head):
        parents = _glob(head, root_dir, recursive, True, include_hidden)
    else:
        parents = [head]
    if not has_magic(tail):
        match = _match_literal
    elif recursive and _is_recursive(tail):
        match = _match_recursive
    else:
        match = _match_in
    for parent in parents:
        for name in match(_under(root_dir, parent), tail, dirs_only, include_hidden):
            yield os.path.join(parent, name)


def _under(root_dir, path):
    """path inside root_dir (either may be empty)."""
    if root_dir and path:
        return os.path.join(root_dir, path)
    return root_dir or path


def _match_literal(directory, name, dirs_only, include_hidden):
    """[name] when directory/name exists (or, for an empty name, when directory is a directory)."""
    if name:
        if _lexists(os.path.join(directory, name)):
            return [name]
    elif _isdir(directory):
        return [name]
    return []


def _match_in(directory, pattern, dirs_only, include_hidden):
    """The names in directory that match pattern."""
    names = [name for name, _ in _entries(directory, dirs_only)]
    if not (include_hidden or _is_hidden(pattern)):
        names = [n for n in names if not _is_hidden(n)]
    return _fnmatch.filter(names, pattern)


def _match_recursive(directory, pattern, dirs_only, include_hidden):
    """"**": the directory itself (an empty name), then everything below it."""
    yield pattern[:0]
    yield from _walk_names(directory, dirs_only, include_hidden)


def _walk_names(directory, dirs_only, include_hidden):
    for name, is_dir in _entries(directory, dirs_only):
        if include_hidden or not _is_hidden(name):
            yield name
            if is_dir:
                below = os.path.join(directory, name) if directory else name
                for sub in _walk_names(below, dirs_only, include_hidden):
                    yield os.path.join(name, sub)


def _entries(directory, dirs_only):
    """(name, is_dir) for each entry of directory (symlinks to directories count as directories)."""
    if not directory:
        directory = os.curdir if isinstance(directory, str) else os.curdir.encode()
    try:
        with os.scandir(directory) as it:
            out = []
            for entry in it:
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir or not dirs_only:
                    out.append((entry.name, is_dir))
            return out
    except OSError:
        return []


def _lexists(path):
    return os.path.lexists(path)


def _isdir(path):
    return os.path.isdir(path)


def _is_hidden(name):
    return name[:1] in ('.', b'.')


def _is_recursive(pattern):
    return pattern == '**' or pattern == b'**'


_MAGIC = '*?['


def has_magic(s):
    """Whether s has any of the pattern characters * ? [."""
    if isinstance(s, bytes):
        return any(c in b'*?[' for c in s)
    return any(c in _MAGIC for c in s)


def escape(pathname):
    """pathname with its pattern characters made literal ("a*" -> "a[*]")."""
    drive, rest = os.path.splitdrive(pathname)
    if isinstance(rest, bytes):
        out = bytearray()
        for c in rest:
            if c in b'*?[':
                out += b'[' + bytes([c]) + b']'
            else:
                out.append(c)
        return drive + bytes(out)
    return drive + ''.join('[' + c + ']' if c in _MAGIC else c for c in rest)


def glob0(dirname, pattern):
    """Deprecated: [pattern] if dirname/pattern exists."""
    return _match_literal(dirname, pattern, False, False)


def glob1(dirname, pattern):
    """Deprecated: the names in dirname matching pattern."""
    return _match_in(dirname, pattern, False, False)
