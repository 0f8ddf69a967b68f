/**
 * Whether Deno already grants a permission (a descriptor in, true or false out), asked with
 * `querySync` so that pyjit never makes Deno prompt; false where it cannot be asked (no permission
 * API in the host). Every feature that works only where allowed (the compile cache, the history
 * file, reading a script, signal handlers, libc) asks here.
 *
 * @example
 * ```ts
 * import { permissionGranted } from "./permissions.ts";
 * console.log(typeof permissionGranted({ name: "env", variable: "HOME" })); // "boolean"
 * ```
 * @module
 */

/** Whether `descriptor` is granted now (never prompts). */
export function permissionGranted(descriptor: Deno.PermissionDescriptor): boolean {
  try {
    return Deno.permissions.querySync(descriptor).state === "granted";
  } catch {
    return false;
  }
}
