"""Copies the shared conformance programs into tests/data/ast/ and writes, for every program there,
what CPython 3.11 prints for it: NAME.ast (`python3 -m ast NAME.py`) and NAME.attrs.ast (the same
with `-a`, positions included).

    python3 tests/tools/gen_ast_expected.py
"""
import ast
import glob
import os
import shutil

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "ast")
SHARED = "/work/shared/conformance"

if os.path.isdir(SHARED):
    for path in glob.glob(os.path.join(SHARED, "*.py")):
        shutil.copy(path, os.path.join(HERE, "conformance_" + os.path.basename(path)))

for path in sorted(glob.glob(os.path.join(HERE, "*.py"))):
    with open(path, "rb") as f:
        source = f.read()
    tree = ast.parse(source, path, type_comments=True)
    base = path[:-3]
    with open(base + ".ast", "w", encoding="utf-8") as f:
        f.write(ast.dump(tree, indent=3) + "\n")
    with open(base + ".attrs.ast", "w", encoding="utf-8") as f:
        f.write(ast.dump(tree, indent=3, include_attributes=True) + "\n")
