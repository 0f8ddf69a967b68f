# fnmatch: Unix shell-style wildcards (*, ?, [seq], [!seq]) -> whether a file name matches
# (fnmatch, fnmatchcase), the matching names of a list (filter), and the regular expression for a
# pattern (translate). The matching is done by pyjit's _fnmatch accelerator (TypeScript), without
# regular expressions. Written for pyjit from the documented behaviour of CPython's fnmatch.

import posixpath as _path
from _fnmatch import fnmatchcase, translate
import _fnmatch

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]


def fnmatch(name, pat):
    """Whether name matches pat (after os.path.normcase, which changes nothing on POSIX)."""
    return fnmatchcase(_path.normcase(name), _path.normcase(pat))


def filter(names, pat):
    """The names of the iterable that match pat."""
    return _fnmatch.filter([_path.normcase(n) for n in names], _path.normcase(pat))
