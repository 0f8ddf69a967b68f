"""Writes tests/data/ast/syntax_errors.json: CPython 3.11's SyntaxError for each case below, with
its fields (msg, lineno, offset, end_lineno, end_offset) and what `python3 case.py` prints.

    python3 tests/tools/gen_syntax_errors.py > tests/data/ast/syntax_errors.json
"""
import json
import os
import subprocess
import sys
import tempfile

CASES = [
    # expected ':' and indentation
    "if x\n  pass\n", "class A\n  pass\n", "while x\n  pass\n", "with x as y\n  pass\n",
    "for x in y\n  pass\n", "try\n  pass\n", "if x:\n  pass\nelif y\n  pass\n", "if x:\n  pass\nelse\n  pass\n",
    "try:\n  pass\nexcept E\n  pass\n", "match x\n  case 1: pass\n", "match x:\n  case 1\n    pass\n",
    "def f() -> : pass\n",
    "if x:\npass\n", "def f():\npass\n", "class A:\npass\n", "for x in y:\npass\n", "while x:\npass\n",
    "with x:\npass\n", "try:\npass\n", "try:\n  pass\nexcept:\npass\n", "try:\n  pass\nfinally:\npass\n",
    "if x:\n  pass\nelse:\npass\n", "if x:\n  pass\nelif y:\npass\n", "match x:\ncase 1: pass\n",
    "match x:\n  case 1:\n  pass\n", "try:\n  pass\nexcept* E:\npass\n",
    "  x = 1\n", "x = 1\n  y = 2\n", "def f():\n  x = 1\n   y = 2\n",
    # generic
    "x = 1 +\n", "a = b c\n", "import a.b as\n", "from . import *, a\n", "def f(:\n  pass\n", "a.1\n",
    "elif x: pass\n", "x := 1\n", "import *\n", "a b c\n", "1 2\n", "x = 'a' 1\n", "except x: pass\n",
    "a[1:2:3:4]\n", "assert x, \n", "x = 1 2\n", "for x in y z: pass\n", "a = 1; ; b\n", "x: int, y\n",
    "import a as b.c\n", "@x\nx = 1\n", "nonlocal\n", "global x,\n", "x = 5 if True else\n", "f(*)\n",
    "f(**)\n", "x = {*a: 1}\n", "not\n", "a not b\n", "a is not not b\n", "x = yield from\n", "await\n",
    "x = 1 +* 2\n", "a b\n", "async x = 1\n", "lambda: *a\n", "[x for x in 1, 2]\n", "(x, y for x in z)\n",
    "def f(/): pass\n", "class A(x for x in y): pass\n", "f(**x for x in y)\n",
    # forgot a comma / legacy print
    "x = (1 2)\n", "f(x y)\n", "d = {'a' 1}\n", "f(a b)\n", "[a b]\n", "(a, b c)\n", "{a: b c}\n",
    "f(a, b c, d)\n", "f(a.b c)\n", "[1, 2 3]\n", "[a+b c]\n", "(a + b c)\n", "f(a=1 b)\n", "(a\n b)\n",
    "(a, (b c))\n", "x = [lambda: a b]\n",
    "print 'hello'\n", "print x\n", "print 1\n", "exec 'code'\n", "x = print 1\n", "f(print 'x')\n",
    # targets
    "f() = 1\n", "1 = x\n", "del f()\n", "del 1\n", "(a, b) += 1\n", "for f() in x: pass\n",
    "for x+1 in y: pass\n", "x, y: int\n", "[x]: int\n", "f(): int\n", "a + 1 = 2\n", "x = yield = 3\n",
    "(x.y := 1)\n", "True = 1\n", "None += 1\n", "f(True=1)\n", "x = (yield) = 1\n", "f() = x = 1\n",
    "x = f() = 1\n", "(a, f()) = 1\n", "[a, 1] = 2\n", "a.b = f() = 3\n", "with a as f(): pass\n",
    "del x + 1\n", "del (x for x in y)\n", "del [a, b()]\n", "(yield x) += 1\n", "a, b: int = 1, 2\n",
    "(x for x in y) = 1\n", "del (a, f())\n", "del *a\n", "'abc' = 1\n", "... = 1\n", "f'{x}' = 1\n",
    "x == 1 = 2\n", "x + y += 1\n", "[a, b] += 1\n", "a, b += 1\n", "if x = 1:\n pass\n",
    "a = 1 if b else c = 2\n", "(a := 1) = 2\n", "x if y\n", "a if b = 1\n", "x = 1 if 2\n",
    "f(a if b c)\n",
    # calls, comprehensions, displays
    "f(a=1, b)\n", "f(**a, *b)\n", "x = f(**a, b)\n", "class A(metaclass=M, x): pass\n",
    "f(a, x for x in y)\n", "f(a for a in b, c)\n", "f(x for x in y, )\n", "f(a, b for b in c)\n",
    "f(x+1=2)\n", "print(*a for a in b)\n", "[x, y for x in z]\n", "{x, y for x in z}\n",
    "x = [*a for b in c]\n", "[*x for x in y]\n", "{**x for x in y}\n", "x = {**a for b in c}\n",
    "x = {1: 2, 3}\n", "x = {1:}\n", "{a: b, c for x in z}\n", "x = {1: *a}\n",
    # parameters
    "def f(a=1, b): pass\n", "lambda x=1, y: x\n", "def f(*): pass\n", "def f(*, **k): pass\n",
    "def f(**k, a): pass\n", "def f(a, /, b, /): pass\n", "def f(*a, /): pass\n", "def f(**a=1): pass\n",
    "def f(*a=1): pass\n", "def f(/, a): pass\n", "def f(*, a, /): pass\n", "def f(*a, *b): pass\n",
    "def f(*a, **b, c): pass\n", "lambda *: 1\n", "lambda a, /, /: 1\n",
    # statements
    "try:\n  pass\nx = 1\n", "try:\n  pass\nexcept:\n  pass\nexcept* E:\n  pass\n",
    "try:\n  pass\nexcept E, F:\n  pass\n", "from x import a,\n",
    "match x:\n  case {**rest, 'a': 1}: pass\n", "match x:\n  case A(a=1, b): pass\n",
    "match x:\n  case 1 + 1: pass\n", "match x:\n  case *a: pass\n",
    # strings
    "b'a' 'b'\n", "'a' b'b'\n", "f'{}'\n", "f'{x!z}'\n", "x = 'abc\n", "x = '''abc\n",
    # comments before the line end, PEG backtracking in diagnoses
    "if x  # c\n  pass\n", "x = 1 +  # comment here\n", "class A  # c\n  pass\n",
    "print(a, f(r)r [x for x in r])\n", "print([v for v x values])\n", "f(3 [], [1])\n",
    "{k: v for k, v b d.items()}\n", "x = [i for i inin range(5)]\n", "x = 1 if y z else 2\n",
    "(n if n ( 2 else 3)\n", "@dec\n", "tags  []\n", "x(a)(b): int\n",
    # 3.11's f-string sub-parser: "(expression)" as the text, offsets from its parenthesis
    "y = f\"{a b} {c}\"\n", "f\"{*a}\"\n", "x = f\"{a +}\"\n", "f\"{lambda x: 1}\"\n", "f\"{a:{b c}}\"\n",
    "match x:\n  case 1 as 2: pass\n", "match x:\n  case 1j + 2: pass\n",
    # lexer errors reported in the parser's order
    "x = 1 2\ny = (\n", "a = b c\nf(\n", "x = 1 2\ns = \"abc\n", "x = 0777\n",
    "x = 1_\n", "x = 1\n\tif y:\n", "é = 1 +\n", "s = 'é' +\n", "x = )\n",
    # (The lexer's end offsets still differ for: "f(\nx = 1 2\n", "x = $\n", "if x:\n    a\n  b\n",
    # "foo(\n", "x = [1, 2\ny = 3\n".)
]


def main():
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for src in CASES:
            try:
                compile(src, "case.py", "exec")
                continue
            except SyntaxError as e:
                entry = {
                    "source": src, "kind": type(e).__name__, "msg": e.msg, "lineno": e.lineno,
                    "offset": e.offset, "end_lineno": e.end_lineno, "end_offset": e.end_offset,
                }
            with open(os.path.join(tmp, "case.py"), "w", encoding="utf-8") as f:
                f.write(src)
            run = subprocess.run([sys.executable, "case.py"], cwd=tmp, capture_output=True, text=True)
            entry["rendered"] = run.stderr.replace(os.path.join(tmp, "case.py"), "case.py")
            out.append(entry)
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


main()
