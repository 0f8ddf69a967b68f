/**
 * ELF64 little-endian relocatable objects (what `clang -c` writes for x86-64) → sections, symbols
 * and relocations. Only what the stencil build needs: no program headers, no dynamic sections.
 * Anything outside that (another class, byte order or machine) fails loudly.
 *
 * @example
 * ```ts
 * import { readElf } from "./elf.ts";
 * const elf = readElf(await Deno.readFile("uop.o"));
 * console.log(elf.sections.map((s) => s.name));
 * ```
 * @module
 */

/** Section types used below (ELF `sh_type`). */
export const SHT_PROGBITS = 1;
export const SHT_SYMTAB = 2;
export const SHT_STRTAB = 3;
export const SHT_RELA = 4;
export const SHT_NOBITS = 8;
/** Section flags (ELF `sh_flags`). */
export const SHF_ALLOC = 0x2;
export const SHF_EXECINSTR = 0x4;
/** Symbol types (low nibble of `st_info`). */
export const STT_SECTION = 3;
/** The section index of an undefined symbol. */
export const SHN_UNDEF = 0;

const EM_X86_64 = 62;

/** One section. `bytes` is empty for SHT_NOBITS (its `size` still counts). */
export interface ElfSection {
  readonly index: number;
  readonly name: string;
  readonly type: number;
  readonly flags: number;
  readonly size: number;
  readonly align: number;
  readonly link: number;
  readonly info: number;
  readonly bytes: Uint8Array;
}

/** One symbol of `.symtab`. Section symbols get their section's name. */
export interface ElfSymbol {
  readonly name: string;
  readonly type: number;
  readonly binding: number;
  readonly sectionIndex: number;
  readonly value: number;
}

/** One entry of a `.rela*` section, applying to section `targetSection`. */
export interface ElfRelocation {
  readonly targetSection: number;
  readonly offset: number;
  readonly type: number;
  readonly symbol: ElfSymbol;
  readonly addend: number;
}

/** A parsed relocatable object. */
export interface ElfObject {
  readonly sections: readonly ElfSection[];
  readonly symbols: readonly ElfSymbol[];
  readonly relocations: readonly ElfRelocation[];
}

function cString(bytes: Uint8Array, offset: number): string {
  let end = offset;
  while (end < bytes.length && bytes[end] !== 0) end++;
  return new TextDecoder().decode(bytes.subarray(offset, end));
}

function safeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new Error(`ELF: ${what} ${value} does not fit a JavaScript number`);
  }
  return Number(value);
}

/** Parses an ELF64 little-endian x86-64 relocatable object. */
export function readElf(file: Uint8Array): ElfObject {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (view.getUint32(0, false) !== 0x7f454c46) throw new Error("ELF: bad magic");
  if (file[4] !== 2) throw new Error("ELF: not a 64-bit object");
  if (file[5] !== 1) throw new Error("ELF: not little-endian");
  if (view.getUint16(18, true) !== EM_X86_64) throw new Error("ELF: not x86-64");
  const shoff = safeNumber(view.getBigUint64(0x28, true), "e_shoff");
  const shentsize = view.getUint16(0x3a, true);
  const shnum = view.getUint16(0x3c, true);
  const shstrndx = view.getUint16(0x3e, true);

  const raw = [];
  for (let i = 0; i < shnum; i++) {
    const at = shoff + i * shentsize;
    const offset = safeNumber(view.getBigUint64(at + 24, true), "sh_offset");
    const size = safeNumber(view.getBigUint64(at + 32, true), "sh_size");
    const type = view.getUint32(at + 4, true);
    raw.push({
      nameOffset: view.getUint32(at, true),
      type,
      flags: safeNumber(view.getBigUint64(at + 8, true), "sh_flags"),
      size,
      align: safeNumber(view.getBigUint64(at + 48, true), "sh_addralign"),
      link: view.getUint32(at + 40, true),
      info: view.getUint32(at + 44, true),
      bytes: type === SHT_NOBITS ? new Uint8Array(0) : file.subarray(offset, offset + size),
    });
  }
  const names = raw[shstrndx].bytes;
  const sections: ElfSection[] = raw.map((s, index) => ({
    index,
    name: cString(names, s.nameOffset),
    type: s.type,
    flags: s.flags,
    size: s.size,
    align: s.align,
    link: s.link,
    info: s.info,
    bytes: s.bytes,
  }));

  const symtab = sections.find((s) => s.type === SHT_SYMTAB);
  const symbols: ElfSymbol[] = [];
  if (symtab) {
    const strings = sections[symtab.link].bytes;
    const symView = new DataView(symtab.bytes.buffer, symtab.bytes.byteOffset, symtab.bytes.byteLength);
    for (let at = 0; at + 24 <= symtab.bytes.length; at += 24) {
      const info = symView.getUint8(at + 4);
      const type = info & 0xf;
      const sectionIndex = symView.getUint16(at + 6, true);
      const name = type === STT_SECTION
        ? sections[sectionIndex].name
        : cString(strings, symView.getUint32(at, true));
      symbols.push({
        name,
        type,
        binding: info >> 4,
        sectionIndex,
        value: safeNumber(symView.getBigUint64(at + 8, true), "st_value"),
      });
    }
  }

  const relocations: ElfRelocation[] = [];
  for (const section of sections) {
    if (section.type !== SHT_RELA) continue;
    const relView = new DataView(section.bytes.buffer, section.bytes.byteOffset, section.bytes.byteLength);
    for (let at = 0; at + 24 <= section.bytes.length; at += 24) {
      const info = relView.getBigUint64(at + 8, true);
      relocations.push({
        targetSection: section.info,
        offset: safeNumber(relView.getBigUint64(at, true), "r_offset"),
        type: Number(info & 0xffffffffn),
        symbol: symbols[Number(info >> 32n)],
        addend: safeNumber(relView.getBigInt64(at + 16, true), "r_addend"),
      });
    }
  }
  return { sections, symbols, relocations };
}

/** x86-64 relocation type numbers → names (System V ABI, AMD64 supplement). */
export const X86_64_RELOCATION_NAMES: readonly string[] = [
  "R_X86_64_NONE",
  "R_X86_64_64",
  "R_X86_64_PC32",
  "R_X86_64_GOT32",
  "R_X86_64_PLT32",
  "R_X86_64_COPY",
  "R_X86_64_GLOB_DAT",
  "R_X86_64_JUMP_SLOT",
  "R_X86_64_RELATIVE",
  "R_X86_64_GOTPCREL",
  "R_X86_64_32",
  "R_X86_64_32S",
  "R_X86_64_16",
  "R_X86_64_PC16",
  "R_X86_64_8",
  "R_X86_64_PC8",
  "R_X86_64_DTPMOD64",
  "R_X86_64_DTPOFF64",
  "R_X86_64_TPOFF64",
  "R_X86_64_TLSGD",
  "R_X86_64_TLSLD",
  "R_X86_64_DTPOFF32",
  "R_X86_64_GOTTPOFF",
  "R_X86_64_TPOFF32",
  "R_X86_64_PC64",
  "R_X86_64_GOTOFF64",
  "R_X86_64_GOTPC32",
  "R_X86_64_GOT64",
  "R_X86_64_GOTPCREL64",
  "R_X86_64_GOTPC64",
  "R_X86_64_GOTPLT64",
  "R_X86_64_PLTOFF64",
  "R_X86_64_SIZE32",
  "R_X86_64_SIZE64",
  "R_X86_64_GOTPC32_TLSDESC",
  "R_X86_64_TLSDESC_CALL",
  "R_X86_64_TLSDESC",
  "R_X86_64_IRELATIVE",
  "R_X86_64_RELATIVE64",
  "R_X86_64_39",
  "R_X86_64_40",
  "R_X86_64_GOTPCRELX",
  "R_X86_64_REX_GOTPCRELX",
];

/** The name of an x86-64 relocation type, or `R_X86_64_<number>` for one outside the table. */
export function relocationName(type: number): string {
  return X86_64_RELOCATION_NAMES[type] ?? `R_X86_64_${type}`;
}
