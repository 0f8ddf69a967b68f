"""The JSON scanner json.decoder uses: make_scanner(context) → a callable scan_once(string, idx)
that returns (value, end) for the JSON value starting at idx, or raises StopIteration(idx) when
none starts there. pyjit's scanner is the TypeScript one of _json (c_make_scanner)."""

from _json import make_scanner as c_make_scanner

__all__ = ['make_scanner']

make_scanner = c_make_scanner
