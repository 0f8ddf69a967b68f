# binascii: quoted-printable encoding (quotetabs, istext, header, line length, CRLF) and
# decoding, over fixed and random inputs.
import binascii, random
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
samples = [b'', b'hello', b'a=b', b'tab\there', b'trailing space ', b'trailing tab\t', b'line\nnext', b'crlf\r\nline\r\n', b'sp \nx', b'tab\t\r\nx',
  b'x' * 100, b'y' * 75 + b'\n' + b'z' * 80, b'.\n', b'.', b'a.\n.', b'\x00\x01\xff', b'under_score', b'hdr with spaces', b'=' * 30, b'\xe9t\xe9 ' * 20,
  b'a\rb', b'\r', b'\n', b' \n', b'x' * 74 + b' ', b'x' * 73 + b'=', b'x' * 75 + b'\r\n' + b'y']
for s in samples:
    for kw in [{}, {'quotetabs': True}, {'istext': False}, {'header': True}, {'quotetabs': True, 'header': True, 'istext': False}]:
        t(lambda: binascii.b2a_qp(s, **kw))
r = random.Random(3)
for i in range(200):
    s = bytes(r.choice(b'ab =\t\r\n._\x00\xff') for _ in range(r.randint(0, 200)))
    enc = binascii.b2a_qp(s, r.random() < 0.5, r.random() < 0.5, r.random() < 0.5)
    print(enc, binascii.a2b_qp(enc), binascii.a2b_qp(enc, header=True))
for s in [b'=41=42', b'=4', b'=', b'a=\nb', b'a=\r\nb', b'a=  \nb', b'==41', b'=ZZ', b'a_b', b'=4g', b'=\r', b'=\rxyz']:
    t(lambda: binascii.a2b_qp(s)); t(lambda: binascii.a2b_qp(s, header=True))
t(lambda: binascii.a2b_qp('=41'))
