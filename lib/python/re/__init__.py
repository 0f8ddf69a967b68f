"""Support for regular expressions (RE), as in CPython 3.11.

The matching engine is pyjit's `_sre` (lib/modules/_sre.ts): it compiles a pattern once, runs it
through JavaScript's RegExp when that is exactly equivalent and through its own backtracking
matcher otherwise. This module adds what CPython writes in Python: the RegexFlag enum and its
module-level names, template() and Scanner.

Functions: compile, match, fullmatch, search, sub, subn, split, findall, finditer, escape, purge,
template. Classes: Pattern, Match, RegexFlag, error, Scanner.
"""

import enum
import _sre
from _sre import (
    compile, match, fullmatch, search, sub, subn, split, findall, finditer, escape, purge,
    Pattern, Match, error,
)

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"


@enum.global_enum
@enum._simple_enum(enum.IntFlag, boundary=enum.KEEP)
class RegexFlag:
    NOFLAG = 0
    ASCII = A = 256          # ASCII-only \w \W \b \B \d \D \s \S
    IGNORECASE = I = 2       # case-insensitive matching
    LOCALE = L = 4           # \w etc. follow the locale (bytes patterns)
    UNICODE = U = 32         # Unicode \w etc. (the default for str patterns)
    MULTILINE = M = 8        # ^ and $ also at line boundaries
    DOTALL = S = 16          # . also matches a newline
    VERBOSE = X = 64         # whitespace and comments in the pattern are ignored
    TEMPLATE = T = 1         # deprecated
    DEBUG = 128              # accepted; pyjit prints no compiled form
    __str__ = object.__str__
    _numeric_repr_ = hex


def template(pattern, flags=0):
    "Compile a template pattern, returning a Pattern object, deprecated"
    import warnings
    warnings.warn("The re.template() function is deprecated "
                  "as it is an undocumented function "
                  "without an obvious purpose. "
                  "Use re.compile() instead.",
                  DeprecationWarning)
    with warnings.catch_warnings():
        # one warning is enough: not the TEMPLATE flag's too
        warnings.simplefilter("ignore", DeprecationWarning)
        return compile(pattern, flags | T)


def _compile(pattern, flags):
    return compile(pattern, flags)


class Scanner:
    """Splits a string into tokens with a lexicon of (phrase, action) pairs (undocumented, as in
    CPython). At each position the phrases are tried in order; the matched text goes to its action
    (a callable gets the scanner and the text; None drops the token; another value is the token).
    The combined pattern is built as CPython builds it (_sre._lexicon_pattern): phrase k is group
    k + 1, a phrase keeps its own group numbers, and the flags are used as given."""

    def __init__(self, lexicon, flags=0):
        if isinstance(flags, RegexFlag):
            flags = flags.value
        self.lexicon = lexicon
        self.scanner = _sre._lexicon_pattern([phrase for phrase, action in lexicon], flags)

    def scan(self, string):
        tokens = []
        next_match = self.scanner.scanner(string).match
        done = 0
        while True:
            m = next_match()
            if not m:
                break
            end = m.end()
            if end == done:
                break
            action = self.lexicon[m.lastindex - 1][1]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                tokens.append(action)
            done = end
        return tokens, string[done:]
