"""Source lines by file name, cached: a file name (and the module globals that may know how to
load it) -> its lines, as traceback, inspect and warnings show them.

The cache maps a file name to (size, mtime, lines, fullname), or to a 1-tuple holding a function
that loads the lines later (lazycache).  In pyjit, a program run in-process may have a file name
that does not open from the current directory; when the file cannot be read, the source of a
running module compiled from that file name is used (the interpreter knows it, as its own
tracebacks do)."""

import os
import sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

cache = {}


def clearcache():
    """Forgets every cached file."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Line `lineno` (1-based) of the file, with its newline; '' when there is no such line."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    """Every line of the file (from the cache when it is there)."""
    entry = cache.get(filename)
    if entry is not None and len(entry) != 1:
        return entry[2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Drops cache entries whose file changed on disk (or disappeared)."""
    if filename is None:
        names = list(cache.keys())
    elif filename in cache:
        names = [filename]
    else:
        return
    for name in names:
        entry = cache.get(name)
        if entry is None or len(entry) == 1:
            continue
        size, mtime, _lines, fullname = entry
        if mtime is None:
            continue  # not from a file on disk: nothing to compare
        try:
            st = os.stat(fullname)
        except OSError:
            cache.pop(name, None)
            continue
        if size != st.st_size or mtime != st.st_mtime:
            cache.pop(name, None)


def _is_pseudo_name(filename):
    return not filename or (filename.startswith('<') and filename.endswith('>'))


def _split_source(text):
    lines = text.splitlines(True)
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    return lines


def _decode_source(data):
    """Bytes of a Python source file -> text (BOM and coding cookie honoured), universal newlines."""
    encoding = 'utf-8'
    if data.startswith(b'\xef\xbb\xbf'):
        data = data[3:]
        encoding = 'utf-8'
    else:
        for line in data.split(b'\n', 2)[:2]:
            stripped = line.lstrip(b' \t\f')
            if not stripped.startswith(b'#'):
                if stripped.strip():
                    break
                continue
            at = stripped.find(b'coding')
            if at >= 0 and stripped[at + 6:at + 7] in (b':', b'='):
                rest = stripped[at + 7:].lstrip(b' \t')
                end = 0
                while end < len(rest) and (chr(rest[end]).isalnum() or rest[end] in b'-_.'):
                    end += 1
                if end:
                    encoding = rest[:end].decode('ascii')
                break
    text = data.decode(encoding)
    return text.replace('\r\n', '\n').replace('\r', '\n')


def updatecache(filename, module_globals=None):
    """Reads the file again (or asks its loader, or the running program) and caches its lines;
    returns them, or [] when there is no source."""
    entry = cache.get(filename)
    if entry is not None and len(entry) != 1:
        cache.pop(filename, None)
    if _is_pseudo_name(filename):
        return []
    fullname = filename
    try:
        st = os.stat(fullname)
    except OSError:
        basename = filename
        if lazycache(filename, module_globals):
            try:
                data = cache[filename][0]()
            except (ImportError, OSError):
                pass
            else:
                if data is None:
                    return []
                cache[filename] = (len(data), None, [line + '\n' for line in data.splitlines()], fullname)
                return cache[filename][2]
        st = None
        if not os.path.isabs(filename):
            for dirname in sys.path:
                try:
                    fullname = os.path.join(dirname, basename)
                except (TypeError, AttributeError):
                    continue
                try:
                    st = os.stat(fullname)
                    break
                except OSError:
                    pass
        if st is None:
            return _running_source_lines(filename)
    try:
        with open(fullname, 'rb') as f:
            data = f.read()
        lines = _split_source(_decode_source(data))
    except (OSError, UnicodeDecodeError, LookupError, SyntaxError):
        return []
    cache[filename] = st.st_size, st.st_mtime, lines, fullname
    return lines


def _running_source_lines(filename):
    try:
        import _pyjit_tools
    except ImportError:
        return []
    text = _pyjit_tools.running_source(filename)
    if text is None:
        return []
    lines = _split_source(text)
    cache[filename] = len(text), None, lines, filename
    return lines


def lazycache(filename, module_globals):
    """Remembers how to load the source through the module's loader (get_source), without
    loading it yet; True when the lines are (or will be) available that way."""
    entry = cache.get(filename)
    if entry is not None:
        return len(entry) == 1
    if _is_pseudo_name(filename):
        return False
    if module_globals and '__name__' in module_globals:
        name = module_globals['__name__']
        loader = module_globals.get('__loader__')
        if loader is None:
            spec = module_globals.get('__spec__')
            if spec:
                try:
                    loader = spec.loader
                except AttributeError:
                    pass
        get_source = getattr(loader, 'get_source', None)
        if name and get_source:
            cache[filename] = (lambda: get_source(name),)
            return True
    return False
