"""Writes, for every grammar program in tests/data/ast/ and every shared conformance program in
tests/programs/ (NNN_topic.py, read as tests/corpus.ts does), what CPython 3.11 prints for it:
NAME.ast (`python3 -m ast NAME.py`) and NAME.attrs.ast (the same with `-a`, positions included),
in tests/data/ast/; a conformance program's NAME is conformance_NNN_topic.

    python3 tests/tools/gen_ast_expected.py
"""
import ast
import glob
import os

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "ast")
PROGRAMS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "programs")

sources = [(path, path[:-3]) for path in glob.glob(os.path.join(HERE, "*.py"))]
for path in glob.glob(os.path.join(PROGRAMS, "[0-9][0-9][0-9]_*.py")):
    sources.append((path, os.path.join(HERE, "conformance_" + os.path.basename(path)[:-3])))

for path, base in sorted(sources):
    with open(path, "rb") as f:
        source = f.read()
    tree = ast.parse(source, path, type_comments=True)
    with open(base + ".ast", "w", encoding="utf-8") as f:
        f.write(ast.dump(tree, indent=3) + "\n")
    with open(base + ".attrs.ast", "w", encoding="utf-8") as f:
        f.write(ast.dump(tree, indent=3, include_attributes=True) + "\n")
