"""Writes tests/data/lexer/mutations.json: mutated snippets of the corpus_*.py programs with what
CPython 3.11's compile() says of each (null, or [class, msg, lineno, offset]).

Run from the repository root:  python3 tests/data/lexer/gen_mutations.py
lexer_differential_test.ts checks that the lexer accepts whatever CPython compiles and rejects
whatever CPython's tokenizer rejects. Snippets with f-strings are left out (3.11 and 3.12 differ).
"""
import glob
import json
import os
import random
import re
import warnings

PIECES = ["{", "}", "(", ")", "[", "]", ":", "=", ":=", "'", '"', "'''", '"""', "\\", "\n", "\r\n", "\r", "\t",
          " ", "    ", "\f", "#", "0x", "0o", "0b", "1_0", "1e", ".", "j", "_", "x", "if", "\u00e9", "\u20ac",
          "\u00a0", "\\N{", "\\x", "\\u", "b'", "rb'", "u'", "...", "->", "**=", "0", "9", "e", "1.", "$", "?",
          "`", "<>", "!=", "!", "\u00b2"]
FSTRING = re.compile(r"[fF][rR]?['\"]|[rR][fF]['\"]")
COUNT = 1200


def mutate(rng, source):
    lines = source.split("\n")
    first = rng.randrange(len(lines))
    text = "\n".join(lines[first:first + 1 + rng.randrange(8)]) + "\n"
    for _ in range(1 + rng.randrange(3)):
        at = rng.randrange(len(text) + 1)
        piece = rng.choice(PIECES)
        kind = rng.randrange(3)
        if kind == 0:
            text = text[:at] + text[at + rng.randrange(6):]
        elif kind == 1:
            text = text[:at] + piece + text[at:]
        else:
            text = text[:at] + piece + text[at + 1:]
    return text


def verdict(source):
    try:
        compile(source, "t.py", "exec")
        return None
    except SyntaxError as e:
        return [type(e).__name__, e.msg, e.lineno, e.offset]


def main():
    warnings.simplefilter("ignore")
    here = os.path.dirname(os.path.abspath(__file__))
    programs = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(here, "corpus_*.py")))]
    rng = random.Random(7)
    cases = []
    while len(cases) < COUNT:
        source = mutate(rng, rng.choice(programs))
        if not FSTRING.search(source):
            cases.append({"source": source, "cpython": verdict(source)})
    with open(os.path.join(here, "mutations.json"), "w") as f:
        json.dump(cases, f, indent=0, ensure_ascii=False)


if __name__ == "__main__":
    main()
