/**
 * A session: one Python interpreter inside this JavaScript process — its own `sys`, `builtins` and
 * `__main__`, and the process-wide state that goes with them. In: how to set it up (argv, tier,
 * flags, streams, the module registry and import policy). Out: a Session that can be entered
 * (its state becomes the process's) and left (the previous state comes back).
 *
 * Much of the runtime's state is module-level, because one program per process is the common
 * case and a global is the fastest thing to read: the import system's state (sys.modules, the
 * registry), the thread state (current frame, depth, recursion limit, exception being handled),
 * the current tier, the compiler's `-O`, the std streams and their sinks, the sys and builtins
 * modules lib/ reads, and the interrupt budget. A command-line run enters one session for good;
 * an embedding runtime (driver/runtime.ts) enters its session around each call into Python, so
 * that two runtimes in one process stay independent (also when one calls the other).
 *
 * @example
 * ```ts
 * import { newSession } from "./session.ts";
 * const session = newSession({ argv: [""], tier: "interp" });
 * const token = session.enter();
 * // … run code with session.globals …
 * session.exit(token);
 * ```
 * @module
 */
import { None, PyDict, PyModule, type PyValue } from "../objects/object.ts";
import { type PyTextStream, restoreStdio, saveStdio, type StdioState } from "../objects/stdio.ts";
import { compileFlags } from "../compiler/codegen.ts";
import { type Frame, threadState } from "../vm/frame.ts";
import { importState, type ModuleRegistry } from "../vm/import_state.ts";
import { addModule, connectImportSystem, setBuiltinModuleSpec } from "../vm/import.ts";
import { builtinImporterType, newSourceFileLoader } from "../vm/loaders.ts";
import { interpTier } from "../vm/interp.ts";
import { specializedTier } from "../specializer/tier.ts";
import { jitTier } from "../jit/tier.ts";
import { interruptState } from "../vm/interrupts.ts";
import { currentTier, setCurrentTier, type Tier } from "../vm/tier.ts";
import { newBuiltinsModule, setBuiltinsModule } from "../lib/builtins.ts";
import { makeSysModule, setSysModule } from "../lib/modules/sys.ts";
import { STDLIB_REGISTRY } from "../lib/registry.ts";
import { intStrLimit } from "../objects/types/int_type.ts";
import { installSiteBuiltins } from "./site.ts";

/**
 * The execution tiers, lowest first: `--tier X` enables X and every tier below it.
 *
 * @example
 * ```ts
 * import { TIER_NAMES } from "@pyjit/core";
 * console.log(TIER_NAMES.join(", ")); // "interp, specialized, jit"
 * ```
 */
export const TIER_NAMES = ["interp", "specialized", "jit"] as const;

/**
 * One of TIER_NAMES.
 *
 * @example
 * ```ts
 * import { createRuntime, type TierName } from "@pyjit/core";
 * const tier: TierName = "interp";
 * createRuntime({ tier });
 * ```
 */
export type TierName = typeof TIER_NAMES[number];

/**
 * The tiers, lowest first. A tier that is not built yet runs the highest built tier below it (and
 * `--stats` says which tiers are active).
 */
const TIERS: Record<TierName, Tier | null> = {
  interp: interpTier,
  specialized: specializedTier,
  jit: jitTier,
};

/** The tier `--tier name` runs: `name`'s, or the highest built one below it. */
export function pickTier(name: TierName): Tier {
  for (let i = TIER_NAMES.indexOf(name); i >= 0; i--) {
    const t = TIERS[TIER_NAMES[i]];
    if (t !== null) return t;
  }
  return TIERS.interp!;
}

/**
 * `sys.flags` as the command line sets them (fields absent: CPython's defaults).
 *
 * @example
 * ```ts
 * import { type PythonFlags, runProgram } from "@pyjit/core";
 * const flags: PythonFlags = { optimize: 1 }; // -O: assert statements are skipped
 * runProgram("assert False\n", { filename: "<string>", argv: ["-c"], tier: "jit", flags });
 * ```
 */
export interface PythonFlags {
  /** `-d` */
  debug?: number;
  /** `-i` */
  inspect?: number;
  /** `-i` */
  interactive?: number;
  /** `-O` count */
  optimize?: number;
  /** `-B` (and PYTHONDONTWRITEBYTECODE): the compile cache is read but not written. */
  dontWriteBytecode?: number;
  /** `-s` */
  noUserSite?: number;
  /** `-S` */
  noSite?: number;
  /** `-E` (and `-I`) */
  ignoreEnvironment?: number;
  /** `-v` count */
  verbose?: number;
  /** `-b` count */
  bytesWarning?: number;
  /** `-q` */
  quiet?: number;
  /** `-I` */
  isolated?: number;
  /** `-X dev` */
  devMode?: boolean;
  /** `-X utf8` */
  utf8Mode?: number;
  /** `-X warn_default_encoding` */
  warnDefaultEncoding?: number;
  /** `-P` (and `-I`) */
  safePath?: boolean;
  /** `-X int_max_str_digits` */
  intMaxStrDigits?: number;
}

/** sys.flags field names of PythonFlags' keys. */
const FLAG_FIELDS: Record<keyof PythonFlags, string> = {
  debug: "debug",
  inspect: "inspect",
  interactive: "interactive",
  optimize: "optimize",
  dontWriteBytecode: "dont_write_bytecode",
  noUserSite: "no_user_site",
  noSite: "no_site",
  ignoreEnvironment: "ignore_environment",
  verbose: "verbose",
  bytesWarning: "bytes_warning",
  quiet: "quiet",
  isolated: "isolated",
  devMode: "dev_mode",
  utf8Mode: "utf8_mode",
  warnDefaultEncoding: "warn_default_encoding",
  safePath: "safe_path",
  intMaxStrDigits: "int_max_str_digits",
};

/** How to set up a session. */
export interface SessionOptions {
  /** `sys.argv`. */
  argv: string[];
  /** The highest tier to use. */
  tier: TierName;
  /** `__main__`'s file (absolute), or a pseudo-file such as `<string>` (default `<stdin>`). */
  filename?: string;
  /** `sys.path`'s entries before the standard library (default: [""]). */
  path?: string[];
  /** `sys.orig_argv` (default: "pyjit" and argv). */
  origArgv?: string[];
  /** `sys.flags` that differ from the defaults. */
  flags?: PythonFlags;
  /** `sys.warnoptions`. */
  warnOptions?: string[];
  /** `sys._xoptions`. */
  xOptions?: [string, PyValue][];
  /** An interactive session (`sys.ps1`, `sys.ps2`). */
  interactive?: boolean;
  /** The modules that can be imported without a file (default: the standard library's). */
  registry?: ModuleRegistry;
  /** Which modules the session's code may import (vm/import_state.ts importAllowed). */
  importAllowed?: ((name: string, importer: string | null) => boolean) | null;
  /** `sys.getrecursionlimit()` (default 1000). */
  recursionLimit?: number;
  /** Where the streams go (default: where they go now); `ownStreams` gives fresh sys.std* objects. */
  stdio?: Partial<Omit<StdioState, "stdin" | "stdout" | "stderr">> & {
    ownStreams?: [PyTextStream, PyTextStream, PyTextStream];
  };
}

/** Everything process-wide that belongs to the session running now. */
interface GlobalState {
  registry: ModuleRegistry;
  modules: PyDict;
  sysDict: PyDict | null;
  runModules: Map<string, PyModule>;
  builtinsDict: PyDict;
  originalImport: PyValue;
  importAllowed: ((name: string, importer: string | null) => boolean) | null;
  frame: Frame | null;
  depth: number;
  recursionLimit: number;
  excInfo: PyValue;
  tier: Tier;
  optimize: number;
  stdio: StdioState;
  deadline: number;
  stepsLeft: number;
  budgetMessage: string;
  intMaxStrDigits: number;
}

function captureGlobals(): GlobalState {
  return {
    registry: importState.registry,
    modules: importState.modules,
    sysDict: importState.sysDict,
    runModules: importState.runModules,
    builtinsDict: importState.builtins,
    originalImport: importState.originalImport,
    importAllowed: importState.importAllowed,
    frame: threadState.frame,
    depth: threadState.depth,
    recursionLimit: threadState.recursionLimit,
    excInfo: threadState.excInfo,
    tier: currentTier,
    optimize: compileFlags.optimize,
    stdio: saveStdio(),
    deadline: interruptState.deadline,
    stepsLeft: interruptState.stepsLeft,
    budgetMessage: interruptState.budgetMessage,
    intMaxStrDigits: intStrLimit.maxDigits,
  };
}

function installGlobals(s: GlobalState): void {
  importState.registry = s.registry;
  importState.modules = s.modules;
  importState.sysDict = s.sysDict;
  importState.runModules = s.runModules;
  importState.builtins = s.builtinsDict;
  importState.originalImport = s.originalImport;
  importState.importAllowed = s.importAllowed;
  threadState.frame = s.frame;
  threadState.depth = s.depth;
  threadState.recursionLimit = s.recursionLimit;
  threadState.excInfo = s.excInfo;
  setCurrentTier(s.tier);
  compileFlags.optimize = s.optimize;
  restoreStdio(s.stdio);
  interruptState.deadline = s.deadline;
  interruptState.stepsLeft = s.stepsLeft;
  interruptState.budgetMessage = s.budgetMessage;
  intStrLimit.maxDigits = s.intMaxStrDigits;
  const sys = s.runModules.get("sys");
  if (sys !== undefined) setSysModule(sys);
  const builtins = s.runModules.get("builtins");
  if (builtins !== undefined) setBuiltinsModule(builtins);
}

/** sys.int_info.default_max_str_digits. */
const DEFAULT_MAX_STR_DIGITS = 4300;

/** The session whose state is the process's now (null: none entered). */
let activeSession: Session | null = null;

/** What `exit` needs to put back what `enter` replaced (null: the session was already running). */
export type EnterToken = { previous: Session | null; previousState: GlobalState | null } | null;

/** One Python interpreter's state: see the module comment. */
export class Session {
  /** The session's `sys` module. */
  sys: PyModule;
  /** The session's `builtins` module. */
  builtins: PyModule;
  /** `__main__`'s namespace. */
  globals: PyDict;
  /** The tier the session runs. */
  readonly tier: Tier;
  /** The session's state while another one runs. */
  private state: GlobalState;

  /** A session with `state` (newSession fills in its modules). */
  constructor(tier: Tier, state: GlobalState) {
    this.sys = new PyModule("sys");
    this.builtins = new PyModule("builtins");
    this.globals = new PyDict();
    this.tier = tier;
    this.state = state;
  }

  /** Whether this session's state is the process's now. */
  get active(): boolean {
    return activeSession === this;
  }

  /**
   * Makes this session's state the process's (the running one's state is kept in it); a no-op
   * when it already is. Pass the token to `exit`.
   */
  enter(): EnterToken {
    if (activeSession === this) return null;
    const live = captureGlobals();
    const previous = activeSession;
    if (previous !== null) previous.state = live;
    installGlobals(this.state);
    activeSession = this;
    return { previous, previousState: previous === null ? live : null };
  }

  /** Puts back the state `enter` replaced (this session's state is kept for its next entry). */
  exit(token: EnterToken): void {
    if (token === null) return;
    this.state = captureGlobals();
    activeSession = token.previous;
    installGlobals(token.previous !== null ? token.previous.state : token.previousState!);
  }
}

/** Makes a session: fresh `sys`, `builtins` (with the site additions) and `__main__`. */
export function newSession(options: SessionOptions): Session {
  const filename = options.filename ?? "<stdin>";
  const tier = pickTier(options.tier);
  const base = captureGlobals();
  const stdio: StdioState = {
    ...base.stdio,
    ...options.stdio,
  };
  if (options.stdio?.ownStreams !== undefined) {
    [stdio.stdin, stdio.stdout, stdio.stderr] = options.stdio.ownStreams;
  }
  const session = new Session(tier, {
    ...base,
    registry: options.registry ?? STDLIB_REGISTRY,
    importAllowed: options.importAllowed ?? null,
    frame: null,
    depth: 0,
    recursionLimit: options.recursionLimit ?? 1000,
    excInfo: None,
    tier,
    optimize: options.flags?.optimize ?? 0,
    stdio,
    deadline: Infinity,
    stepsLeft: Infinity,
    budgetMessage: "",
    intMaxStrDigits: options.flags?.intMaxStrDigits ?? DEFAULT_MAX_STR_DIGITS,
  });
  const token = session.enter();
  try {
    const flags: Record<string, PyValue> = {};
    for (const [key, value] of Object.entries(options.flags ?? {})) {
      if (value !== undefined) flags[FLAG_FIELDS[key as keyof PythonFlags]] = value;
    }
    const sys = makeSysModule(options.argv, {
      path: options.path ?? [""],
      origArgv: options.origArgv,
      flags,
      warnOptions: options.warnOptions,
      xOptions: options.xOptions,
      interactive: options.interactive,
    });
    const builtins = newBuiltinsModule();
    installSiteBuiltins(builtins.dict!, {
      noSite: !!options.flags?.noSite,
      optimize: options.flags?.optimize ?? 0,
    });
    connectImportSystem(sys, builtins);
    setBuiltinModuleSpec(sys);
    setBuiltinModuleSpec(builtins);
    addModule("sys", sys);
    addModule("builtins", builtins);
    const globals = mainGlobals(filename, builtins);
    addModule("__main__", new PyModule("__main__", globals));
    session.sys = sys;
    session.builtins = builtins;
    session.globals = globals;
  } finally {
    session.exit(token);
  }
  return session;
}

/** `__main__`'s namespace as CPython starts it (a file's `__file__` and loader, else the builtin importer). */
function mainGlobals(filename: string, builtins: PyModule): PyDict {
  const pseudoFile = filename.startsWith("<");
  const globals = new PyDict();
  globals.setStr("__name__", "__main__");
  globals.setStr("__doc__", None);
  globals.setStr("__package__", None);
  globals.setStr("__loader__", pseudoFile ? builtinImporterType : newSourceFileLoader("__main__", filename));
  globals.setStr("__spec__", None);
  globals.setStr("__annotations__", new PyDict());
  globals.setStr("__builtins__", builtins);
  if (!pseudoFile) {
    globals.setStr("__file__", filename);
    globals.setStr("__cached__", None);
  }
  return globals;
}
