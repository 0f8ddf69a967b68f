/**
 * The version of pyjit, written once: the `version` of the package's deno.json (what JSR
 * publishes) → `VERSION.pyjit`; and the version of Python whose behaviour pyjit follows.
 *
 * @example
 * ```ts
 * import { VERSION } from "./version.ts";
 * console.log(`pyjit ${VERSION.pyjit} (Python ${VERSION.python})`);
 * ```
 * @module
 */
import config from "../deno.json" with { type: "json" };
import { PYTHON_VERSION } from "../lib/modules/sys.ts";

/**
 * The version of pyjit, and the version of Python (3.11.7) whose behaviour it follows.
 *
 * @example
 * ```ts
 * import { VERSION } from "@pyjit/core";
 * console.log(`pyjit ${VERSION.pyjit} (Python ${VERSION.python})`);
 * ```
 */
export const VERSION: { readonly pyjit: string; readonly python: string } = {
  pyjit: config.version,
  python: PYTHON_VERSION.join("."),
};
