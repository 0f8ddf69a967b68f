# difflib: SequenceMatcher (blocks, opcodes, grouped opcodes, ratios, junk, autojunk),
# get_close_matches, Differ/ndiff with intraline hints, restore, unified_diff, context_diff,
# diff_bytes, IS_LINE_JUNK/IS_CHARACTER_JUNK, error messages.
import difflib

s = difflib.SequenceMatcher(None, "abxcd", "abcd")
print(s.get_matching_blocks())
print(s.get_opcodes(), s.ratio(), s.quick_ratio(), s.real_quick_ratio())
print(s.find_longest_match(0, 5, 0, 4), s.find_longest_match())
s = difflib.SequenceMatcher(lambda x: x == " ", "private Thread currentThread;",
                            "private volatile Thread currentThread;")
print(round(s.ratio(), 3))
for block in s.get_matching_blocks():
    print("a[%d] and b[%d] match for %d elements" % block)
for opcode in s.get_opcodes():
    print("%6s a[%d:%d] b[%d:%d]" % opcode)
s = difflib.SequenceMatcher(None, " abcd", "abcd abcd")
print(s.find_longest_match(0, 5, 0, 9))
s = difflib.SequenceMatcher(lambda x: x == " ", " abcd", "abcd abcd")
print(s.find_longest_match(0, 5, 0, 9))
a = list(range(1, 40))
b = a[:]
b[8] = "x"
del b[20]
b.insert(30, "y")
print(list(difflib.SequenceMatcher(None, a, b).get_grouped_opcodes(2)))
print(list(difflib.SequenceMatcher(None, "", "").get_grouped_opcodes()))
print(difflib.SequenceMatcher(None, "", "").ratio(), difflib.SequenceMatcher(None, "a", "").ratio())
long_a = "x" * 300 + "abc"
long_b = "x" * 250 + "abd"
m = difflib.SequenceMatcher(None, long_a, long_b)
print(m.bpopular, m.ratio(), len(m.get_matching_blocks()))
m = difflib.SequenceMatcher(None, long_a, long_b, autojunk=False)
print(m.bpopular, round(m.ratio(), 4))
print(difflib.SequenceMatcher[int])

print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
import keyword
print(difflib.get_close_matches("wheel", keyword.kwlist))
print(difflib.get_close_matches("pineapple", keyword.kwlist))
print(difflib.get_close_matches("accept", keyword.kwlist, n=2, cutoff=0.3))
for args in [("a", ["b"], 0), ("a", ["b"], 3, 1.5)]:
    try:
        difflib.get_close_matches(*args)
    except ValueError as e:
        print(e)

text1 = """  1. Beautiful is better than ugly.
  2. Explicit is better than implicit.
  3. Simple is better than complex.
  4. Complex is better than complicated.
""".splitlines(keepends=True)
text2 = """  1. Beautiful is better than ugly.
  3.   Simple is better than complex.
  4. Complicated is better than complex.
  5. Flat is better than nested.
""".splitlines(keepends=True)
result = list(difflib.Differ().compare(text1, text2))
print("".join(result), end="")
diff = list(difflib.ndiff("one\ntwo\nthree\n".splitlines(keepends=True),
                          "ore\ntree\nemu\n".splitlines(keepends=True)))
print("".join(diff), end="")
print("".join(difflib.restore(diff, 1)), end="")
print("".join(difflib.restore(diff, 2)), end="")
try:
    list(difflib.restore(diff, 3))
except ValueError as e:
    print(e)
print("".join(difflib.ndiff(["\tabc\n", "same\n"], ["\tabd\n", "same\n", "new\n"])), end="")
print("".join(difflib.ndiff(["a\n", "b\n"], ["c\n", "d\n", "e\n"])), end="")
print(list(difflib.ndiff(["x\n"] * 3, ["x\n", "y\n", "x\n"])))

s1 = ["bacon\n", "eggs\n", "ham\n", "guido\n"]
s2 = ["python\n", "eggy\n", "hamster\n", "guido\n"]
print("".join(difflib.unified_diff(s1, s2, fromfile="before.py", tofile="after.py")), end="")
print("".join(difflib.context_diff(s1, s2, fromfile="before.py", tofile="after.py")), end="")
print(list(difflib.unified_diff(["a"], ["b"], "f", "t", "2005", "2006", lineterm="")))
print(list(difflib.unified_diff([], [])), list(difflib.unified_diff(["a\n"], ["a\n"])))
print(list(difflib.unified_diff([], ["x\n"])), list(difflib.context_diff(["x\n"], [])))
lines = ["line %d\n" % i for i in range(30)]
changed = lines[:]
changed[5] = "changed 5\n"
changed[20:22] = []
print("".join(difflib.unified_diff(lines, changed, n=1)), end="")
print("".join(difflib.context_diff(lines, changed, n=2)), end="")
print(list(difflib.diff_bytes(difflib.unified_diff, [b"a\n", b"\xff\n"], [b"a\n", b"b\n"],
                              b"old", b"new")))
for bad in [lambda: list(difflib.unified_diff([1], ["a"])),
            lambda: list(difflib.unified_diff(["a"], ["b"], fromfile=1)),
            lambda: list(difflib.diff_bytes(difflib.unified_diff, ["a"], [b"b"]))]:
    try:
        bad()
    except TypeError as e:
        print(e)
print(difflib.IS_LINE_JUNK("\n"), difflib.IS_LINE_JUNK("  #   \n"), difflib.IS_LINE_JUNK("hello\n"),
      difflib.IS_CHARACTER_JUNK(" "), difflib.IS_CHARACTER_JUNK("x"))
print(difflib.Match(1, 2, 3), difflib.Match(1, 2, 3).size)
