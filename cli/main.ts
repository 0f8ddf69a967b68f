/**
 * The `pyjit` command: command-line arguments → a program run (or a tool such as `-m ast`) → exit
 * status. Contract (DESIGN.md):
 *
 *   pyjit [--tier interp|specialized|jit] [--stats] [--dump-traces] (-c CODE | -m MODULE | FILE) [ARGS…]
 *
 * Exit status 0, 1 on an uncaught exception, 2 on a usage error or a missing file.
 *
 * @example
 * ```sh
 * deno run -A jsr:@pyjit/cli script.py
 * ```
 * @module
 */
import { parseArgs } from "node:util";
import {
  formatSyntaxError,
  PySyntaxError,
  runFile,
  runInteractive,
  runModule,
  runProgram,
  TIER_NAMES,
  type TierName,
  VERSION,
} from "@pyjit/core";

const USAGE =
  `usage: pyjit [--tier interp|specialized|jit] [--stats] [--dump-traces] (-c CODE | -m MODULE | FILE) [ARGS...]

Options:
  -c CODE          run the program passed in as a string
  -m MODULE        run a module as a script (ast and dis are built in)
  FILE             run the program in FILE
  --tier TIER      highest execution tier: interp, specialized or jit (default: jit)
  --stats          print specializer and JIT statistics to stderr at exit
  --dump-traces    print each JIT trace (uops before/after optimization, machine code) to stderr
  -h, --help       show this help and exit
  -V, --version    show the version and exit

With no program, pyjit starts an interactive session.
`;

/** What the command line asked for. */
type Invocation =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "usage-error"; message: string }
  | {
    kind: "run";
    tier: TierName;
    stats: boolean;
    dumpTraces: boolean;
    program: { kind: "code"; code: string } | { kind: "module"; name: string } | {
      kind: "file";
      path: string;
    } | {
      kind: "repl";
    };
    args: string[];
  };

/** Options that take a value: everything after `-c CODE`, `-m MODULE` or FILE belongs to the program. */
const VALUE_OPTIONS = new Set(["--tier", "-c", "-m"]);

/** Splits argv into pyjit's own options and the program's arguments, then parses the former. */
export function parseCommandLine(argv: string[]): Invocation {
  // Options end at the first argument that is not an option, or right after -c/-m and their value.
  let split = argv.length;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      split = i + 1;
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      split = i;
      break;
    }
    const name = arg.includes("=") ? arg.slice(0, arg.indexOf("=")) : arg;
    const attached = /^-[cm]./.test(arg) || arg.includes("=");
    if (name === "-c" || name === "-m" || arg.startsWith("-c") || arg.startsWith("-m")) {
      split = attached ? i + 1 : i + 2;
      break;
    }
    if (VALUE_OPTIONS.has(name) && !attached) i++;
  }
  const ours = argv.slice(0, Math.min(split, argv.length));
  let rest = argv.slice(Math.min(split, argv.length));
  let values;
  try {
    ({ values } = parseArgs({
      args: ours.filter((a) => a !== "--"),
      options: {
        tier: { type: "string" },
        stats: { type: "boolean" },
        "dump-traces": { type: "boolean" },
        c: { type: "string", short: "c" },
        m: { type: "string", short: "m" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "V" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    return { kind: "usage-error", message: (e as Error).message };
  }
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const tier = (values.tier ?? "jit") as TierName;
  if (!TIER_NAMES.includes(tier)) {
    return { kind: "usage-error", message: `--tier must be one of ${TIER_NAMES.join(", ")}, not '${tier}'` };
  }
  let program: Extract<Invocation, { kind: "run" }>["program"];
  if (values.c !== undefined) program = { kind: "code", code: values.c };
  else if (values.m !== undefined) program = { kind: "module", name: values.m };
  else if (rest.length > 0) {
    program = { kind: "file", path: rest[0] };
    rest = rest.slice(1);
  } else program = { kind: "repl" };
  return {
    kind: "run",
    tier,
    stats: !!values.stats,
    dumpTraces: !!values["dump-traces"],
    program,
    args: rest,
  };
}

const encoder = new TextEncoder();
function writeErr(text: string): void {
  Deno.stderr.writeSync(encoder.encode(text));
}
function writeOut(text: string): void {
  const bytes = encoder.encode(text);
  let written = 0;
  while (written < bytes.length) written += Deno.stdout.writeSync(bytes.subarray(written));
}

/** Reports an error that escaped as a JavaScript exception: never a JS stack trace unless asked for. */
function reportError(e: unknown): number {
  if (e instanceof PySyntaxError) {
    writeErr(formatSyntaxError(e));
    return 1;
  }
  const message = e instanceof Error ? e.message : String(e);
  if (message.startsWith("NotImplementedError:")) {
    writeErr(`${message}\n`);
  } else {
    writeErr(`pyjit: internal error: ${message}\n`);
  }
  if (Deno.env.get("PYJIT_DEBUG") && e instanceof Error) writeErr(`${e.stack}\n`);
  return 1;
}

/** Runs the command line and returns the exit status. */
export function main(argv: string[]): number {
  const inv = parseCommandLine(argv);
  switch (inv.kind) {
    case "help":
      writeOut(USAGE);
      return 0;
    case "version":
      writeOut(`pyjit ${VERSION.pyjit} (Python ${VERSION.python})\n`);
      return 0;
    case "usage-error":
      writeErr(`${USAGE}pyjit: error: ${inv.message}\n`);
      return 2;
  }
  try {
    const options = {
      tier: inv.tier,
      stats: inv.stats,
      dumpTraces: inv.dumpTraces,
      origArgv: ["pyjit", ...argv],
    };
    switch (inv.program.kind) {
      case "code":
        return runProgram(inv.program.code, { ...options, filename: "<string>", argv: ["-c", ...inv.args] });
      case "module":
        return runModule(inv.program.name, inv.args, options);
      case "file":
        return runFile(inv.program.path, inv.args, options);
      case "repl":
        return runInteractive({ ...options, filename: "<stdin>", argv: [""] });
    }
  } catch (e) {
    return reportError(e);
  }
}

if (import.meta.main) {
  Deno.exit(main(Deno.args));
}
