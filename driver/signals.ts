/**
 * SIGINT for the command line: a signal → a flag the interpreter checks (vm/interrupts.ts), so
 * that Ctrl-C raises KeyboardInterrupt in the running code as in CPython, also while it sleeps or
 * waits for input. And the exit CPython makes after an uncaught KeyboardInterrupt: killed by
 * SIGINT (a shell shows status 130).
 *
 * How: Deno delivers signals to JavaScript only through its event loop, which never turns while a
 * synchronous Python program runs. So the handler is native: six bytes of machine code that store
 * 1 into `signalFlags` (whose memory does not move), put in a page from `mmap` (written, then made
 * read-execute with `mprotect`) and installed with `sigaction` without SA_RESTART (a blocking
 * read of stdin then fails with EINTR, which stdio turns into the check). It needs FFI (asked
 * without prompting) on x86-64 Linux; elsewhere SIGINT keeps its default action and ends the
 * process. Installing costs about a millisecond (opening libc), so it happens lazily: at the first
 * interrupt check of a running program, or before it blocks in a sleep or a read.
 *
 * @example
 * ```ts
 * import { requestSigintHandler } from "./signals.ts";
 * requestSigintHandler(); // installed when the program first checks for interrupts
 * ```
 * @module
 */
import { interruptState, signalFlags } from "../vm/interrupts.ts";
import { permissionGranted } from "../objects/permissions.ts";

const SIGINT = 2;
const PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4;
const MAP_PRIVATE = 0x02, MAP_ANONYMOUS = 0x20;
const PAGE = 4096;
/** `struct sigaction` on x86-64 Linux: handler, 128-byte mask, flags (+ padding), restorer. */
const SIGACTION_SIZE = 152;

const LIBC_SYMBOLS = {
  mmap: { parameters: ["pointer", "usize", "i32", "i32", "i32", "isize"], result: "pointer" },
  mprotect: { parameters: ["pointer", "usize", "i32"], result: "i32" },
  sigaction: { parameters: ["i32", "buffer", "buffer"], result: "i32" },
  raise: { parameters: ["i32"], result: "i32" },
} as const;

type Libc = Deno.DynamicLibrary<typeof LIBC_SYMBOLS>["symbols"];

let libc: Libc | null = null;
let handlerInstalled = false;

/**
 * Asks for the native SIGINT handler: it is installed at the first interrupt check (or at once
 * with `installSigintHandlerNow`). Nothing happens where FFI is refused or the platform differs.
 */
export function requestSigintHandler(): void {
  if (!handlerInstalled) interruptState.installSignalHandler = installHandler;
}

/** Installs the handler now (the REPL does, before it runs anything); whether it is in place. */
export function installSigintHandlerNow(): boolean {
  if (!handlerInstalled) {
    interruptState.installSignalHandler = null;
    installHandler();
  }
  return handlerInstalled;
}

/** The handler's machine code: `movabs rax, flagAddress; mov dword [rax], 1; ret`. */
function handlerCode(flagAddress: bigint): Uint8Array {
  const code = new Uint8Array(17);
  code.set([0x48, 0xb8], 0);
  new DataView(code.buffer).setBigUint64(2, flagAddress, true);
  code.set([0xc7, 0x00, 0x01, 0x00, 0x00, 0x00, 0xc3], 10);
  return code;
}

function installHandler(): void {
  if (
    handlerInstalled || Deno.build.os !== "linux" || Deno.build.arch !== "x86_64" ||
    !permissionGranted({ name: "ffi" })
  ) return;
  try {
    libc = Deno.dlopen("libc.so.6", LIBC_SYMBOLS).symbols;
    const page = libc.mmap(null, BigInt(PAGE), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0n);
    if (page === null || Deno.UnsafePointer.value(page) === -1n) return;
    const flagAddress = BigInt(Deno.UnsafePointer.value(Deno.UnsafePointer.of(signalFlags)));
    new Uint8Array(Deno.UnsafePointerView.getArrayBuffer(page, PAGE)).set(handlerCode(flagAddress));
    if (libc.mprotect(page, BigInt(PAGE), PROT_READ | PROT_EXEC) !== 0) return;
    const action = new Uint8Array(SIGACTION_SIZE);
    new DataView(action.buffer).setBigUint64(0, BigInt(Deno.UnsafePointer.value(page)), true);
    if (libc.sigaction(SIGINT, action, null) !== 0) return;
    handlerInstalled = true;
  } catch {
    // no libc or no executable memory: SIGINT keeps its default action
  }
}

/**
 * Ends the process as CPython does after an uncaught KeyboardInterrupt: killed by SIGINT (the
 * default action restored first), or, where the handler was never installed, exit status 130.
 */
export function exitBySigint(): never {
  if (handlerInstalled && libc !== null) {
    const action = new Uint8Array(SIGACTION_SIZE); // SIG_DFL
    libc.sigaction(SIGINT, action, null);
    libc.raise(SIGINT);
  }
  Deno.exit(130);
}
