# str.find/rfind/index/rindex/count/startswith over ranges, in ASCII, two-byte and astral text (code
# point offsets, not UTF-16 ones), with short and long (16+ character) needles searched in turn in a
# long text: the long text's surrogate check is kept across calls, and must stay right.
texts = [
    "abcabcXabc",
    "→ab→abc→X→abc",
    "a😀bc😀abc😀X😀abc",
    ("0123456789 → " * 500) + "needle-that-is-longer-than-sixteen" + ("😀 " * 300) + "end",
]
subs = ["abc", "X", "", "zz", "c", "😀", "→", "needle-that-is-longer-than-sixteen", "😀 😀 😀 😀 😀 😀 😀 😀 😀", "end"]
starts = (None, 0, 1, 3, 7, 10, 11, -3, -20, 200)
ends = (None, 10, 5, 0, -1, 20, 7000, -7)
for t in texts:
    out = []
    for sub in subs:
        for a in starts:
            for b in ends:
                out.append((t.find(sub, a, b), t.rfind(sub, a, b), t.count(sub, a, b), t.startswith(sub, a, b),
                            t.endswith(sub, a, b)))
    print(len(t), len(out), sum(x[0] + x[1] + x[2] for x in out), sum(x[3] + x[4] for x in out))
    print([t.find(s) for s in subs], [t.rfind(s) for s in subs])
long = texts[3]
for k in range(3):
    print(long.find(subs[7]), long.find(subs[8]), long.rfind("0123456789"), long.index("end"), long.rindex("→", 0, 50))
try:
    long.index("absent", 5)
except ValueError as e:
    print("ValueError:", e)
