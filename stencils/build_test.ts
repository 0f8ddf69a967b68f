// The stencil build: reproducible output, a digest that tracks the sources, and loud failures on
// relocation kinds, symbols and uops it does not know.
import assert from "node:assert/strict";
import { buildTable, GENERATED_PATH, splitUopSources, stencilFromElf, toolchainProblem } from "./build.ts";
import { checkStencilDigest } from "./check.ts";
import type { ElfObject, ElfSymbol } from "./elf.ts";
import { SHF_ALLOC, SHF_EXECINSTR, SHN_UNDEF, SHT_PROGBITS } from "./elf.ts";
import { ROOT } from "./inputs.ts";
import { UOP_IDS, UOPS } from "../instructions/native_uops.ts";

const toolchain = toolchainProblem();
if (toolchain !== null) console.warn(`skipping the reproducible-build test: ${toolchain}`);

Deno.test({
  name: "regenerating the stencil table with clang-19 and lld-19 leaves the committed file byte-identical",
  ignore: toolchain !== null,
  async fn() {
    const committed = await Deno.readTextFile(new URL(GENERATED_PATH, ROOT));
    assert.equal(await buildTable(), committed);
  },
});

Deno.test("the committed stencil table's digest matches its sources", async () => {
  assert.equal(await checkStencilDigest(), null);
});

Deno.test("stencils/uops.c has exactly one UOP block per uop of instructions/native_uops.ts", async () => {
  const blocks = splitUopSources(await Deno.readTextFile(new URL("stencils/uops.c", ROOT)));
  assert.deepEqual(blocks.map((b) => b.name).sort(), UOPS.map((u) => u.name).sort());
});

/** A minimal object: `code` in .text with `_JIT_ENTRY_0` at 0, and relocations against `symbols`. */
function fakeObject(
  code: number[],
  relocations: { offset: number; type: number; symbol: string }[],
): ElfObject {
  const text = {
    index: 1,
    name: ".text",
    type: SHT_PROGBITS,
    flags: SHF_ALLOC | SHF_EXECINSTR,
    size: code.length,
    align: 16,
    link: 0,
    info: 0,
    bytes: new Uint8Array(code),
  };
  const entry: ElfSymbol = { name: "_JIT_ENTRY_0", type: 2, binding: 1, sectionIndex: 1, value: 0 };
  const external = (name: string): ElfSymbol => ({
    name,
    type: 0,
    binding: 1,
    sectionIndex: SHN_UNDEF,
    value: 0,
  });
  return {
    sections: [{ ...text, index: 0, name: "", type: 0, flags: 0, size: 0, bytes: new Uint8Array() }, text],
    symbols: [entry],
    relocations: relocations.map((r) => ({
      targetSection: 1,
      offset: r.offset,
      type: r.type,
      symbol: external(r.symbol),
      addend: 0,
    })),
  };
}

Deno.test("an unknown relocation kind fails the build with its name", () => {
  const exit = UOPS[UOP_IDS.EXIT];
  const object = fakeObject([0xb8, 0, 0, 0, 0, 0xc3], [{ offset: 1, type: 23, symbol: "_JIT_OPERAND" }]);
  assert.throws(
    () => stencilFromElf(exit, object),
    /stencil EXIT: unsupported relocation kind R_X86_64_TPOFF32/,
  );
});

Deno.test("an unknown external symbol, or a field the uop does not declare, fails the build", () => {
  const exit = UOPS[UOP_IDS.EXIT];
  const callsPrintf = fakeObject([0xe8, 0, 0, 0, 0, 0xc3], [{ offset: 1, type: 4, symbol: "printf" }]);
  assert.throws(() => stencilFromElf(exit, callsPrintf), /unknown external symbol printf/);
  const usesA = fakeObject(
    [0x48, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0x8b, 0x04, 0x25, 0, 0, 0, 0, 0xc3],
    [{ offset: 2, type: 1, symbol: "_JIT_OPERAND" }, { offset: 13, type: 11, symbol: "_JIT_A" }],
  );
  assert.throws(() => stencilFromElf(exit, usesA), /field a is used but not declared/);
  const noOperand = fakeObject([0xc3], []);
  assert.throws(
    () => stencilFromElf(exit, noOperand),
    /field operand is declared in instructions\/native_uops.ts but unused/,
  );
});
