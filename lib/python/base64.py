"""Base16, Base32, Base64 (RFC 4648), Ascii85 and Base85 encodings of bytes.

The b*encode functions take bytes-like objects and return bytes; the b*decode functions take
bytes-like objects or ASCII str and return bytes, raising binascii.Error (a ValueError) for bad
input. encodebytes/decodebytes and encode/decode (file to file) use the MIME form: lines of at
most 76 characters. `python -m base64` encodes or decodes a file.
"""

import binascii

__all__ = [
    # Legacy interface exports traditional RFC 2045 Base64 encodings
    'encode', 'decode', 'encodebytes', 'decodebytes',
    # Generalized interface for other encodings
    'b64encode', 'b64decode', 'b32encode', 'b32decode',
    'b32hexencode', 'b32hexdecode', 'b16encode', 'b16decode',
    # Base85 and Ascii85 encodings
    'b85encode', 'b85decode', 'a85encode', 'a85decode',
    # Standard Base64 encoding
    'standard_b64encode', 'standard_b64decode',
    # Some common Base64 alternatives.  As referenced by RFC 3458, see thread
    # starting at:
    #
    # http://zgp.org/pipermail/p2p-hackers/2001-September/000316.html
    'urlsafe_b64encode', 'urlsafe_b64decode',
]

bytes_types = (bytes, bytearray)


def _bytes_from_decode_data(s):
    # What the decoders accept: ASCII str, or anything bytes-like.
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    if isinstance(s, bytes_types):
        return bytes(s)
    raise TypeError("argument should be a bytes-like object or ASCII string, "
                    "not %r" % s.__class__.__name__) from None


def _binary(s):
    # What the encoders accept: anything bytes-like.
    if isinstance(s, bytes_types):
        return bytes(s)
    raise TypeError(f"memoryview: a bytes-like object is required, not '{type(s).__name__}'")


def _swap(data, pairs):
    # data with each byte pairs[i][0] replaced by pairs[i][1], all at once.
    table = {a: b for a, b in pairs}
    if all(a == b for a, b in pairs):
        return data
    return bytes(table.get(c, c) for c in data)


# Base64

def b64encode(s, altchars=None):
    """The Base64 encoding of the bytes-like s. altchars, two bytes, replaces '+' and '/'
    (for URLs and file names)."""
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        encoded = _swap(encoded, [(0x2b, altchars[0]), (0x2f, altchars[1])])
    return encoded


def b64decode(s, altchars=None, validate=False):
    """The bytes of the Base64 s (bytes-like or ASCII str). altchars, two bytes, stands for '+'
    and '/'. Characters outside the alphabet are skipped unless validate is true, which makes
    them (and misplaced padding) a binascii.Error; bad padding is always an error."""
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = _swap(s, [(altchars[0], 0x2b), (altchars[1], 0x2f)])
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    """The standard Base64 encoding of the bytes-like s."""
    return b64encode(s)


def standard_b64decode(s):
    """The bytes of the standard Base64 s; characters outside the alphabet are skipped."""
    return b64decode(s)


def urlsafe_b64encode(s):
    """The URL- and filesystem-safe Base64 of s: '-' for '+' and '_' for '/'."""
    return b64encode(s, b'-_')


def urlsafe_b64decode(s):
    """The bytes of the URL-safe Base64 s ('-' for '+', '_' for '/')."""
    return b64decode(s, b'-_')


# Base32

_B32ALPHABET = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_B32HEXALPHABET = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'
_B32_PAD_FOR_TAIL = {0: 0, 1: 6, 2: 4, 3: 3, 4: 1}  # bytes in the last group → '=' in its block
_B32_TAIL_FOR_PAD = {0: 0, 1: 4, 3: 3, 4: 2, 6: 1}  # the inverse, for the padding counts allowed


def _b32encode(alphabet, s):
    data = _binary(s)
    out = bytearray()
    for start in range(0, len(data), 5):
        block = data[start:start + 5]
        tail = len(block)
        value = int.from_bytes(block + bytes(5 - tail), 'big')
        for shift in range(35, -5, -5):
            out.append(alphabet[(value >> shift) & 31])
        pads = _B32_PAD_FOR_TAIL[tail % 5]
        if pads:
            out[-pads:] = b'=' * pads
    return bytes(out)


def _b32decode(alphabet, s, casefold=False, map01=None):
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise binascii.Error('Incorrect padding')
    if map01 is not None:
        map01 = _bytes_from_decode_data(map01)
        assert len(map01) == 1, repr(map01)
        s = _swap(s, [(0x30, 0x4f), (0x31, map01[0])])
    if casefold:
        s = s.upper()
    total = len(s)
    s = s.rstrip(b'=')
    pads = total - len(s)
    values = {c: i for i, c in enumerate(alphabet)}
    out = bytearray()
    value = 0
    for start in range(0, len(s), 8):
        value = 0
        for c in s[start:start + 8]:
            digit = values.get(c)
            if digit is None:
                raise binascii.Error('Non-base32 digit found')
            value = (value << 5) | digit
        out += value.to_bytes(5, 'big')
    if pads not in _B32_TAIL_FOR_PAD:
        raise binascii.Error('Incorrect padding')
    if pads and out:
        last = (value << (5 * pads)).to_bytes(5, 'big')
        out[-5:] = last[:_B32_TAIL_FOR_PAD[pads]]
    return bytes(out)


def b32encode(s):
    """The Base32 encoding of the bytes-like s."""
    return _b32encode(_B32ALPHABET, s)


def b32decode(s, casefold=False, map01=None):
    """The bytes of the Base32 s. casefold accepts lowercase; map01 (a byte) says what the digit
    1 stands for (0 is then O): RFC 4648 allows this mapping of look-alikes. Bad padding or
    characters outside the alphabet are a binascii.Error."""
    return _b32decode(_B32ALPHABET, s, casefold, map01)


def b32hexencode(s):
    """The Base32 encoding of s with the Extended Hex Alphabet (RFC 4648)."""
    return _b32encode(_B32HEXALPHABET, s)


def b32hexdecode(s, casefold=False):
    """The bytes of the Base32 s with the Extended Hex Alphabet; casefold accepts lowercase."""
    return _b32decode(_B32HEXALPHABET, s, casefold)


# Base16

def b16encode(s):
    """The Base16 (uppercase hex) encoding of the bytes-like s."""
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    """The bytes of the Base16 s (uppercase hex; casefold accepts lowercase too)."""
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    for c in s:
        if not (0x30 <= c <= 0x39 or 0x41 <= c <= 0x46):
            raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(s)


# Ascii85 and Base85

_A85START = b"<~"
_A85END = b"~>"
_A85ALPHABET = bytes(range(33, 118))
_B85ALPHABET = (b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                b"abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~")
_b85decode_table = None


def _85encode(data, alphabet, pad, foldnuls, foldspaces):
    data = _binary(data)
    padding = -len(data) % 4
    data += bytes(padding)
    out = []
    for start in range(0, len(data), 4):
        word = int.from_bytes(data[start:start + 4], 'big')
        if foldnuls and word == 0:
            out.append(b'z')
        elif foldspaces and word == 0x20202020:
            out.append(b'y')
        else:
            digits = bytearray(5)
            for i in range(4, -1, -1):
                word, digits[i] = divmod(word, 85)
                digits[i] = alphabet[digits[i]]
            out.append(bytes(digits))
    if padding and not pad:
        if out[-1] == b'z':
            out[-1] = alphabet[0:1] * 5
        out[-1] = out[-1][:-padding]
    return b''.join(out)


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    """The Ascii85 encoding of the bytes-like b. foldspaces writes four spaces as 'y' (btoa's
    extension); wrapcol > 0 breaks lines at that width; pad pads the input to a multiple of 4
    bytes; adobe frames the result in <~ ~> as Adobe's format does."""
    result = _85encode(b, _A85ALPHABET, pad, True, foldspaces)
    if adobe:
        result = _A85START + result
    if wrapcol:
        wrapcol = max(2 if adobe else 1, wrapcol)
        lines = [result[i:i + wrapcol] for i in range(0, len(result), wrapcol)]
        if adobe and len(lines[-1]) + 2 > wrapcol:
            lines.append(b'')
        result = b'\n'.join(lines)
    if adobe:
        result += _A85END
    return result


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b' \t\n\r\v'):
    """The bytes of the Ascii85 b. foldspaces accepts 'y' for four spaces; adobe expects the
    <~ ~> framing (the start is optional, the end is not); ignorechars are skipped."""
    b = _bytes_from_decode_data(b)
    if adobe:
        if not b.endswith(_A85END):
            raise ValueError(f"Ascii85 encoded byte sequences must end with {_A85END!r}")
        b = b[2:-2] if b.startswith(_A85START) else b[:-2]
    out = bytearray()
    group = []
    for c in b + b'uuuu':
        if 33 <= c <= 117:
            group.append(c - 33)
            if len(group) == 5:
                value = 0
                for digit in group:
                    value = value * 85 + digit
                if value > 0xffffffff:
                    raise ValueError('Ascii85 overflow')
                out += value.to_bytes(4, 'big')
                group = []
        elif c == 0x7a:  # z
            if group:
                raise ValueError('z inside Ascii85 5-tuple')
            out += b'\0\0\0\0'
        elif foldspaces and c == 0x79:  # y
            if group:
                raise ValueError('y inside Ascii85 5-tuple')
            out += b'    '
        elif c in ignorechars:
            continue
        else:
            raise ValueError('Non-Ascii85 digit found: %c' % c)
    padding = 4 - len(group)
    if padding:
        del out[-padding:]
    return bytes(out)


def b85encode(b, pad=False):
    """The Base85 encoding (as git and Mercurial use it) of the bytes-like b; pad pads the input
    to a multiple of 4 bytes."""
    return _85encode(b, _B85ALPHABET, pad, False, False)


def b85decode(b):
    """The bytes of the Base85 b (the padding b85encode may add stays)."""
    global _b85decode_table
    if _b85decode_table is None:
        table = [None] * 256
        for i, c in enumerate(_B85ALPHABET):
            table[c] = i
        _b85decode_table = table
    table = _b85decode_table
    b = _bytes_from_decode_data(b)
    padding = -len(b) % 5
    b += b'~' * padding
    out = bytearray()
    for start in range(0, len(b), 5):
        value = 0
        for offset, c in enumerate(b[start:start + 5]):
            digit = table[c]
            if digit is None:
                raise ValueError('bad base85 character at position %d' % (start + offset))
            value = value * 85 + digit
        if value > 0xffffffff:
            raise ValueError('base85 overflow in hunk starting at byte %d' % start)
        out += value.to_bytes(4, 'big')
    if padding:
        del out[-padding:]
    return bytes(out)


# The MIME (RFC 2045) interface: lines of at most MAXLINESIZE characters.

MAXLINESIZE = 76  # Excluding the CRLF
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def encode(input, output):
    """Reads the binary file input to its end and writes its Base64 to the binary file output,
    in lines of 76 characters."""
    while True:
        s = input.read(MAXBINSIZE)
        if not s:
            break
        while len(s) < MAXBINSIZE:
            more = input.read(MAXBINSIZE - len(s))
            if not more:
                break
            s += more
        output.write(binascii.b2a_base64(s))


def decode(input, output):
    """Reads Base64 lines from the binary file input and writes their bytes to the binary file
    output."""
    while True:
        line = input.readline()
        if not line:
            break
        output.write(binascii.a2b_base64(line))


def _input_type_check(s):
    if not isinstance(s, bytes_types):
        raise TypeError(f"expected bytes-like object, not {s.__class__.__name__}")


def encodebytes(s):
    """The Base64 of the bytes-like s in lines of at most 76 characters, each ending in a
    newline."""
    _input_type_check(s)
    return b''.join(binascii.b2a_base64(s[i:i + MAXBINSIZE]) for i in range(0, len(s), MAXBINSIZE))


def decodebytes(s):
    """The bytes of the Base64 lines s."""
    _input_type_check(s)
    return binascii.a2b_base64(s)


def main():
    """`python -m base64 [-h|-d|-e|-u|-t] [file|-]`: encodes (the default) or decodes a file or
    stdin to stdout."""
    import sys
    usage = f"""usage: {sys.argv[0]} [-h|-d|-e|-u|-t] [file|-]
        -h: print this help message and exit
        -d, -u: decode
        -e: encode (default)
        -t: encode and decode string 'Aladdin:open sesame'"""
    args = sys.argv[1:]
    func = encode
    while args and args[0].startswith('-') and args[0] != '-':
        option = args.pop(0)
        if option == '--':
            break
        for letter in option[1:]:
            if letter == 'e':
                func = encode
            elif letter in 'du':
                func = decode
            elif letter == 't':
                test()
                return
            elif letter == 'h':
                print(usage)
                return
            else:
                print(f'option -{letter} not recognized', file=sys.stderr)
                print(usage, file=sys.stderr)
                sys.exit(2)
    if args and args[0] != '-':
        with open(args[0], 'rb') as f:
            func(f, sys.stdout.buffer)
    else:
        func(sys.stdin.buffer, sys.stdout.buffer)


def test():
    s0 = b"Aladdin:open sesame"
    print(repr(s0))
    s1 = encodebytes(s0)
    print(repr(s1))
    s2 = decodebytes(s1)
    print(repr(s2))
    assert s0 == s2


if __name__ == '__main__':
    main()
