# re: Unicode classes, case-insensitive matching, characters outside the BMP
import re

print(re.findall(r"\w+", "héllo wörld ŝŷ 日本語 ١٢٣ x²½ Ⅻ"), re.findall(r"\d+", "12 ١٢٣ ½ ² ０９"))
print(re.findall(r"\s", "a\u00a0b\u2003c\u3000d\x1ce\x85f\ufeffg"), re.findall(r"\W", "a-b é_ç!"))
print(re.findall(r"(?i)k", "kK\u212a"), re.findall(r"(?i)s", "sS\u017f"), re.findall(r"(?i)i", "iIİı"))
print(re.findall(r"(?i)[a-z]+", "Straße KELVIN\u212a ſ"), re.findall(r"(?i)σ", "Σσς"), re.findall(r"(?i)ß", "ßẞss"))
print(re.findall(r"(?i)[^a-z]", "aA1K\u212a"), re.findall(r"(?ai)k", "kK\u212a"), re.findall(r"(?i)(.)\1", "aAbBsſ"))
print(re.findall(r"(?i)é", "éÉ"), re.fullmatch(r"(?i)ǅ", "ǆ"), re.fullmatch(r"(?i)ǅ", "Ǆ"), re.findall(r"(?i)[ǅ]", "ǄǅǆDž"))
s = "a😀b😀😀c"
print(len(s), re.findall(r".", s), [m.span() for m in re.finditer(r"😀+", s)], re.split(r"😀", s))
print(re.search(r"b", s).span(), re.search(r"c", s, ).start(), re.sub(r"😀", "<>", s), re.subn(r"(?<=😀)", "|", s))
print(re.compile(r"(.)(.)").findall("😀x😁y"), re.match(r"[😀-😂]+", "😁😂😃").span(), re.fullmatch(r"\W", "😀"))
print(re.compile(r"b").search(s, 2), re.compile(r"😀").search(s, 2).span(), re.compile(r"\w").findall(s, 1, 4))
print(re.match(r"(?P<é>x)", "x").groupdict(), re.escape("😀é-"), re.match(r"\U0001F600", "😀"))
print(re.match(r"\N{GREEK SMALL LETTER ALPHA}+", "ααβ"), re.match(r"[\N{DIGIT ONE}-\N{DIGIT THREE}]+", "1234"))
print(re.findall(r"\b\w", "ça va, étoile"), re.findall(r"(?a)\b\w", "ça va, étoile"))
print(re.search(r"[^\x00-\x7f]+", "abc déf"), re.findall(r"[\u0400-\u04ff]+", "Привет, world"))
