# from __future__ import annotations: annotations kept as CPython's unparsed source text, inherited by
# exec/eval/compile; future statements checked (braces, unknown features, late imports).
tests = [
 "from __future__ import annotations\ndef f(x: int) -> List[int]: pass\nprint(f.__annotations__)\nclass C:\n    a: Undefined[1]\nprint(C.__annotations__)\nx: 1 + 2 = 3\nprint(__annotations__)",
 "from __future__ import braces",
 "from __future__ import nonsense",
 "from __future__ import annotations, nonsense",
 "import os\nfrom __future__ import annotations",
 "'''doc'''\nfrom __future__ import annotations\nprint('ok')",
 "'''doc'''\n'''doc2'''\nfrom __future__ import annotations",
 "from __future__ import annotations\nfrom __future__ import division\nprint('ok2')",
 "from __future__ import (annotations)\nprint('ok3')",
 "from __future__ import annotations as a\nprint(a)",
 "from __future__ import *",
 "def f():\n    from __future__ import annotations",
 "import __future__\nprint(__future__.annotations)",
 "from __future__ import generators, nested_scopes, with_statement, print_function, unicode_literals, absolute_import, division, generator_stop\nprint('all')",
 "x = 1; from __future__ import annotations",
 "from __future__ import annotations\ndef g(a: 'x' = 1, *b: int, c: (1, 2), **d: lambda: 0) -> None: pass\nprint(g.__annotations__)",
 "from __future__ import annotations\nx: int\nprint(__annotations__)\ndef h():\n    y: undefined_name = 1\n    return y\nprint(h())",
 "from __future__ import annotations\ndef f(x: a.b[c:d, ...] | None = None, y: {'k': [1, *z]} = 0, w: f'{x!r:>3}' = 0, v: (yield) = 0): pass\nprint(f.__annotations__)",
 "from __future__ import annotations\ndef f(x: -1 ** 2 + (not a) - b if c else d, y: lambda x, *, y=1: x, z: [i for i in j if k], q: {**a, 'b': 1}, r: x[1:2:3, ::], s: 1e10 + 1j + 0x10, t: 'a' 'b', u: ~x @ y // z): pass\nprint(f.__annotations__)",
]
for t in tests:
    try:
        exec(compile(t, "<t>", "exec"), {})
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
    except Exception as e:
        print(type(e).__name__, e)
