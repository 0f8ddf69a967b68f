# Compile-time limits and checks of CPython 3.11: statically nested blocks (20), nested brackets
# (200), indentation levels (100), unreachable match cases, names bound twice in a pattern,
# asynchronous comprehensions outside async functions, NUL and lone surrogates in source text.


def t(name, src):
    try:
        compile(src, "<s>", "exec")
        print(name, "ok")
    except SyntaxError as e:
        print(name, type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    except (RecursionError, MemoryError, ValueError, UnicodeError) as e:
        print(name, type(e).__name__, e)


def nest(heads, inner):
    src = ""
    for i, h in enumerate(heads):
        src += " " * i + h + "\n"
    return src + " " * len(heads) + inner + "\n"


for n in [19, 20, 21]:
    t(f"for{n}", nest(["for x in y:"] * n, "pass"))
    t(f"while{n}", nest(["while x:"] * n, "pass"))
    t(f"with{n}", nest(["with x:"] * n, "pass"))
    t(f"if{n}", nest(["if x:"] * n, "pass"))
    t(f"def{n}", nest(["def f():"] * n, "pass"))
    t(f"mix{n}", nest([("for x in y:" if i % 2 else "if x:") for i in range(n)], "pass"))
    t(f"try{n}", "".join(" " * i + "try:\n" for i in range(n)) + " " * n + "pass\n"
      + "".join(" " * (n - 1 - i) + "finally: pass\n" for i in range(n)))
for n in [18, 19, 20]:
    t(f"for+try-except{n}", nest(["for x in y:"] * n, "try: pass\n" + " " * n + "except E: pass"))
    t(f"for+try-except-as{n}", nest(["for x in y:"] * n, "try: pass\n" + " " * n + "except E as e: pass"))
    t(f"for+try-finally{n}", nest(["for x in y:"] * n, "try: pass\n" + " " * n + "finally: pass"))
    t(f"for+with2-{n}", nest(["for x in y:"] * n, "with a, b: pass"))
    t(f"def-for-return{n}", nest(["def f():"] + ["for x in y:"] * n, "return 1"))
    t(f"for+listcomp{n}", nest(["for x in y:"] * n, "[z for z in w]"))
for n in [99, 100, 101]:
    t(f"indent{n}", nest(["if x:"] * n, "pass"))
for n in [199, 200, 201]:
    t(f"paren{n}", "(" * n + "1" + ")" * n)
    t(f"list{n}", "[" * n + "]" * n)
t("dict1000", "{1:" * 1000 + "1" + "}" * 1000)

# match: only the last case (or a guarded one) may be irrefutable.
cases = {
    "wild-first": "case _:\n        pass\n    case 1:\n        pass",
    "capture-first": "case y:\n        pass\n    case 1:\n        pass",
    "wild-last": "case 1:\n        pass\n    case _:\n        pass",
    "wild-guard": "case _ if y:\n        pass\n    case 1:\n        pass",
    "or-wild": "case 1 | _:\n        pass\n    case 2:\n        pass",
    "or-capture": "case 1 | z:\n        pass",
    "or-capture2": "case z | 1:\n        pass",
    "as-wild": "case _ as y:\n        pass\n    case 1:\n        pass",
    "as-capture": "case (z as y):\n        pass\n    case 1:\n        pass",
    "paren-wild": "case (_):\n        pass\n    case 1:\n        pass",
    "second-of-three": "case 1:\n        pass\n    case y:\n        pass\n    case 2:\n        pass",
    "nested-capture": "case [y]:\n        pass\n    case 1:\n        pass",
    "or-both-capture": "case a | b:\n        pass",
    "star-wild": "case [*_]:\n        pass\n    case 1:\n        pass",
    "dup": "case [a, a]:\n        pass",
    "dup-as": "case [a, b] as a:\n        pass",
    "dup-star": "case [a, *a]:\n        pass",
    "dup-rest": "case {1: a, **a}:\n        pass",
    "dup-or": "case [a, (a | a)]:\n        pass",
    "or-diff-nested": "case [a] | [b]:\n        pass",
    "or-same": "case [a, b] | [b, a]:\n        pass",
    "class-dup": "case C(a, b=a):\n        pass",
    "or-wild-mid": "case 1 | _ | 2:\n        pass",
}
for name, body in cases.items():
    t(name, "match x:\n    " + body + "\n")

# Asynchronous comprehensions.
for src in ["[x async for x in y]", "{x async for x in y}", "{x: 1 async for x in y}", "(x async for x in y)",
            "def f():\n    return [x async for x in y]", "async def f():\n    return [x async for x in y]",
            "def f():\n    return ([x async for x in y] for _ in z)", "[await x for x in y]",
            "def f():\n    return [await x for x in y]",
            "async def f():\n    return [[x async for x in y] for z in w]",
            "def f():\n    return [[x async for x in y] for z in w]", "[x for x in y async for z in w]",
            "lambda: [x async for x in y]"]:
    t(repr(src), src)

# Source text the compiler refuses before parsing.
for src in ["x=1\0", b"x=1\0", "x='\ud800'", "x = 1\n# \udcff\n"]:
    for f in (lambda s: compile(s, "f", "exec"), lambda s: exec(s), lambda s: eval(s)):
        try:
            f(src)
        except (SyntaxError, UnicodeEncodeError) as e:
            print(type(e).__name__, e, getattr(e, "lineno", "-"), getattr(e, "offset", "-"))

# A dedent to no enclosing level is an IndentationError, whatever follows.
t("bad-dedent", "def f():\n    try:\n        return y\n  S-z  except E:\n        pass\n")
t("bad-dedent2", "if x:\n        a\n    b\n")
