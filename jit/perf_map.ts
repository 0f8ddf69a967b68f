/**
 * `--perf`: names native traces for Linux `perf`. In: each native trace as it is compiled (the
 * address and size of its machine code, its Python function, file and loop line). Out: one line
 * `START SIZE name` (hexadecimal address and size) appended to `/tmp/perf-PID.map`, the file
 * `perf report` reads to name code that no ELF file describes. A later trace compiled into the
 * same memory adds its own line (perf takes the latest). JavaScript traces are V8's to name:
 * run Deno with `--v8-flags=--perf-basic-prof` for those.
 *
 * @example
 * ```ts
 * import { enablePerfMap, notePerfSymbol } from "./perf_map.ts";
 * enablePerfMap(true);
 * notePerfSymbol(0x7f0000001000, 256, "py::loop script.py:3");
 * ```
 * @module
 */
import { permissionGranted } from "../objects/permissions.ts";

const state: { on: boolean; path: string; symbols: number; failure: string | null } = {
  on: false,
  path: "",
  symbols: 0,
  failure: null,
};

/** Turns the perf map on (the file is made on the first symbol) or off. */
export function enablePerfMap(on: boolean): void {
  state.on = on;
  state.path = `/tmp/perf-${Deno.pid}.map`;
  state.symbols = 0;
  state.failure = null;
}

/** Appends a symbol for `size` bytes of code at `address`; a failure turns the map off, once. */
export function notePerfSymbol(address: number, size: number, name: string): void {
  if (!state.on || state.failure !== null) return;
  if (!permissionGranted({ name: "write", path: state.path })) {
    state.failure = `no write permission for ${state.path}`;
    return;
  }
  try {
    // perf reads names up to the end of the line: no newlines in them.
    const line = `${address.toString(16)} ${size.toString(16)} ${name.replace(/\s*\n\s*/g, " ")}\n`;
    Deno.writeTextFileSync(state.path, line, { append: true });
    state.symbols++;
  } catch (e) {
    state.failure = e instanceof Error ? e.message : String(e);
  }
}

/** The --stats line of the perf map (none when it is off). */
export function perfMapStats(): string[] {
  if (!state.on) return [];
  if (state.failure !== null) return [`jit perf map: not written (${state.failure})`];
  return [`jit perf map: ${state.symbols} native traces named in ${state.path}`];
}
