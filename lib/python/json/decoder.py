"""Decoding JSON text: JSONDecoder (its hooks and the scanner of _json) → Python values, and
JSONDecodeError, the ValueError whose message names the line, column and character where the
text went wrong."""

from json import scanner
from _json import scanstring as c_scanstring, _skip_whitespace

__all__ = ['JSONDecoder', 'JSONDecodeError']

scanstring = c_scanstring

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')

_CONSTANTS = {
    '-Infinity': NegInf,
    'Infinity': PosInf,
    'NaN': NaN,
}


class JSONDecodeError(ValueError):
    """ValueError subclass for JSON text that cannot be decoded, with these attributes:

    msg: the unformatted error message
    doc: the JSON document being parsed
    pos: the index in doc where parsing failed
    lineno: the line of pos (from 1)
    colno: the column of pos (from 1)
    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


class JSONDecoder(object):
    """A JSON decoder. By default it turns

    object → dict, array → list, string → str, number (int) → int, number (real) → float,
    true → True, false → False, null → None

    and also accepts NaN, Infinity and -Infinity as their float values.

    object_hook, if given, is called with every decoded object (a dict) and its result used in its
    place; object_pairs_hook likewise with the object's (key, value) pairs as a list, in document
    order, and takes priority over object_hook. parse_float and parse_int are called with the text
    of every real and integer number (float and int by default); parse_constant with
    '-Infinity', 'Infinity' or 'NaN'. With strict false, control characters are allowed inside
    strings.
    """

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.parse_string = scanstring
        self.memo = {}
        self.scan_once = scanner.make_scanner(self)

    def decode(self, s):
        """The Python value of the JSON document s (a str), which may be surrounded by whitespace
        but must hold nothing else."""
        obj, end = self.raw_decode(s, idx=_skip_whitespace(s, 0))
        end = _skip_whitespace(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decodes the JSON value that starts at s[idx]: returns (value, index after it). Text may
        follow it."""
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        return obj, end
