/**
 * The stencil build (`deno task stencils`): C sources (stencils/uops.c, template.h, trampoline.c)
 * → clang-19 assembly → straightened hot paths (optimize_asm.ts) → ELF relocatable objects → `stencils/generated/x86_64-linux.ts`, holding per uop its
 * code bytes, data bytes and holes, plus the entry trampoline's shared object as base64.
 *
 * It reads the ELF files itself (stencils/elf.ts) and fails loudly on anything it does not know: a
 * relocation kind outside `RELOCATION_KINDS` (by name), an unknown external symbol, a uop without a
 * stencil or a stencil without a uop, a stencil whose holes do not match its uop's declared fields.
 * The output is deterministic: building twice from the same inputs gives the same bytes.
 *
 * @example
 * ```sh
 * deno task stencils            # rebuild the table
 * deno task stencils --stdout   # print it instead of writing it
 * ```
 * @module
 */
import { ASSEMBLER_FLAGS, CLANG, inputDigest, ROOT, STENCIL_FLAGS, TRAMPOLINE_FLAGS } from "./inputs.ts";
import { straightenHotPath } from "./optimize_asm.ts";
import {
  type ElfObject,
  type ElfSection,
  readElf,
  relocationName,
  SHF_ALLOC,
  SHF_EXECINSTR,
  SHN_UNDEF,
  SHT_NOBITS,
} from "./elf.ts";
import {
  type HoleRecord,
  type HoleValue,
  RELOCATION_KINDS,
  type RelocationKind,
  type StencilRecord,
} from "./schema.ts";
import {
  FIELD_SYMBOLS,
  fieldLocations,
  FIELDS,
  LIBM_SYMBOLS,
  registerVariants,
  UOPS,
  type UopSpec,
} from "../instructions/native_uops.ts";

/** Where the generated table goes. */
export const GENERATED_PATH = "stencils/generated/x86_64-linux.ts";

/** One `UOP(NAME) { ... }` block of uops.c and the line it starts on. */
interface UopSource {
  readonly name: string;
  readonly line: number;
  readonly text: string;
}

/** Splits uops.c into its `UOP(NAME)` blocks (text up to the next block). */
export function splitUopSources(source: string): UopSource[] {
  const lines = source.split("\n");
  const blocks: UopSource[] = [];
  let current: { name: string; line: number; lines: string[] } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const match = /^UOP\((\w+)\)/.exec(lines[i]);
    if (match) {
      if (current) blocks.push({ name: current.name, line: current.line, text: current.lines.join("\n") });
      current = { name: match[1], line: i + 1, lines: [] };
    }
    if (current) current.lines.push(lines[i]);
  }
  if (current) blocks.push({ name: current.name, line: current.line, text: current.lines.join("\n") });
  return blocks;
}

async function run(command: string, args: string[], stdin?: string): Promise<Uint8Array> {
  const child = new Deno.Command(command, {
    args,
    cwd: ROOT,
    stdin: stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (stdin !== undefined) {
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(stdin));
    await writer.close();
  }
  const out = await child.output();
  if (!out.success) {
    throw new Error(`${command} ${args.join(" ")} failed:\n${new TextDecoder().decode(out.stderr)}`);
  }
  return out.stdout;
}

/**
 * Why the stencil toolchain cannot run here (null when it can): clang-19 builds the stencils, and
 * lld-19 links the entry trampoline (`-fuse-ld=lld`). Debian packages clang-19, lld-19, llvm-19.
 */
export function toolchainProblem(): string | null {
  let lld: string;
  try {
    const out = new Deno.Command(CLANG, {
      args: ["-print-prog-name=ld.lld"],
      stdout: "piped",
      stderr: "null",
    })
      .outputSync();
    if (!out.success) return `${CLANG} does not run (install clang-19, lld-19 and llvm-19)`;
    lld = new TextDecoder().decode(out.stdout).trim();
  } catch {
    return `${CLANG} is not installed (install clang-19, lld-19 and llvm-19)`;
  }
  try {
    if (!lld.includes("/") || !Deno.statSync(lld).isFile) throw new Error();
  } catch {
    return `lld is not installed for ${CLANG} (no ${lld}; install lld-19)`;
  }
  return null;
}

/** The first line of `clang-19 --version`. */
export async function clangVersion(): Promise<string> {
  const out = new TextDecoder().decode(await run(CLANG, ["--version"]));
  return out.split("\n")[0].trim();
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return btoa(binary);
}

const FIELD_VALUE_BY_SYMBOL: ReadonlyMap<string, HoleValue> = new Map([
  [FIELD_SYMBOLS.a, "A"],
  [FIELD_SYMBOLS.b, "B"],
  [FIELD_SYMBOLS.c, "C"],
  [FIELD_SYMBOLS.operand, "OPERAND"],
  [FIELD_SYMBOLS.target, "TARGET"],
  ["_JIT_CONTINUE", "CONTINUE"],
]);

function relocationKind(type: number, uop: string): RelocationKind {
  const name = relocationName(type);
  if (!(RELOCATION_KINDS as readonly string[]).includes(name)) {
    throw new Error(`stencil ${uop}: unsupported relocation kind ${name}`);
  }
  return name as RelocationKind;
}

/** The function of the stencil with these field locations in a uop's object. */
export function stencilSymbol(locations: number): string {
  return `_JIT_ENTRY_${locations}`;
}

/**
 * One stencil of a compiled uop object (which holds one function per register variant, each in its
 * own section) → its record (code, data, holes), checked against the uop's spec.
 */
export function stencilFromElf(spec: UopSpec, elf: ElfObject, locations = 0): StencilRecord {
  const uop = spec.name;
  const symbol = stencilSymbol(locations);
  const entry = elf.symbols.find((s) => s.name === symbol);
  const text = entry ? elf.sections[entry.sectionIndex] : undefined;
  if (!entry || !text || (text.flags & SHF_EXECINSTR) === 0 || entry.value !== 0) {
    throw new Error(`stencil ${uop}: ${symbol} must start a code section of its own`);
  }
  const allocated = elf.sections.filter((s) =>
    (s.flags & SHF_ALLOC) !== 0 && s.size > 0 && (s === text || (s.flags & SHF_EXECINSTR) === 0)
  );

  // Data: every other allocated section, each at its alignment, in section order.
  const dataBase = new Map<number, number>();
  let dataSize = 0;
  let dataAlign = 1;
  const dataSections: ElfSection[] = [];
  for (const section of allocated) {
    if (section === text) continue;
    const align = Math.max(1, section.align);
    dataSize = Math.ceil(dataSize / align) * align;
    dataBase.set(section.index, dataSize);
    dataSize += section.size;
    dataAlign = Math.max(dataAlign, align);
    dataSections.push(section);
  }
  const data = new Uint8Array(dataSize);
  for (const section of dataSections) {
    if (section.type !== SHT_NOBITS) data.set(section.bytes, dataBase.get(section.index)!);
  }

  let code = text.bytes.slice();
  const holes: HoleRecord[] = [];
  for (const rel of elf.relocations) {
    const inCode = rel.targetSection === text.index;
    if (!inCode && !dataBase.has(rel.targetSection)) continue; // relocations of non-loaded sections
    const kind = relocationKind(rel.type, uop);
    const symbol = rel.symbol;
    let value: HoleValue;
    let name = "";
    let addend = rel.addend;
    if (symbol.sectionIndex === SHN_UNDEF) {
      const field = FIELD_VALUE_BY_SYMBOL.get(symbol.name);
      if (field) {
        value = field;
      } else if (LIBM_SYMBOLS.includes(symbol.name)) {
        value = "EXTERNAL";
        name = symbol.name;
      } else {
        throw new Error(`stencil ${uop}: unknown external symbol ${symbol.name}`);
      }
    } else if (symbol.sectionIndex === text.index) {
      value = "CODE";
      addend += symbol.value;
    } else if (dataBase.has(symbol.sectionIndex)) {
      value = "DATA";
      addend += dataBase.get(symbol.sectionIndex)! + symbol.value;
    } else {
      throw new Error(`stencil ${uop}: relocation against ${symbol.name} in an unloaded section`);
    }
    const offset = inCode ? rel.offset : dataBase.get(rel.targetSection)! + rel.offset;
    holes.push({ in: inCode ? "code" : "data", offset, kind, value, symbol: name, addend });
  }
  holes.sort((x, y) => (x.in === y.in ? x.offset - y.offset : x.in === "code" ? -1 : 1));

  // A tail call to the next uop as the very last instruction is dropped: the next stencil follows.
  const last = holes.findLast((h) => h.in === "code");
  if (last && last.value === "CONTINUE" && last.addend === -4 && last.offset === code.length - 4) {
    const indirect = (last.kind === "R_X86_64_GOTPCRELX" || last.kind === "R_X86_64_GOTPCREL") &&
      code[last.offset - 2] === 0xff && code[last.offset - 1] === 0x25;
    const direct = (last.kind === "R_X86_64_PLT32" || last.kind === "R_X86_64_PC32") &&
      code[last.offset - 1] === 0xe9;
    if (indirect || direct) {
      code = code.slice(0, last.offset - (indirect ? 2 : 1));
      holes.splice(holes.indexOf(last), 1);
    }
  }

  checkFields(spec, holes, locations);
  return { name: uop, locations, code: hex(code), data: hex(data), dataAlign, holes };
}

/**
 * Every field the uop declares is used by its stencil, and the stencil uses no other; in a register
 * variant, the fields in registers have no hole, and a declared field may be folded away.
 */
function checkFields(spec: UopSpec, holes: readonly HoleRecord[], locations: number): void {
  const used = new Set(holes.map((h) => h.value));
  const valueOf: Record<string, HoleValue> = { a: "A", b: "B", c: "C", operand: "OPERAND", target: "TARGET" };
  const [la, lb, lc] = fieldLocations(locations);
  const inRegister: Record<string, boolean> = { a: la !== 0, b: lb !== 0, c: lc !== 0 };
  for (const field of FIELDS) {
    const declared = spec[field] !== undefined && !inRegister[field];
    // A register variant may fold a field away (`x < x` never jumps, so it needs no target).
    const folded = locations !== 0 && declared && !used.has(valueOf[field]);
    if (declared !== used.has(valueOf[field]) && !folded) {
      throw new Error(
        `stencil ${spec.name}: field ${field} is ${
          declared ? "declared in instructions/native_uops.ts but unused" : "used but not declared"
        }`,
      );
    }
  }
  if (spec.terminator && used.has("CONTINUE")) {
    throw new Error(`stencil ${spec.name}: a terminator must not continue to the next uop`);
  }
}

/**
 * Compiles every stencil of one uop (the all-slots one and its register variants) in one
 * translation unit: C → assembly → straightened assembly → one object, one section per stencil.
 */
async function compileUop(spec: UopSpec, source: UopSource, dir: string): Promise<ElfObject> {
  const parts = ['#include "template.h"\n'];
  for (const locations of [0, ...registerVariants(spec)]) {
    const [la, lb, lc] = fieldLocations(locations);
    parts.push(
      `#define LOC_A ${la}\n#define LOC_B ${lb}\n#define LOC_C ${lc}\n#define STENCIL_NAME ${
        stencilSymbol(locations)
      }\n#include "locations.h"\n#line ${source.line} "stencils/uops.c"\n${source.text}\n` +
        "#undef LOC_A\n#undef LOC_B\n#undef LOC_C\n#undef STENCIL_NAME\n",
    );
  }
  const out = `${dir}/${source.name}.o`;
  const asm = new TextDecoder().decode(
    await run(CLANG, [...STENCIL_FLAGS, "-S", "-Istencils", "-x", "c", "-", "-o", "-"], parts.join("")),
  );
  await run(CLANG, [...ASSEMBLER_FLAGS, "-", "-o", out], straightenHotPath(asm));
  return readElf(await Deno.readFile(out));
}

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Builds everything and returns the text of the generated table. */
export async function buildTable(): Promise<string> {
  const version = await clangVersion();
  const sources = splitUopSources(await Deno.readTextFile(new URL("stencils/uops.c", ROOT)));
  const byName = new Map(sources.map((s) => [s.name, s]));
  if (byName.size !== sources.length) throw new Error("stencils/uops.c: a uop has two UOP blocks");
  const missing = UOPS.filter((u) => !byName.has(u.name)).map((u) => u.name);
  if (missing.length) throw new Error(`uops without a stencil in stencils/uops.c: ${missing.join(", ")}`);
  const unknown = sources.filter((s) => !UOPS.some((u) => u.name === s.name)).map((s) => s.name);
  if (unknown.length) {
    throw new Error(`stencils without a uop in instructions/native_uops.ts: ${unknown.join(", ")}`);
  }

  const dir = await Deno.makeTempDir({ prefix: "pyjit-stencils-" });
  try {
    const objects = await mapLimited(UOPS, 2, (spec) => compileUop(spec, byName.get(spec.name)!, dir));
    const stencils = UOPS.map((spec, i) => stencilFromElf(spec, objects[i], 0));
    UOPS.forEach((spec, i) => {
      for (const locations of registerVariants(spec)) {
        stencils.push(stencilFromElf(spec, objects[i], locations));
      }
    });
    const so = `${dir}/trampoline.so`;
    await run(CLANG, [...TRAMPOLINE_FLAGS, "stencils/trampoline.c", "-o", so]);
    const trampoline = await Deno.readFile(so);
    return render(await inputDigest(version), version, stencils, trampoline);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

function render(digest: string, version: string, stencils: StencilRecord[], trampoline: Uint8Array): string {
  const out: string[] = [];
  out.push("// generated by stencils/build.ts; do not edit");
  out.push(`// inputs sha256: ${digest}`);
  out.push(`// clang: ${version}`);
  out.push('import type { StencilRecord } from "../schema.ts";');
  out.push("");
  out.push("/** sha256 of the build's inputs (C sources, uop table, flags, clang version). */");
  out.push(`export const INPUT_DIGEST = ${JSON.stringify(digest)};`);
  out.push("/** The compiler that built this table. */");
  out.push(`export const CLANG_VERSION = ${JSON.stringify(version)};`);
  out.push(
    "/** One stencil per uop in the order of UOPS in instructions/native_uops.ts, then the register variants. */",
  );
  out.push("export const STENCILS: readonly StencilRecord[] = [");
  for (const s of stencils) {
    out.push(`  {`);
    out.push(`    name: ${JSON.stringify(s.name)},`);
    out.push(`    locations: ${s.locations},`);
    out.push(`    code: ${JSON.stringify(s.code)},`);
    out.push(`    data: ${JSON.stringify(s.data)},`);
    out.push(`    dataAlign: ${s.dataAlign},`);
    out.push(`    holes: [`);
    for (const h of s.holes) {
      out.push(
        `      { in: ${JSON.stringify(h.in)}, offset: ${h.offset}, kind: ${JSON.stringify(h.kind)}, value: ${
          JSON.stringify(h.value)
        }, symbol: ${JSON.stringify(h.symbol)}, addend: ${h.addend} },`,
      );
    }
    out.push(`    ],`);
    out.push(`  },`);
  }
  out.push("];");
  out.push("/** The entry trampoline (stencils/trampoline.c) as a shared object, base64. */");
  out.push(`export const TRAMPOLINE_SO_BASE64 = ${JSON.stringify(base64(trampoline))};`);
  out.push("");
  return out.join("\n");
}

if (import.meta.main) {
  const problem = toolchainProblem();
  if (problem !== null) {
    console.error(`deno task stencils: ${problem}`);
    Deno.exit(1);
  }
  try {
    const table = await buildTable();
    if (Deno.args.includes("--stdout")) {
      await Deno.stdout.write(new TextEncoder().encode(table));
    } else {
      await Deno.writeTextFile(new URL(GENERATED_PATH, ROOT), table);
      console.log(
        `wrote ${GENERATED_PATH} (${UOPS.length} uops, ${table.split("\n    name: ").length - 1} stencils)`,
      );
    }
  } catch (error) {
    console.error(`stencil build failed: ${error instanceof Error ? error.message : error}`);
    Deno.exit(1);
  }
}
