"""Writes lib/modules/unicodedata_data.ts, the tables of pyjit's `unicodedata` module, from
python3's own unicodedata (CPython 3.11: Unicode 14.0.0), and tests/data/unicodedata_sample.json,
a sample of code points with every property, that lib/modules/unicodedata_test.ts compares with.

Run from the repository root:  python3 lib/modules/unicodedata_gen.py

Every property is stored as runs over the code space (the code point where a run starts, and its
value), so that blocks of like characters cost one entry. The names are stored sorted by code
point, each as the length of the prefix it shares with the previous name and the rest; CJK
unified ideographs and Hangul syllables are not stored (their names are computed). Name aliases
and named sequences come from the Unicode 14.0.0 files Perl ships (Name.pl, NamedSequences.txt),
kept only where python3's unicodedata.lookup agrees. Both blobs are deflated and base64-encoded.
"""
import base64
import hashlib
import json
import random
import re
import sys
import unicodedata
import zlib

OUT = "lib/modules/unicodedata_data.ts"
SAMPLE = "tests/data/unicodedata_sample.json"
PERL_UNICORE = "/usr/share/perl/5.36.0/unicore"
MAX_CP = 0x110000

assert unicodedata.unidata_version == "14.0.0", unicodedata.unidata_version

COMPUTED_NAME = re.compile(r"(CJK UNIFIED IDEOGRAPH-|HANGUL SYLLABLE )")


def numeric_text(ch):
    """A numeric value as the shortest text that reads back as the same float ('' for none)."""
    value = unicodedata.numeric(ch, None)
    return "" if value is None else repr(value)


def decimal_or_minus(ch):
    value = unicodedata.decimal(ch, None)
    return -1 if value is None else value


def digit_or_minus(ch):
    value = unicodedata.digit(ch, None)
    return -1 if value is None else value


PROPERTIES = {
    "category": unicodedata.category,
    "bidirectional": unicodedata.bidirectional,
    "combining": unicodedata.combining,
    "east_asian_width": unicodedata.east_asian_width,
    "mirrored": unicodedata.mirrored,
    "decimal": decimal_or_minus,
    "digit": digit_or_minus,
    "numeric": numeric_text,
    "decomposition": unicodedata.decomposition,
}


def runs(fn):
    """[start deltas, value indexes, distinct values] of fn over the code space."""
    starts, indexes, values, index_of = [], [], [], {}
    previous_start = 0
    current = object()
    for cp in range(MAX_CP):
        value = fn(chr(cp))
        if value != current:
            current = value
            if value not in index_of:
                index_of[value] = len(values)
                values.append(value)
            starts.append(cp - previous_start)
            previous_start = cp
            indexes.append(index_of[value])
    return [starts, indexes, values]


def computed_name_ranges(prefix):
    """Inclusive [first, last] code point ranges whose names are prefix + hex code point."""
    ranges = []
    for cp in range(MAX_CP):
        name = unicodedata.name(chr(cp), "")
        if name == "%s%X" % (prefix, cp):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    return ranges


def names_text():
    """The stored names: per line, base-36 code point delta, base-36 shared prefix, the rest."""
    lines = []
    previous_cp, previous_name = 0, ""
    for cp in range(MAX_CP):
        name = unicodedata.name(chr(cp), None)
        if name is None or COMPUTED_NAME.match(name):
            continue
        shared = 0
        limit = min(len(name), len(previous_name))
        while shared < limit and name[shared] == previous_name[shared]:
            shared += 1
        lines.append("%s,%s,%s" % (base36(cp - previous_cp), base36(shared), name[shared:]))
        previous_cp, previous_name = cp, name
    return "\n".join(lines)


def base36(n):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        n, r = divmod(n, 36)
        text = digits[r] + text
        if n == 0:
            return text


def aliases():
    """[alias, code point] for every alias lookup() accepts that is not the character's name."""
    with open(PERL_UNICORE + "/Name.pl", encoding="utf-8") as f:
        text = f.read()
    body = text.split("<<'END';\n", 1)[1].split("\nEND\n", 1)[0]
    out = []
    for entry in body.split("\n\n"):
        lines = entry.strip().split("\n")
        if len(lines) != 2 or " " in lines[0]:
            continue
        cp, name = int(lines[0], 16), lines[1]
        if unicodedata.name(chr(cp), None) == name:
            continue
        try:
            if unicodedata.lookup(name) == chr(cp):
                out.append([name, cp])
        except KeyError:
            pass
    return sorted(out)


def named_sequences():
    """[name, [code points]] for every named sequence lookup() accepts."""
    out = []
    with open(PERL_UNICORE + "/NamedSequences.txt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, cps = line.split(";")
            seq = [int(h, 16) for h in cps.split()]
            if unicodedata.lookup(name) == "".join(map(chr, seq)):
                out.append([name, seq])
    return out


def pack(obj):
    raw = json.dumps(obj, separators=(",", ":")).encode()
    return base64.b64encode(zlib.compress(raw, 9)).decode()


def ts_string_lines(text, width=100):
    return "\n".join('  "%s",' % text[i:i + width] for i in range(0, len(text), width))


def sample():
    """A few thousand code points with every property as python3 gives it."""
    rng = random.Random(14)
    cps = set(range(0, 0x300)) | set(range(0xAC00, 0xAC20)) | {0x4E00, 0x9FFF, 0x20000, 0x2A6DF, 0x10FFFF}
    assigned = [cp for cp in range(MAX_CP) if unicodedata.category(chr(cp)) != "Cn"]
    cps.update(rng.sample(assigned, 3000))
    cps.update(rng.sample(range(MAX_CP), 500))
    rows = []
    for cp in sorted(cps):
        ch = chr(cp)
        rows.append([
            cp, unicodedata.name(ch, None), unicodedata.category(ch), unicodedata.bidirectional(ch),
            unicodedata.combining(ch), unicodedata.east_asian_width(ch), unicodedata.mirrored(ch),
            unicodedata.decimal(ch, None), unicodedata.digit(ch, None), unicodedata.numeric(ch, None),
            unicodedata.decomposition(ch),
        ])
    return rows


def main():
    properties = {name: runs(fn) for name, fn in PROPERTIES.items()}
    names = {
        "names": names_text(),
        "cjk": computed_name_ranges("CJK UNIFIED IDEOGRAPH-"),
        "aliases": aliases(),
        "sequences": named_sequences(),
    }
    packed_properties = pack(properties)
    packed_names = pack(names)
    with open(sys.argv[0], "rb") as f:
        digest = hashlib.sha256(f.read() + unicodedata.unidata_version.encode()).hexdigest()[:16]
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(f"""// generated by lib/modules/unicodedata_gen.py from Unicode {unicodedata.unidata_version}; do not edit.
// digest of the generator and the Unicode version: {digest}
/**
 * The tables of the `unicodedata` module, deflated and base64-encoded (unicodedata.ts inflates
 * them on first use): the character properties as runs over the code space, and the names.
 * @module
 */

/** The Unicode version the tables describe. */
export const UNIDATA_VERSION = "{unicodedata.unidata_version}";

/**
 * JSON: property name → [run start deltas, value indexes, values] (category, bidirectional,
 * combining, east_asian_width, mirrored, decimal and digit (-1: none), numeric (the float's
 * repr, "": none), decomposition).
 */
export const PACKED_PROPERTIES: string = [
{ts_string_lines(packed_properties)}
].join("");

/**
 * JSON: `names` (lines of base-36 code point delta, base-36 length shared with the previous
 * name, rest of the name), `cjk` (ranges of computed CJK ideograph names), `aliases`
 * ([alias, code point]) and `sequences` ([name, code points]).
 */
export const PACKED_NAMES: string = [
{ts_string_lines(packed_names)}
].join("");
""")
    with open(SAMPLE, "w", encoding="utf-8") as f:
        json.dump(sample(), f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {OUT} ({len(packed_properties) + len(packed_names)} bytes of tables) and {SAMPLE}")


if __name__ == "__main__":
    main()
