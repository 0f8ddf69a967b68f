"""Writes lexer/unicode_names.ts: the `\\N{NAME}` table (python3's unicodedata → TypeScript).

Run from the repository root:  python3 lexer/gen_unicode_names.py
The table covers the blocks listed in BLOCKS, every name used by the conformance programs and
tests (NAMES_USED) or by CPython's standard library (STDLIB), and the control-character aliases that CPython's `\\N{...}` accepts (ALIASES);
names CPython computes rather than stores (CJK unified ideographs, Hangul syllables) are computed.
Anything else raises "unknown Unicode character name" in pyjit.
"""
import hashlib
import os
import re
import sys
import unicodedata

# Code point ranges (inclusive) whose every named character goes into the table.
BLOCKS = [
    (0x0020, 0x007E, "Basic Latin (printable)"),
    (0x00A0, 0x00FF, "Latin-1 Supplement"),
    (0x0100, 0x017F, "Latin Extended-A"),
    (0x0370, 0x03FF, "Greek and Coptic"),
    (0x2000, 0x206F, "General Punctuation"),
    (0x2070, 0x209F, "Superscripts and Subscripts"),
    (0x20A0, 0x20C0, "Currency Symbols"),
    (0x2100, 0x214F, "Letterlike Symbols"),
    (0x2150, 0x218F, "Number Forms"),
    (0x2190, 0x21FF, "Arrows"),
    (0x2200, 0x22FF, "Mathematical Operators"),
    (0x2300, 0x23FF, "Miscellaneous Technical"),
    (0x2500, 0x257F, "Box Drawing"),
    (0x2580, 0x259F, "Block Elements"),
    (0x25A0, 0x25FF, "Geometric Shapes"),
    (0x2600, 0x26FF, "Miscellaneous Symbols"),
    (0x2700, 0x27BF, "Dingbats"),
    (0x27C0, 0x27EF, "Miscellaneous Mathematical Symbols-A"),
    (0x27F0, 0x27FF, "Supplemental Arrows-A"),
    (0x2900, 0x297F, "Supplemental Arrows-B"),
    (0x2980, 0x29FF, "Miscellaneous Mathematical Symbols-B"),
    (0x2A00, 0x2AFF, "Supplemental Mathematical Operators"),
    (0x2B00, 0x2BFF, "Miscellaneous Symbols and Arrows"),
    (0x3000, 0x303F, "CJK Symbols and Punctuation"),
    (0x1F600, 0x1F64F, "Emoticons"),
]

# Names used by tests and conformance programs outside the blocks above.
NAMES_USED = [
    "SNOWMAN", "PILE OF POO", "GRINNING FACE", "HEBREW LETTER ALEF",
    "CYRILLIC CAPITAL LETTER A", "CYRILLIC SMALL LETTER A", "REPLACEMENT CHARACTER",
    "ZERO WIDTH NO-BREAK SPACE", "OBJECT REPLACEMENT CHARACTER",
]

# Every `\N{NAME}` written anywhere in CPython's standard library is in the table too.
STDLIB = "/root/.pyenv/versions/3.11.7/lib/python3.11"
NAME_ESCAPE = re.compile(rb"\\N\{([A-Za-z0-9 \-]+)\}")


def stdlib_names():
    """The names of the `\\N{...}` escapes in STDLIB's .py files that CPython resolves to one char."""
    names = set()
    for folder, _, files in os.walk(STDLIB):
        for file in files:
            if not file.endswith(".py"):
                continue
            with open(os.path.join(folder, file), "rb") as f:
                for m in NAME_ESCAPE.finditer(f.read()):
                    name = m.group(1).decode("ascii").upper()
                    try:
                        if len(unicodedata.lookup(name)) == 1:
                            names.add(name)
                    except KeyError:
                        pass
    if not names:
        sys.exit(f"no \\N{{...}} names found under {STDLIB}")
    return names


# Candidate aliases (NameAliases.txt: control names, abbreviations); kept only if
# unicodedata.lookup accepts them, which is exactly what CPython's `\N{...}` accepts.
ALIASES = """
NULL NUL;START OF HEADING SOH;START OF TEXT STX;END OF TEXT ETX;END OF TRANSMISSION EOT;ENQUIRY ENQ;
ACKNOWLEDGE ACK;ALERT BEL;BACKSPACE BS;CHARACTER TABULATION HORIZONTAL TABULATION HT TAB;
LINE FEED NEW LINE END OF LINE LF NL EOL;LINE TABULATION VERTICAL TABULATION VT;FORM FEED FF;
CARRIAGE RETURN CR;SHIFT OUT LOCKING-SHIFT ONE SO;SHIFT IN LOCKING-SHIFT ZERO SI;DATA LINK ESCAPE DLE;
DEVICE CONTROL ONE DC1;DEVICE CONTROL TWO DC2;DEVICE CONTROL THREE DC3;DEVICE CONTROL FOUR DC4;
NEGATIVE ACKNOWLEDGE NAK;SYNCHRONOUS IDLE SYN;END OF TRANSMISSION BLOCK ETB;CANCEL CAN;
END OF MEDIUM EOM;SUBSTITUTE SUB;ESCAPE ESC;INFORMATION SEPARATOR FOUR FILE SEPARATOR FS;
INFORMATION SEPARATOR THREE GROUP SEPARATOR GS;INFORMATION SEPARATOR TWO RECORD SEPARATOR RS;
INFORMATION SEPARATOR ONE UNIT SEPARATOR US;SP;DELETE DEL;PADDING CHARACTER PAD;HIGH OCTET PRESET HOP;
BREAK PERMITTED HERE BPH;NO BREAK HERE NBH;INDEX IND;NEXT LINE NEL;START OF SELECTED AREA SSA;
END OF SELECTED AREA ESA;CHARACTER TABULATION SET HTS;CHARACTER TABULATION WITH JUSTIFICATION HTJ;
LINE TABULATION SET VTS;PARTIAL LINE FORWARD PLD;PARTIAL LINE BACKWARD PLU;REVERSE LINE FEED RI;
SINGLE SHIFT TWO SS2;SINGLE SHIFT THREE SS3;DEVICE CONTROL STRING DCS;PRIVATE USE ONE PU1;
PRIVATE USE TWO PU2;SET TRANSMIT STATE STS;CANCEL CHARACTER CCH;MESSAGE WAITING MW;
START OF GUARDED AREA SPA;END OF GUARDED AREA EPA;START OF STRING SOS;
SINGLE GRAPHIC CHARACTER INTRODUCER SGC;SINGLE CHARACTER INTRODUCER SCI;CONTROL SEQUENCE INTRODUCER CSI;
STRING TERMINATOR ST;OPERATING SYSTEM COMMAND OSC;PRIVACY MESSAGE PM;APPLICATION PROGRAM COMMAND APC;
NBSP;SHY;ZWSP;ZWNJ;ZWJ;LRM;RLM;WJ;NNBSP;MMSP;BYTE ORDER MARK BOM ZWNBSP;CGJ;FVS1;FVS2;FVS3;MVS;VS1;VS16
"""


def alias_candidates():
    """Every run of words in each ;-separated group that unicodedata.lookup accepts."""
    for group in ALIASES.replace("\n", "").split(";"):
        words = group.split()
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                yield " ".join(words[i:j])


def build_table():
    table = {}
    for lo, hi, _ in BLOCKS:
        for cp in range(lo, hi + 1):
            name = unicodedata.name(chr(cp), None)
            if name:
                table[name] = cp
    for name in NAMES_USED + sorted(stdlib_names()):
        table[name] = ord(unicodedata.lookup(name))
    for name in alias_candidates():
        try:
            ch = unicodedata.lookup(name)
        except KeyError:
            continue
        if len(ch) == 1 and name not in table:
            # lookup also accepts named sequences, which `\N{}` does not: those give 2+ chars.
            table[name] = ord(ch)
    return table


def cjk_ranges():
    """Ranges of the CJK unified ideographs, whose names are computed (`CJK UNIFIED IDEOGRAPH-4E00`)."""
    ranges = []
    for cp in range(0x3400, 0x32000):
        if unicodedata.name(chr(cp), "").startswith("CJK UNIFIED IDEOGRAPH-"):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    return ranges


def main():
    root = os.path.dirname(os.path.abspath(__file__))
    table = build_table()
    cjk = "".join(f"\n  [0x{lo:X}, 0x{hi:X}]," for lo, hi in cjk_ranges()) + "\n"
    body = ";".join(f"{name}={cp:X}" for name, cp in sorted(table.items(), key=lambda kv: (kv[1], kv[0])))
    digest = hashlib.sha256(open(__file__, "rb").read() + unicodedata.unidata_version.encode()).hexdigest()[:16]
    chunks = [body[i:i + 100] for i in range(0, len(body), 100)]
    lines = "\n".join(f"  {chunk!r}," for chunk in chunks).replace("'", '"')
    out = f"""// generated by lexer/gen_unicode_names.py from Unicode {unicodedata.unidata_version}; do not edit.
// digest of the generator and the Unicode version: {digest}
/**
 * The `\\\\N{{NAME}}` table: Unicode character name (or alias) → code point, for the names listed by
 * lexer/gen_unicode_names.py ({len(table)} entries). Lookups are case-insensitive, like CPython's.
 *
 * @example
 * ```ts
 * import {{ lookupUnicodeName }} from "./unicode_names.ts";
 * console.log(lookupUnicodeName("bullet")); // 0x2022
 * ```
 * @module
 */

/** `NAME=HEX` pairs joined by `;`, parsed into a map on first use. */
const PACKED = [
{lines}
].join("");

/** Code point ranges of the CJK unified ideographs, named by their code point. */
const CJK_RANGES: [number, number][] = [{cjk}];

// The Hangul syllables' names are made of the short names of their jamo (Unicode §3.12).
const JAMO_L = "G GG N D DD R M B BB S SS - J JJ C K T P H".split(" ").map((j) => j === "-" ? "" : j);
const JAMO_V = "A AE YA YAE EO E YEO YE O WA WAE OE YO U WEO WE WI YU EU YI I".split(" ");
const JAMO_T = ["", ..."G GG GS N NJ NH D L LG LM LB LS LT LP LH M B BS S SS NG J C K T P H".split(" ")];

let byName: Map<string, number> | null = null;

function buildMap(): Map<string, number> {{
  const map = new Map<string, number>();
  for (const entry of PACKED.split(";")) {{
    const eq = entry.lastIndexOf("=");
    map.set(entry.slice(0, eq), parseInt(entry.slice(eq + 1), 16));
  }}
  for (let l = 0; l < JAMO_L.length; l++) {{
    for (let v = 0; v < JAMO_V.length; v++) {{
      for (let t = 0; t < JAMO_T.length; t++) {{
        map.set(`HANGUL SYLLABLE ${{JAMO_L[l]}}${{JAMO_V[v]}}${{JAMO_T[t]}}`, 0xac00 + (l * 21 + v) * 28 + t);
      }}
    }}
  }}
  return map;
}}

/** The code point named `name` (case-insensitive), or -1 when the table does not know it. */
export function lookupUnicodeName(name: string): number {{
  const upper = name.toUpperCase();
  if (upper.startsWith("CJK UNIFIED IDEOGRAPH-")) {{
    const hex = upper.slice(22);
    const cp = /^[0-9A-F]{{4,5}}$/.test(hex) ? parseInt(hex, 16) : -1;
    return CJK_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi) ? cp : -1;
  }}
  byName ??= buildMap();
  return byName.get(upper) ?? -1;
}}
"""
    with open(os.path.join(root, "unicode_names.ts"), "w") as f:
        f.write(out)
    print(f"wrote {len(table)} names, {len(out)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
