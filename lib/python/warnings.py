"""Warnings: warn()/warn_explicit() -> the filters (action, message, category, module, lineno)
decide -> ignored, raised, or shown once per place/module/process on sys.stderr as
"FILE:LINE: Category: message\\n  source line\\n".

CPython writes the hot part in C (_warnings); here everything is Python, and follows the C
behaviour where the two differ: the registry values are True, "once" and "module" remember in the
warning module's __warningregistry__, plain-string filter fields match exactly (the default
filter for __main__), and -W options / PYTHONWARNINGS (sys.warnoptions) are read when this
module is first imported."""

import sys

__all__ = ["warn", "warn_explicit", "showwarning",
           "formatwarning", "filterwarnings", "simplefilter",
           "resetwarnings", "catch_warnings"]


# ---------------------------------------------------------------------------------------------
# Showing a warning

def showwarning(message, category, filename, lineno, file=None, line=None):
    """Writes a warning to a file (default sys.stderr); may be replaced by programs."""
    msg = WarningMessage(message, category, filename, lineno, file, line)
    _showwarnmsg_impl(msg)


def formatwarning(message, category, filename, lineno, line=None):
    """The text showwarning writes for a warning."""
    msg = WarningMessage(message, category, filename, lineno, None, line)
    return _formatwarnmsg_impl(msg)


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        pass


def _formatwarnmsg_impl(msg):
    category = msg.category.__name__
    s = f"{msg.filename}:{msg.lineno}: {category}: {msg.message}\n"
    if msg.line is None:
        try:
            import linecache
            line = linecache.getline(msg.filename, msg.lineno)
        except Exception:
            line = None
    else:
        line = msg.line
    if line:
        s += "  %s\n" % line.strip()
    if msg.source is not None:
        # pyjit has no tracemalloc: the allocation traceback is never known; say it as CPython
        # does when tracemalloc is off.
        s += f'{category}: Enable tracemalloc to get the object allocation traceback\n'
    return s


_showwarning_orig = showwarning


def _showwarnmsg(msg):
    sw = showwarning
    if sw is not _showwarning_orig:
        if not callable(sw):
            raise TypeError("warnings.showwarning() must be set to a function or method")
        sw(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


_formatwarning_orig = formatwarning


def _formatwarnmsg(msg):
    fw = formatwarning
    if fw is not _formatwarning_orig:
        return fw(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)


# ---------------------------------------------------------------------------------------------
# The filters

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    """Adds a filter; `message` (case-insensitive) and `module` are regular expressions that
    must match at the start of the warning's text and module name."""
    assert action in _ACTIONS, "invalid action: %r" % (action,)
    assert isinstance(message, str), "message must be a string"
    assert isinstance(category, type), "category must be a class"
    assert issubclass(category, Warning), "category must be a Warning subclass"
    assert isinstance(module, str), "module must be a string"
    assert isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0"
    if message or module:
        message = _compile(message, True) if message else None
        module = _compile(module, False) if module else None
    else:
        message = module = None
    _add_filter(action, message, category, module, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Adds a filter that matches every message and module."""
    assert action in _ACTIONS, "invalid action: %r" % (action,)
    assert isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0"
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_mutated()


def resetwarnings():
    """Removes every filter (the default action then applies)."""
    filters[:] = []
    _filters_mutated()


def _filters_mutated():
    global _filters_version
    _filters_version += 1


def _compile(pattern, ignore_case):
    try:
        import re
    except ImportError:
        return _SimplePattern(pattern, ignore_case)
    return re.compile(pattern, re.I) if ignore_case else re.compile(pattern)


class _SimplePattern:
    """Used while the `re` module is not available: a regular expression of literal characters,
    escapes, `.`, `\\w \\d \\s` (and their negations), `^`, `$`, `\\Z` and the quantifiers
    `* + ?` after one item, matched at the start of a string (the subset warning filters
    use)."""

    def __init__(self, pattern, ignore_case):
        self.pattern = pattern
        self.ignore_case = ignore_case
        self._items = self._parse(pattern)

    @staticmethod
    def _parse(pattern):
        items = []  # (kind, char, min, max): kind 'c' char, '.' any, 'Z' end
        i = 0
        while i < len(pattern):
            c = pattern[i]
            i += 1
            if c == '\\' and i < len(pattern):
                c = pattern[i]
                i += 1
                if c == 'Z':
                    item = ['Z', '', 1, 1]
                elif c in 'wdsWDS':
                    item = ['\\', c, 1, 1]
                else:
                    item = ['c', c, 1, 1]
            elif c == '.':
                item = ['.', '', 1, 1]
            elif c == '$':
                item = ['$', '', 1, 1]
            elif c == '^' and not items:
                continue
            elif c in '*+?' and items and items[-1][0] in 'c.\\':
                items[-1][2] = 0 if c in '*?' else 1
                items[-1][3] = 1 if c == '?' else -1
                continue
            elif c in '[](){}|*+?^':
                raise NotImplementedError(
                    "warning filter %r needs the re module, which pyjit does not have yet" % pattern)
            else:
                item = ['c', c, 1, 1]
            items.append(item)
        return items

    def _matches_at(self, items, k, text, i):
        if k == len(items):
            return True
        kind, ch, lo, hi = items[k]
        if kind == 'Z':
            return i == len(text) and self._matches_at(items, k + 1, text, i)
        if kind == '$':
            return (i == len(text) or (i == len(text) - 1 and text[i] == '\n')) \
                and self._matches_at(items, k + 1, text, i)
        n = 0
        while (hi < 0 or n < hi) and i + n < len(text) and self._one(kind, ch, text[i + n]):
            n += 1
        while n >= lo:
            if self._matches_at(items, k + 1, text, i + n):
                return True
            n -= 1
        return False

    def _one(self, kind, ch, c):
        if kind == '.':
            return c != '\n'
        if kind == '\\':
            if ch in 'wW':
                found = c.isalnum() or c == '_'
            elif ch in 'dD':
                found = c.isdecimal()
            else:
                found = c.isspace()
            return found if ch.islower() else not found
        if self.ignore_case:
            return c.lower() == ch.lower()
        return c == ch

    def match(self, text):
        return self._matches_at(self._items, 0, text, 0) or None

    def __eq__(self, other):
        if not isinstance(other, _SimplePattern):
            return NotImplemented
        return self.pattern == other.pattern and self.ignore_case == other.ignore_case

    def __hash__(self):
        return hash((self.pattern, self.ignore_case))

    def __repr__(self):
        return "re.compile(%r%s)" % (self.pattern, ", re.IGNORECASE" if self.ignore_case else "")


_SPECIAL_CHARS = '()[]{}?*+-|^$\\.&~# \t\n\r\v\f'


def _escape(text):
    """re.escape: a backslash before each character that means something in a pattern."""
    return ''.join('\\' + c if c in _SPECIAL_CHARS else c for c in text)


class _OptionError(Exception):
    """An invalid -W option or PYTHONWARNINGS entry."""


def _processoptions(args):
    for arg in args:
        try:
            _setoption(arg)
        except _OptionError as msg:
            print("Invalid -W option ignored:", msg, file=sys.stderr)


def _setoption(arg):
    parts = arg.split(':')
    if len(parts) > 5:
        raise _OptionError("too many fields (max 5): %r" % (arg,))
    while len(parts) < 5:
        parts.append('')
    action, message, category, module, lineno = [s.strip() for s in parts]
    action = _getaction(action)
    category = _getcategory(category)
    if message:
        message = _escape(message)
    if module:
        module = _escape(module) + r'\Z'
    if lineno:
        try:
            lineno = int(lineno)
            if lineno < 0:
                raise ValueError
        except (ValueError, OverflowError):
            raise _OptionError("invalid lineno %r" % (lineno,)) from None
    else:
        lineno = 0
    filterwarnings(action, message, category, module, lineno)


def _getaction(action):
    if not action:
        return "default"
    if action == "all":
        return "always"
    for a in ('default', 'always', 'ignore', 'module', 'once', 'error'):
        if a.startswith(action):
            return a
    raise _OptionError("invalid action: %r" % (action,))


def _getcategory(category):
    if not category:
        return Warning
    if '.' not in category:
        import builtins as m
        klass = category
    else:
        module, _, klass = category.rpartition('.')
        try:
            m = __import__(module, None, None, [klass])
        except ImportError:
            raise _OptionError("invalid module name: %r" % (module,)) from None
    try:
        cat = getattr(m, klass)
    except AttributeError:
        raise _OptionError("unknown warning category: %r" % (category,)) from None
    if not isinstance(cat, type) or not issubclass(cat, Warning):
        raise _OptionError("invalid warning category: %r" % (category,))
    return cat


# ---------------------------------------------------------------------------------------------
# Issuing a warning

def _is_internal_frame(frame):
    filename = frame.f_code.co_filename
    return 'importlib' in filename and '_bootstrap' in filename


def _next_external_frame(frame):
    frame = frame.f_back
    while frame is not None and _is_internal_frame(frame):
        frame = frame.f_back
    return frame


def warn(message, category=None, stacklevel=1, source=None):
    """Issues a warning: `message` (a str or a Warning instance) of `category` (default
    UserWarning), attributed to the caller `stacklevel` frames up."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '{:s}'".format(
            type(category).__name__))
    frame = sys._getframe(1)
    if stacklevel <= 1 or _is_internal_frame(frame):
        for _ in range(stacklevel - 1):
            if frame is None:
                break
            frame = frame.f_back
    else:
        for _ in range(stacklevel - 1):
            frame = _next_external_frame(frame)
            if frame is None:
                break
    if frame is None:
        globals = sys.__dict__
        filename = "sys"
        lineno = 1
    else:
        globals = frame.f_globals
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
    registry = globals.get('__warningregistry__')
    if registry is None:
        registry = globals['__warningregistry__'] = {}
    module = globals.get('__name__', "<string>")
    if module is not None and not isinstance(module, str):
        module = None
    _warn_explicit(message, category, filename, lineno, module, registry, source)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    """Issues a warning with every detail given (no frame is looked at)."""
    if registry is not None and not isinstance(registry, dict):
        raise TypeError("'registry' must be a dict or None")
    if module_globals is not None and not isinstance(module_globals, dict):
        raise TypeError("module_globals must be a dict, not '%.200s'" % type(module_globals).__name__)
    if module_globals is not None:
        import linecache
        linecache.getlines(filename, module_globals)
    _warn_explicit(message, category, filename, lineno, module, registry, source)


def _normalize_module(filename):
    if not filename:
        return "<unknown>"
    if filename.endswith(".py"):
        return filename[:-3]
    return filename


def _already_warned(registry, key, should_set):
    version = registry.get('version')
    if type(version) is not int or version != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    elif registry.get(key):
        return True
    if should_set:
        registry[key] = True
    return False


def _get_filter(category, text, lineno, module):
    current = filters
    if not isinstance(current, list):
        raise ValueError("_warnings.filters must be a list")
    for i, item in enumerate(current):
        if not isinstance(item, tuple) or len(item) != 5:
            raise ValueError("_warnings.filters item %d isn't a 5-tuple" % i)
        action, msg, cat, mod, ln = item
        if not isinstance(action, str):
            raise TypeError("action must be a string, not '%.200s'" % type(action).__name__)
        if (_check_matched(msg, text) and _check_matched(mod, module)
                and issubclass(category, cat) and (ln == 0 or lineno == ln)):
            return action, item
    action = defaultaction
    if not isinstance(action, str):
        raise TypeError("_warnings.defaultaction must be a string, not '%.200s'"
                        % type(action).__name__)
    return action, None


def _check_matched(pattern, arg):
    if pattern is None:
        return True
    if type(pattern) is str:
        return pattern == arg
    return bool(pattern.match(arg))


def _warn_explicit(message, category, filename, lineno, module, registry, source):
    if module is None:
        module = _normalize_module(filename)
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry is not None and _already_warned(registry, key, False):
        return
    action, item = _get_filter(category, text, lineno, module)
    if action == "error":
        raise message
    if action == "ignore":
        return
    already = False
    if action != "always":
        if registry is not None:
            registry[key] = True
        if action == "once":
            target = onceregistry if registry is None else registry
            already = _already_warned(target, (text, category), True)
        elif action == "module":
            if registry is not None:
                already = _already_warned(registry, (text, category), True)
        elif action != "default":
            raise RuntimeError("Unrecognized action (%r) in warnings.filters:\n %r" % (action, item))
    if already:
        return
    show = _showwarnmsg
    if not callable(show):
        raise TypeError("warnings._showwarnmsg() must be set to a callable")
    show(WarningMessage(message, category, filename, lineno, None, None, source))


class WarningMessage(object):
    """The details of one warning, as showwarning receives them and catch_warnings(record=True)
    collects them."""

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, line : %r}"
                % (self.message, self._category_name, self.filename, self.lineno, self.line))


class catch_warnings(object):
    """A context manager that saves the filters and showwarning on entry and restores them on
    exit; with record=True, warnings are collected into the list `with` gives instead of shown;
    `action` (with category, lineno, append) adds one simplefilter inside."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0,
                 append=False):
        self._record = record
        self._module = sys.modules['warnings'] if module is None else module
        self._entered = False
        self._filter = None if action is None else (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not sys.modules['warnings']:
            args.append("module=%r" % self._module)
        return "%s(%s)" % (type(self).__name__, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        self._filters = self._module.filters
        self._module.filters = self._filters[:]
        self._module._filters_mutated()
        self._showwarning = self._module.showwarning
        self._showwarnmsg_impl = self._module._showwarnmsg_impl
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            self._module._showwarnmsg_impl = log.append
            self._module.showwarning = self._module._showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        self._module.filters = self._filters
        self._module._filters_mutated()
        self._module.showwarning = self._showwarning
        self._module._showwarnmsg_impl = self._showwarnmsg_impl


# ---------------------------------------------------------------------------------------------
# Start-up: the default filters (as CPython's C start-up makes them), then -W / PYTHONWARNINGS

def _warn_unawaited_coroutine(coro):
    msg_lines = [f"coroutine '{coro.__qualname__}' was never awaited\n"]
    warn(''.join(msg_lines), category=RuntimeWarning, stacklevel=2, source=coro)


defaultaction = "default"
onceregistry = {}
_filters_version = 0


def _default_filters():
    result = []
    flags = sys.flags
    if getattr(flags, 'bytes_warning', 0):
        action = "error" if flags.bytes_warning > 1 else "default"
        result.append((action, None, BytesWarning, None, 0))
    if getattr(flags, 'dev_mode', False):
        result.append(("default", None, Warning, None, 0))
    result += [("default", None, DeprecationWarning, "__main__", 0),
               ("ignore", None, DeprecationWarning, None, 0),
               ("ignore", None, PendingDeprecationWarning, None, 0),
               ("ignore", None, ImportWarning, None, 0),
               ("ignore", None, ResourceWarning, None, 0)]
    return result


filters = _default_filters()
if sys.warnoptions:
    _processoptions(sys.warnoptions)
