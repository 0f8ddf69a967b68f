"""Encoding Python values as JSON: JSONEncoder (its options, `default` for other types) → JSON
text, all at once through the Encoder of _json, or chunk by chunk (what iterencode() and
json.dump() use) as CPython's pure-Python encoder chunks it, also made by _json."""

from _json import encode_basestring_ascii as c_encode_basestring_ascii
from _json import encode_basestring as c_encode_basestring
from _json import make_encoder as c_make_encoder
from _json import _encode as c_encode

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
        if type(self).iterencode is JSONEncoder.iterencode:
            # The text made at once by _json (None: an unusual setting, for the path below).
            text = c_encode(self, o, encode_basestring_ascii, encode_basestring)
            if text is not None:
                return text
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
        # The chunks CPython's pure-Python encoder yields, made by _json as they are asked for.
        return self._make_c_encoder()._chunks(o, 0)

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
