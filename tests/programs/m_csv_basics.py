# csv: dialect validation and its errors, reader/writer edge cases, the registry,
# field_size_limit, strict mode, QUOTE_NONNUMERIC.
import csv, io
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: list(csv.reader(['a\0b,c'])))
t(lambda: list(csv.reader(['a,"b\0c"'])))
for lt in ['\r\n', '\n', '\r', 'X']:
    s = io.StringIO(); w = csv.writer(s, lineterminator=lt); w.writerow(['a\nb', 'c\rd', 'eXf', 'g h', ' i', '']); print(repr(s.getvalue()))
s = io.StringIO(); w = csv.writer(s, quoting=csv.QUOTE_NONNUMERIC); print(w.writerow([None, 1, 1.5, True, 'x', '', 2j])); print(repr(s.getvalue()))
s = io.StringIO(); w = csv.writer(s); w.writerow(['']); w.writerow([]); w.writerow([None]); w.writerow(['', '']); print(repr(s.getvalue()))
s = io.StringIO(); w = csv.writer(s, quoting=csv.QUOTE_NONE); t(lambda: w.writerow([''])); t(lambda: w.writerow(['a,b'])); print(repr(s.getvalue()))
t(lambda: csv.writer(io.StringIO()).writerow(5))
t(lambda: csv.reader(5))
t(lambda: csv.writer(5))
for kw in [dict(delimiter=''), dict(delimiter='ab'), dict(delimiter=None), dict(delimiter=1), dict(quotechar=''), dict(quotechar=None), dict(quotechar=None, quoting=csv.QUOTE_MINIMAL), dict(quotechar=5), dict(escapechar='ab'), dict(escapechar=None), dict(lineterminator=None), dict(lineterminator=5), dict(quoting=7), dict(quoting='a'), dict(quoting=None), dict(strict=[]), dict(skipinitialspace=1), dict(doublequote=0), dict(delimiter='"'), dict(delimiter='\n'), dict(quotechar=','), dict(escapechar=','), dict(lineterminator=''), dict(foo=1), dict(delimiter=' ', skipinitialspace=True)]:
    try:
        d = csv.reader([], **kw).dialect
        print(kw, 'ok', repr(d.delimiter), repr(d.quotechar), repr(d.escapechar), repr(d.lineterminator), d.quoting, d.doublequote, d.skipinitialspace, d.strict)
    except Exception as e:
        print(kw, type(e).__name__, e)
r = csv.reader(['a,b'])
print(r.line_num, next(r), r.line_num, type(r.dialect), type(r))
t(lambda: setattr(r.dialect, 'delimiter', ';'))
print(csv.list_dialects(), csv.field_size_limit(), csv.field_size_limit(10), csv.field_size_limit())
t(lambda: list(csv.reader(['a' * 11])))
t(lambda: list(csv.reader(['"' + 'a' * 11 + '"'])))
csv.field_size_limit(131072)
t(lambda: csv.field_size_limit('x'))
t(lambda: csv.field_size_limit(1, 2))
t(lambda: csv.get_dialect('nope'))
t(lambda: csv.unregister_dialect('nope'))
t(lambda: csv.register_dialect(1))
csv.register_dialect('semi', delimiter=';', quoting=csv.QUOTE_ALL)
print(csv.get_dialect('semi').delimiter, csv.get_dialect('semi').quoting, sorted(csv.list_dialects()))
t(lambda: csv.register_dialect('bad', quoting=9))
print(csv.excel.delimiter, csv.excel_tab.delimiter, csv.unix_dialect.lineterminator, csv.unix_dialect.quoting)
class D(csv.Dialect):
    delimiter = ';'
t(lambda: D())
class E(csv.Dialect):
    delimiter = ';'; quotechar = '"'; lineterminator = '\n'; quoting = csv.QUOTE_MINIMAL
    doublequote = True; skipinitialspace = False
t(lambda: E().delimiter)
t(lambda: list(csv.reader(['a,b'], E)))
t(lambda: csv.Dialect())
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.__version__, csv.Error.__mro__)
print(sorted(csv.__all__))
t(lambda: list(csv.reader([b'a,b'])))
t(lambda: list(csv.reader(['a,"b'], strict=True)))
t(lambda: list(csv.reader(['a,"b'])))
t(lambda: list(csv.reader(['a,"b"c'], strict=True)))
t(lambda: list(csv.reader(['a,"b"c'])))
t(lambda: list(csv.reader(['a\\'], escapechar='\\', strict=True)))
t(lambda: list(csv.reader(['a\\'], escapechar='\\')))
t(lambda: list(csv.reader(['a\rb'])))
t(lambda: list(csv.reader(['1,2.5,x,"3"'], quoting=csv.QUOTE_NONNUMERIC)))
t(lambda: list(csv.reader(['1,,2'], quoting=csv.QUOTE_NONNUMERIC)))
t(lambda: list(csv.reader(['1, 2'], quoting=csv.QUOTE_NONNUMERIC)))
import _csv; print(_csv.Reader, _csv.Writer, type(csv.reader([])) is _csv.Reader, isinstance(csv.writer(io.StringIO()), _csv.Writer))
# DictWriter: the wrong keys are found with few and with many field names; restval; ignore
for names in (['a', 'b'], ['f%d' % i for i in range(20)]):
    s = io.StringIO(); dw = csv.DictWriter(s, names, restval='R')
    dw.writerow({names[0]: 1}); dw.writerow({n: i for i, n in enumerate(names)})
    t(lambda: dw.writerow({names[0]: 1, 'zz': 2}))
    t(lambda: dw.writerow({'zz': 2}))
    csv.DictWriter(s, names, extrasaction='ignore').writerow({'zz': 2, names[-1]: 'x,y'})
    print(repr(s.getvalue()))
# writer: fields with nothing to escape and fields with something, astral delimiters
for kw in ({}, {'delimiter': '😀'}, {'quotechar': '😀'}, {'lineterminator': '\n\r--'}, {'escapechar': '\\', 'quoting': csv.QUOTE_NONE}):
    s = io.StringIO(); w = csv.writer(s, **kw)
    t(lambda: w.writerow(['plain', 'a,b', 'q"q', 'x😀y', 'line\nbreak', '-', 'cr\r', 'back\\slash', '', None, 3]))
    t(lambda: w.writerow(['']))
    t(lambda: w.writerow([None]))
    print(repr(s.getvalue()))
