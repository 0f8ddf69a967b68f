# csv.Sniffer on fixed and random samples (delimiters, quotes, doubled quotes, spaces,
# headers), and DictReader / DictWriter.
import csv, io, random
def sniff(sample, delimiters=None):
    try:
        d = csv.Sniffer().sniff(sample, delimiters)
        return (d.delimiter, d.quotechar, d.doublequote, d.skipinitialspace, d.lineterminator, d.quoting, d._name)
    except csv.Error as e:
        return ('Error', str(e))
def header(sample):
    try:
        return csv.Sniffer().has_header(sample)
    except Exception as e:
        return (type(e).__name__, str(e))
samples = [
    'a,b,c\n1,2,3\n4,5,6\n',
    'name;age;city\n"Smith, J";42;"New York"\n"Doe";7;Paris\n',
    "'a', 'b'\n'c', 'd'\n",
    '"a"\n"b"\n"c"\n',
    'a\tb\tc\n1\t2\t3\n',
    'x:y:z\n1:2:3\n4:5:6\n7:8:9\n',
    'abc\ndef\n',
    '',
    '"He said ""hi""",2\n"x",3\n',
    'a|b|c\n"1|2"|3|4\n',
    'Header1,Header2\n1.5,2\n3,4e5\n',
    'id,name\n1,alice\n2,bob\n3,carol\n',
    'a, b, c\n1, 2, 3\n',
    '"a" ,"b"\n"c" ,"d"\n',
    'one two three\nfour five six\n',
]
for s in samples:
    print(repr(s), sniff(s), sniff(s, ',;'), header(s) if s else None)
r = random.Random(5)
pieces = ['a', 'bb', '12', '3.5', '"q"', "'s'", ',', ';', '\t', ' ', '|', ':', '\n', '""', 'x y', '"a,b"', '"c""d"']
for i in range(300):
    s = ''.join(r.choice(pieces) for _ in range(r.randint(1, 30)))
    print(i, repr(s), sniff(s), sniff(s, r.choice([None, ',', ';\t', ' '])))
    if i % 3 == 0:
        print(header(s))
for i in range(60):
    delim = r.choice([',', ';', '\t', '|'])
    rows = [[r.choice(['x', 'yy', '1', '22', '3.5', 'a b', '"q"']) for _ in range(3)] for _ in range(r.randint(2, 6))]
    out = io.StringIO()
    csv.writer(out, delimiter=delim, quoting=r.choice([0, 1])).writerows(rows)
    s = out.getvalue()
    print(i, sniff(s), header(s))

text = 'name,age,city\nAnn,30,Oslo\nBo,25\nCy,40,Rome,extra,more\n\nDee,,Lima\n'
rd = csv.DictReader(io.StringIO(text))
print(rd.fieldnames, rd.line_num)
for row in rd:
    print(row, rd.line_num)
print(list(csv.DictReader(io.StringIO(text), fieldnames=['a', 'b'], restkey='rest', restval='?')))
print(list(csv.DictReader(io.StringIO(''))), csv.DictReader(io.StringIO('')).fieldnames)
print(list(csv.DictReader(['x;y', '1;2'], delimiter=';')))
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=['a', 'b', 'c'], restval='-')
print(dw.writeheader())
print(dw.writerow({'a': 1, 'b': 'two, three'}))
dw.writerows([{'c': None}, {'a': 'x"y'}])
print(repr(out.getvalue()))
try:
    dw.writerow({'a': 1, 'z': 2})
except ValueError as e:
    print('ValueError', e)
try:
    csv.DictWriter(out, ['a'], extrasaction='bogus')
except ValueError as e:
    print('ValueError', e)
dw = csv.DictWriter(out, fieldnames=iter(['p', 'q']), extrasaction='ignore')
print(type(dw.fieldnames).__name__, dw.writerow({'p': 1, 'zz': 3}))
print(type(csv.DictReader(io.StringIO('a'), fieldnames=iter(['k'])).fieldnames).__name__)
