"""HTML text ↔ plain text: `escape` (the characters special to HTML → character references)
and `unescape` (named and numeric character references → the characters, as HTML5 reads them).

Written for pyjit from the Python documentation and the HTML5 rules for character references;
the tables are in html.entities and html._charrefs (generated from CPython's).
"""

from html.entities import html5 as _html5
from html._charrefs import REPLACED as _REPLACED, DROPPED as _DROPPED

__all__ = ['escape', 'unescape']


def escape(s, quote=True):
    """Replace &, < and > (and, when quote is true, " and ') by HTML-safe sequences."""
    s = s.replace("&", "&amp;")
    s = s.replace("<", "&lt;")
    s = s.replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;")
        s = s.replace('\'', "&#x27;")
    return s


# The characters that end a character reference's name.
_NAME_END = frozenset('\t\n\f <&#;')
_LONGEST_NAME = 32
_DIGITS = frozenset('0123456789')
_HEX_DIGITS = frozenset('0123456789abcdefABCDEF')


def _numeric_charref(number):
    """The text a numeric character reference stands for."""
    text = _REPLACED.get(number)
    if text is not None:
        return text
    if 0xD800 <= number <= 0xDFFF or number > 0x10FFFF:
        return '\uFFFD'
    for first, last in _DROPPED:
        if first <= number <= last:
            return ''
    return chr(number)


def _named_charref(name):
    """The text for `&name` (name may end with ';'): the longest known prefix, then the rest."""
    text = _html5.get(name)
    if text is not None:
        return text
    for end in range(len(name) - 1, 1, -1):
        text = _html5.get(name[:end])
        if text is not None:
            return text + name[end:]
    return '&' + name


def _scan_run(s, i, allowed):
    n = len(s)
    while i < n and s[i] in allowed:
        i += 1
    return i


def _charref_at(s, i):
    """The reference starting after the '&' at s[i - 1]: (its text, where it ends), or None."""
    n = len(s)
    if i < n and s[i] == '#':
        if i + 1 < n and s[i + 1] in 'xX':
            base, start = 16, i + 2
            end = _scan_run(s, start, _HEX_DIGITS)
        else:
            base, start = 10, i + 1
            end = _scan_run(s, start, _DIGITS)
        if end == start:
            return None
        number = int(s[start:end], base)
        if end < n and s[end] == ';':
            end += 1
        return _numeric_charref(number), end
    end = i
    while end < n and end - i < _LONGEST_NAME and s[end] not in _NAME_END:
        end += 1
    if end == i:
        return None
    if end < n and s[end] == ';':
        end += 1
    return _named_charref(s[i:end]), end


def unescape(s):
    """Convert every named and numeric character reference in s to its character(s)."""
    if '&' not in s:
        return s
    # No reference holds an '&', so each piece after the first starts where one may be.
    pieces = s.split('&')
    out = [pieces[0]]
    for piece in pieces[1:]:
        # Fast path: a known name closed by ';'.
        semi = piece.find(';', 1, _LONGEST_NAME + 1)
        if semi > 0:
            text = _html5.get(piece[:semi + 1]) if piece[:semi].isalnum() else None
            if text is not None:
                out.append(text)
                out.append(piece[semi + 1:])
                continue
        found = _charref_at(piece, 0)
        if found is None:
            out.append('&')
            out.append(piece)
        else:
            out.append(found[0])
            out.append(piece[found[1]:])
    return ''.join(out)
