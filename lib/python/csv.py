"""CSV files: reading and writing rows of comma-separated values (and the other dialects).

reader() and writer() come from _csv; this module adds the Dialect class and the standard
dialects (excel, excel-tab, unix), DictReader and DictWriter (rows as dicts keyed by field
names), and Sniffer (guessing a sample's dialect and whether it starts with a header row).
"""

from _csv import Error, __version__, writer, reader, register_dialect, \
                 unregister_dialect, get_dialect, list_dialects, \
                 field_size_limit, \
                 QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE, \
                 __doc__
from _csv import Dialect as _Dialect

from io import StringIO

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE",
           "Error", "Dialect", "__doc__", "excel", "excel_tab",
           "field_size_limit", "reader", "writer",
           "register_dialect", "get_dialect", "list_dialects", "Sniffer",
           "unregister_dialect", "__version__", "DictReader", "DictWriter",
           "unix_dialect"]


class Dialect:
    """The parameters of a CSV dialect, as class attributes of a subclass; instantiating the
    subclass checks them (csv.Error when they are not valid)."""
    _name = ""
    _valid = False
    # to be set by the subclasses
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None

    def __init__(self):
        if self.__class__ != Dialect:
            self._valid = True
        self._validate()

    def _validate(self):
        try:
            _Dialect(self)
        except TypeError as e:
            raise Error(str(e))


class excel(Dialect):
    """What Excel writes: comma-separated, double quotes, CRLF line ends."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\r\n'
    quoting = QUOTE_MINIMAL
register_dialect("excel", excel)


class excel_tab(excel):
    """What Excel writes for tab-separated files."""
    delimiter = '\t'
register_dialect("excel-tab", excel_tab)


class unix_dialect(Dialect):
    """What Unix tools usually write: comma-separated, every field quoted, LF line ends."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = QUOTE_ALL
register_dialect("unix", unix_dialect)


class DictReader:
    """Reads rows as dicts: the keys are fieldnames (by default the first row's fields).
    Fields beyond the names go in a list under restkey; names beyond the fields get restval."""

    def __init__(self, f, fieldnames=None, restkey=None, restval=None,
                 dialect="excel", *args, **kwds):
        self._fieldnames = fieldnames   # list of keys for the dict
        self.restkey = restkey          # key to catch long rows
        self.restval = restval          # default value for short rows
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            # the names are read from the first row
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        # blank lines give empty rows: they are skipped
        while row == []:
            row = next(self.reader)
        fieldnames = self.fieldnames
        d = dict(zip(fieldnames, row))
        names = len(fieldnames)
        fields = len(row)
        if names < fields:
            d[self.restkey] = row[names:]
        elif names > fields:
            for key in fieldnames[fields:]:
                d[key] = self.restval
        return d


# Up to this many field names, checking a dict's keys one by one against them is quicker than
# the set difference (which is needed anyway to name the keys that are not field names).
_FEW_FIELDS = 16


def _all_in(keys, fieldnames):
    for key in keys:
        if key not in fieldnames:
            return False
    return True


class DictWriter:
    """Writes dicts as rows, their values in the order of fieldnames. A missing key gets
    restval; a key not in fieldnames is an error (extrasaction='raise') or left out ('ignore')."""

    def __init__(self, f, fieldnames, restval="", extrasaction="raise",
                 dialect="excel", *args, **kwds):
        self.fieldnames = fieldnames    # list of keys for the dict
        self.restval = restval          # for writing short dicts
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'" % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        """Writes the row of field names."""
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            fieldnames = self.fieldnames
            if len(fieldnames) > _FEW_FIELDS or not _all_in(rowdict.keys(), fieldnames):
                wrong_fields = rowdict.keys() - fieldnames
                if wrong_fields:
                    raise ValueError("dict contains fields not in fieldnames: "
                                     + ", ".join([repr(x) for x in wrong_fields]))
        restval = self.restval
        return [rowdict.get(key, restval) for key in self.fieldnames]

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))


# Sniffing: guessing the dialect of a sample.

_QUOTES = '"\''


def _is_word(c):
    return c.isalnum() or c == '_'


def _is_delimiter_candidate(c):
    # A character the sniffer takes for a delimiter next to a quoted field: not a word
    # character, not a newline, not a quote.
    return not (_is_word(c) or c == '\n' or c in _QUOTES)


def _closing_quote(data, start, quote, follows):
    # The index of the first quote after start that `follows(index after it)` accepts.
    i = data.find(quote, start)
    while i >= 0:
        if follows(i + 1):
            return i
        i = data.find(quote, i + 1)
    return -1


def _quoted_fields(data, form):
    """The quoted fields of data, as the sniffer looks for them: a list of (quote, delimiter,
    space) for the first of these forms that occurs, in order:
      0: delimiter, optional space, "...", the same delimiter;
      1: start of a line, "...", delimiter, optional space;
      2: delimiter, optional space, "...", end of a line;
      3: start of a line, "...", end of a line (delimiter None)."""
    n = len(data)
    found = []
    line_start = lambda i: i == 0 or data[i - 1] == '\n'
    line_end = lambda i: i == n or data[i] == '\n'
    pos = 0
    while pos < n:
        match = None
        if form in (0, 2):
            c = data[pos]
            if _is_delimiter_candidate(c):
                q = pos + 1
                space = ''
                if q < n and data[q] == ' ':
                    space = ' '
                    q += 1
                if q < n and data[q] in _QUOTES:
                    quote = data[q]
                    if form == 0:
                        close = _closing_quote(data, q + 1, quote,
                                               lambda j: j < n and data[j] == c)
                        if close >= 0:
                            match = ((quote, c, space), close + 2)
                    else:
                        close = _closing_quote(data, q + 1, quote, line_end)
                        if close >= 0:
                            match = ((quote, c, space), close + 1)
        else:
            starts = []
            if line_start(pos):
                starts.append(pos)
            if data[pos] == '\n':
                starts.append(pos + 1)
            for q in starts:
                if q < n and data[q] in _QUOTES:
                    quote = data[q]
                    if form == 1:
                        close = _closing_quote(data, q + 1, quote,
                                               lambda j: j < n and _is_delimiter_candidate(data[j]))
                        if close >= 0:
                            delim = data[close + 1]
                            end = close + 2
                            space = ''
                            if end < n and data[end] == ' ':
                                space = ' '
                                end += 1
                            match = ((quote, delim, space), end)
                    else:
                        close = _closing_quote(data, q + 1, quote, line_end)
                        if close >= 0:
                            match = ((quote, None, ''), close + 1)
                if match:
                    break
        if match:
            found.append(match[0])
            pos = max(match[1], pos + 1)
        else:
            pos += 1
    return found


def _has_doubled_quotes(data, delim, quote):
    """Whether a field of data holds a doubled quote: between two delimiters (or line bounds),
    around non-word characters, a quote, two more quotes on the same stretch of the line."""
    n = len(data)
    word = [_is_word(c) for c in data]

    def stretch_quotes(i):
        # the quotes in data[i:] before a delimiter character or a newline
        out = []
        while i < n and data[i] != '\n' and not (delim and data.startswith(delim, i)):
            if data[i] == quote:
                out.append(i)
            i += 1
        return out

    def ends_ok(i):
        # non-word characters from i, then a delimiter or the end of a line (an empty
        # delimiter is found anywhere)
        if not delim:
            return True
        while True:
            if (delim and data.startswith(delim, i)) or i == n or data[i] == '\n':
                return True
            if i >= n or word[i]:
                return False
            i += 1

    for start in range(n + 1):
        heads = []
        if delim and data.startswith(delim, start):
            heads.append(start + len(delim))
        if not delim or start == 0 or data[start - 1] == '\n':
            heads.append(start)
        for p in heads:
            k = p
            while True:
                if k < n and data[k] == quote:
                    seconds = stretch_quotes(k + 1)
                    for s in seconds:
                        for t in stretch_quotes(s + 1):
                            if ends_ok(t + 1):
                                return True
                if k >= n or word[k]:
                    break
                k += 1
    return False


class Sniffer:
    """Guesses the format of a CSV sample: sniff() gives a Dialect subclass, has_header()
    whether the first row looks like a header."""

    def __init__(self):
        # the preferred delimiters, when several are plausible
        self.preferred = [',', '\t', ';', ' ', ':']

    def sniff(self, sample, delimiters=None):
        """The dialect of sample (a Dialect subclass); delimiters, when given, are the only
        characters considered as delimiter. csv.Error when none can be determined."""
        quotechar, doublequote, delimiter, skipinitialspace = \
            self._guess_quote_and_delimiter(sample, delimiters)
        if not delimiter:
            delimiter, skipinitialspace = self._guess_delimiter(sample, delimiters)

        if not delimiter:
            raise Error("Could not determine delimiter")

        class dialect(Dialect):
            _name = "sniffed"
            lineterminator = '\r\n'
            quoting = QUOTE_MINIMAL

        dialect.doublequote = doublequote
        dialect.delimiter = delimiter
        # a reader needs a quotechar, even when none was seen
        dialect.quotechar = quotechar or '"'
        dialect.skipinitialspace = skipinitialspace
        return dialect

    def _guess_quote_and_delimiter(self, data, delimiters):
        """The quote and delimiter seen around quoted fields (,"text", and the like): the most
        frequent of each. Returns (quotechar, doublequote, delimiter, skipinitialspace)."""
        for form in range(4):
            fields = _quoted_fields(data, form)
            if fields:
                break
        else:
            return ('', False, None, 0)
        quotes = {}
        delims = {}
        spaces = 0
        for quote, delim, space in fields:
            quotes[quote] = quotes.get(quote, 0) + 1
            if delim is None:
                continue
            if delim and (delimiters is None or delim in delimiters):
                delims[delim] = delims.get(delim, 0) + 1
            if space:
                spaces += 1
        quotechar = max(quotes, key=quotes.get)
        if delims:
            delim = max(delims, key=delims.get)
            skipinitialspace = delims[delim] == spaces
            if delim == '\n':  # a single column
                delim = ''
        else:
            # no delimiter: a single column of quoted data
            delim = ''
            skipinitialspace = 0
        doublequote = _has_doubled_quotes(data, delim, quotechar)
        return (quotechar, doublequote, delim, skipinitialspace)

    def _guess_delimiter(self, data, delimiters):
        """The character that occurs the same number of times on (nearly) every line: for
        each ASCII character, the most common per-line count (its mode, less the lines that
        differ) and how consistently lines have it; the data is examined ten lines at a time
        until one character stands out. Returns (delimiter, skipinitialspace)."""
        lines = [line for line in data.split('\n') if line]
        ascii = [chr(c) for c in range(127)]
        chunk = min(10, len(lines))
        iteration = 0
        counts = {}   # character → {count on a line: lines with that count}
        modes = {}
        delims = {}
        start, end = 0, chunk
        while start < len(lines):
            iteration += 1
            for line in lines[start:end]:
                for char in ascii:
                    per_count = counts.setdefault(char, {})
                    k = line.count(char)
                    per_count[k] = per_count.get(k, 0) + 1
            for char, per_count in counts.items():
                pairs = list(per_count.items())
                if len(pairs) == 1 and pairs[0][0] == 0:
                    continue
                if len(pairs) > 1:
                    mode = max(pairs, key=lambda pair: pair[1])
                    pairs.remove(mode)
                    modes[char] = (mode[0], mode[1] - sum(pair[1] for pair in pairs))
                else:
                    modes[char] = pairs[0]
            total = float(min(chunk * iteration, len(lines)))
            consistency = 1.0
            threshold = 0.9
            while len(delims) == 0 and consistency >= threshold:
                for char, (count, lines_with) in modes.items():
                    if count > 0 and lines_with > 0:
                        if lines_with / total >= consistency and (delimiters is None or char in delimiters):
                            delims[char] = (count, lines_with)
                consistency -= 0.01
            if len(delims) == 1:
                delim = list(delims.keys())[0]
                return (delim, lines[0].count(delim) == lines[0].count("%c " % delim))
            start = end
            end += chunk
        if not delims:
            return ('', 0)
        if len(delims) > 1:
            for d in self.preferred:
                if d in delims.keys():
                    return (d, lines[0].count(d) == lines[0].count("%c " % d))
        delim = sorted((v, k) for (k, v) in delims.items())[-1][1]
        return (delim, lines[0].count(delim) == lines[0].count("%c " % delim))

    def has_header(self, sample):
        """Whether the first row of sample looks like a header: in the columns whose other
        rows (up to 21 of them) all have one type — a number, or strings of one length — the
        first row's field mostly does not fit it."""
        rows = reader(StringIO(sample), self.sniff(sample))
        header = next(rows)
        columns = len(header)
        kinds = dict.fromkeys(range(columns))   # column → complex, a length, or None
        checked = 0
        for row in rows:
            if checked > 20:
                break
            checked += 1
            if len(row) != columns:
                continue
            for col in list(kinds.keys()):
                try:
                    complex(row[col])
                    kind = complex
                except (ValueError, OverflowError):
                    kind = len(row[col])
                if kind != kinds[col]:
                    if kinds[col] is None:
                        kinds[col] = kind
                    else:
                        del kinds[col]   # inconsistent: no vote
        votes = 0
        for col, kind in kinds.items():
            if isinstance(kind, int):
                votes += 1 if len(header[col]) != kind else -1
            else:
                try:
                    kind(header[col])
                except (ValueError, TypeError):
                    votes += 1
                else:
                    votes -= 1
        return votes > 0
