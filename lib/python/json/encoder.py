"""Encoding Python values as JSON: JSONEncoder (its options, `default` for other types) → JSON
text, all at once through the Encoder of _json, or chunk by chunk through the generator below
(what iterencode() and json.dump() use, as CPython's pure-Python encoder chunks it)."""

from _json import encode_basestring_ascii as c_encode_basestring_ascii
from _json import encode_basestring as c_encode_basestring
from _json import make_encoder as c_make_encoder

__all__ = ['JSONEncoder']

INFINITY = float('inf')

encode_basestring = c_encode_basestring
encode_basestring_ascii = c_encode_basestring_ascii


class JSONEncoder(object):
    """An extensible JSON encoder. By default it turns

    dict → object, list and tuple → array, str → string, int and float (and their subclasses)
    → number, True → true, False → false, None → null

    To encode other objects, subclass it and override default() to return something it can
    encode for them (or raise TypeError, as the base method does).
    """
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        """skipkeys: dict keys that are not str, int, float, bool or None are skipped instead of
        raising TypeError. ensure_ascii: non-ASCII characters are escaped. check_circular:
        containers are checked for cycles (ValueError) instead of recursing until RecursionError.
        allow_nan: NaN and the infinities are written as NaN, Infinity and -Infinity instead of
        raising ValueError. sort_keys: dict items in key order. indent: a str, or a number of
        spaces, to pretty-print with (0 and '' insert only newlines). separators: an
        (item_separator, key_separator) pair; (', ', ': ') by default, (',', ': ') with an indent.
        default: called for objects that cannot otherwise be encoded.
        """
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """What to encode in place of o, which JSON has no form for; raises TypeError here.

        For example, to encode any iterator as a list:

            def default(self, o):
                try:
                    iterable = iter(o)
                except TypeError:
                    pass
                else:
                    return list(iterable)
                return super().default(o)
        """
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """The JSON text of o: JSONEncoder().encode({"foo": ["bar", "baz"]}) gives
        '{"foo": ["bar", "baz"]}'."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            else:
                return encode_basestring(o)
        if self.indent is not None and type(self).iterencode is JSONEncoder.iterencode:
            # Indented text comes from the chunk generator in iterencode(); when iterencode is
            # not overridden, the same text is made at once by _json instead.
            return self._make_c_encoder()(o, 0)[0]
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """The JSON text of o as an iterable of chunks:

            for chunk in JSONEncoder().iterencode(bigobject):
                mysocket.write(chunk)
        """
        if _one_shot and self.indent is None:
            return self._make_c_encoder()(o, 0)

        def floatstr(o, allow_nan=self.allow_nan, _repr=float.__repr__, _inf=INFINITY, _neginf=-INFINITY):
            if o != o:
                text = 'NaN'
            elif o == _inf:
                text = 'Infinity'
            elif o == _neginf:
                text = '-Infinity'
            else:
                return _repr(o)
            if not allow_nan:
                raise ValueError("Out of range float values are not JSON compliant: " + repr(o))
            return text

        return _make_iterencode(
            {} if self.check_circular else None, self.default,
            encode_basestring_ascii if self.ensure_ascii else encode_basestring,
            self._indent_text(), floatstr, self.key_separator, self.item_separator,
            self.sort_keys, self.skipkeys, _one_shot)(o, 0)

    def _indent_text(self):
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        return indent

    def _make_c_encoder(self):
        return c_make_encoder(
            {} if self.check_circular else None, self.default,
            encode_basestring_ascii if self.ensure_ascii else encode_basestring,
            self._indent_text(), self.key_separator, self.item_separator, self.sort_keys,
            self.skipkeys, self.allow_nan)


def _make_iterencode(markers, _default, _encoder, _indent, _floatstr,
                     _key_separator, _item_separator, _sort_keys, _skipkeys, _one_shot):
    """The chunk generator of iterencode(): the same text as the Encoder of _json, yielded in
    the pieces CPython's pure-Python encoder yields (a scalar item travels with the separator
    before it; containers open, separate and close in chunks of their own)."""
    int_text = int.__repr__

    def scalar_text(value):
        # The text of a str, None, bool, int or float; None for anything else.
        if isinstance(value, str):
            return _encoder(value)
        if value is None:
            return 'null'
        if value is True:
            return 'true'
        if value is False:
            return 'false'
        if isinstance(value, int):
            return int_text(value)
        if isinstance(value, float):
            return _floatstr(value)
        return None

    def key_text(key):
        # The str a dict key is written as; None to skip it.
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return _floatstr(key)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return int_text(key)
        if _skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, not {key.__class__.__name__}')

    def enter(container):
        if markers is None:
            return None
        marker = id(container)
        if marker in markers:
            raise ValueError("Circular reference detected")
        markers[marker] = container
        return marker

    def leave(marker):
        if marker is not None:
            del markers[marker]

    def compound(value, level):
        if isinstance(value, (list, tuple)):
            return encode_list(value, level)
        if isinstance(value, dict):
            return encode_dict(value, level)
        return encode_other(value, level)

    def encode_list(items, level):
        if not items:
            yield '[]'
            return
        marker = enter(items)
        if _indent is None:
            newline = None
            separator = _item_separator
            prefix = '['
        else:
            level += 1
            newline = '\n' + _indent * level
            separator = _item_separator + newline
            prefix = '[' + newline
        for value in items:
            text = scalar_text(value)
            if text is not None:
                yield prefix + text
            else:
                yield prefix
                yield from compound(value, level)
            prefix = separator
        if newline is not None:
            yield '\n' + _indent * (level - 1)
        yield ']'
        leave(marker)

    def encode_dict(mapping, level):
        if not mapping:
            yield '{}'
            return
        marker = enter(mapping)
        yield '{'
        if _indent is None:
            newline = None
            separator = _item_separator
        else:
            level += 1
            newline = '\n' + _indent * level
            separator = _item_separator + newline
            yield newline
        items = sorted(mapping.items()) if _sort_keys else mapping.items()
        first = True
        for key, value in items:
            key = key_text(key)
            if key is None:
                continue
            if not first:
                yield separator
            first = False
            yield _encoder(key)
            yield _key_separator
            text = scalar_text(value)
            if text is not None:
                yield text
            else:
                yield from compound(value, level)
        if newline is not None:
            yield '\n' + _indent * (level - 1)
        yield '}'
        leave(marker)

    def encode_other(o, level):
        marker = enter(o)
        yield from encode(_default(o), level)
        leave(marker)

    def encode(o, level):
        text = scalar_text(o)
        if text is not None:
            yield text
        else:
            yield from compound(o, level)

    return encode
