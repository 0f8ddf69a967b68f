/**
 * Test-case reduction for the fuzzers. In: a Python program and an async predicate ("does this
 * program still show the difference?"). Out: a smaller program for which the predicate still holds.
 *
 * The program is seen as a tree of statements by indentation: a statement is a line and the more
 * indented lines after it. Passes, repeated until none helps (or the budget of predicate calls is
 * spent): remove chunks of top-level statements (delta debugging, halving the chunk), remove each
 * statement (a block left empty gets `pass`), and unwrap compound statements (the header line goes,
 * its body moves one level out). Invalid candidates need no check of their own: a SyntaxError is the
 * same on every tier, so the predicate rejects them.
 * @module
 */

/** Says whether a candidate program is still interesting. */
export type Predicate = (source: string) => Promise<boolean>;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function isBlank(line: string): boolean {
  const t = line.trim();
  return t === "" || t.startsWith("#");
}

/** The statements of `lines` as [start, end) ranges, in order (nested ones included). */
function statements(lines: string[]): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < lines.length; k++) {
    if (isBlank(lines[k])) continue;
    const ind = indentOf(lines[k]);
    let end = k + 1;
    while (end < lines.length && (isBlank(lines[end]) || indentOf(lines[end]) > ind)) end++;
    out.push([k, end]);
  }
  return out;
}

/** `lines` without [start, end); a block left without statements gets a `pass`. */
function without(lines: string[], start: number, end: number): string[] {
  const next = [...lines.slice(0, start), ...lines.slice(end)];
  const header = lines.slice(0, start).findLastIndex((l) => !isBlank(l));
  if (header >= 0 && lines[header].trimEnd().endsWith(":")) {
    const ind = indentOf(lines[start]);
    const rest = next.slice(start).find((l) => !isBlank(l));
    if (rest === undefined || indentOf(rest) < ind) next.splice(start, 0, " ".repeat(ind) + "pass");
  }
  return next;
}

/** Reduces `source` while `interesting` holds; at most `budget` calls of the predicate, until `deadline`. */
export async function minimize(
  source: string,
  interesting: Predicate,
  budget = 600,
  deadline = Date.now() + 180_000,
): Promise<string> {
  let lines = source.replace(/\n+$/, "").split("\n").filter((l) => l.trim() !== "");
  let calls = 0;
  const tryLines = async (candidate: string[]): Promise<boolean> => {
    if (calls >= budget || Date.now() > deadline) return false;
    calls++;
    if (await interesting(candidate.join("\n") + "\n")) {
      lines = candidate;
      return true;
    }
    return false;
  };

  let progress = true;
  while (progress && calls < budget && Date.now() <= deadline) {
    progress = false;
    // Delta debugging over top-level statements: chunks of n/2, n/4, … 1.
    let top = statements(lines).filter(([s]) => indentOf(lines[s]) === 0);
    for (let chunk = Math.max(1, top.length >> 1); chunk >= 1; chunk >>= 1) {
      for (let at = top.length - chunk; at >= 0; at -= chunk) {
        const start = top[at][0];
        const end = top[Math.min(top.length, at + chunk) - 1][1];
        if (await tryLines(without(lines, start, end))) {
          progress = true;
          top = statements(lines).filter(([s]) => indentOf(lines[s]) === 0);
          at = Math.min(at, top.length);
        }
      }
      if (chunk === 1) break;
    }
    // Every statement, innermost-last first.
    let all = statements(lines);
    for (let k = all.length - 1; k >= 0; k--) {
      if (k >= all.length) continue;
      const [s, e] = all[k];
      if (await tryLines(without(lines, s, e))) {
        progress = true;
        all = statements(lines);
      }
    }
    // Unwrap compound statements: drop the header, dedent the body.
    all = statements(lines);
    for (let k = all.length - 1; k >= 0; k--) {
      if (k >= all.length) continue;
      const [s, e] = all[k];
      if (!lines[s].trimEnd().endsWith(":") || e - s < 2) continue;
      const body = lines.slice(s + 1, e).map((l) => l.slice(Math.min(4, indentOf(l))));
      if (await tryLines([...lines.slice(0, s), ...body, ...lines.slice(e)])) {
        progress = true;
        all = statements(lines);
      }
    }
  }
  return lines.join("\n") + "\n";
}
