/**
 * The stencil assembly pass: clang's x86-64 assembly (AT&T syntax) for one stencil → the same code
 * with its hot path straightened, before it is assembled. Stencils are laid end to end, so the
 * cheapest continuation is falling through into the next one; clang, however, places a guard's cold
 * exit (`jmp *_JIT_TARGET@GOTPCREL(%rip)`) last and reaches the next uop with a jump in the middle.
 * Two rewrites fix that (as CPython's Tools/jit optimizer does):
 * 1. a conditional jump to a block that only tail-calls a symbol jumps to that symbol directly;
 * 2. blocks after an unconditional jump or return that nothing references any more are deleted.
 * The tail call to `_JIT_CONTINUE` then ends the stencil, and the build drops it.
 *
 * @example
 * ```ts
 * import { straightenHotPath } from "./optimize_asm.ts";
 * console.log(straightenHotPath("f:\n\tjo\t.LBB0_1\n\tjmpq\t*_JIT_CONTINUE@GOTPCREL(%rip)\n.LBB0_1:\n\tjmpq\t*_JIT_TARGET@GOTPCREL(%rip)\n"));
 * ```
 * @module
 */

const LABEL = /^([.\w$]+):/;
const TAIL_CALL = /^\s+jmpq?\s+\*([\w$]+)@GOTPCREL\(%rip\)/;
const CONDITIONAL = /^(\s+j(?!mp)[a-z]+\s+)([.\w$]+)(.*)$/;
const UNCONDITIONAL = /^\s+(jmpq?|retq?|ud2)\b/;

function isInstruction(line: string): boolean {
  const text = line.trim();
  return text !== "" && !text.startsWith("#") && !text.startsWith(".") && !LABEL.test(text);
}

/** Applies the two rewrites until nothing changes. */
export function straightenHotPath(asm: string): string {
  let lines = asm.split("\n");
  for (let changed = true; changed;) {
    changed = false;
    // 1. Labels whose first instruction is a tail call through the GOT.
    const tailCallOf = new Map<string, string>();
    for (let i = 0; i < lines.length; i++) {
      const label = LABEL.exec(lines[i]);
      if (!label) continue;
      let j = i + 1;
      while (j < lines.length && !isInstruction(lines[j]) && !LABEL.test(lines[j])) j++;
      const call = j < lines.length ? TAIL_CALL.exec(lines[j]) : null;
      if (call) tailCallOf.set(label[1], call[1]);
    }
    lines = lines.map((line) => {
      const jump = CONDITIONAL.exec(line);
      const symbol = jump ? tailCallOf.get(jump[2]) : undefined;
      if (!jump || symbol === undefined) return line;
      changed = true;
      return `${jump[1]}${symbol}${jump[3]}`;
    });
    // 2. Unreferenced local blocks after an unconditional transfer.
    const text = lines.filter(isInstruction).join("\n");
    const out: string[] = [];
    let dead = false;
    for (const line of lines) {
      const label = LABEL.exec(line);
      if (label) {
        const referenced = !label[1].startsWith(".LBB") ||
          new RegExp(`[\\s,*]${label[1].replace(/[.$]/g, "\\$&")}\\b`).test(text);
        dead = dead && !referenced && label[1].startsWith(".LBB");
        if (dead) {
          changed = true;
          continue;
        }
      } else if (dead && isInstruction(line)) {
        changed = true;
        continue;
      }
      out.push(line);
      if (isInstruction(line) && UNCONDITIONAL.test(line)) dead = true;
      if (!isInstruction(line) && line.trim().startsWith(".Lfunc_end")) dead = false;
    }
    lines = out;
  }
  return lines.join("\n");
}
