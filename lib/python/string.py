"""Common string constants and classes: the ASCII character sets, capwords, Template ($-based
substitution) and Formatter (str.format's machinery as overridable methods).

Written for pyjit from the Python documentation. Template reads its templates with a small
hand-written scanner that follows the documented placeholder grammar ($$, $identifier,
${identifier}); a subclass that changes `pattern`, `idpattern`, `braceidpattern` or `flags`
is served by the `re` module instead, as CPython does.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

import _string

try:
    import re as _re
except ImportError:
    _re = None

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s on sep, capitalize each word, and join them back with sep (a space when None)."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


# ---------------------------------------------------------------------------------------------
# Template

_sentinel_dict = {}

# What the default identifier pattern accepts: an ASCII letter or underscore, then letters,
# digits and underscores (case-insensitively, so both cases).
_ID_START = frozenset(ascii_letters + '_')
_ID_CONTINUE = frozenset(ascii_letters + digits + '_')

# The class attributes that, when a subclass sets them, make it need the `re` module.
_REGEX_ATTRIBUTES = ('pattern', 'idpattern', 'braceidpattern', 'flags')


class _Placeholder:
    """One match of the placeholder grammar, with the groups a regex match would have."""
    __slots__ = ('start', 'end', 'escaped', 'named', 'braced', 'invalid', 'text')

    def __init__(self, text, start, end, kind, value):
        self.text = text
        self.start = start
        self.end = end
        self.escaped = value if kind == 'escaped' else None
        self.named = value if kind == 'named' else None
        self.braced = value if kind == 'braced' else None
        # The invalid group matches the empty string just after the delimiter.
        self.invalid = '' if kind == 'invalid' else None

    def group(self, name=0):
        if name == 0:
            return self.text[self.start:self.end]
        return getattr(self, name)

    def invalid_start(self):
        return self.end


class _RegexPlaceholder:
    """A regex match seen through _Placeholder's interface."""
    __slots__ = ('match',)

    def __init__(self, match):
        self.match = match

    @property
    def start(self):
        return self.match.start()

    @property
    def end(self):
        return self.match.end()

    def group(self, name=0):
        return self.match.group(name)

    def __getattr__(self, name):
        return self.match.group(name)

    def invalid_start(self):
        return self.match.start('invalid')


def _scan_identifier(text, i):
    """The end of the identifier starting at text[i], or i when none starts there."""
    n = len(text)
    if i < n and text[i] in _ID_START:
        i += 1
        while i < n and text[i] in _ID_CONTINUE:
            i += 1
    return i


def _scan_placeholders(text, delimiter):
    """Every placeholder of text, left to right, for the default pattern with this delimiter."""
    n = len(text)
    dlen = len(delimiter)
    pos = 0
    while True:
        start = text.find(delimiter, pos)
        if start < 0:
            return
        i = start + dlen
        if dlen == 0:
            # An empty delimiter: the (empty) escape matches at every position.
            yield _Placeholder(text, start, start, 'escaped', delimiter)
            pos = start + 1
            continue
        if text.startswith(delimiter, i):
            yield _Placeholder(text, start, i + dlen, 'escaped', delimiter)
            pos = i + dlen
            continue
        end = _scan_identifier(text, i)
        if end > i:
            yield _Placeholder(text, start, end, 'named', text[i:end])
            pos = end
            continue
        if i < n and text[i] == '{':
            end = _scan_identifier(text, i + 1)
            if end > i + 1 and end < n and text[end] == '}':
                yield _Placeholder(text, start, end + 1, 'braced', text[i + 1:end])
                pos = end + 1
                continue
        yield _Placeholder(text, start, i, 'invalid', '')
        pos = i


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    # The identifier patterns, for subclasses and for the `re`-based path; the default
    # values are also what the hand-written scanner implements.
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = _re.IGNORECASE if _re is not None else None

    def __init_subclass__(cls):
        super().__init_subclass__()
        custom = any(name in cls.__dict__ for name in _REGEX_ATTRIBUTES)
        cls._uses_regex = custom or getattr(cls, '_uses_regex', False)
        if not cls._uses_regex:
            if _re is not None:
                cls.pattern = _compile_pattern(cls)
            return
        if _re is None:
            names = [name for name in _REGEX_ATTRIBUTES if name in cls.__dict__]
            raise NotImplementedError(
                'string.Template subclasses that set %s need the re module, '
                'which pyjit does not provide yet' % ', '.join(names or ['pattern']))
        if 'pattern' in cls.__dict__:
            pattern = cls.pattern
        else:
            pattern = _compile_pattern(cls)
        if isinstance(pattern, str):
            pattern = _re.compile(pattern, cls.flags | _re.VERBOSE)
        cls.pattern = pattern

    def __init__(self, template):
        self.template = template

    def _placeholders(self):
        if self._uses_regex:
            for match in self.pattern.finditer(self.template):
                yield _RegexPlaceholder(match)
        else:
            yield from _scan_placeholders(self.template, self.delimiter)

    def _invalid(self, placeholder):
        i = placeholder.invalid_start()
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _unrecognized(self):
        raise ValueError('Unrecognized named group in pattern', self.pattern)

    def _replace(self, convert):
        pieces = []
        pos = 0
        template = self.template
        for placeholder in self._placeholders():
            pieces.append(template[pos:placeholder.start])
            pieces.append(convert(placeholder))
            pos = placeholder.end
        pieces.append(template[pos:])
        return ''.join(pieces)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)

        def convert(mo):
            named = mo.named or mo.braced
            if named is not None:
                return str(mapping[named])
            if mo.escaped is not None:
                return self.delimiter
            if mo.invalid is not None:
                self._invalid(mo)
            self._unrecognized()
        return self._replace(convert)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)

        def convert(mo):
            named = mo.named or mo.braced
            if named is not None:
                try:
                    return str(mapping[named])
                except KeyError:
                    return mo.group()
            if mo.escaped is not None:
                return self.delimiter
            if mo.invalid is not None:
                return mo.group()
            self._unrecognized()
        return self._replace(convert)

    def is_valid(self):
        for mo in self._placeholders():
            if mo.invalid is not None:
                return False
            if mo.named is None and mo.braced is None and mo.escaped is None:
                self._unrecognized()
        return True

    def get_identifiers(self):
        ids = []
        for mo in self._placeholders():
            named = mo.named or mo.braced
            if named is not None and named not in ids:
                ids.append(named)
            elif named is None and mo.invalid is None and mo.escaped is None:
                self._unrecognized()
        return ids


def _compile_pattern(cls):
    """The regex of cls's placeholder grammar, built from its delimiter and identifier patterns."""
    delim = _re.escape(cls.delimiter)
    idpattern = cls.idpattern
    braceidpattern = cls.braceidpattern or idpattern
    source = (
        f'{delim}(?:(?P<escaped>{delim})'
        f'|(?P<named>{idpattern})'
        f'|{{(?P<braced>{braceidpattern})}}'
        f'|(?P<invalid>))'
    )
    return _re.compile(source, cls.flags | _re.VERBOSE)


Template._uses_regex = False
if _re is not None:
    Template.pattern = _compile_pattern(Template)


# ---------------------------------------------------------------------------------------------
# Formatter

class Formatter:
    """str.format as a class whose steps (parse, get_field, format_field, ...) can be overridden."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            # auto_arg_index is False once a field was numbered by hand.
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        return _string.formatter_parser(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _string.formatter_field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
