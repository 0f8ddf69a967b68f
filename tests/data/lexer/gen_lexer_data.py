"""Writes tests/data/lexer/{tokens,errors}.json from CPython (python3, 3.11) for lexer_test.ts.

Run from the repository root:  python3 tests/data/lexer/gen_lexer_data.py
tokens.json: token streams of CPython's tokenize module (COMMENT/NL/ENCODING dropped, columns in
UTF-8 bytes) for inputs without f-strings (3.11's tokenize does not split them).
errors.json: the SyntaxError (class, msg, lineno, offset) compile() raises for lexical errors.
"""
import io
import json
import os
import token
import tokenize

TOKEN_CASES = {
    "assignment": "x = 1\n",
    "no_final_newline": "x = (1,\n  2)",
    "operators": "a += b -= c *= d /= e //= f %= g @= h &= i |= j ^= k >>= l <<= m **= n\n"
                 "x = a ** b // c << d >> e <= f >= g == h != i -> j := k ... l . m @ n ~ o ^ p | q & r\n"
                 "p[1:2, ::3] = {a: b}; f(*a, **k)\n",
    "numbers": "x = [0, 00, 0_0, 1_000, 0x_FF, 0XaB, 0o17, 0O_7, 0b1_0, 0B1, 1.5, 1., .5, 1e5, 1E-5,\n"
               "  1_0.0_1e+1_0, 1j, 1.5J, 0j, 00.5, 09.5, 0e0, 1if 1else 2, 0x1for]\n",
    "strings": "s = ('a' \"b\" '''c\nd''' \"\"\"e\"\"\" r'\\q', b'x' Rb'y' bR'z', u'w', BR\"v\" rB'''t''')\n"
               "t = 'it\\'s' \"a\\\"b\" 'back\\\\' '''x\\\n y'''\n",
    "prefix_like_names": "ur = bu = fb = rr = 1\nprint(ur, bu)\n",
    "indentation": "if a:\n    if b:\n        c\n\n    # comment\n        # deeper comment\n    d\nelse:\n  e\nf\n",
    "tabs": "if a:\n\tb\n\tif c:\n\t\td\ne\n",
    "tab_after_spaces": "if a:\n  \tb\n  \tc\n",
    "dedent_to_eof": "def f():\n    if x:\n        return 1",
    "continuation": "x = 1 + \\\n    2\nif a and \\\n   b:\n    pass\n",
    "brackets_join_lines": "x = [\n  1,\n      2,\n# c\n]\ny = {\n}\n",
    "comments_and_blank_lines": "# header\n\n\nx = 1  # trailing\n   \n\t\n# end",
    "unicode_names": "café = naïve + Ωmega\nπ = 3.14  # ünïcode comment\ns = 'héllo ☃'\n",
    "form_feed": "\x0cx = 1\nif y:\n    \x0c  z\n",
    "keywords_and_soft_keywords": "match x:\n    case [a, *_] if a:\n        pass\ntype = lambda: None\n",
    "decorators_and_async": "@dec(1)\nasync def f(a, /, b, *, c) -> int:\n    await g()\n    return [i async for i in h()]\n",
    "ellipsis_and_dots": "x = ...\ny = a.b.c\nz = x[...]\nfrom .. import m\nfrom . import n\n",
    "empty": "",
    "only_comment": "# nothing",
    "crlf": "x = 1\r\nif x:\r\n    y = 2\r\n",
}

ERROR_CASES = [
    "if 1:\n        x\n    y\n", "if 1:\n        x\n    y", "if 1:\n\tx\n        y\n", "if 1:\n        x\n\ty\n",
    "if x:\n  y\n z\n", "x=1\n" + "".join(" " * i + "if 1:\n" for i in range(101)),
    "(" * 201 + "1" + ")" * 201 + "\n", ")\n", "x = [1, 2}\n", "(]\n", "(\n]\n", "f(1,\n", "x = 1\ny = (1,\n  2\n",
    "é = (1,\n", "x = (1 + \\", "x = (\n\n\n", "x = {'a': [1,\n", "x \\", "\\", "x = 1\n\\\n", "a\\ b\n", "é\\ b\n",
    "x = \x01\n", "x = 1\x7f\n",
    "0777\n", "09\n", "0b2\n", "0o8\n", "0o78\n", "0b12\n", "1__2\n", "1_\n", "0_\n", "1.e\n", "1e+\n", "1_j\n",
    "1x\n", "1.5x\n", "1e5x\n", "1jx\n", "0b\n", "0b_\n", "0x\n", "0xg\n", "0x1g\n", "1e_5\n", "1_e5\n", "1i\n",
    "1not_in\n", "1e\n", "1_000_\n", "0o\n", "0o_\n", "0o1_\n", "0x_\n", "1.5_\n", "1.5e\n", "1ea\n", "0_7\n",
    "x = 'abc\n", "x = 'abc\\'\n", "é = 'abc\n", "'''abc\n", "x = 1\n'''abc\nd\n", "'a\rb'\n", "'\n",
    "'''x\n\n", "b'abc\n", "x = \"\"\"a\n\nb", "s = 'a\\\nb\n",
    "x\u00b2 = 1\n", "\u00a0x = 1\n", "a\u200b = 1\n", "x = 😀\n", "x = 1\u2028y = 2\n", "x \u00d7 y\n",
    "1\u00b2\n", "x = €\n", "a = b\u3000c\n", "x = 'é' + ¬y\n",
]


# String literals (raw source text) for strings_test.ts: decoded by eval() or its SyntaxError.
STRING_CASES = [
    r"'abc'", r'"abc"', r"""'''a'b\"c'''""", r'"""x\ny"""', r"''", r"u'x'", r"U'\u00e9'",
    r"""'\\ \' \" \a \b \f \n \r \t \v'""", r"'\0 \7 \07 \101 \1010 \777 \8 \9'", r"'\x41\x7e\xff'",
    r"'\u20ac\U0001F600\U0000004a'", r"'\ud800'", r"'\N{BULLET}\N{latin small letter e with acute}\N{LF}'",
    r"'\N{GREEK SMALL LETTER ALPHA}\N{EM DASH}\N{NO-BREAK SPACE}\N{SNOWMAN}'",
    r"'\d \w \s \z \%'", "'a\\\nb'", "'''a\nb\\\nc'''", "'''a\r\nb\rc'''", r"r'\n\x\N{BULLET}\''", r"R'\\'",
    r"b'abc'", r"b'\x00\x7f\x80\xff'", r"b'\101\777\0'", r"B'\n\t\\ \''", r"b'\u1234 \N{BULLET} \d'",
    r"rb'\x41'", r"BR'\n'", "'h\u00e9llo \u2603'", "'\U0001F600 \\x41'",
    r"'\x1'", r"'\xzz'", r"'ab\x4'", "'\u00e9\\x1'", r"'\u12'", r"'\U1234'", r"'\U00110000'", r"'\N{foo}'",
    r"'\N{dash}'", r"'\N'", r"'\N{'", r"'\N{abc'", r"'\N{}'", r"b'\x1'", r"b'ab\xg0'", "b'\u00e9'",
]


def string_case(literal):
    try:
        value = eval(literal)
    except SyntaxError as e:
        return {"literal": literal, "error": e.msg}
    if isinstance(value, bytes):
        return {"literal": literal, "bytes": True, "value": value.decode("latin-1")}
    return {"literal": literal, "bytes": False, "value": value}


def byte_col(lines, line, col):
    if line - 1 < len(lines):
        text = lines[line - 1]
        # tokenize's synthesized final NEWLINE ends one past the end of the line.
        return len(text[:col].encode("utf-8")) + max(0, col - len(text))
    return col


def token_stream(source):
    lines = source.splitlines(keepends=True)
    out = []
    for t in tokenize.generate_tokens(io.StringIO(source).readline):
        if t.type in (tokenize.COMMENT, tokenize.NL, tokenize.ENCODING):
            continue
        assert t.type != tokenize.ERRORTOKEN, (source, t)
        out.append([token.tok_name[t.type], t.string, t.start[0], byte_col(lines, *t.start), t.end[0],
                    byte_col(lines, *t.end)])
    return out


def compile_error(source):
    try:
        compile(source, "t.py", "exec")
    except SyntaxError as e:
        return {"kind": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset}
    raise AssertionError(f"{source!r} compiles")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for src in TOKEN_CASES.values():
        # Every token case is lexically valid (tokenize itself is laxer than compile()).
        try:
            compile(src, "t.py", "exec")
        except SyntaxError as e:
            assert type(e) is SyntaxError and e.msg == "invalid syntax", (src, e)
    tokens = {name: {"source": src, "tokens": token_stream(src)} for name, src in TOKEN_CASES.items()}
    with open(os.path.join(here, "tokens.json"), "w") as f:
        json.dump(tokens, f, indent=1, ensure_ascii=False)
    errors = [{"source": src, **compile_error(src)} for src in ERROR_CASES]
    with open(os.path.join(here, "errors.json"), "w") as f:
        json.dump(errors, f, indent=1, ensure_ascii=False)
    with open(os.path.join(here, "strings.json"), "w") as f:
        json.dump([string_case(lit) for lit in STRING_CASES], f, indent=1)


if __name__ == "__main__":
    main()
