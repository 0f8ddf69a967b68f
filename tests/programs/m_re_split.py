# re: split and findall edge cases (empty matches, groups, maxsplit)
import re

for pat, s in [(r",", "a,b,,c,"), (r",", ""), (r"x*", "axbxxc"), (r"", "abc"), (r"\b", "ab cd"),
               (r"(,)", "a,b"), (r"(,)|(;)", "a,b;c"), (r"(a)?,", "a,b,"), (r"\s*", "a b  c"),
               (r"(?=b)", "abab"), (r"(?<=a)", "aab"), (r"^", "a\nb"), (r"(?m)^", "a\nb"), (r"$", "a\nb\n"),
               (r"(?m)$", "a\nb\n"), (r"a|", "bab"), (r"|a", "bab"), (r"\W+", "Words, words, words."),
               (r"(\W+)", "Words, words, words."), (r"[😀]", "a😀b😀")]:
    print(repr(pat), repr(s), re.split(pat, s), re.findall(pat, s))
print(re.split(r"\W+", "Words, words, words.", 1), re.split(r"\W+", "a b c", maxsplit=-1))
print(re.split(r"x", "axbxc", 0), re.split(r"(x)", "axbxc", 1), re.split("[a-f]+", "0a3B9", flags=re.I))
print(re.findall(r"(a)(b)?", "ab a"), re.findall(r"((a)b)", "abab"), re.findall(r"a*", "baaac"))
print([m.span() for m in re.finditer(r"a*|b", "baaac")], [m.group() for m in re.finditer(r"\d*", "1a22")])
print(re.findall(r"(?:a|ab)(c|bcd)(d*)", "abcd"), re.findall(r".", ""), re.split(r".", ""))
print(re.compile(r"b").split("abcb"), re.compile(r"(b)").split("abcb", maxsplit=1))
