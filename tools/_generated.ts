/**
 * What the generators share: a generated file (path and text) and the digest of its inputs.
 *
 * @example
 * ```ts
 * import { digestOf } from "./_generated.ts";
 * console.log((await digestOf(["a", "b"])).length); // 64
 * ```
 * @module
 */

/** A file a generator writes, relative to the repository root. */
export interface GeneratedFile {
  path: string;
  text: string;
}

/** sha256 (hex) of the concatenated parts. */
export async function digestOf(parts: string[]): Promise<string> {
  const bytes = new TextEncoder().encode(parts.join(""));
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(hash, (b) => b.toString(16).padStart(2, "0")).join("");
}
