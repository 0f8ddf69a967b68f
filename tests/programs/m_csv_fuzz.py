# csv: random texts read with random dialects (errors included), random rows written and read
# back, over every quoting mode, escapechar, doublequote, skipinitialspace and strict.
import csv, io, random
r = random.Random(11)
alphabet = ['a', 'b', ' ', ',', ';', '"', "'", '\\', '\n', '\r', '\t', '1', '2.5', 'é', '😀', '|', '\x00']
def dialect_kw():
    kw = {}
    if r.random() < 0.5: kw['delimiter'] = r.choice([',', ';', '\t', '|', ' '])
    if r.random() < 0.4: kw['quotechar'] = r.choice(['"', "'", '|'])
    if r.random() < 0.4: kw['escapechar'] = r.choice(['\\', '|', None])
    if r.random() < 0.3: kw['doublequote'] = r.random() < 0.5
    if r.random() < 0.3: kw['skipinitialspace'] = r.random() < 0.5
    if r.random() < 0.3: kw['strict'] = r.random() < 0.5
    if r.random() < 0.4: kw['quoting'] = r.choice([0, 1, 2, 3])
    if r.random() < 0.3: kw['lineterminator'] = r.choice(['\n', '\r\n', '\r', '!'])
    return kw
for i in range(400):
    kw = dialect_kw()
    text = ''.join(r.choice(alphabet) for _ in range(r.randint(0, 40)))
    lines = text.splitlines(keepends=True) if r.random() < 0.7 else [text]
    try:
        rows = list(csv.reader(lines, **kw))
        print(i, 'read', rows)
    except (csv.Error, ValueError, TypeError) as e:
        print(i, 'read', type(e).__name__, e)
for i in range(400):
    kw = dialect_kw()
    rows = [[r.choice([None, 1, 2.5, True, '', ''.join(r.choice(alphabet) for _ in range(r.randint(0, 6)))]) for _ in range(r.randint(0, 4))] for _ in range(r.randint(1, 3))]
    out = io.StringIO()
    try:
        w = csv.writer(out, **kw)
        for row in rows:
            w.writerow(row)
        text = out.getvalue()
        print(i, 'write', repr(text))
    except (csv.Error, ValueError, TypeError) as e:
        print(i, 'write', type(e).__name__, e)
        continue
    try:
        print(i, 'back', list(csv.reader(io.StringIO(text, newline=''), **kw)))
    except (csv.Error, ValueError, TypeError) as e:
        print(i, 'back', type(e).__name__, e)
