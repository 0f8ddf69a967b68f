# re: backtracking corner cases: empty iterations, atomic groups, possessive repeats, lookarounds,
# conditionals, backreferences, and long subjects (no deep recursion)
import re

def t(pattern, s, flags=0, fn="match"):
    m = getattr(re, fn)(pattern, s, flags)
    print(repr(pattern), repr(s), None if m is None else (m.span(), m.groups(), m.lastindex))

t(r"(a|)*", "aab"); t(r"(|a)*", "aab"); t(r"(a?)+", "aa"); t(r"(a*)*", "b"); t(r"(a*)+b", "aab")
t(r"(?:(a)|b)*", "ab"); t(r"(?:(a)|(b))+", "aba"); t(r"((a)|b)*", "ab"); t(r"(a|b)*?c", "abac")
t(r"(?:a|ab){2}+", "abab"); t(r"(?>(?:a|ab){2})", "abab"); t(r"(?:(a)|b)*+", "ab"); t(r"a++a", "aaa")
t(r"(?>a+)b", "aaab"); t(r"(?>a|ab)c", "abc"); t(r"a{2,}+a", "aaaa"); t(r"(\w+)*+x", "abc x", fn="search")
t(r"(?<=ab|cd)e", "cde", fn="search"); t(r"(?<!a)b", "abcb", fn="search"); t(r"(?=(a+))a*b\1", "baaabac", fn="search")
t(r"(a)?(?(1)b|c)", "c"); t(r"(?P<q>')?\w+(?(q)')", "'ab'"); t(r"(?:(a(?(1)b|c))d)+", "acdacd")
t(r"(a)\1", "aa"); t(r"(a)?\1", "b"); t(r"(a*)\1$", "aaaa"); t(r"(?i)(a)\1", "aA"); t(r"(?P<n>.)(?P=n)", "xyy", fn="search")
t(r"(a+)+b", "a" * 20); t(r"(a|aa)+$", "a" * 16 + "b", fn="search"); t(r"^(\w+\s?)*$", "word " * 4 + "!")
t(r"((a)|(b))+", "ab"); t(r"(a)(?=(b))", "ab"); t(r"(a)(?!(x))", "ab"); t(r"((a)())", "a"); t(r"(a)()", "a")
long = "ab" * 20000
print(len(re.findall(r"(?:a|b)", long)), re.match(r"(a|b)*", long).span(), re.match(r"(?:ab)*?$", long).span())
print(re.search(r"(a|b)*c", long + "c").span(), re.fullmatch(r"(?:(a)|b)+", long).group(1), re.match(r"(?>ab)+", long).end())
print(re.match(r"(?:a(?=b)|b)+", long).end(), re.sub(r"(a)(b)", r"\2\1", long)[:6], len(re.split(r"(?<=a)", long)))
print(re.match(r"(.)*", "x" * 30000).span(), re.match(r".*?$", "y" * 30000).end(), re.match(r"(?s).{3,}+", "z" * 1000).end())
