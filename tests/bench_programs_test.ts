// The benchmark harness (bench/): every program has CPython's expected outputs and follows the
// conventions compare.ts relies on; the judging, statistics and writers behave on synthetic data.
// Needs no python3, pypy3 or Pyodide (one check uses python3 when it is there).
import assert from "node:assert/strict";
import { logDomain, svgChart } from "../bench/_chart.ts";
import { captureOutput } from "../bench/_capture.ts";
import {
  crashLine,
  describeDifference,
  geometricMean,
  judge,
  median,
  type ProcessResult,
} from "../bench/_measure.ts";
import {
  expectedPath,
  programArgs,
  programPath,
  PROGRAMS,
  PROGRAMS_DIR,
  selectPrograms,
  STARTUP,
} from "../bench/_programs.ts";
import { runSecondsFrom, timingLine, withoutTimingLine } from "../bench/_pyodide_protocol.ts";
import {
  formatRatio,
  formatSeconds,
  geometricMeans,
  machineMarkdown,
  markdownTable,
  README_BEGIN,
  README_END,
  replaceReadmeSection,
  type ResultTable,
} from "../bench/_report.ts";
import { BASELINE_ID, PYJIT_TIERS, RUNTIMES } from "../bench/_runtimes.ts";
import { findStdlibModule } from "../lib/registry.ts";
import {
  buildTable,
  type FoundRuntime,
  measureProgram,
  parseCompareArgs,
  RESULTS_DIR,
  withoutDestinations,
} from "../bench/compare.ts";

Deno.test("there are at least 12 programs besides startup, each with both expected outputs", () => {
  assert.ok(PROGRAMS.filter((p) => p.name !== STARTUP).length >= 12);
  for (const program of PROGRAMS) {
    assert.ok(Deno.statSync(programPath(program)).isFile, program.name);
    for (const quick of [false, true]) {
      const expected = Deno.readTextFileSync(expectedPath(program, quick));
      assert.ok(expected.length > 0 && expected.endsWith("\n"), `${program.name} quick=${quick}`);
    }
  }
});

Deno.test("every .py in bench/programs is in the table, and the table has no duplicates", () => {
  const files = [...Deno.readDirSync(PROGRAMS_DIR)].map((e) => e.name).filter((n) => n.endsWith(".py"))
    .sort();
  assert.deepEqual(files, PROGRAMS.map((p) => `${p.name}.py`).sort());
  assert.equal(new Set(PROGRAMS.map((p) => p.name)).size, PROGRAMS.length);
});

Deno.test("each program's default size is the table's full size and reads sys.argv[1]", () => {
  for (const program of PROGRAMS) {
    const source = Deno.readTextFileSync(programPath(program));
    const sizeLine = /^[A-Z_]+ = int\(sys\.argv\[1\]\) if len\(sys\.argv\) > 1 else (\d+)$/m.exec(source);
    if (program.full === null) {
      assert.equal(sizeLine, null, program.name);
      assert.equal(program.quick, null);
      continue;
    }
    assert.ok(sizeLine, `${program.name} reads its size from sys.argv[1]`);
    assert.equal(Number(sizeLine[1]), program.full, program.name);
    assert.ok(program.quick !== null && program.quick < program.full, program.name);
    assert.deepEqual(programArgs(program, true), [String(program.quick)]);
    assert.deepEqual(programArgs(program, false), [String(program.full)]);
  }
});

Deno.test("programs import only standard modules that pyjit ships (so every runtime compared has them)", () => {
  for (const program of PROGRAMS) {
    const source = Deno.readTextFileSync(programPath(program));
    for (const [, modules] of source.matchAll(/^\s*(?:import|from)\s+([\w., ]+?)(?:\s+import\b.*)?$/gm)) {
      for (const name of modules.split(",").map((m) => m.trim().split(/\s+/)[0])) {
        assert.ok(name === "sys" || findStdlibModule(name) !== undefined, `${program.name} imports ${name}`);
      }
    }
  }
});

Deno.test("selectPrograms keeps the order asked for and rejects unknown names", () => {
  assert.deepEqual(selectPrograms(["sieve", "calc"]).map((p) => p.name), ["sieve", "calc"]);
  assert.equal(selectPrograms(null).length, PROGRAMS.length);
  assert.throws(() => selectPrograms(["nope"]), /unknown program 'nope'/);
});

Deno.test({
  name: "CPython reproduces a committed quick output (when python3 is installed)",
  ignore: (() => {
    try {
      return !new Deno.Command("python3", { args: ["--version"], stdout: "null", stderr: "null" })
        .outputSync()
        .success;
    } catch {
      return true;
    }
  })(),
  fn() {
    const program = selectPrograms(["calc"])[0];
    const out = new Deno.Command("python3", { args: [programPath(program), ...programArgs(program, true)] })
      .outputSync();
    assert.equal(new TextDecoder().decode(out.stdout), Deno.readTextFileSync(expectedPath(program, true)));
  },
});

function result(stdout: string, status = 0, stderr = "", timedOut = false): ProcessResult {
  return { stdout, stderr, status, timedOut, wallSeconds: 0.25, cpuSeconds: 0.125 };
}

Deno.test("judge: the expected output with status 0 is timed", () => {
  assert.deepEqual(judge(result("a\nb\n"), "a\nb\n", false, 10), {
    kind: "ok",
    wall: [0.25],
    cpu: [0.125],
    inner: [],
  });
});

Deno.test("judge: Pyodide's in-process time is read from its timing line", () => {
  const outcome = judge(result("a\n", 0, `${timingLine(1.5, 0.125)}\n`), "a\n", false, 10);
  assert.deepEqual(outcome, { kind: "ok", wall: [0.25], cpu: [0.125], inner: [0.125] });
  assert.equal(runSecondsFrom("noise\n"), null);
  assert.equal(withoutTimingLine(`x\n${timingLine(1, 2)}\ny`), "x\ny");
});

Deno.test("judge: a different output is wrong, never timed, and says where it differs", () => {
  const outcome = judge(result("a\nc\n"), "a\nb\n", true, 10);
  assert.equal(outcome.kind, "wrong");
  assert.match(outcome.kind === "wrong" ? outcome.detail : "", /line 2: got "c", expected "b"/);
  assert.equal(describeDifference("a\n", "a\nb\n"), 'line 2: got "", expected "b"');
});

Deno.test("judge: NotImplementedError is 'not yet' for pyjit but wrong for other runtimes", () => {
  const cliStyle = result("", 1, "NotImplementedError: the bytecode compiler is not written yet\n");
  assert.deepEqual(judge(cliStyle, "x\n", true, 10), {
    kind: "not-yet",
    detail: "the bytecode compiler is not written yet",
  });
  const traceback = result(
    "partial\n",
    1,
    'Traceback (most recent call last):\n  File "p.py", line 3, in <module>\nNotImplementedError: generators\n',
  );
  assert.deepEqual(judge(traceback, "partial\nmore\n", true, 10), { kind: "not-yet", detail: "generators" });
  assert.equal(judge(traceback, "partial\nmore\n", false, 10).kind, "wrong");
});

Deno.test("judge: a crash is wrong with its last stderr line; a killed run is a timeout", () => {
  const crash = judge(result("", 1, "Traceback…\nTypeError: bad operand\n"), "x\n", true, 10);
  assert.deepEqual(crash, { kind: "wrong", detail: "exit 1: TypeError: bad operand" });
  assert.deepEqual(judge(result("", 143, "", true), "x\n", true, 7), { kind: "timeout", detail: "> 7 s" });
  const denoCrash =
    "\x1b[1m\x1b[31merror\x1b[0m: SyntaxError: Expected ';'\n    at file:///x.ts:1:2\n\nStack backtrace:\n   0: <unknown>\n";
  assert.equal(crashLine(denoCrash), "error: SyntaxError: Expected ';'");
  assert.equal(crashLine(""), "no output on stderr");
});

Deno.test("median and geometric mean", () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.ok(Math.abs(geometricMean([1, 4, 16]) - 4) < 1e-12);
  assert.throws(() => median([]));
});

Deno.test("numbers are shown with about three significant digits", () => {
  assert.equal(formatSeconds(0.012345), "0.012");
  assert.equal(formatSeconds(1.2345), "1.23");
  assert.equal(formatSeconds(12.345), "12.3");
  assert.equal(formatRatio(0.4567), "0.46×");
  assert.equal(formatRatio(42.42), "42.4×");
});

/** A table with every kind of cell: times, a wrong answer, "not yet" with a pipe in it, a timeout. */
function syntheticTable(): ResultTable {
  return {
    title: "synthetic <comparison> & co",
    measure: "median wall time",
    columns: [
      { id: "pyjit-interp", label: "pyjit interp", colour: "#fdae61" },
      { id: BASELINE_ID, label: "CPython 3.11.7", colour: "#4575b4" },
      { id: "pypy", label: "PyPy", colour: "#1a9850" },
    ],
    rows: [
      { name: "fast", what: "a", startup: false },
      { name: "slow", what: "b", startup: false },
      { name: "startup", what: 'print("hello")', startup: true },
    ],
    cells: [
      [{ kind: "time", seconds: 2 }, { kind: "time", seconds: 1 }, { kind: "time", seconds: 0.25 }],
      [{ kind: "not-yet", detail: "a | b" }, { kind: "time", seconds: 4 }, {
        kind: "wrong",
        detail: "line 1",
      }],
      [{ kind: "timeout", detail: "> 10 s" }, { kind: "time", seconds: 0.02 }, {
        kind: "time",
        seconds: 0.04,
      }],
    ],
    baseline: BASELINE_ID,
    notes: ["Not found: Pyodide (npm:pyodide could not be loaded)."],
  };
}

Deno.test("markdownTable: seconds, ratios to CPython, gaps, escaped pipes, geometric means", () => {
  const md = markdownTable(syntheticTable());
  const lines = md.split("\n");
  assert.ok(lines.includes("| program | pyjit interp | CPython 3.11.7 | PyPy |"));
  assert.ok(lines.includes("| fast | 2.00 (2.00×) | 1.00 (1.00×) | 0.250 (0.25×) |"));
  assert.ok(lines.includes("| slow | not yet: a \\| b | 4.00 (1.00×) | **wrong**: line 1 |"));
  assert.ok(lines.includes("| startup | timeout: > 10 s | 0.020 (1.00×) | 0.040 (2.00×) |"));
  // Startup is excluded, and a runtime that ran fewer programs says so.
  assert.ok(lines.includes("| **geometric mean** | 2.00× (1 of 2) | 1.00× | 0.25× (1 of 2) |"));
  assert.ok(lines.includes("- Not found: Pyodide (npm:pyodide could not be loaded)."));
  // Every table row has as many cells as the header.
  const rows = lines.filter((l) => l.startsWith("|"));
  for (const row of rows) assert.equal(row.split(/(?<!\\)\|/).length, 6, row);
});

Deno.test("geometricMeans falls back to seconds when CPython is missing", () => {
  const table = { ...syntheticTable(), baseline: null };
  const means = geometricMeans(table);
  assert.equal(means[1].unit, "s");
  assert.ok(Math.abs(means[1].value - 2) < 1e-12); // sqrt(1 * 4)
});

Deno.test("svgChart: a well-formed log-scale chart with a bar per time and a legend per runtime", () => {
  const table = syntheticTable();
  const svg = svgChart(table);
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  // Tags balance (a cheap well-formedness check without an XML parser).
  const stack: string[] = [];
  for (const [, close, name, selfClose] of svg.matchAll(/<(\/?)([a-z]+)\b[^>]*?(\/?)>/g)) {
    if (selfClose) continue;
    if (close) assert.equal(stack.pop(), name);
    else stack.push(name);
  }
  assert.deepEqual(stack, []);
  assert.ok(svg.includes("synthetic &lt;comparison&gt; &amp; co"));
  const times = table.cells.flat().filter((c) => c.kind === "time").length;
  assert.equal([...svg.matchAll(/<title>/g)].length, times);
  for (const column of table.columns) {
    assert.ok(svg.includes(`fill="${column.colour}"/>`), column.label);
    assert.ok(svg.includes(`>${column.label}</text>`), column.label);
  }
  assert.ok(svg.includes("not yet") && svg.includes("wrong output") && svg.includes("timeout"));
  assert.ok(svg.includes("median wall time in seconds, log scale"));
  assert.deepEqual(logDomain(table), { lo: 0.01, hi: 10 });
  for (const tick of [">0.01<", ">0.1<", ">1<", ">10<"]) assert.ok(svg.includes(tick), tick);
});

Deno.test("replaceReadmeSection rewrites only what lies between the markers", () => {
  const readme = `# x\n\n## Performance\n\nintro\n\n${README_BEGIN}\nold\n${README_END}\n\nafter\n`;
  const updated = replaceReadmeSection(readme, "new table");
  assert.equal(
    updated,
    `# x\n\n## Performance\n\nintro\n\n${README_BEGIN}\n\nnew table\n\n${README_END}\n\nafter\n`,
  );
  assert.equal(replaceReadmeSection("# no markers\n", "t"), null);
});

Deno.test("machineMarkdown lists the machine and every runtime, found or not", () => {
  const md = machineMarkdown({
    date: "2026-01-01T00:00:00Z",
    cpu: "Some CPU (x86_64)",
    cores: 2,
    memoryGiB: 23.4,
    load: [0.5, 1.25],
    os: "Debian",
    kernel: "6.1",
    deno: "2.9.6",
    v8: "14.0",
    typescript: "5.9",
    command: "deno task compare",
    runtimes: [
      { label: "CPython", version: "CPython 3.11.7", reason: null },
      { label: "PyPy", version: null, reason: "`pypy3` is not on PATH" },
    ],
  });
  assert.match(md, /\| CPU \| Some CPU \(x86_64\) \|/);
  assert.match(md, /\| memory \| 23\.4 GiB \|/);
  assert.match(md, /\| load average \| 0\.50 at the start, 1\.25 at the end/);
  assert.match(md, /\| CPython \| CPython 3\.11\.7 \|/);
  assert.match(md, /\| PyPy \| not found: `pypy3` is not on PATH \|/);
});

Deno.test("compare's options: full runs 5 times into bench/results, --quick once with a budget and no files", () => {
  const full = parseCompareArgs([]);
  assert.equal(full.runs, 5);
  assert.equal(full.metric, "wall");
  assert.equal(parseCompareArgs(["--metric", "cpu"]).metric, "cpu");
  assert.throws(() => parseCompareArgs(["--metric", "joules"]), /--metric must be wall or cpu/);
  assert.equal(full.quick, false);
  assert.equal(full.budget, null);
  assert.equal(full.out, RESULTS_DIR);
  assert.ok(full.readme?.endsWith("/README.md"));
  assert.equal(parseCompareArgs(["--out", "/tmp/x"]).readme, null);
  assert.deepEqual(withoutDestinations(["--runs", "3", "--out", "/tmp/x", "--readme=R.md"]), ["--runs", "3"]);
  const quick = parseCompareArgs(["--quick"]);
  assert.equal(quick.runs, 1);
  assert.ok(quick.budget !== null && quick.budget > 0);
  assert.equal(quick.out, null);
  assert.equal(quick.readme, null);
  assert.equal(parseCompareArgs(["--runs", "3", "--runtimes", "cpython,pypy"]).runs, 3);
  assert.throws(() => parseCompareArgs(["--runs", "0"]), /--runs must be a positive number/);
  assert.throws(() => parseCompareArgs(["--runtimes", "jython"]), /unknown runtime 'jython'/);
  assert.throws(() => parseCompareArgs(["--programs", "nope"]), /unknown program/);
  assert.throws(() => parseCompareArgs(["--bogus"]));
  // --baseline times another checkout's tiers beside this one's and writes nothing by default.
  const ab = parseCompareArgs(["--baseline", "/tmp/other", "--runtimes", "pyjit-interp,base-interp"]);
  assert.equal(ab.baseline, "/tmp/other");
  assert.equal(ab.out, null);
  assert.equal(ab.readme, null);
  assert.throws(() => parseCompareArgs(["--runtimes", "base-interp"]), /unknown runtime 'base-interp'/);
});

Deno.test("the runtime table has unique ids, CPython as baseline, and a column per pyjit tier", async () => {
  const ids = RUNTIMES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(ids.includes(BASELINE_ID));
  // The harness keeps its own copy of the tiers so that it runs even when mod.ts does not load.
  // Imported by a computed path so that a mod.ts that does not compile fails this test only.
  const modPath = "../mod.ts";
  const { TIER_NAMES } = await import(modPath);
  assert.deepEqual([...PYJIT_TIERS], [...TIER_NAMES]);
  for (const tier of PYJIT_TIERS) assert.ok(ids.includes(`pyjit-${tier}`));
  assert.ok(RUNTIMES.filter((r) => r.incomplete).every((r) => r.how.kind === "pyjit"));
});

Deno.test("captureOutput collects what is written to stdout and stderr, then restores the streams", () => {
  const writeSync = Deno.stdout.writeSync;
  const captured = captureOutput(() => {
    Deno.stdout.writeSync(new TextEncoder().encode("out "));
    Deno.stdout.writeSync(new TextEncoder().encode("more\n"));
    Deno.stderr.writeSync(new TextEncoder().encode("err\n"));
    return 7;
  });
  assert.deepEqual(captured, { value: 7, stdout: "out more\n", stderr: "err\n" });
  assert.equal(Deno.stdout.writeSync, writeSync);
  assert.equal(Object.hasOwn(Deno.stdout, "writeSync"), false);
});

/** A stand-in runtime: `fake.ts MODE PROGRAM.py ARGS…` answers right, wrong, "not yet", or too slowly. */
const FAKE_RUNTIME = `
const [mode, path] = Deno.args;
if (mode === "right") await Deno.stdout.write(Deno.readFileSync(path.replace(/\\.py$/, ".quick.exp")));
if (mode === "wrong") console.log("forty-two");
if (mode === "not-yet") { console.error("NotImplementedError: closures"); Deno.exit(1); }
if (mode === "slow") await new Promise((resolve) => setTimeout(resolve, 5000));
`;

Deno.test("measureProgram and buildTable: fake runtimes are timed, judged, budgeted and tabulated", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const fake = `${dir}/fake.ts`;
    Deno.writeTextFileSync(fake, FAKE_RUNTIME);
    const runtime = (id: string, incomplete: boolean): FoundRuntime => ({
      spec: { id, label: id, colour: "#000000", how: { kind: "pyodide" }, incomplete, inner: null },
      version: `${id} 1.0`,
      command: [Deno.execPath(), "run", "-A", "--no-config", fake, id === BASELINE_ID ? "right" : id],
    });
    const runtimes = [
      runtime(BASELINE_ID, false),
      runtime("wrong", false),
      runtime("not-yet", true),
      runtime("slow", false),
    ];
    const options = { ...parseCompareArgs(["--quick", "--runs", "2", "--timeout", "1"]), budget: 30 };
    const programs = selectPrograms(["calc", "startup"]);
    const spent = new Map<string, number>();
    const outcomes = [];
    for (const program of programs) outcomes.push(await measureProgram(program, runtimes, options, spent));
    const calc = outcomes[0];
    const right = calc.get(BASELINE_ID);
    assert.equal(right?.kind, "ok");
    assert.equal(
      right?.kind === "ok" ? right.wall.length : 0,
      2,
      "two runs of a right answer are both timed",
    );
    assert.equal(calc.get("wrong")?.kind, "wrong");
    assert.deepEqual(calc.get("not-yet"), { kind: "not-yet", detail: "closures" });
    assert.deepEqual(calc.get("slow"), { kind: "timeout", detail: "> 1 s" });
    assert.ok((spent.get("slow") ?? 0) < 3, "a run that failed once is not repeated");

    const table = buildTable(programs, runtimes, [], outcomes, options, "wall");
    assert.deepEqual(table.columns.map((c) => c.id), [BASELINE_ID, "wrong", "not-yet", "slow"]);
    assert.deepEqual(table.cells[1].map((c) => c.kind), ["time", "wrong", "not-yet", "timeout"]);
    assert.equal(table.baseline, BASELINE_ID);
    if (Deno.build.os === "linux") {
      assert.equal(right?.kind === "ok" ? right.cpu.length : 0, 2, "CPU time is measured on Linux");
      const cpu = buildTable(programs, runtimes, [], outcomes, options, "cpu");
      assert.match(cpu.title, /CPU time/);
      assert.equal(cpu.cells[0][0].kind, "time");
    }

    // A runtime that has spent --cap seconds on a program is not run on it again; the table says so.
    const capped = { ...options, runs: 3, cap: 0.001 };
    const once = await measureProgram(programs[1], [runtimes[0]], capped, new Map());
    const onceOutcome = once.get(BASELINE_ID);
    assert.equal(onceOutcome?.kind === "ok" ? onceOutcome.wall.length : 0, 1);
    const cappedTable = buildTable([programs[1]], [runtimes[0]], [], [once], capped, "wall");
    assert.ok(cappedTable.notes.some((n) => n.includes(`${BASELINE_ID} on startup (1)`)));

    // Once a runtime's budget is spent, its remaining programs are skipped rather than run.
    const broke = await measureProgram(
      programs[0],
      [runtimes[0]],
      { ...options, budget: 0.001 },
      new Map([[BASELINE_ID, 1]]),
    );
    assert.equal(broke.get(BASELINE_ID)?.kind, "skipped");
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
