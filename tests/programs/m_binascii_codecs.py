# binascii: base64 (lenient and strict), hex with separators, uuencode, crc32 and crc_hqx,
# argument types and the Error messages.
import binascii
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for d in [b'', b'a', b'ab', b'abc', b'abcd', b'\x00\xff\xfe', bytes(range(256))[:60]]:
    t(lambda: binascii.b2a_base64(d)); t(lambda: binascii.b2a_base64(d, newline=False))
for s in [b'', b'YQ==', b'YWI=', b'YWJj', b'YQ', b'YQ=', b'Y', b'YWJjZ', b'YW Jj\n', b'Y!Q==', b'YQ==YQ==', b'=YQ==', b'YQ=a=', b'YQ===', 'YWJj', 'YWJj\u00e9', b'YQ==\n', b'YWJjZA', b'YWJjZA=', b'a===', b'ab=c', b'abc=d===']:
    t(lambda: binascii.a2b_base64(s))
    t(lambda: binascii.a2b_base64(s, strict_mode=True))
t(lambda: binascii.a2b_base64(1))
t(lambda: binascii.b2a_base64('abc'))
for h in [b'', b'00ff', b'0G', b'abc', b'ABCD', 'abcd', 'ab\u00e9', b'0 1']:
    t(lambda: binascii.unhexlify(h)); t(lambda: binascii.a2b_hex(h))
for d in [b'', b'\x01\xab\xff', bytearray(b'xyz'), bytes(range(10))]:
    t(lambda: binascii.hexlify(d)); t(lambda: binascii.b2a_hex(d))
    t(lambda: binascii.hexlify(d, '-')); t(lambda: binascii.hexlify(d, b':', 2)); t(lambda: binascii.hexlify(d, ':', -2)); t(lambda: binascii.hexlify(d, sep=' ', bytes_per_sep=3))
t(lambda: binascii.hexlify(b'ab', '--'))
t(lambda: binascii.hexlify(b'ab', 'é'))
t(lambda: binascii.hexlify('ab'))
t(lambda: binascii.hexlify(b'ab', 5))
for d in [b'', b'a', b'hello world', bytes(range(256))]:
    t(lambda: binascii.crc32(d)); t(lambda: binascii.crc32(d, 12345)); t(lambda: binascii.crc_hqx(d, 0)); t(lambda: binascii.crc_hqx(d, 0xffff))
t(lambda: binascii.crc32(b'abc', -1)); t(lambda: binascii.crc32(b'abc', 2**40)); t(lambda: binascii.crc_hqx(b'abc', 2**20)); t(lambda: binascii.crc_hqx(b'abc'))
t(lambda: binascii.crc32('abc'))
print(binascii.Error.__mro__, binascii.Incomplete.__mro__)
for d in [b'', b'a', b'abc', b'hello world!', bytes(range(45)), bytes(range(46))]:
    t(lambda: binascii.b2a_uu(d)); t(lambda: binascii.b2a_uu(d, backtick=True))
for s in [b'', b'\n', b'!80``\n', b'!80  \n', b'#86)C\n', b' \n', b'`\n', b'!8\n', b'#86)C', b'$86)C     \n', b'"86)C\n', b'%86)C\n', b'a']:
    t(lambda: binascii.a2b_uu(s))
print(sorted(x for x in dir(binascii) if not x.startswith('_')))
