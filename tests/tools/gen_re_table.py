"""Writes tests/data/re_cases.json: pattern / subject / flags cases with CPython's results, which
lib/modules/re_table_test.ts checks pyjit's `re` against (on both of its engines).

Run with CPython 3.11 from the repository root:
    python3 tests/tools/gen_re_table.py > tests/data/re_cases.json
    python3 tests/tools/gen_re_table.py --seed 7 --random 50000 > /tmp/re_fuzz.json   (a bigger run)
    (--hard: Unicode subjects and deeper patterns only; --syntax: syntax errors only; --templates:
    replacement templates only; --classes: character classes only)

Each case is one JSON object:
  {"p": pattern, "b": true when bytes (pattern and subject as Latin-1), "f": flags, "s": subject,
   "op": "match" | "search" | "fullmatch" | "findall" | "sub" | "split", "pos"/"endpos" (optional),
   "t": template (sub), then the result:
   "r": spans of group 0.. (null = unmatched) and "li": lastindex   (match ops, null when no match)
   "v": the value (findall, sub, split; bytes as Latin-1 strings, None as null)
   "e": [message, position] for re.error, "x": [exception type, message] for other exceptions}
The cases: hand-written lists (syntax errors, flags, anchors, case folding, Unicode) and random
patterns from a small grammar, matched against random subjects.
"""
import contextlib
import io
import json
import random
import re
import sys
import warnings

warnings.simplefilter("ignore")


def b2s(v):
    if isinstance(v, bytes):
        return v.decode("latin-1")
    if isinstance(v, tuple):
        return [b2s(x) for x in v]
    if isinstance(v, list):
        return [b2s(x) for x in v]
    return v


def run_case(p, f, s, op, pos=None, endpos=None, t=None, isbytes=False):
    case = {"p": p, "f": f, "s": s, "op": op}
    if isbytes:
        case["b"] = True
    if pos is not None:
        case["pos"] = pos
    if endpos is not None:
        case["endpos"] = endpos
    if t is not None:
        case["t"] = t
    P = p.encode("latin-1") if isbytes else p
    S = s.encode("latin-1") if isbytes else s
    T = t.encode("latin-1") if (isbytes and t is not None) else t
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            c = re.compile(P, f)
        args = [S]
        if op in ("match", "search", "fullmatch", "findall"):
            if pos is not None:
                args.append(pos)
                if endpos is not None:
                    args.append(endpos)
        if op in ("match", "search", "fullmatch"):
            m = getattr(c, op)(*args)
            if m is None:
                case["r"] = None
            else:
                case["r"] = [None if m.span(g) == (-1, -1) else list(m.span(g)) for g in range(c.groups + 1)]
                case["li"] = m.lastindex
        elif op == "findall":
            case["v"] = b2s(c.findall(*args))
        elif op == "sub":
            case["v"] = b2s(c.sub(T, S))
        elif op == "split":
            case["v"] = b2s(c.split(S))
    except re.error as e:
        case["e"] = [e.msg, e.pos]
    except Exception as e:
        case["x"] = [type(e).__name__, str(e)]
    return case


# ---------------------------------------------------------------------------------------------
# Hand-written cases

SYNTAX = [
    r'(', r'(a', r'a)', r'*', r'a**', r'a*+*', r'a{2}{3}', r'[', r'[a', r'[]', r'[^]', r'[z-a]', r'[\w-z]',
    r'[a-\w]', r'\q', '\\', r'(?P<', r'(?P<1a>x)', r'(?P<a', r'(?P<a>x)(?P<a>y)', r'(?P=b)', r'(?P=',
    r'(?P=a', r'(?Px)', r'(?<x)', r'(?x', r'(?', r'(?z)', r'(?i', r'(?-)', r'(?-i)', r'(?i-i:a)', r'(?a-a:x)',
    r'(?L)', r'(?au)', r'a(?i)', r'(?<=a*)', r'(?<=a|bc)', r'a{3,2}', r'a{4294967296}', r'(a\1)', r'\1',
    r'(?(1)a|b|c)', r'(?(1a)x)', r'(?(0)x)', r'(?(x)y)', r'(?(', r'\400', r'\x', r'\x1', r'\u12', r'\U1234',
    r'\U00110000', r'\N', r'\N{', r'\N{foo}', r'\N{LATIN SMALL LETTER A', r'\N{LATIN SMALL LETTER A}',
    r'\N{EM DASH}', r'(?#abc', r'(?P<a>)(?P=a', r'(?i)(?x)a(?m)', r'x(?x)', r'\b*', r'^*', r'(?=a)*',
    r'a|*', r'(?:', r'(?<', r'(?<!', r'(?>', r'a{,', r'a{1,x}', r'[\d-a]', r'(?P<a>a)(?(a)b|c|d)',
    r'(?(a)b)', r'(?P<a>)(?(b)x)', r'\g<1>', r'(?P<é>a)', r'(?P<a b>x)', '(?x)(?#foo\nbar', r'(?U)',
    r'(?iu)', r'(?u)', r'(?a)', r'(?-a:x)', r'(?-L:x)', r'(?i:', r'(?i-', r'(?+i)', r'\8', r'[\8]', r'\c',
    r'[\q]', r'(?<=\1)(a)', r'(a)(?<=\1)', r'(?<=(a))\1', r'(?<=(?P<x>a)(?P=x))', r'(?<=a)+', 'a\n(b',
    'ab\ncd\n(ef', r'(a)(?(2)b)', r'(?(-1)a)', r'(?(1)', '(?(1)a', r'x{2}+?', r'\0', r'\08', r'\777',
    r'[\777]', r'[\0777]', r'(?P<a>x)(?P=a', r'(?P=1)', r'(?P=a b)', r'(?P=)', r'(?P>)', r'a{1,2', r'{',
    r'a{', r'x{,3}', r'(?P<!>a)', r'(?P<a>a)(?P<b>b', r'(?<=a(?=bc))', r'(?<=(?<=ab)c)', r'(?<=x(?!ab)c)',
    r'(?<=\b)', r'(?<=a{2})', r'(?<=(a|b))', r'(?<=a|)', r'[a-]', r'[-a]', r'[\]]', r'[]a]', r'[a-\d]',
    r'\Z*', r'\A+', r'(?<=(?(1)a|b))(a)', r'(?i)a(?i)', r'((?i)a)', r'(?ia-i:x)', r'(?-ii:x)', r'(?iL)',
    r'(?t:a)', r'(?-t:a)', r'(?x-x:a)', r'(?( 1)a)', r'(?(1_0)a)(b)', r'(?(+1)a)(b)', r'(a)(?<=(?(1)ab|c))',
    r'(a|bc)(?<=\1)', r'(?<=a(?<=bc|d))', 'a{2,3}{4}', r'(?<=a{1,2})', r'a\
', 'x(?#c)*', r'(?:)*', r'()*', r'(?:a*)*', r'[\b]', r'\Z\A', r'(?x) a # c\n b', r'(?x)[ a]', r'(?x)a {2}',
    r'(?x)\ ', r'a{1}?+', r'a?+?', r'[a-a]', r'[\x00-\uffff]', r'[\u0100-\U00010000]', r'\777a',
    r'[\d\D]', r'(?s).', r'(?m)^$', r'(?(1)(a))', r'(?P<n>a)(?P<m>b)(?P=m)', r'(?<!(a)b)', r'((((((((((a))))))))))\10',
    r'(a)\01', r'(a)\1\11', r'\117', r'\7', '[[:alpha:]]', '[a--b]', '[a&&b]', '[a||b]', '[a~~b]', '[--a]',
    r'(?L:a)', r'(?u:a)', r'(?a:\w)', r'(?i)(?i)', r'\u00e9', r'\U0001F600', r'\xff', r'(?P<a1>x)(?P=a1)',
]

FLAG_CASES = [
    ("a", re.L), ("a", re.A | re.U), ("(?a)a", re.U), ("(?u)a", re.A), ("a", 1 << 20), ("a", re.T),
    ("a*", re.T), ("a|b", re.T), ("a", re.DEBUG), ("a", -1),
]

MATCH_CASES = [
    # anchors and positions
    (r'^a', 0, ['a', 'ba', '\na'], ['search']),
    (r'^a', re.M, ['a', 'ba', 'b\na', 'b\ra'], ['search', 'findall']),
    (r'a$', 0, ['a', 'a\n', 'a\n\n', 'ab'], ['search']),
    (r'a$', re.M, ['a\nb', 'a\rb', 'a\n', 'ab'], ['search', 'findall']),
    (r'a\Z', 0, ['a', 'a\n'], ['search']),
    (r'\Aa', re.M, ['a', 'b\na'], ['search']),
    (r'$', 0, ['', 'a', 'a\n', '\n\n'], ['findall', 'sub']),
    (r'$', re.M, ['a\nb\n', '\n'], ['findall', 'sub']),
    (r'^', re.M, ['a\nb\n', '\n', ''], ['findall', 'sub']),
    (r'\b', 0, ['', 'a', 'ab cd', ' a '], ['findall', 'sub']),
    (r'\B', 0, ['', 'a', 'ab cd', ' ', '  '], ['findall', 'sub']),
    (r'\b\w+\b', 0, ['héllo wörld', 'x_y 12', 'αβγ δ'], ['findall']),
    (r'\b\w+\b', re.A, ['héllo wörld', 'x_y 12'], ['findall']),
    (r'\w+', 0, ['ab١٢ ½ x²', 'Ⅻ ⓐ', '\u0345ι', '\u3007\u4e00'], ['findall']),
    (r'\d+', 0, ['12 ١٢ ½ ²', '\uff11\uff12'], ['findall']),
    (r'\d+', re.A, ['12 ١٢'], ['findall']),
    (r'\s+', 0, ['a \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u3000\ufeffb'], ['split']),
    (r'\s+', re.A, ['a \t\n\x1c\x85\xa0b'], ['split']),
    (r'.', 0, ['a\nb\r'], ['findall']),
    (r'.', re.S, ['a\nb'], ['findall']),
    # case folding
    (r'k', re.I, ['k', 'K', '\u212a'], ['fullmatch']),
    (r'K', re.I | re.A, ['k', 'K', '\u212a'], ['fullmatch']),
    (r's', re.I, ['s', 'S', '\u017f'], ['fullmatch']),
    (r'\u017f', re.I, ['s', 'S', '\u017f'], ['fullmatch']),
    (r'i', re.I, ['i', 'I', '\u0130', '\u0131'], ['fullmatch']),
    (r'\u0130', re.I, ['i', 'I', '\u0130', '\u0131'], ['fullmatch']),
    (r'[a-z]', re.I, ['K', '\u212a', '\u017f', '\u0130', '\u0131', 'Z'], ['fullmatch']),
    (r'[^a-z]', re.I, ['K', '\u212a', '1'], ['fullmatch']),
    (r'[\u0400-\u04ff]+', re.I, ['\u1c80\u1c81 \u0412'], ['findall']),
    (r'\u03c3', re.I, ['\u03a3', '\u03c2', '\u03c3'], ['fullmatch']),
    (r'\u00df', re.I, ['\u1e9e', 'ss', '\u00df'], ['fullmatch']),
    (r'(?i)straße', 0, ['STRASSE', 'STRAẞE', 'strasse'], ['fullmatch']),
    (r'(?i)(\w)\1', 0, ['aA', 'sſ', 'kK', '\u212ak'], ['fullmatch']),
    (r'(?i:a)b', 0, ['Ab', 'AB'], ['fullmatch']),
    (r'(?i)a(?-i:b)', 0, ['Ab', 'AB'], ['fullmatch']),
    (r'[\W]', re.I, ['\u0345', '\u03b9', ' '], ['fullmatch']),
    (r'[\Wι]', re.I, ['\u0345', '\u03b9', '\u1fbe'], ['fullmatch']),
    (r'[\u0100-\U0010ffff]', re.I, ['A', 'a', '\u212a', 'k'], ['fullmatch']),
    # astral characters and surrogate pairs
    (r'.', 0, ['a😀b'], ['findall']),
    (r'😀+', 0, ['a😀😀b😀'], ['search', 'findall', 'sub', 'split']),
    (r'(.)(.)', 0, ['😀a😀'], ['search', 'findall']),
    (r'[😀-😂]', 0, ['😁x'], ['search']),
    (r'\w', 0, ['𝐀x'], ['findall']),
    (r'(?<=😀)a', 0, ['😀a'], ['search']),
    (r'a', 0, ['😀a😀a'], ['search'], 2, None),
    (r'a', 0, ['😀a😀a'], ['search'], 3, None),
    (r'a', 0, ['😀a😀a'], ['search', 'findall'], 0, 3),
    # pos / endpos
    (r'^a', 0, ['aaa'], ['match', 'search'], 1, None),
    (r'a$', 0, ['aab'], ['search'], 0, 2),
    (r'\b', 0, ['ab'], ['search'], 1, 1),
    (r'\B', 0, ['ab'], ['search', 'match'], 0, 0),
    (r'(?<=a)b', 0, ['ab'], ['match'], 1, None),
    (r'b(?=c)', 0, ['abc'], ['search'], 0, 2),
    (r'', 0, ['abc'], ['match', 'search', 'fullmatch', 'findall'], 2, 1),
    (r'a', 0, ['abc'], ['match'], -5, 100),
    # repeats and empty iterations
    (r'(a|)*', 0, ['aab', 'b'], ['match']),
    (r'(|a)*', 0, ['aab'], ['match']),
    (r'(?:|a)*', 0, ['aa'], ['match']),
    (r'(a?)+', 0, ['aa'], ['match']),
    (r'(a*)*', 0, ['b', 'aab'], ['match']),
    (r'(a*)+', 0, ['b'], ['match']),
    (r'(a|b)*?c', 0, ['abac'], ['match']),
    (r'(?:(a)|b)*', 0, ['ab', 'ba'], ['match']),
    (r'(?:(a)|(b))+', 0, ['ab', 'aba'], ['match']),
    (r'((a)|b)*', 0, ['ab'], ['match']),
    (r'((a)|(b))+', 0, ['ab'], ['match']),
    (r'(?:(a)|b)*?c', 0, ['abc'], ['match']),
    (r'(a){0}', 0, ['a'], ['match']),
    (r'(?:a|ab){2}+', 0, ['abab', 'aa'], ['match']),
    (r'(?>(?:a|ab){2})', 0, ['abab'], ['match']),
    (r'(?:a|ab)*+c', 0, ['ababc', 'aac'], ['match']),
    (r'(?:(a)|b)*+', 0, ['ab'], ['match']),
    (r'(a+)++', 0, ['aaa'], ['match']),
    (r'(?:x*)*+y', 0, ['xxy'], ['match']),
    (r'a{2,}+a', 0, ['aaaa'], ['match']),
    (r'a{,2}', 0, ['aaa'], ['match']),
    (r'a{,}', 0, ['aaa'], ['match']),
    (r'(?:ab){1,3}?', 0, ['ababab'], ['match']),
    (r'x*', 0, ['axbxx', ''], ['sub', 'split', 'findall']),
    (r'|a', 0, ['a', 'aa'], ['findall', 'sub', 'split']),
    (r'a|', 0, ['ab'], ['findall', 'sub']),
    (r'(?=a)|a', 0, ['aa'], ['findall']),
    (r'\b|a', 0, ['a a'], ['findall', 'sub']),
    # groups, lastindex
    (r'(a)|(b)', 0, ['b'], ['match']),
    (r'(a)(?=(b))', 0, ['ab'], ['match']),
    (r'(a)(?!(x))', 0, ['ab'], ['match']),
    (r'((a)())', 0, ['a'], ['match']),
    (r'(a)()', 0, ['a'], ['match']),
    (r'(?P<x>a)(?P<y>b)?', 0, ['ab', 'a'], ['match']),
    (r'(?:(a)x|a(b))', 0, ['ab'], ['match']),
    (r'(?>(a)|b)c|.', 0, ['ad'], ['match']),
    (r'(a)(?<=(?(1)a|b))', 0, ['a'], ['match']),
    # conditionals
    (r'(a)?(?(1)b|c)', 0, ['ab', 'c', 'ac'], ['match']),
    (r'(?P<q>")?\w+(?(q)")', 0, ['"ab"', 'ab', '"ab'], ['fullmatch']),
    (r'(?:(a(?(1)b|c))d)+', 0, ['acdacd', 'acdabd'], ['match']),
    (r'((?(1)a|b))+', 0, ['bab', 'baa'], ['match']),
    # backreferences
    (r'(a)\1', 0, ['aa', 'ab'], ['match']),
    (r'(a)?\1', 0, ['', 'b'], ['match']),
    (r'(?:(a)|b)\1', 0, ['b', 'aa'], ['match']),
    (r'(a*)\1', 0, ['aaaa', 'aaa'], ['fullmatch']),
    (r'(?P<n>.)(?P=n)', 0, ['xx', 'xy'], ['search']),
    # atomic, lookbehind
    (r'(?>a|ab)c', 0, ['abc', 'ac'], ['match']),
    (r'(?<=ab|cd)e', 0, ['abe', 'cde', 'e'], ['search']),
    (r'(?<!a)b', 0, ['ab', 'cb', 'b'], ['search']),
    (r'(?<=\bx)y', 0, ['xy', 'axy'], ['search']),
    # CPython's search prefilter compiles a first class's categories with the global flags
    (r'(?a:\W)', 0, ['é', 'éc', 'a é'], ['search', 'match', 'findall']),
    (r'(?a:\W)', re.I, ['é', 'xé'], ['search', 'match']),
    (r'(?u:\w)', re.A, ['éx', ' é'], ['search', 'match']),
    (r'((?a)[\W\d])x', 0, ['éx', '1x'], ['search']),
    # captures in a positive lookahead close, for lastindex, where the lookahead starts
    (r'(?=(ab))(a)', 0, ['ab', 'xab'], ['search', 'findall']),
    (r'(?=((a)b))', 0, ['ab'], ['search', 'findall']),
    (r'(?=(a))()', 0, ['a'], ['search']),
    (r'()(?=(a))', 0, ['a'], ['search']),
    (r'(a)(?=(b)c|(b))', 0, ['ab', 'abc'], ['search']),
    (r'(?=(a)(?=(b)))(\w)', 0, ['ab', 'ba'], ['search', 'findall']),
    (r'(x)?(?=(a))', 0, ['a', 'xa'], ['search']),
    (r'(?=(\w+))\1x', 0, ['ab abx'], ['search', 'findall']),
    # a class member past U+FFFF under IGNORECASE: CPython lowercases the subject character, then a
    # literal must equal it (an uppercase one matches nothing), a range holds it or its uppercase
    ('[\U00010400x]', re.I, ['\U00010400\U00010428xX'], ['findall']),
    ('[\U00010428x]', re.I, ['\U00010400\U00010428xX'], ['findall']),
    ('[^\U00010400x]', re.I, ['\U00010400\U00010428xX'], ['findall']),
    ('[\U00010400]', re.I, ['\U00010400\U00010428'], ['findall']),
    ('[\U00010400\U00010400]', re.I, ['\U00010400\U00010428'], ['findall']),
    ('[\u02bc-\U00010000]', re.I, ['\u0149\u02bb'], ['findall']),
    ('[\u1f08-\U00010000]', re.I | re.A, ['\u1f80\u1f00'], ['findall']),
    ('[\u017f-\U00010400]', re.I | re.A, ['\xb5\u03c2\u1e9e\u03c2sS'], ['findall']),
    ('[\u0130-\u1e9e\u03bc-\U00010400]{2}', re.I | re.A, ['-\u03a3\U00010428A\u03a3'], ['findall']),
    ('[\U00010400-\U00010401a]', re.I | re.A, ['\U00010428\U00010429\U00010400aA'], ['findall']),
    # bytes
    (r'\w+', 0, ['ab\xe9\xff_1'], ['findall'], None, None, True),
    (r'(?i)\xe9', 0, ['\xc9\xe9'], ['findall'], None, None, True),
    (r'(?i)k', 0, ['kK'], ['findall'], None, None, True),
    (r'(?L)\w+', 0, ['ab\xe9'], ['findall'], None, None, True),
    (r'\s', 0, ['a\x85\xa0\x1c b'], ['findall'], None, None, True),
    (r'[\x80-\xff]+', 0, ['a\x80\xffb'], ['findall', 'sub', 'split'], None, None, True),
]

SUB_CASES = [
    (r'(\w+) (\w+)', 0, 'hello world', [r'\2 \1', r'\g<2>-\g<1>', r'\g<0>!', r'[\0]', r'\x', r'\n\t\\',
                                        r'\g<3>', r'\3', r'\g', r'\g<', r'\g<1', r'\g<-1>', r'\g<a b>',
                                        r'\g<x>', r'\q', r'\400', r'\101', r'\0101', r'\-', '\\', r'\g<00>',
                                        r'\g<١>', r'\1\2\10', r'\99']),
    (r'(?P<a>a)(b)?', 0, 'ab a', [r'<\g<a>|\2>', r'\g<a>\g<2>', r'\g<b>']),
    (r'a', 0, 'banana', ['', 'x', r'\\', '\\n']),
    (r'(a)', 0, 'xax', [r'\1\1', r'\g<1>0']),
]


def hand_cases():
    out = []
    for p in SYNTAX:
        out.append(run_case(p, 0, "", "search"))
        if "(?L" not in p and "(?u" not in p:
            try:
                p.encode("latin-1")
                out.append(run_case(p, 0, "", "search", isbytes=True))
            except UnicodeEncodeError:
                pass
    for p, f in FLAG_CASES:
        out.append(run_case(p, f, "a", "search"))
        out.append(run_case(p, f, "a", "search", isbytes=True))
    for row in MATCH_CASES:
        p, f, subjects, ops = row[:4]
        pos = row[4] if len(row) > 4 else None
        endpos = row[5] if len(row) > 5 else None
        isbytes = row[6] if len(row) > 6 else False
        for s in subjects:
            for op in ops:
                out.append(run_case(p, f, s, op, pos, endpos, "<\\g<0>>" if op == "sub" else None, isbytes))
    for p, f, s, templates in SUB_CASES:
        for t in templates:
            out.append(run_case(p, f, s, "sub", t=t))
            try:
                out.append(run_case(p, f, s, "sub", t=t, isbytes=True) if t.isascii() else None)
            except Exception:
                pass
    return [c for c in out if c is not None]


# ---------------------------------------------------------------------------------------------
# Random cases

ATOMS = ["a", "b", "c", ".", r"\d", r"\w", r"\s", r"\W", "[ab]", "[^a]", "[a-c]", "[b\\d]", " ", "A", "1",
         r"\n", "[.]", "k", "s", "é", "😀", "[^\\W\\d]", "[é-ü]", "\\u017f"]
ASSERTS = ["^", "$", r"\b", r"\B", r"\A", r"\Z"]
QUANTS = ["*", "+", "?", "{2}", "{1,2}", "{0,2}", "{2,}", "{,1}"]
SUBJECT_CHARS = "aabbc 1A\n_"
UNICODE_CHARS = "aabbc 1AKkSsſ\u212aéÉ😀İı\n_ß"


class Gen:
    def __init__(self, rnd, max_depth=2):
        self.r = rnd
        self.max_depth = max_depth
        self.groups = 0
        self.names = []

    def atom(self, depth):
        r = self.r
        k = r.random()
        if depth > self.max_depth or k < 0.45:
            return r.choice(ATOMS)
        if k < 0.52:
            return r.choice(ASSERTS)
        if k < 0.62:
            self.groups += 1
            return "(" + self.alt(depth + 1) + ")"
        if k < 0.68:
            return "(?:" + self.alt(depth + 1) + ")"
        if k < 0.71:
            self.groups += 1
            name = "g%d" % self.groups
            self.names.append(name)
            return "(?P<%s>%s)" % (name, self.alt(depth + 1))
        if k < 0.76 and self.groups:
            return "\\%d" % r.randint(1, self.groups)
        if k < 0.80:
            return "(?" + r.choice(["=", "!"]) + self.alt(depth + 1) + ")"
        if k < 0.83:
            body = r.choice(["a", "b", "ab", "[ab]", r"\w", "a|b", ".", "(a)", "(.)b", "(a|b)", r"\b(\w)",
                             "(?:(a)|b)", "(?P<lb%d>.)" % self.groups])
            self.groups += body.count("(") - body.count("(?:")
            return "(?<" + r.choice(["=", "!"]) + body + ")"
        if k < 0.87:
            return "(?>" + self.alt(depth + 1) + ")"
        if k < 0.90 and self.groups:
            g = r.randint(1, self.groups)
            return "(?(%d)%s|%s)" % (g, self.seq(depth + 1), self.seq(depth + 1))
        if k < 0.93:
            return "(?" + r.choice(["i", "s", "m", "a", "-i", "i-s"]) + ":" + self.alt(depth + 1) + ")"
        return r.choice(ATOMS)

    def piece(self, depth):
        a = self.atom(depth)
        if self.r.random() < 0.35 and a not in ASSERTS:
            a += self.r.choice(QUANTS) + self.r.choice(["", "", "?", "+"])
        return a

    def seq(self, depth):
        return "".join(self.piece(depth) for _ in range(self.r.randint(0, 3)))

    def alt(self, depth):
        n = 1 if self.r.random() < 0.7 else self.r.randint(2, 3)
        return "|".join(self.seq(depth) for _ in range(n))


def random_cases(rnd, count, hard=False):
    out = []
    while len(out) < count:
        g = Gen(rnd, 4 if hard else 2)
        p = g.alt(0)
        flags = rnd.choice([0, 0, 0, re.I, re.M, re.S, re.A, re.I | re.M])
        chars = UNICODE_CHARS if hard else SUBJECT_CHARS
        try:
            re.compile(p, flags)
        except re.error:
            continue
        except Exception:
            continue
        for _ in range(3):
            s = "".join(rnd.choice(chars) for _ in range(rnd.randint(0, 10 if hard else 8)))
            op = rnd.choice(["match", "search", "search", "fullmatch", "findall", "sub", "split"])
            t = None
            if op == "sub":
                t = rnd.choice(["<\\g<0>>", "-", "", "[\\1]" if g.groups else "x"])
            pos = endpos = None
            if op in ("match", "search") and rnd.random() < 0.15 and s:
                pos = rnd.randint(0, len(s))
                endpos = rnd.randint(pos, len(s))
            isbytes = rnd.random() < 0.1
            try:
                (p + s).encode("latin-1")
            except UnicodeEncodeError:
                isbytes = False
            out.append(run_case(p, flags, s, op, pos, endpos, t, isbytes=isbytes))
    return out


SYNTAX_ALPHABET = ["(", ")", "?", "P", "<", ">", "=", "!", ":", "-", "i", "a", "x", "[", "]", "^", "$", "{",
                   "}", ",", "1", "2", "*", "+", "|", "\\", "#", "\n", " ", "g", "u", "L", "0", "8", "N", "b"]


def syntax_cases(rnd, count):
    """Random strings over the metacharacters: mostly syntax errors, with their positions."""
    out = []
    for _ in range(count):
        p = "".join(rnd.choice(SYNTAX_ALPHABET) for _ in range(rnd.randint(1, 10)))
        flags = rnd.choice([0, 0, re.X, re.I])
        out.append(run_case(p, flags, "ab", "search", isbytes=rnd.random() < 0.2))
    return out


TEMPLATE_ALPHABET = ["\\", "g", "<", ">", "1", "2", "0", "a", "n", "-", "x", "q", "3", "7", "8", "9", "name", "_",
                     " ", "é"]


def template_cases(rnd, count):
    """Random replacement templates: escapes, group references and their errors."""
    out = []
    for _ in range(count):
        t = "".join(rnd.choice(TEMPLATE_ALPHABET) for _ in range(rnd.randint(0, 8)))
        p = rnd.choice([r"(a)(?P<name>b)?", r"(a)", r"a", r"(?P<x>.)(.)(.)?"])
        s = rnd.choice(["ab", "a", "xabx", "ba"])
        out.append(run_case(p, 0, s, "sub", t=t, isbytes=rnd.random() < 0.2 and t.isascii()))
    return out


CLASS_CHARS = list("aAzZ_09kKsS\u017f\u212a\u0130\u0131iI\xdf \u1e9e\u03c3\u03a3\u03c2\u01c5\u01c4\u01c6\xb5\u039c"
                   "\u03bc\xe9\xc9\u212b\xc5\xe5\U0001F600\U00010400\U00010428\u2160\u2170\ufb00\u0149-]^\\")
CLASS_ESCAPES = [r"\w", r"\W", r"\d", r"\D", r"\s", r"\S", r"\x41", r"\u017f", r"\U0001F600", r"\t", r"\101",
                 r"\N{LATIN SMALL LETTER A}"]


def class_cases(rnd, count):
    """Random character classes (literals, ranges, categories, escapes; BMP and past it) under the
    case flags, against subjects of case-folding characters, with a backreference sometimes."""
    def member(c):
        return "\\" + c if c in "-]^\\[" else c

    def cls():
        parts = []
        for _ in range(rnd.randint(1, 4)):
            k = rnd.random()
            if k < 0.4:
                parts.append(member(rnd.choice(CLASS_CHARS)))
            elif k < 0.7:
                a, b = sorted([rnd.choice(CLASS_CHARS), rnd.choice(CLASS_CHARS)])
                parts.append(member(a) + "-" + member(b))
            else:
                parts.append(rnd.choice(CLASS_ESCAPES))
        return "[" + ("^" if rnd.random() < 0.3 else "") + "".join(parts) + "]"

    out = []
    for _ in range(count):
        p = cls() + rnd.choice(["", "+", "*?", "{2}"])
        f = rnd.choice([0, re.I, re.I, re.A, re.I | re.A])
        s = "".join(rnd.choice(CLASS_CHARS) for _ in range(rnd.randint(0, 8)))
        out.append(run_case(p, f, s, "findall"))
        if rnd.random() < 0.3:
            out.append(run_case("(" + p + ")\\1", f, s + s.swapcase(), "search"))
    return out


def main():
    seed = 1
    count = 3000
    args = sys.argv[1:]
    if "--seed" in args:
        seed = int(args[args.index("--seed") + 1])
    if "--random" in args:
        count = int(args[args.index("--random") + 1])
    rnd = random.Random(seed)
    if "--hard" in args:
        cases = random_cases(rnd, count, hard=True)
    elif "--syntax" in args:
        cases = syntax_cases(rnd, count)
    elif "--templates" in args:
        cases = template_cases(rnd, count)
    elif "--classes" in args:
        cases = class_cases(rnd, count)
    else:
        cases = hand_cases() + random_cases(rnd, count) + random_cases(rnd, count // 2, hard=True) + \
            syntax_cases(rnd, count // 3) + template_cases(rnd, count // 3) + class_cases(rnd, count // 3)
    sys.stdout.write("[\n" + ",\n".join(json.dumps(c, ensure_ascii=True) for c in cases) + "\n]\n")


main()
