"""JSON (RFC 7159) for Python: dumps/dump turn Python values into JSON text, loads/load turn
JSON text back into Python values; JSONEncoder and JSONDecoder are the classes behind them, to
subclass or configure. The scanning and encoding work is done by the TypeScript module _json.

    >>> import json
    >>> json.dumps(['foo', {'bar': ('baz', None, 1.0, 2)}])
    '["foo", {"bar": ["baz", null, 1.0, 2]}]'
    >>> json.loads('{"a": [1, 2.5, true]}')
    {'a': [1, 2.5, True]}
"""
__version__ = '2.0.9'
__all__ = [
    'dump', 'dumps', 'load', 'loads',
    'JSONDecoder', 'JSONDecodeError', 'JSONEncoder',
]

__author__ = 'Bob Ippolito <bob@redivi.com>'

from .decoder import JSONDecoder, JSONDecodeError
from .encoder import JSONEncoder

_default_encoder = JSONEncoder(
    skipkeys=False,
    ensure_ascii=True,
    check_circular=True,
    allow_nan=True,
    indent=None,
    separators=None,
    default=None,
)

_default_decoder = JSONDecoder(object_hook=None, object_pairs_hook=None)


def _uses_defaults(skipkeys, ensure_ascii, check_circular, allow_nan, cls, indent, separators,
                   default, sort_keys, kw):
    return (not skipkeys and ensure_ascii and check_circular and allow_nan and cls is None
            and indent is None and separators is None and default is None and not sort_keys
            and not kw)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None,
         default=None, sort_keys=False, **kw):
    """Writes obj as JSON to fp (anything with a write(str) method), chunk by chunk. The options
    are those of dumps()."""
    if _uses_defaults(skipkeys, ensure_ascii, check_circular, allow_nan, cls, indent,
                      separators, default, sort_keys, kw):
        chunks = _default_encoder.iterencode(obj)
    else:
        if cls is None:
            cls = JSONEncoder
        chunks = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                     check_circular=check_circular, allow_nan=allow_nan, indent=indent,
                     separators=separators, default=default, sort_keys=sort_keys,
                     **kw).iterencode(obj)
    for chunk in chunks:
        fp.write(chunk)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    """obj as a JSON str.

    skipkeys: dict keys that are not str, int, float, bool or None are left out instead of
    raising TypeError. ensure_ascii (true by default): non-ASCII characters are escaped as
    \\uXXXX; false keeps them. check_circular (true): a container inside itself raises
    ValueError. allow_nan (true): NaN and infinities are written as JavaScript's NaN,
    Infinity and -Infinity; false raises ValueError. indent: pretty-print with this str or this
    many spaces per level. separators: (item_separator, key_separator); (',', ':') is the most
    compact. default: a function returning something encodable for any other object. sort_keys:
    dicts in key order. cls: a JSONEncoder subclass to use instead; **kw go to it.
    """
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and cls is None
            and indent is None and separators is None and default is None and not sort_keys
            and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(
        skipkeys=skipkeys, ensure_ascii=ensure_ascii,
        check_circular=check_circular, allow_nan=allow_nan, indent=indent,
        separators=separators, default=default, sort_keys=sort_keys,
        **kw).encode(obj)


def detect_encoding(b):
    """The encoding JSON bytes are in (RFC 4627: a BOM, or the pattern of zero bytes that ASCII
    text makes in UTF-16 and UTF-32)."""
    if b.startswith(b'\x00\x00\xfe\xff') or b.startswith(b'\xff\xfe\x00\x00'):
        return 'utf-32'
    if b.startswith(b'\xfe\xff') or b.startswith(b'\xff\xfe'):
        return 'utf-16'
    if b.startswith(b'\xef\xbb\xbf'):
        return 'utf-8-sig'
    if len(b) >= 4:
        if not b[0]:
            return 'utf-16-be' if b[1] else 'utf-32-be'
        if not b[1]:
            return 'utf-16-le' if b[2] or b[3] else 'utf-32-le'
    elif len(b) == 2:
        if not b[0]:
            return 'utf-16-be'
        if not b[1]:
            return 'utf-16-le'
    return 'utf-8'


def load(fp, *, cls=None, object_hook=None, parse_float=None,
         parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """The Python value of the JSON document read from fp (anything with a read() method
    returning str or bytes). The options are those of loads()."""
    return loads(fp.read(),
        cls=cls, object_hook=object_hook,
        parse_float=parse_float, parse_int=parse_int,
        parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw)


def loads(s, *, cls=None, object_hook=None, parse_float=None,
          parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """The Python value of the JSON document s (str, or bytes/bytearray in UTF-8, UTF-16 or
    UTF-32).

    object_hook: called with every decoded object (a dict); its result replaces it.
    object_pairs_hook: called with every object as a list of (key, value) pairs in order; wins
    over object_hook. parse_float / parse_int: called with the text of every real / integer
    number (e.g. decimal.Decimal). parse_constant: called with '-Infinity', 'Infinity' or 'NaN'.
    cls: a JSONDecoder subclass to use instead; **kw go to it.
    """
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    else:
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                            f'not {s.__class__.__name__}')
        s = s.decode(detect_encoding(s), 'surrogatepass')

    if (cls is None and object_hook is None and parse_int is None and parse_float is None
            and parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)
