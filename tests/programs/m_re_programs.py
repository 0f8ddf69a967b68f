# re: small programs as people write them (a tokenizer, a markdown subset, a log parser, a template
# engine, a CSV splitter, a word counter), over str and bytes
import re
from collections import Counter

# A tokenizer with named groups and lastgroup
TOKEN_SPEC = [
    ("NUMBER", r"\d+(?:\.\d*)?(?:[eE][+-]?\d+)?"),
    ("STRING", r'"(?:[^"\\]|\\.)*"'),
    ("NAME", r"[A-Za-z_]\w*"),
    ("OP", r"==|!=|<=|>=|[-+*/=<>(),:]"),
    ("NEWLINE", r"\n"),
    ("SKIP", r"[ \t]+|\#[^\n]*"),
    ("MISMATCH", r"."),
]
TOKEN_RE = re.compile("|".join("(?P<%s>%s)" % pair for pair in TOKEN_SPEC))
source = 'if x1 >= 3.5e2: # compare\n    print("a \\"quoted\\" word", y) ~\n'
line = 1
for m in TOKEN_RE.finditer(source):
    kind, value = m.lastgroup, m.group()
    if kind == "NEWLINE":
        line += 1
    elif kind != "SKIP":
        print(line, m.start() - source.rfind("\n", 0, m.start()) - 1, kind, repr(value), m.lastindex)

# A markdown subset: headers, emphasis, links, code spans, lists
MD = """# Title
Some *emphasis*, **strong** text and `code *not* emphasised`.
## A [link](http://example.com/a_b?x=1&y=2) here
- item one
- item **two**
Plain line with 3 * 4 = 12.
"""
def inline(text):
    parts = re.split(r"(`[^`]*`)", text)
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append("<code>%s</code>" % part[1:-1])
            continue
        part = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", part)
        part = re.sub(r"(?<!\*)\*(?!\s)(.+?)(?<!\s)\*", r"<i>\1</i>", part)
        part = re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)", lambda m: '<a href="%s">%s</a>' % (m[2].replace("&", "&amp;"), m[1]), part)
        out.append(part)
    return "".join(out)
html = []
for text in MD.splitlines():
    if m := re.match(r"(#{1,6})\s+(.*)", text):
        html.append("<h%d>%s</h%d>" % (len(m[1]), inline(m[2]), len(m[1])))
    elif m := re.fullmatch(r"[-*]\s+(?P<body>.+)", text):
        html.append("<li>%s</li>" % inline(m["body"]))
    else:
        html.append("<p>%s</p>" % inline(text))
print("\n".join(html))

# A log parser: VERBOSE, MULTILINE, groupdict, named backreference
LOG = """2023-01-05 10:00:01 INFO  [web] started port=8080
2023-01-05 10:00:02 WARN  [db] slow query took=1.5s
2023-01-05 10:00:03 ERROR [web] failed user=bob code=500
garbage line
2023-01-06 00:00:00 INFO  [db] [db] duplicate tag
"""
LINE = re.compile(r"""
    ^(?P<date>\d{4}-\d{2}-\d{2}) \s
    (?P<time>\d{2}:\d{2}:\d{2}) \s+
    (?P<level>INFO|WARN|ERROR) \s+
    \[(?P<tag>\w+)\]
    (?:\s\[(?P=tag)\])?          # a repeated tag
    \s+ (?P<rest>.*)$
""", re.VERBOSE | re.MULTILINE)
for m in LINE.finditer(LOG):
    fields = dict(re.findall(r"(\w+)=(\S+)", m["rest"]))
    print(m.span(), m.group("level", "tag"), fields, sorted(k for k, v in m.groupdict().items() if v))
print(len(LINE.findall(LOG)), LINE.search(LOG, 60).start(), [m.group("date") for m in LINE.finditer(LOG, 0, 100)])
levels = Counter(m["level"] for m in LINE.finditer(LOG))
print(sorted(levels.items()))

# A template engine with callables and \g<> references
def render(template, context):
    def value(m):
        name, default = m.group("name"), m.group("default")
        return str(context.get(name, default if default is not None else m.group(0)))
    return re.sub(r"\{\{\s*(?P<name>\w+)(?:\s*\|\s*(?P<default>[^}]*?))?\s*\}\}", value, template)
print(render("Hello {{ name }}, you have {{count|no}} messages{{ missing }}. {{ x | y }}", {"name": "Ann", "count": 3}))
print(re.sub(r"(?P<word>\b\w)(\w*)", r"\g<word>.\2", "hello big world"))
print(re.subn(r"(\d+)", lambda m: str(int(m[1]) * 2), "1 22 333 x"))

# CSV-ish splitting with quoted fields, and a word counter
row = 'a,"b,c",,"d ""e""",f'
print(re.findall(r'(?:^|,)("(?:[^"]|"")*"|[^,]*)', row))
print([f.strip('"').replace('""', '"') for f in re.findall(r'(?:^|,)("(?:[^"]|"")*"|[^,]*)', row)])
text = "The cat and the hat. THE END; the-end? Ça va, ça va!"
words = Counter(w.lower() for w in re.findall(r"\b\w+(?:[-']\w+)*\b", text))
print(words.most_common(4))
print(re.split(r"[.;?!]\s*", text), re.split(r"\s*([.;?!])\s*", text, maxsplit=2))

# bytes: a header parser
raw = b"Content-Type: text/html; charset=utf-8\r\nX-Count:  42\r\n\r\nbody\xff"
head, _, body = raw.partition(b"\r\n\r\n")
headers = {k.lower(): v for k, v in re.findall(rb"^([\w-]+):\s*(.*?)\r?$", head, re.M)}
print(headers, body, re.search(rb"charset=([\w-]+)", headers[b"content-type"]).group(1).decode())
