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
    try:
        import warnings
    except ImportError:
        pass
    else:
        warnings.warn("The re.template() function is deprecated "
                      "as it is an undocumented function "
                      "without an obvious purpose. "
                      "Use re.compile() instead.",
                      DeprecationWarning, stacklevel=2)
    return compile(pattern, flags | T)


def _compile(pattern, flags):
    return compile(pattern, flags)


class Scanner:
    """Splits a string into tokens with a lexicon of (pattern, action) pairs (undocumented, as in
    CPython). The phrases are tried in order at each position; pyjit combines them as one
    alternation of capturing groups, so a phrase's own groups are counted after its wrapper."""

    def __init__(self, lexicon, flags=0):
        if isinstance(flags, RegexFlag):
            flags = flags.value
        self.lexicon = lexicon
        self._groups = []
        parts = []
        group = 1
        for phrase, action in lexicon:
            self._groups.append(group)
            parts.append("(%s)" % phrase)
            group += 1 + compile(phrase, flags).groups
        self.scanner = compile("|".join(parts), flags)

    def scan(self, string):
        result = []
        append = result.append
        match = self.scanner.scanner(string).match
        i = 0
        while True:
            m = match()
            if not m:
                break
            j = m.end()
            if i == j:
                break
            index = 0
            for k, g in enumerate(self._groups):
                if m.start(g) >= 0:
                    index = k
                    break
            action = self.lexicon[index][1]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                append(action)
            i = j
        return result, string[i:]
