/**
 * The runtimes compared: one table (`RUNTIMES`) → how to find each one on this machine (a probe that
 * yields its version and the command that runs a program) and the table/chart columns it fills.
 *
 * Every runtime runs a program as a subprocess whose stdout is checked and whose wall time is
 * measured, so all of them are timed the same way. Pyodide additionally reports, on stderr, the time
 * its program took inside the process (load excluded): that is a second column.
 * @module
 */

/**
 * pyjit's `--tier` values, lowest first (the CLI contract in DESIGN.md; a test checks they equal
 * mod.ts's TIER_NAMES). Not imported from mod.ts so that the harness still runs, and reports, when
 * pyjit's own modules are broken.
 */
export const PYJIT_TIERS = ["interp", "specialized", "jit"] as const;

/** One of PYJIT_TIERS. */
export type PyjitTier = typeof PYJIT_TIERS[number];

/** How a runtime is found and started. */
export type RuntimeKind =
  | {
    kind: "pyjit";
    tier: PyjitTier; /** Another checkout of pyjit (`--baseline`), else this one. */
    root?: string;
  }
  | { kind: "python"; command: string; flavour: "CPython" | "PyPy" }
  | { kind: "pyodide" };

/** One runtime: a column of the table (plus an "inner" column when it times its own program run). */
export interface RuntimeSpec {
  id: string;
  label: string;
  colour: string;
  how: RuntimeKind;
  /** pyjit is being written: a NotImplementedError means "not yet", not a wrong answer. */
  incomplete: boolean;
  /** Label and colour of the column of in-process program times, for runtimes that report them. */
  inner: { label: string; colour: string } | null;
}

const TIER_COLOURS: Record<PyjitTier, string> = { interp: "#fdae61", specialized: "#f46d43", jit: "#a50026" };

/** Every runtime, in column order. CPython is the baseline of the ratios. */
export const RUNTIMES: readonly RuntimeSpec[] = [
  ...PYJIT_TIERS.map((tier) => ({
    id: `pyjit-${tier}`,
    label: `pyjit ${tier}`,
    colour: TIER_COLOURS[tier],
    how: { kind: "pyjit", tier } as const,
    incomplete: true,
    inner: null,
  })),
  {
    id: "cpython",
    label: "CPython",
    colour: "#4575b4",
    how: { kind: "python", command: "python3", flavour: "CPython" },
    incomplete: false,
    inner: null,
  },
  {
    id: "pypy",
    label: "PyPy",
    colour: "#1a9850",
    how: { kind: "python", command: "pypy3", flavour: "PyPy" },
    incomplete: false,
    inner: null,
  },
  {
    id: "pyodide",
    label: "Pyodide",
    colour: "#762a83",
    how: { kind: "pyodide" },
    incomplete: false,
    inner: { label: "Pyodide (run only)", colour: "#c2a5cf" },
  },
];

/**
 * The pyjit runtimes of another checkout (`deno task compare --baseline DIR`), so that two builds
 * are timed side by side in one run: ids `base-interp`, `base-specialized`, `base-jit`.
 */
export function baselineRuntimes(root: string): RuntimeSpec[] {
  const dir = root.endsWith("/") ? root : `${root}/`;
  return PYJIT_TIERS.map((tier) => ({
    id: `base-${tier}`,
    label: `base ${tier}`,
    colour: "#999999",
    how: { kind: "pyjit", tier, root: dir } as const,
    incomplete: true,
    inner: null,
  }));
}

/** The runtime whose times are the denominator of every ratio. */
export const BASELINE_ID = "cpython";

/** The repository root, for `cli/main.ts` and the Pyodide runner. */
export const REPO_ROOT: string = new URL("../", import.meta.url).pathname;

/** What probing a runtime found: the command prefix that runs `PROGRAM.py ARGS…`, or why not. */
export type Probe =
  | { found: true; version: string; command: string[] }
  | { found: false; reason: string };

/** Runs a short command; null when the executable does not exist. */
async function capture(
  argv: string[],
  timeoutSeconds: number,
): Promise<{ ok: boolean; stdout: string; stderr: string } | null> {
  try {
    const out = await new Deno.Command(argv[0], {
      args: argv.slice(1),
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
      signal: AbortSignal.timeout(timeoutSeconds * 1000),
    }).output();
    const decoder = new TextDecoder();
    return { ok: out.success, stdout: decoder.decode(out.stdout), stderr: decoder.decode(out.stderr) };
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
}

function lastLine(text: string): string {
  const lines = text.trim().split("\n");
  return lines[lines.length - 1] ?? "";
}

const PYTHON_PROBE = [
  "import sys",
  "v = sys.version.split()[0]",
  "pypy = getattr(sys, 'pypy_version_info', None)",
  "print(sys.executable)",
  "print('PyPy %d.%d.%d (Python %s)' % (pypy[:3] + (v,)) if pypy else 'CPython ' + v)",
].join("\n");

/**
 * Finds a runtime on this machine. The probe also warms caches (Deno's transpile cache, the npm
 * cache for Pyodide) so that the first timed run does not pay for them.
 */
export async function probeRuntime(spec: RuntimeSpec): Promise<Probe> {
  const deno = Deno.execPath();
  switch (spec.how.kind) {
    case "pyjit": {
      const root = spec.how.root ?? REPO_ROOT;
      const command = [deno, "run", "-A", `${root}cli/main.ts`, "--tier", spec.how.tier];
      const out = await capture([deno, "run", "-A", `${root}cli/main.ts`, "--version"], 120);
      if (!out?.ok) {
        return { found: false, reason: `cli/main.ts --version failed: ${lastLine(out?.stderr ?? "")}` };
      }
      // A tier that is not built yet falls back to a lower one: timing it would only time that one
      // again under another name, so it is reported as not there (`--stats` names the active tiers).
      const stats = await capture([...command, "--stats", "-c", "pass"], 120);
      const active = /tiers active: ([\w, ]+)/.exec(stats?.stderr ?? "")?.[1].split(", ") ?? [];
      if (!active.includes(spec.how.tier)) {
        return {
          found: false,
          reason: `tier ${spec.how.tier} is not built yet (\`--tier ${spec.how.tier}\` runs ${
            active.length > 0 ? active[active.length - 1] : "nothing"
          })`,
        };
      }
      return { found: true, version: out.stdout.trim(), command };
    }
    case "python": {
      const out = await capture([spec.how.command, "-c", PYTHON_PROBE], 60);
      if (out === null) return { found: false, reason: `\`${spec.how.command}\` is not on PATH` };
      if (!out.ok) return { found: false, reason: `\`${spec.how.command}\` failed: ${lastLine(out.stderr)}` };
      const [executable, version] = out.stdout.trim().split("\n");
      if (!version?.startsWith(spec.how.flavour)) {
        return { found: false, reason: `\`${spec.how.command}\` is ${version}, not ${spec.how.flavour}` };
      }
      // Run the real binary, not a version manager's shim (pyenv's costs ~70 ms per start).
      return { found: true, version, command: [executable] };
    }
    case "pyodide": {
      const command = [deno, "run", "-A", "--no-lock", `${REPO_ROOT}bench/_pyodide_runner.ts`];
      const out = await capture([...command, "--version"], 120);
      if (!out?.ok) {
        return { found: false, reason: `npm:pyodide could not be loaded: ${lastLine(out?.stderr ?? "")}` };
      }
      return { found: true, version: out.stdout.trim(), command };
    }
  }
}
