/**
 * x ** y for doubles, the bits CPython prints. In: two doubles. Out: what the C library's pow
 * returns for them, which is what CPython's float_pow, int ** negative int, math.pow and complex
 * powers compute with.
 *
 * Neither JavaScript's Math.pow nor a correctly rounded power gives CPython's digits: V8's Math.pow
 * (fdlibm's algorithm) and glibc's pow are both accurate to about half an ulp, and near a rounding
 * midpoint each picks its own side. Measured on random `x ** n` (|x| < 3, n an integer below 40):
 * Math.pow differs from glibc on 1 in 25,000, a correctly rounded power on 1 in 1,000 (glibc is
 * not correctly rounded either). Non-integral exponents matched on 100,000 random cases. So pyjit
 * calls the C library's own pow through Deno FFI (an f64 call is a V8 fast call: in one loop,
 * 50-60 ns a call against Math.pow's 45-50 ns) and falls back to Math.pow where FFI is not permitted (an embedding without
 * `--allow-ffi`) or the library cannot be opened.
 */

/** The C library that holds pow on each platform Deno runs on. */
const LIBM_BY_OS: Partial<Record<typeof Deno.build.os, string>> = {
  linux: "libm.so.6",
  darwin: "libSystem.B.dylib",
  windows: "ucrtbase.dll",
};

type Pow = (x: number, y: number) => number;

/** The C library's pow, or Math.pow when it cannot be reached. */
function openPow(): Pow {
  const library = LIBM_BY_OS[Deno.build.os];
  try {
    if (library === undefined || Deno.permissions.querySync({ name: "ffi" }).state !== "granted") {
      return Math.pow;
    }
    const libm = Deno.dlopen(library, { pow: { parameters: ["f64", "f64"], result: "f64" } });
    return libm.symbols.pow as Pow;
  } catch {
    return Math.pow;
  }
}

let pow: Pow = (x, y) => {
  pow = openPow();
  return pow(x, y);
};

/** x ** y as the C library's pow computes it (no Python errors: the callers check the result). */
export function powDouble(x: number, y: number): number {
  return pow(x, y);
}
