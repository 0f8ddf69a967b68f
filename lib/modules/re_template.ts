/**
 * Replacement templates of `re.sub` and `Match.expand`: the template text (str, or bytes as
 * Latin-1 characters) and the pattern's groups → a `Template` (literal pieces and group
 * references), with CPython 3.11's escapes (`\n`, `\0`, octal `\141`, `\1`…`\99`, `\g<name>`,
 * `\g<2>`) and errors ("invalid group reference 3" at its position, IndexError for an unknown
 * group name); then expansion against a match (an unmatched group gives the empty string).
 *
 * @example
 * ```ts
 * import { parseTemplate } from "./re_template.ts";
 * const t = parseTemplate("<\\1>", true, 1, new Map());
 * console.log(t.parts); // ["<", 1, ">"]
 * ```
 * @module
 */
import { cpLen, isChar, nameRepr, RegexSyntaxError, Source, warnNonAsciiName } from "./re_parser.ts";
import { strRepr } from "../../objects/repr.ts";
import { isIdentifier } from "../../objects/types/str.ts";

/** A parsed template: literal text and group numbers, in order. */
export interface Template {
  parts: (string | number)[];
  /** The template is one literal string (no group references). */
  literal: string | null;
  /** A str template (else bytes, its pieces as Latin-1 characters). */
  istext: boolean;
  /** Warnings to give: [category, message]. */
  warnings: [string, string][];
}

/** An unknown group name (CPython raises IndexError for it). */
export class TemplateIndexError {
  /** The warnings CPython gave before the error. */
  warnings: [string, string][] = [];
  constructor(readonly msg: string) {}
}

const ESCAPES: Record<string, string> = {
  "\\a": "\x07",
  "\\b": "\b",
  "\\f": "\f",
  "\\n": "\n",
  "\\r": "\r",
  "\\t": "\t",
  "\\v": "\v",
  "\\\\": "\\",
};
const DIGITS = "0123456789";
const OCTDIGITS = "01234567";
const ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * Parses a template (`text`: str, or bytes as Latin-1 characters when `istext` is false) with
 * the tokenizer patterns use, so that errors come in CPython's order and at its positions.
 * Throws RegexSyntaxError or TemplateIndexError.
 */
export function parseTemplate(
  text: string,
  istext: boolean,
  groups: number,
  groupIndex: Map<string, number>,
): Template {
  const s = new Source(istext, text);
  const parts: (string | number)[] = [];
  const warnings: [string, string][] = [];
  let literal = "";
  const addGroup = (index: number, offset: number) => {
    if (index > groups) throw s.error(`invalid group reference ${index}`, offset);
    if (literal !== "") parts.push(literal);
    literal = "";
    parts.push(index);
  };
  try {
    parseTemplateParts();
  } catch (e) {
    if (e instanceof RegexSyntaxError || e instanceof TemplateIndexError) e.warnings = warnings;
    throw e;
  }
  if (literal !== "") parts.push(literal);
  const onlyLiteral = parts.every((p) => typeof p === "string") ? (parts as string[]).join("") : null;
  return { parts, literal: onlyLiteral, istext, warnings };

  function parseTemplateParts(): void {
    for (;;) {
      let tok = s.get();
      if (tok === null) break;
      if (!tok.startsWith("\\")) {
        literal += tok;
        continue;
      }
      const c = tok.slice(1);
      if (c === "g") {
        if (!s.match("<")) throw s.error("missing <");
        const name = s.getuntil(">", "group name");
        const nameLen = cpLen(name);
        let index: number;
        if (isIdentifier(name)) {
          warnNonAsciiName(s, warnings, name);
          const g = groupIndex.get(name);
          if (g === undefined) throw new TemplateIndexError(`unknown group name ${strRepr(name)}`);
          index = g;
        } else {
          const v = templateInt(name);
          if (v === null) throw s.error(`bad character in group name ${nameRepr(name, istext)}`, nameLen + 1);
          if (v >= 1073741823) throw s.error(`invalid group reference ${v}`, nameLen + 1);
          if (!/^[0-9]+$/.test(name)) {
            warnings.push([
              "DeprecationWarning",
              `bad character in group name ${nameRepr(name, istext)} at position ${s.tell() - nameLen - 1}`,
            ]);
          }
          index = v;
        }
        addGroup(index, nameLen + 1);
      } else if (c === "0") {
        if (isChar(s.next, OCTDIGITS)) {
          tok += s.get();
          if (isChar(s.next, OCTDIGITS)) tok += s.get();
        }
        literal += String.fromCharCode(parseInt(tok.slice(1), 8) & 0xff);
      } else if (DIGITS.includes(c)) {
        let octal = false;
        if (isChar(s.next, DIGITS)) {
          tok += s.get();
          if (OCTDIGITS.includes(c) && OCTDIGITS.includes(tok[2]) && isChar(s.next, OCTDIGITS)) {
            tok += s.get();
            octal = true;
            const v = parseInt(tok.slice(1), 8);
            if (v > 0o377) throw s.error(`octal escape value ${tok} outside of range 0-0o377`, tok.length);
            literal += String.fromCharCode(v);
          }
        }
        if (!octal) addGroup(parseInt(tok.slice(1), 10), tok.length - 1);
      } else {
        const e = ESCAPES[tok];
        if (e !== undefined) literal += e;
        else {
          if (ASCII_LETTERS.includes(c)) throw s.error(`bad escape ${tok}`, 2);
          literal += tok;
        }
      }
    }
  }
}
/** int() of a group number in `\g<…>`: digits (any script), optional sign, spaces, underscores. */
function templateInt(s: string): number | null {
  const t = s.replace(/^[\s\u0085\u00a0]+|[\s\u0085\u00a0]+$/gu, "");
  const m = /^([+-]?)(\p{Nd}+(?:_\p{Nd}+)*)$/u.exec(t);
  if (m === null) return null;
  let v = 0;
  for (const ch of m[2]) {
    if (ch === "_") continue;
    const c = ch.codePointAt(0)!;
    let d: number;
    if (c < 0x80) d = c - 48;
    else {
      let z = c;
      while (/^\p{Nd}$/u.test(String.fromCodePoint(z - 1))) z--;
      d = (c - z) % 10;
    }
    v = v * 10 + d;
  }
  if (m[1] === "-" && v !== 0) return null;
  return v;
}
