"""An HTML tokenizer: text fed in pieces → calls of HTMLParser's handler methods (start and end
tags with their attributes, text, character and entity references, comments, declarations,
processing instructions), tolerant of malformed markup as browsers are.

Written for pyjit from the Python documentation of html.parser and the HTML5 tokenization rules
it follows. The tokenizer is hand-written: each construct is recognised by a small scanner
function (start tag, attribute, end tag, references), where CPython uses regular expressions.
"""

from html import unescape

__all__ = ['HTMLParser']

# Characters that end a tag name.
_TAG_NAME_END = frozenset('\t\n\r\f />\x00')
_ASCII_LETTERS = frozenset('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ')
_ASCII_ALNUM = _ASCII_LETTERS | frozenset('0123456789')
_HEX_DIGITS = frozenset('0123456789abcdefABCDEF')
_DIGITS = frozenset('0123456789')
_ENTITY_NAME = _ASCII_ALNUM | frozenset('-.')
_END_TAG_NAME = _ASCII_ALNUM | frozenset('-.:_')
_DECL_NAME = _ASCII_ALNUM | frozenset('-_.')
# After a start tag that stops early, these characters mean the tag may go on in the next feed.
_MAY_CONTINUE = frozenset('abcdefghijklmnopqrstuvwxyz=/ABCDEFGHIJKLMNOPQRSTUVWXYZ')
# Marked sections: <![keyword[ ... ]]> and the conditional ones closed by ]>.
_MARKED_SECTIONS = frozenset(['temp', 'cdata', 'ignore', 'include', 'rcdata'])
_CONDITIONAL_SECTIONS = frozenset(['if', 'else', 'endif'])


def _skip_spaces(s, k):
    n = len(s)
    while k < n and s[k].isspace():
        k += 1
    return k


def _skip_separators(s, k):
    """Whitespace, and slashes not followed by '>' (they separate attributes)."""
    n = len(s)
    while k < n and (s[k].isspace() or (s[k] == '/' and not s.startswith('>', k + 1))):
        k += 1
    return k


def _tag_name(s, k):
    """A tag name starting at s[k] (a letter), and where it and the separators after it end."""
    n = len(s)
    if k >= n or s[k] not in _ASCII_LETTERS:
        return None, k
    j = k + 1
    while j < n and s[j] not in _TAG_NAME_END:
        j += 1
    return s[k:j], _skip_separators(s, j)


def _attribute(s, k, spaces_after_value):
    """The attribute at s[k]: (name, raw value or None when there is no '=', end), or None.

    An attribute name starts only after a quote, a space or a slash. A value is quoted (and
    must be closed) or bare up to '>' or a space; with spaces_after_value, the spaces after the
    value are part of the attribute.
    """
    n = len(s)
    if k == 0 or k >= n:
        return None
    before = s[k - 1]
    if not (before in '\'"/' or before.isspace()):
        return None
    ch = s[k]
    if ch.isspace() or ch in '/>':
        return None
    j = k + 1
    while j < n and not (s[j].isspace() or s[j] in '/=>'):
        j += 1
    name = s[k:j]
    value = None
    v = _skip_spaces(s, j)
    if v < n and s[v] == '=':
        while v < n and s[v] == '=':
            v += 1
        v = _skip_spaces(s, v)
        start = v
        quote = s[v] if v < n else ''
        if quote in ('"', "'"):
            close = s.find(quote, v + 1)
            v = close + 1 if close >= 0 else -1
        else:
            while v < n and not (s[v] == '>' or s[v].isspace()):
                v += 1
        if v >= 0:
            value = s[start:v]
            j = _skip_spaces(s, v) if spaces_after_value else v
    return name, value, _skip_separators(s, j)


def _start_tag_extent(s, i):
    """Where the tag name, attributes and spaces of the start tag at s[i] end."""
    n = len(s)
    k = i + 2
    while k < n and s[k] not in _TAG_NAME_END:
        k += 1
    while k < n and (s[k].isspace() or s[k] == '/'):
        k += 1
    while True:
        attribute = _attribute(s, k, True)
        if attribute is None:
            break
        k = attribute[2]
    return _skip_spaces(s, k)


def _charref(s, i):
    """The numeric reference at s[i] ('&#'): (its digits, where it ends), or None.

    The reference must be followed by a character that is not a hex digit; that character is
    part of the reference only when it is ';'.
    """
    n = len(s)
    k = i + 2
    if k < n and s[k] in 'xX':
        j = k + 1
        while j < n and s[j] in _HEX_DIGITS:
            j += 1
        if j == k + 1:
            return None
    else:
        j = k
        while j < n and s[j] in _DIGITS:
            j += 1
        if j == k:
            return None
    if j >= n or s[j] in _HEX_DIGITS:
        return None
    return s[k:j], (j + 1 if s[j] == ';' else j)


def _entityref(s, i):
    """The named reference at s[i] ('&'): (its name, where it ends), or None.

    The name must be followed by a character that is not an ASCII letter or digit; when the
    text ends inside the name, a name ending before a '-' or '.' in it still counts.
    """
    n = len(s)
    k = i + 1
    if k >= n or s[k] not in _ASCII_LETTERS:
        return None
    j = k + 1
    while j < n and s[j] in _ENTITY_NAME:
        j += 1
    if j >= n:
        # Give back characters up to a '-' or '.' that can serve as the terminator.
        j -= 1
        while j > k and s[j] not in '-.':
            j -= 1
        if j == k:
            return None
    return s[k:j], (j + 1 if s[j] == ';' else j)


class HTMLParser:
    """Find tags and other markup and call handler functions.

    Usage:
        p = HTMLParser()
        p.feed(data)
        ...
        p.close()

    Start tags are handled by calling self.handle_starttag() or self.handle_startendtag(); end
    tags by self.handle_endtag(). The data between tags is passed to self.handle_data(). If
    convert_charrefs is true, the character references are converted in the data (and in
    attribute values, always); otherwise they are passed to handle_charref() and
    handle_entityref().
    """

    CDATA_CONTENT_ELEMENTS = ("script", "style")

    def __init__(self, *, convert_charrefs=True):
        self.convert_charrefs = convert_charrefs
        self.reset()

    def reset(self):
        """Reset this instance. Loses all unprocessed data."""
        self.rawdata = ''
        self.lasttag = '???'
        self.cdata_elem = None
        self.lineno = 1
        self.offset = 0
        self._starttag_text = None

    def feed(self, data):
        """Feed data to the parser; it is processed as far as it is complete."""
        self.rawdata = self.rawdata + data
        self.goahead(0)

    def close(self):
        """Handle any buffered data."""
        self.goahead(1)

    def getpos(self):
        """Return the current line number and offset."""
        return self.lineno, self.offset

    def get_starttag_text(self):
        """Return the full source of the last start tag, or None."""
        return self._starttag_text

    def set_cdata_mode(self, elem):
        self.cdata_elem = elem.lower()

    def clear_cdata_mode(self):
        self.cdata_elem = None

    def updatepos(self, i, j):
        """Advance the line and offset from rawdata[i] to rawdata[j]; returns j."""
        if i >= j:
            return j
        rawdata = self.rawdata
        newlines = rawdata.count("\n", i, j)
        if newlines:
            self.lineno = self.lineno + newlines
            self.offset = j - (rawdata.rindex("\n", i, j) + 1)
        else:
            self.offset = self.offset + j - i
        return j

    # -----------------------------------------------------------------------------------------
    # The main loop

    def _text(self, text):
        if self.convert_charrefs and not self.cdata_elem:
            self.handle_data(unescape(text))
        else:
            self.handle_data(text)

    def _next_markup(self, i):
        """Where the text starting at i ends (the next markup), or -1 to wait for more input."""
        rawdata = self.rawdata
        n = len(rawdata)
        if self.cdata_elem:
            j = self._cdata_end(i)
            return j
        if self.convert_charrefs:
            j = rawdata.find('<', i)
            if j >= 0:
                return j
            # Keep back a reference that the next feed may complete.
            amp = rawdata.rfind('&', max(i, n - 34))
            if amp >= 0:
                rest = rawdata[amp:]
                if not any(ch.isspace() or ch == ';' for ch in rest):
                    return -1
            return n
        lt = rawdata.find('<', i)
        amp = rawdata.find('&', i)
        if lt < 0:
            return n if amp < 0 else amp
        return lt if amp < 0 else min(lt, amp)

    def _cdata_end(self, i):
        """The start of the closing tag of the CDATA element (`</name >`), or -1."""
        rawdata = self.rawdata
        lower = rawdata.lower()
        name = self.cdata_elem
        j = lower.find('</', i)
        while j >= 0:
            k = _skip_spaces(rawdata, j + 2)
            if lower.startswith(name, k):
                k = _skip_spaces(rawdata, k + len(name))
                if rawdata.startswith('>', k):
                    return j
            j = lower.find('</', j + 1)
        return -1

    def goahead(self, end):
        rawdata = self.rawdata
        i = 0
        n = len(rawdata)
        while i < n:
            j = self._next_markup(i)
            if j < 0:
                break
            if i < j:
                self._text(rawdata[i:j])
            i = self.updatepos(i, j)
            if i == n:
                break
            if rawdata.startswith('<', i):
                k = self._markup(i)
                if k is None:
                    break
                if k < 0:
                    if not end:
                        break
                    # Incomplete markup at the end: it is text up to the next '>' or '<'.
                    k = rawdata.find('>', i + 1)
                    if k < 0:
                        k = rawdata.find('<', i + 1)
                        if k < 0:
                            k = i + 1
                    else:
                        k += 1
                    self._text(rawdata[i:k])
                i = self.updatepos(i, k)
            elif rawdata.startswith("&#", i):
                found = _charref(rawdata, i)
                if found is not None:
                    name, k = found
                    self.handle_charref(name)
                    i = self.updatepos(i, k)
                    continue
                if ";" in rawdata[i:]:
                    # Not a reference: the '&#' is text.
                    self.handle_data(rawdata[i:i + 2])
                    i = self.updatepos(i, i + 2)
                break
            else:
                # '&' (only reached when references are not converted).
                found = _entityref(rawdata, i)
                if found is not None:
                    name, k = found
                    self.handle_entityref(name)
                    i = self.updatepos(i, k)
                    continue
                if i + 1 < n and (rawdata[i + 1] in _ASCII_LETTERS or rawdata[i + 1] == '#'):
                    # A reference the next feed may complete.
                    if end and i + 2 == n:
                        i = self.updatepos(i, i + 1)
                    break
                if i + 1 < n:
                    self.handle_data("&")
                    i = self.updatepos(i, i + 1)
                else:
                    break
        if end and i < n and not self.cdata_elem:
            self._text(rawdata[i:n])
            i = self.updatepos(i, n)
        self.rawdata = rawdata[i:]

    def _markup(self, i):
        """Handle the markup at rawdata[i] ('<'): where it ends, -1 if incomplete, None to wait."""
        rawdata = self.rawdata
        n = len(rawdata)
        if i + 1 < n and rawdata[i + 1] in _ASCII_LETTERS:
            return self.parse_starttag(i)
        if rawdata.startswith("</", i):
            return self.parse_endtag(i)
        if rawdata.startswith("<!--", i):
            return self.parse_comment(i)
        if rawdata.startswith("<?", i):
            return self.parse_pi(i)
        if rawdata.startswith("<!", i):
            return self.parse_html_declaration(i)
        if i + 1 < n:
            self.handle_data("<")
            return i + 1
        return None

    # -----------------------------------------------------------------------------------------
    # Markup

    def parse_html_declaration(self, i):
        rawdata = self.rawdata
        if rawdata[i:i + 4] == '<!--':
            return self.parse_comment(i)
        if rawdata[i:i + 3] == '<![':
            return self.parse_marked_section(i)
        if rawdata[i:i + 9].lower() == '<!doctype':
            gt = rawdata.find('>', i + 9)
            if gt < 0:
                return -1
            self.handle_decl(rawdata[i + 2:gt])
            return gt + 1
        return self.parse_bogus_comment(i)

    def parse_bogus_comment(self, i, report=1):
        rawdata = self.rawdata
        gt = rawdata.find('>', i + 2)
        if gt < 0:
            return -1
        if report:
            self.handle_comment(rawdata[i + 2:gt])
        return gt + 1

    def parse_comment(self, i, report=1):
        """`<!-- ... -->` (the closing `--` and `>` may have spaces between them)."""
        rawdata = self.rawdata
        j = rawdata.find('--', i + 4)
        while j >= 0:
            k = j + 2
            # A run of dashes: the last two are the closing ones.
            while rawdata.startswith('-', k):
                k += 1
            close = _skip_spaces(rawdata, k)
            if rawdata.startswith('>', close):
                if report:
                    self.handle_comment(rawdata[i + 4:k - 2])
                return close + 1
            j = rawdata.find('--', k - 1)
        return -1

    def parse_marked_section(self, i, report=1):
        """`<![keyword[ ... ]]>` → unknown_decl('keyword[ ...')."""
        rawdata = self.rawdata
        name, j = self._scan_name(i + 3, i)
        if j < 0:
            return j
        if name in _MARKED_SECTIONS:
            brackets = 2
        elif name in _CONDITIONAL_SECTIONS:
            brackets = 1
        else:
            raise AssertionError('unknown status keyword %r in marked section' % rawdata[i + 3:j])
        k = rawdata.find(']', i + 3)
        while k >= 0:
            m = k + 1
            if brackets == 2:
                m = _skip_spaces(rawdata, m)
                if not rawdata.startswith(']', m):
                    k = rawdata.find(']', k + 1)
                    continue
                m += 1
            m = _skip_spaces(rawdata, m)
            if rawdata.startswith('>', m):
                if report:
                    self.unknown_decl(rawdata[i + 3:k])
                return m + 1
            k = rawdata.find(']', k + 1)
        return -1

    def _scan_name(self, i, declstartpos):
        rawdata = self.rawdata
        n = len(rawdata)
        if i == n:
            return None, -1
        if rawdata[i] in _ASCII_LETTERS:
            j = i + 1
            while j < n and rawdata[j] in _DECL_NAME:
                j += 1
            name = rawdata[i:j]
            j = _skip_spaces(rawdata, j)
            if j == n:
                return None, -1
            return name.lower(), j
        self.updatepos(declstartpos, i)
        raise AssertionError("expected name token at %r" % rawdata[declstartpos:declstartpos + 20])

    def parse_pi(self, i):
        """`<? ... >` → handle_pi(' ... ')."""
        rawdata = self.rawdata
        gt = rawdata.find('>', i + 2)
        if gt < 0:
            return -1
        self.handle_pi(rawdata[i + 2:gt])
        return gt + 1

    def check_for_whole_start_tag(self, i):
        """The end of the start tag at i, -1 when it may still be incomplete."""
        rawdata = self.rawdata
        j = _start_tag_extent(rawdata, i)
        following = rawdata[j:j + 1]
        if following == ">":
            return j + 1
        if following == "/":
            # A '/' not followed by '>' is the start of a '/>' cut by the end of the buffer.
            return j + 2 if rawdata.startswith("/>", j) else -1
        if following == "":
            return -1
        if following in _MAY_CONTINUE:
            return -1
        return j if j > i else i + 1

    def parse_starttag(self, i):
        """Handle the start tag at rawdata[i]; returns where it ends, or -1 if incomplete."""
        self._starttag_text = None
        endpos = self.check_for_whole_start_tag(i)
        if endpos < 0:
            return endpos
        rawdata = self.rawdata
        self._starttag_text = rawdata[i:endpos]
        tag, k = _tag_name(rawdata, i + 1)
        self.lasttag = tag = tag.lower()
        attrs = []
        while k < endpos:
            attribute = _attribute(rawdata, k, False)
            if attribute is None:
                break
            name, value, k = attribute
            if value is not None:
                if value[:1] in ('"', "'") and value[:1] == value[-1:]:
                    value = value[1:-1]
                if value:
                    value = unescape(value)
            attrs.append((name.lower(), value))
        rest = rawdata[k:endpos].strip()
        if rest not in (">", "/>"):
            self.handle_data(rawdata[i:endpos])
            return endpos
        if rest.endswith('/>'):
            self.handle_startendtag(tag, attrs)
        else:
            self.handle_starttag(tag, attrs)
            if tag in self.CDATA_CONTENT_ELEMENTS:
                self.set_cdata_mode(tag)
        return endpos

    def parse_endtag(self, i):
        """Handle the end tag at rawdata[i]; returns where it ends, or -1 if incomplete."""
        rawdata = self.rawdata
        gt = rawdata.find('>', i + 1)
        if gt < 0:
            return -1
        gtpos = gt + 1
        elem = self._simple_end_tag(i)
        if elem is None:
            if self.cdata_elem is not None:
                self.handle_data(rawdata[i:gtpos])
                return gtpos
            tag, after = _tag_name(rawdata, i + 2)
            if tag is None:
                if rawdata[i:i + 3] == '</>':
                    return i + 3
                return self.parse_bogus_comment(i)
            # Anything between the name and the '>' is ignored.
            gt = rawdata.find('>', after)
            self.handle_endtag(tag.lower())
            return gt + 1
        elem = elem.lower()
        if self.cdata_elem is not None and elem != self.cdata_elem:
            self.handle_data(rawdata[i:gtpos])
            return gtpos
        self.handle_endtag(elem)
        self.clear_cdata_mode()
        return gtpos

    def _simple_end_tag(self, i):
        """The name of a plain `</name >` at rawdata[i], or None."""
        rawdata = self.rawdata
        n = len(rawdata)
        k = _skip_spaces(rawdata, i + 2)
        if k >= n or rawdata[k] not in _ASCII_LETTERS:
            return None
        j = k + 1
        while j < n and rawdata[j] in _END_TAG_NAME:
            j += 1
        if rawdata.startswith('>', _skip_spaces(rawdata, j)):
            return rawdata[k:j]
        return None

    # -----------------------------------------------------------------------------------------
    # Handlers, overridden by subclasses

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_starttag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        pass

    def handle_charref(self, name):
        pass

    def handle_entityref(self, name):
        pass

    def handle_data(self, data):
        pass

    def handle_comment(self, data):
        pass

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        pass
