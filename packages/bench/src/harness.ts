import { arch, availableParallelism, cpus, platform, totalmem } from 'node:os';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** What one run of a benchmark did: how many events it processed, and optionally what it built. */
export interface RunOutcome {
  readonly events: number;
  /**
   * Something the run built and a caller would keep (a filled store, a folded state). The harness holds it
   * across a full GC to measure the heap it retains, then lets it go.
   */
  readonly retained?: unknown;
  /**
   * Named numbers the run measured about itself (e.g. `jsonMB`, the size of what it read), for targets that
   * relate two figures of one run. Each is reported as its median over the measured samples.
   */
  readonly figures?: Readonly<Record<string, number>>;
}

/**
 * One benchmark: `setup` runs once and is not timed (build inputs there); `run` is timed and must do the
 * whole measured job on every call, returning the number of events it processed.
 */
export interface Benchmark<Ctx = unknown> {
  /** Stable id, e.g. `store.append.batch1`; used by `--filter` and as the key in latest.json. */
  readonly id: string;
  /** Short label for the table. */
  readonly title: string;
  /**
   * `limit` rows are the bare-JS floor the kernel's rows are compared with; `baseline` rows measure a
   * library cost alone; `peer` rows another library on the same workload; `ours` the kernel.
   */
  readonly kind: 'limit' | 'baseline' | 'peer' | 'ours';
  /** One sentence for the README and latest.json. */
  readonly description: string;
  /** The limit row this one is compared with in `vs limit`; defaults to the first limit row. */
  readonly limitId?: string;
  /** At most this many warm-ups and measured runs, whatever the options say: for rows of seconds each. */
  readonly atMost?: { readonly warmup?: number; readonly runs?: number };
  /**
   * Rows with the same key run round-robin, one run of each per round ({@link runInterleaved}), where the
   * first of them stands in the list: the two sides of a ratio target (ours and the peer's) see the same
   * machine state.
   */
  readonly interleave?: string;
  /** Why the row cannot run here (e.g. a package not installed), or undefined when it can; a skipped row is listed. */
  unavailable?(): Promise<string | undefined>;
  setup(): Ctx | Promise<Ctx>;
  run(ctx: Ctx): RunOutcome | Promise<RunOutcome>;
  /** Runs once after the measured runs (stop a server started in setup). */
  teardown?(ctx: Ctx): void | Promise<void>;
}

/** Keeps a benchmark's context type checked between its `setup` and `run`, then erases it for the list. */
export const defineBenchmark = <Ctx>(benchmark: Benchmark<Ctx>): Benchmark => benchmark;

export interface HarnessOptions {
  readonly warmup: number;
  readonly runs: number;
  /**
   * A run faster than this is repeated back to back within one sample (the count is calibrated on the
   * warm-ups), and the sample reports the time per run: a 20 ms fold is otherwise mostly timer, JIT and
   * scheduler noise. 0 turns it off.
   */
  readonly minSampleMs: number;
}

export interface Stats {
  readonly n: number;
  readonly median: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** Sample standard deviation (n − 1); 0 for fewer than two samples. */
  readonly stdDev: number;
  /** stdDev / mean, 0 when the mean is 0. */
  readonly relStdDev: number;
}

export interface BenchmarkResult {
  readonly id: string;
  readonly title: string;
  readonly kind: Benchmark['kind'];
  readonly description: string;
  readonly limitId: string | undefined;
  /** Events one run processes. */
  readonly events: number;
  /** Runs timed back to back per sample (see {@link HarnessOptions.minSampleMs}); samples are per run. */
  readonly repetitionsPerSample: number;
  /** Milliseconds per run, one per measured sample. */
  readonly samplesMs: readonly number[];
  readonly ms: Stats;
  /** events / median seconds. */
  readonly eventsPerSec: number;
  /** Median of heapUsed after a sample minus before it (live data plus garbage not yet collected), in MB. */
  readonly heapGrowthMB: number | undefined;
  /** Median heap still held by the run's `retained` value after a full GC, in MB. */
  readonly retainedHeapMB: number | undefined;
  /** Median time V8 spent in garbage collection per run (included in its ms), in ms. */
  readonly gcMs: number | undefined;
  /** The process's peak resident set size so far (monotonic across the whole bench), in MB. */
  readonly peakRssMB: number;
  /** Medians of the run's own {@link RunOutcome.figures}. */
  readonly figures: Readonly<Record<string, number>>;
}

// ---------------------------------------------------------------------------------------------------
// Pure statistics (unit-tested)

const assertSamples = (samples: readonly number[]): void => {
  if (samples.length === 0) throw new Error('no samples');
  for (const sample of samples) if (!Number.isFinite(sample)) throw new Error(`not a finite sample: ${String(sample)}`);
};

/** The middle value; the mean of the two middle values for an even count. */
export const median = (samples: readonly number[]): number => {
  assertSamples(samples);
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const mean = (samples: readonly number[]): number => {
  assertSamples(samples);
  let sum = 0;
  for (const sample of samples) sum += sample;
  return sum / samples.length;
};

/** Sample standard deviation (Bessel's n − 1); 0 for a single sample. */
export const stdDev = (samples: readonly number[]): number => {
  if (samples.length < 2) {
    assertSamples(samples);
    return 0;
  }
  const m = mean(samples);
  let sum = 0;
  for (const sample of samples) sum += (sample - m) ** 2;
  return Math.sqrt(sum / (samples.length - 1));
};

export const summarize = (samples: readonly number[]): Stats => {
  const m = mean(samples);
  const sd = stdDev(samples);
  return {
    n: samples.length,
    median: median(samples),
    mean: m,
    min: Math.min(...samples),
    max: Math.max(...samples),
    stdDev: sd,
    relStdDev: m === 0 ? 0 : sd / m,
  };
};

/** Events per second from an event count and a duration in milliseconds. */
export const throughput = (events: number, ms: number): number => {
  if (!(ms > 0)) throw new Error(`duration must be > 0 ms, got ${ms}`);
  return (events * 1000) / ms;
};

/** Reads the run counts: defaults 2 warm-ups + 5 runs, `--quick` 1 + 3, env BENCH_WARMUP / BENCH_RUNS override both. */
export const resolveOptions = (argv: readonly string[], env: Readonly<Record<string, string | undefined>>): HarnessOptions => {
  const quick = argv.includes('--quick');
  const count = (name: string, fallback: number, min: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number ≥ ${min}, got '${raw}'`);
    return value;
  };
  return {
    warmup: count('BENCH_WARMUP', quick ? 1 : 2, 0),
    runs: count('BENCH_RUNS', quick ? 3 : 5, 1),
    minSampleMs: count('BENCH_MIN_SAMPLE_MS', 100, 0),
  };
};

/** Whether an id is selected by `--filter`: a comma-separated list of substrings, any of which may match. */
export const matchesFilter = (id: string, filter: string | undefined): boolean =>
  filter === undefined || filter.split(',').some((part) => part !== '' && id.includes(part));

/** How many back-to-back runs make one sample last at least `minSampleMs`, given one run's time; at most `cap`. */
export const repetitionsFor = (runMs: number, minSampleMs: number, cap = 50): number => {
  if (!(minSampleMs > 0) || !(runMs > 0) || runMs >= minSampleMs) return 1;
  return Math.min(cap, Math.ceil(minSampleMs / runMs));
};

// ---------------------------------------------------------------------------------------------------
// Formatting

/** 1234567.8 → "1,234,568"; small numbers keep a few significant digits. */
export const formatNumber = (value: number): string => {
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-GB');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
};

const formatSlowdown = (value: number | undefined): string => (value === undefined ? '–' : `${value.toFixed(value < 10 ? 2 : 1)}×`);
const formatMB = (value: number | undefined): string => (value === undefined ? '–' : value.toFixed(1));

export interface Environment {
  readonly date: string;
  readonly node: string;
  readonly v8: string;
  readonly platform: string;
  readonly arch: string;
  readonly cpuModel: string;
  readonly cores: number;
  readonly totalMemoryGB: number;
  readonly gcExposed: boolean;
}

export const describeEnvironment = (): Environment => {
  const cpuList = cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    v8: process.versions.v8,
    platform: platform(),
    arch: arch(),
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    cores: typeof availableParallelism === 'function' ? availableParallelism() : cpuList.length,
    totalMemoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    gcExposed: getGc() !== undefined,
  };
};

/** How many times slower than its limit row (its own `limitId`, else the first limit row) a result is. */
export const slowdownVsLimit = (result: BenchmarkResult, results: readonly BenchmarkResult[]): number | undefined => {
  const limit = results.find((r) => r.kind === 'limit' && r.id === result.limitId) ?? results.find((r) => r.kind === 'limit');
  return limit ? limit.eventsPerSec / result.eventsPerSec : undefined;
};

// ---------------------------------------------------------------------------------------------------
// Targets: rows computed from the results, each against a threshold (unit-tested)

/**
 * A number read off one benchmark's result: one of its standard measures, or a figure its runs reported.
 * `peakRssMB` is the process's high-water mark when the row finished, not the row's own: a memory target
 * for one run wants a figure the run measures itself (or a run in a process of its own).
 */
export type MetricRef =
  | { readonly id: string; readonly metric: 'eventsPerSec' | 'medianMs' | 'peakRssMB' | 'retainedHeapMB' }
  | { readonly id: string; readonly figure: string; readonly unit?: string };

export interface Target {
  readonly op: '≥' | '>' | '≤' | '<';
  readonly value: number;
}

/**
 * One row of the targets table. `ratio` divides two measures (ours ÷ a peer's throughput, 50× ÷ 1× time
 * per event); `value` is one measure on its own (a replay's median ms, a run's peak heap). A check
 * without a target is reported for information.
 */
export type Check =
  | { readonly kind: 'ratio'; readonly id: string; readonly title: string; readonly numerator: MetricRef; readonly denominator: MetricRef; readonly target?: Target }
  | { readonly kind: 'value'; readonly id: string; readonly title: string; readonly value: MetricRef; readonly target?: Target };

export interface CheckResult {
  readonly id: string;
  readonly title: string;
  readonly kind: Check['kind'];
  /** Undefined when a benchmark the check reads was not run (filtered out). */
  readonly value: number | undefined;
  /** `×` for ratios, else the measure's unit. */
  readonly unit: string;
  readonly target: Target | undefined;
  /** `info` for a check without a target. */
  readonly status: 'pass' | 'miss' | 'info' | 'not run';
  /** The benchmark ids it reads. */
  readonly reads: readonly string[];
  /** What the value was computed from, e.g. `255,836 ÷ 45,210 events/s`. */
  readonly from: string;
}

const unitOf = (ref: MetricRef): string => {
  if ('figure' in ref) return ref.unit ?? '';
  return { eventsPerSec: 'events/s', medianMs: 'ms', peakRssMB: 'MB', retainedHeapMB: 'MB' }[ref.metric];
};

/** The measure a reference names, or undefined when its benchmark did not run or did not report it. */
export const readMetric = (ref: MetricRef, results: readonly BenchmarkResult[]): number | undefined => {
  const result = results.find((r) => r.id === ref.id);
  if (!result) return undefined;
  if ('figure' in ref) return result.figures[ref.figure];
  return ref.metric === 'medianMs' ? result.ms.median : result[ref.metric];
};

export const meetsTarget = (value: number, target: Target): boolean =>
  target.op === '≥' ? value >= target.value : target.op === '>' ? value > target.value : target.op === '≤' ? value <= target.value : value < target.value;

const withUnit = (value: number, unit: string, digits = 2): string =>
  unit === '×' ? `${value.toFixed(digits)}×` : `${formatNumber(value)}${unit === '' ? '' : ` ${unit}`}`;

/** The measured value, with one more digit when rounding would make a miss look like its target. */
const shownValue = (c: CheckResult): string => {
  if (c.value === undefined) return '–';
  const shown = withUnit(c.value, c.unit);
  return c.status === 'miss' && c.target !== undefined && shown === withUnit(c.target.value, c.unit) ? withUnit(c.value, c.unit, 3) : shown;
};

export const evaluateCheck = (check: Check, results: readonly BenchmarkResult[]): CheckResult => {
  const reads = check.kind === 'ratio' ? [check.numerator.id, check.denominator.id] : [check.value.id];
  const base = { id: check.id, title: check.title, kind: check.kind, target: check.target, reads };
  let value: number | undefined;
  let unit: string;
  let from: string;
  if (check.kind === 'ratio') {
    const top = readMetric(check.numerator, results);
    const bottom = readMetric(check.denominator, results);
    value = top === undefined || bottom === undefined || bottom === 0 ? undefined : top / bottom;
    unit = '×';
    const topUnit = unitOf(check.numerator);
    const bottomUnit = unitOf(check.denominator);
    const shown = (v: number | undefined) => (v === undefined ? '–' : formatNumber(v));
    from = `${shown(top)}${topUnit === bottomUnit ? '' : ` ${topUnit}`} ÷ ${shown(bottom)} ${bottomUnit}`.trimEnd();
  } else {
    value = readMetric(check.value, results);
    unit = unitOf(check.value);
    from = check.value.id;
  }
  if (value === undefined) return { ...base, value, unit, status: 'not run', from };
  return { ...base, value, unit, status: check.target === undefined ? 'info' : meetsTarget(value, check.target) ? 'pass' : 'miss', from };
};

/** The targets table: measured value, target and a pass/miss mark per check. */
export const checksToMarkdown = (checks: readonly CheckResult[]): string => {
  const mark = { pass: '✅ pass', miss: '❌ **miss**', info: 'info', 'not run': 'not run' } as const;
  const rows = checks.map((c) =>
    [
      '',
      ` ${c.title} `,
      ` ${shownValue(c)} `,
      ` ${c.target === undefined ? '–' : `${c.target.op} ${withUnit(c.target.value, c.unit)}`} `,
      ` ${mark[c.status]} `,
      ` ${c.from} `,
      '',
    ].join('|'),
  );
  return ['| Target | Measured | Target | Result | From |', '|---|--:|--:|---|---|', ...rows].join('\n');
};

/** Everything one run of the bench produced: what latest.json holds and latest.md shows. */
export interface Report {
  readonly environment: Environment;
  readonly options: HarnessOptions;
  readonly workload: Readonly<Record<string, unknown>>;
  readonly results: readonly BenchmarkResult[];
  readonly checks: readonly CheckResult[];
  /** The process's peak resident set over the whole bench, in MB. */
  readonly peakRssMB: number;
  readonly totalSeconds: number;
  /** Rows that could not run here, with the reason. */
  readonly skipped?: readonly { readonly id: string; readonly reason: string }[];
  /** Sentences printed under the results table (e.g. which rows ran in a child process). */
  readonly notes?: readonly string[];
}

/** The Markdown of a run: the machine, the results table, then the targets table. */
export const toMarkdown = (report: Report): string => {
  const { environment: env, options, workload, results, checks } = report;
  const header =
    '| Benchmark | Kind | Events | Median ms | Events/s (median) | Min–max ms | RSD | vs limit | GC ms | Retained MB | Peak RSS MB |';
  const rule = '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|';
  const rows = results.map((r) =>
    [
      '',
      ` ${r.title}${r.samplesMs.length === options.runs ? '' : ` (${r.samplesMs.length} run${r.samplesMs.length === 1 ? '' : 's'})`} `,
      ` ${r.kind} `,
      ` ${r.events.toLocaleString('en-GB')} `,
      ` ${formatNumber(r.ms.median)} `,
      ` ${formatNumber(r.eventsPerSec)} `,
      ` ${formatNumber(r.ms.min)}–${formatNumber(r.ms.max)} `,
      ` ${(r.ms.relStdDev * 100).toFixed(1)}% `,
      ` ${formatSlowdown(slowdownVsLimit(r, results))} `,
      ` ${r.gcMs === undefined ? '–' : formatNumber(r.gcMs)} `,
      ` ${formatMB(r.retainedHeapMB)} `,
      ` ${r.peakRssMB.toFixed(0)} `,
      '',
    ].join('|'),
  );
  const workloadLine = Object.entries(workload)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(', ');
  return [
    `# itt-ledger bench — ${env.date}`,
    '',
    `Node ${env.node} (V8 ${env.v8}), ${env.platform}/${env.arch}, ${env.cores} cores (${env.cpuModel}), ${env.totalMemoryGB} GB; ` +
      `${options.warmup} warm-up + ${options.runs} measured samples per benchmark, median reported; runs under ${options.minSampleMs} ms repeated within a sample ` +
      `(times are per run); full GC between samples: ${env.gcExposed ? 'yes' : 'no'}.`,
    `Workload: ${workloadLine}. Whole bench: ${report.totalSeconds.toFixed(0)} s, peak RSS ${report.peakRssMB.toFixed(0)} MB.`,
    '',
    header,
    rule,
    ...rows,
    ...(report.skipped === undefined || report.skipped.length === 0 ? [] : ['', ...report.skipped.map(({ id, reason }) => `Skipped \`${id}\`: ${reason}.`)]),
    ...(report.notes === undefined || report.notes.length === 0 ? [] : ['', ...report.notes]),
    ...(checks.length === 0 ? [] : ['', '## Targets', '', checksToMarkdown(checks)]),
    '',
  ].join('\n');
};

// ---------------------------------------------------------------------------------------------------
// Running

/**
 * A full GC between runs keeps one run's garbage from being collected on the next run's clock, and makes
 * the retained-heap figure meaningful. `--expose-gc` cannot be passed through `node dist/main.js`, so it is
 * switched on at run time (on first use, never at import); if that fails the bench still runs, without
 * heap figures.
 */
let gcFunction: (() => void) | null | undefined;
const getGc = (): (() => void) | undefined => {
  if (gcFunction === undefined) {
    const existing = (globalThis as { gc?: unknown }).gc;
    if (typeof existing === 'function') {
      gcFunction = existing as () => void;
    } else {
      try {
        setFlagsFromString('--expose-gc');
        const gc: unknown = runInNewContext('gc');
        gcFunction = typeof gc === 'function' ? (gc as () => void) : null;
      } catch {
        gcFunction = null;
      }
    }
  }
  return gcFunction ?? undefined;
};

const MB = 2 ** 20;
/** A heap slot for the value being measured: optimised code may treat a local that is no longer read as dead. */
const held: { value: unknown } = { value: undefined };

export const peakRssMB = (): number => process.resourceUsage().maxRSS / 1024; // maxRSS is in kilobytes

interface Measurement {
  readonly events: number;
  readonly ms: number;
  readonly heapGrowthMB: number | undefined;
  readonly retainedHeapMB: number | undefined;
  readonly gcMs: number | undefined;
  readonly figures: Readonly<Record<string, number>> | undefined;
}

/** GC pauses as perf_hooks reports them, on the performance.now() timeline; observed from the first run on. */
const gcPauses: { start: number; duration: number }[] = [];
let gcObserver: PerformanceObserver | undefined;
const observeGc = (): boolean => {
  if (gcObserver) return true;
  try {
    gcObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) gcPauses.push({ start: entry.startTime, duration: entry.duration });
    });
    gcObserver.observe({ entryTypes: ['gc'] });
    return true;
  } catch {
    return false;
  }
};
/** GC entries are delivered asynchronously: let the observer's callback run before reading them. */
const flushGcEntries = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/**
 * One timed run. Only numbers leave this function: a suspended async function can keep the value of its
 * last `await` alive, and a run's output (a filled store) must not still be on the heap when the next
 * run's baseline is taken.
 */
const measureOnce = async <Ctx>(
  benchmark: Benchmark<Ctx>,
  ctx: Ctx,
  forceGc: (() => void) | undefined,
  repetitions: number,
): Promise<Measurement> => {
  const gcObserved = observeGc();
  forceGc?.();
  await flushGcEntries();
  gcPauses.length = 0;
  const heapBefore = process.memoryUsage().heapUsed;
  const windowStart = performance.now();
  const start = process.hrtime.bigint();
  let outcome = await benchmark.run(ctx);
  for (let r = 1; r < repetitions; r++) {
    const next = await benchmark.run(ctx);
    if (next.events !== outcome.events) throw new Error(`${benchmark.id}: runs processed ${outcome.events} and ${next.events} events`);
    outcome = next;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / repetitions;
  const windowEnd = performance.now();
  const heapAfter = process.memoryUsage().heapUsed;
  await flushGcEntries();
  let gcMs = 0;
  for (const pause of gcPauses) if (pause.start >= windowStart && pause.start <= windowEnd) gcMs += pause.duration;
  let retainedHeapMB: number | undefined;
  if (forceGc && outcome.retained !== undefined) {
    held.value = outcome.retained;
    forceGc();
    retainedHeapMB = (process.memoryUsage().heapUsed - heapBefore) / MB;
    held.value = undefined;
  }
  return {
    events: outcome.events,
    ms,
    heapGrowthMB: forceGc ? (heapAfter - heapBefore) / MB : undefined,
    retainedHeapMB,
    gcMs: gcObserved ? gcMs / repetitions : undefined,
    figures: outcome.figures,
  };
};

/** One benchmark's runs so far: what {@link runInterleaved} keeps per row between rounds. */
interface Series<Ctx> {
  readonly benchmark: Benchmark<Ctx>;
  readonly ctx: Ctx;
  readonly warmups: number;
  readonly runs: number;
  done: number;
  events: number | undefined;
  repetitions: number;
  readonly samplesMs: number[];
  readonly growth: number[];
  readonly gcTimes: number[];
  readonly retained: number[];
  readonly figures: Map<string, number[]>;
}

const startSeries = async <Ctx>(benchmark: Benchmark<Ctx>, options: HarnessOptions): Promise<Series<Ctx>> => {
  const warmup = Math.min(options.warmup, benchmark.atMost?.warmup ?? Infinity);
  const runs = Math.min(options.runs, benchmark.atMost?.runs ?? Infinity);
  return {
    benchmark,
    ctx: await benchmark.setup(),
    // Calibrated on the warm-ups (on one extra, unreported run if there are none).
    warmups: Math.max(warmup, options.minSampleMs > 0 ? 1 : 0),
    runs,
    done: 0,
    events: undefined,
    repetitions: 1,
    samplesMs: [],
    growth: [],
    gcTimes: [],
    retained: [],
    figures: new Map(),
  };
};

/** The series' next run (a warm-up or a measured sample); returns its label and time for the log. */
const stepSeries = async <Ctx>(series: Series<Ctx>, options: HarnessOptions, forceGc: (() => void) | undefined): Promise<string> => {
  const i = series.done++;
  const measured = i >= series.warmups;
  const m = await measureOnce(series.benchmark, series.ctx, forceGc, series.repetitions);
  if (series.events !== undefined && m.events !== series.events) {
    throw new Error(`${series.benchmark.id}: run ${i + 1} processed ${m.events} events, an earlier run ${series.events}`);
  }
  series.events = m.events;
  if (measured) {
    series.samplesMs.push(m.ms);
    if (m.heapGrowthMB !== undefined) series.growth.push(m.heapGrowthMB);
    if (m.gcMs !== undefined) series.gcTimes.push(m.gcMs);
    if (m.retainedHeapMB !== undefined) series.retained.push(m.retainedHeapMB);
    for (const [name, value] of Object.entries(m.figures ?? {})) series.figures.set(name, [...(series.figures.get(name) ?? []), value]);
  }
  const label = measured ? `run ${i - series.warmups + 1}` : `warm-up ${i + 1}`;
  const line = `${label}: ${m.ms.toFixed(1)} ms${series.repetitions > 1 ? ` per run (×${series.repetitions})` : ''}`;
  if (!measured) series.repetitions = repetitionsFor(m.ms, options.minSampleMs);
  return line;
};

const finishSeries = async <Ctx>(series: Series<Ctx>): Promise<BenchmarkResult> => {
  const { benchmark, samplesMs, events } = series;
  await benchmark.teardown?.(series.ctx);
  const ms = summarize(samplesMs);
  return {
    id: benchmark.id,
    title: benchmark.title,
    kind: benchmark.kind,
    description: benchmark.description,
    limitId: benchmark.kind === 'limit' ? benchmark.id : benchmark.limitId,
    events: events ?? 0,
    repetitionsPerSample: series.repetitions,
    samplesMs,
    ms,
    eventsPerSec: throughput(events ?? 0, ms.median),
    heapGrowthMB: series.growth.length > 0 ? median(series.growth) : undefined,
    gcMs: series.gcTimes.length > 0 ? median(series.gcTimes) : undefined,
    retainedHeapMB: series.retained.length > 0 ? median(series.retained) : undefined,
    peakRssMB: peakRssMB(),
    figures: Object.fromEntries([...series.figures].map(([name, values]) => [name, median(values)])),
  };
};

/**
 * Which row runs first in each round of {@link runInterleaved}: the rows in turn (round r starts with row
 * r mod n), so that neither side always runs right after the other's garbage or JIT work.
 */
export const roundOrder = (rows: number, round: number): number[] => Array.from({ length: rows }, (_, k) => (round + k) % rows);

/**
 * Runs benchmarks round-robin: setup of each, then round by round one run of each (warm-ups first, then
 * measured samples), each timed after a forced GC. Rows whose ratio is a target (ours ÷ a peer) run this
 * way so that both sides see the same machine state: measured one after the other, a ratio also measures
 * whatever changed on the machine between the two rows.
 */
export const runInterleaved = async (
  benchmarks: readonly Benchmark[],
  options: HarnessOptions,
  log: (line: string) => void = () => undefined,
): Promise<BenchmarkResult[]> => {
  const forceGc = getGc();
  const series: Series<unknown>[] = [];
  for (const benchmark of benchmarks) series.push(await startSeries(benchmark, options));
  const rounds = Math.max(...series.map((s) => s.warmups + s.runs));
  for (let round = 0; round < rounds; round++) {
    const lines: string[] = [];
    for (const index of roundOrder(series.length, round)) {
      const s = series[index]!;
      if (s.done < s.warmups + s.runs) lines.push(`${series.length > 1 ? `${s.benchmark.id} ` : ''}${await stepSeries(s, options, forceGc)}`);
    }
    log(`  ${lines.join('; ')}`);
  }
  const results: BenchmarkResult[] = [];
  for (const s of series) results.push(await finishSeries(s));
  return results;
};

/**
 * Runs one benchmark: setup, warm-ups, then measured samples, each timed with process.hrtime.bigint() after
 * a forced GC. A sample is one run, or several back to back when a run is shorter than `minSampleMs`.
 */
export const runBenchmark = async <Ctx>(
  benchmark: Benchmark<Ctx>,
  options: HarnessOptions,
  log: (line: string) => void = () => undefined,
): Promise<BenchmarkResult> => (await runInterleaved([benchmark], options, log))[0]!;
