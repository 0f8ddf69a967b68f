# base64: every encoding and decoding function, their options and errors, round trips, the
# MIME line interface and file encode/decode.
import base64, binascii, io, random
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
data = [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256)), b'\xff\xfe\xfd\x00', b'\x00\x00\x00\x00    x', b'hello world!!']
for d in data:
    for f in [base64.b64encode, base64.standard_b64encode, base64.urlsafe_b64encode, base64.b32encode, base64.b32hexencode, base64.b16encode, base64.a85encode, base64.b85encode, base64.encodebytes]:
        e = f(d)
        print(f.__name__, e)
    print(base64.a85encode(d, foldspaces=True), base64.a85encode(d, pad=True), base64.a85encode(d, adobe=True), base64.a85encode(d, wrapcol=7, adobe=True), base64.b85encode(d, pad=True), base64.b64encode(d, altchars=b'*$'))
    for enc, dec in [(base64.b64encode, base64.b64decode), (base64.urlsafe_b64encode, base64.urlsafe_b64decode), (base64.b32encode, base64.b32decode), (base64.b32hexencode, base64.b32hexdecode), (base64.b16encode, base64.b16decode), (base64.a85encode, base64.a85decode), (base64.b85encode, base64.b85decode), (base64.encodebytes, base64.decodebytes)]:
        assert dec(enc(d)) == d, (enc, d)
    assert base64.a85decode(base64.a85encode(d, foldspaces=True, adobe=True, wrapcol=3), foldspaces=True, adobe=True) == d
    print(base64.b32decode(base64.b32encode(d).lower(), casefold=True) == d, base64.b16decode(base64.b16encode(d).lower(), casefold=True) == d)
for s in [b'YQ==x', b'Y!Q==', b'YQ', b'YWJj', 'YWJj', b'YW\nJj', 'é', 1, b'YQ=a=', b'=YQ==', b'YWI=YWI=']:
    t(lambda: base64.b64decode(s)); t(lambda: base64.b64decode(s, validate=True))
t(lambda: base64.b64decode(b'-_-_', altchars=b'-_'))
t(lambda: base64.b64decode(b'-_-_', altchars=b'-'))
t(lambda: base64.b64encode(b'abc', altchars=b'-'))
t(lambda: base64.b64encode('abc'))
t(lambda: base64.urlsafe_b64decode('-_-_'))
for s in [b'MFRGG===', b'MFRGG==', b'mfrgg===', b'MFRG1===', b'MY======', b'MZXW6===', b'MZXW6YQ=', b'MZXW6YTB', b'M=======', b'MZX=====', b'MZXW6Y==', b'', b'MFRGG!==', 'MFRGG===']:
    t(lambda: base64.b32decode(s)); t(lambda: base64.b32hexdecode(s))
t(lambda: base64.b32decode(b'MFRG1===', map01=b'L'))
t(lambda: base64.b32decode(b'0FRG1===', map01=b'I'))
t(lambda: base64.b32decode(b'MFRG1===', map01=b'LL'))
t(lambda: base64.b32encode('abc'))
for s in [b'0g', b'abc', b'ab', b'AB', b'ABC', '4142', b'']:
    t(lambda: base64.b16decode(s)); t(lambda: base64.b16decode(s, casefold=True))
for s in [b'<~87cURD]i,"Ebo80~>', b'87cURD]i,"Ebo80~>', b'87cURD]i,"Ebo80', b'87cUvRD', b'87zUR', b'uuuuu', b'z', b'y', b'87c URD\n]i', b'!!', b'!', b'~>']:
    t(lambda: base64.a85decode(s)); t(lambda: base64.a85decode(s, adobe=True)); t(lambda: base64.a85decode(s, foldspaces=True, ignorechars=b''))
for s in [b'|NsC0~', b'|||||', b'VPa', b'VPaz', b'0', b'00000', b'cXxL#aCvlSZ*DGca%T', ' ']:
    t(lambda: base64.b85decode(s))
t(lambda: base64.encodebytes('x')); t(lambda: base64.encodebytes(1)); t(lambda: base64.decodebytes('eA=='))
t(lambda: base64.encodebytes(bytes(range(200))))
t(lambda: base64.decodebytes(base64.encodebytes(bytes(range(200)))) == bytes(range(200)))
src = io.BytesIO(bytes(range(256)) * 3); dst = io.BytesIO(); base64.encode(src, dst); print(dst.getvalue())
src = io.BytesIO(dst.getvalue()); out = io.BytesIO(); base64.decode(src, out); print(out.getvalue() == bytes(range(256)) * 3)
r = random.Random(1)
for i in range(100):
    d = bytes(r.randrange(256) for _ in range(r.randrange(40)))
    print(base64.b32encode(d), base64.a85encode(d), base64.b85encode(d))
print(base64.__all__, base64.MAXLINESIZE, base64.MAXBINSIZE)
base64.test()
