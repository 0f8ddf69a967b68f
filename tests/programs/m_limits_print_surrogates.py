# Lone surrogates written to the standard streams: sys.stdout's error handler (surrogateescape)
# maps U+DC80..U+DCFF to bytes and raises UnicodeEncodeError for the rest; print writes each
# value, separator and end on its own, so what comes before the bad value is written.
import sys

try:
    print('\ud800')
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    print('ab', '\ud800', 'c')
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    print('ab\ud800c', end='')
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    sys.stdout.write('xy\ud800')
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
print('\udcff|'.encode('utf-8', 'surrogateescape'))
s = 'a\ud800\ud801b\udcff\U0001f600'
for e in ['strict', 'surrogateescape', 'surrogatepass', 'ignore', 'replace', 'backslashreplace',
          'xmlcharrefreplace', 'namereplace', 'bogus']:
    try:
        print(e, s.encode('utf-8', e))
    except (UnicodeEncodeError, LookupError) as x:
        print(e, type(x).__name__, x)
for t in ['\ud800x\udcff', '\udcff\ud800', 'ok\udc80']:
    try:
        print(t.encode('utf-8', 'surrogateescape'))
    except UnicodeEncodeError as x:
        print(x, x.start, x.end)
sys.stdout.flush()
print('escaped', '\udcff\udc80')
sys.stdout.flush()
print('err\ud800', file=sys.stderr)
print('\ud800')
