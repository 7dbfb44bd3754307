import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROVIDER_YEAR_SEED } from './benchmarks/providerYear.js';
import {
  describeEnvironment,
  evaluateCheck,
  matchesFilter,
  peakRssMB,
  resolveOptions,
  runBenchmark,
  runInterleaved,
  slowdownVsLimit,
  toMarkdown,
  type BenchmarkResult,
  type Report,
} from './harness.js';
import { peerGroup } from './peers/group.js';
import { runPeerGroup } from './peers/run.js';
import { runScaleStages } from './scale/run.js';
import { SCALE_STAGES, scaleId } from './scale/stages.js';
import { allBenchmarks } from './suites.js';
import { targets } from './targets.js';
import { createWorkload } from './workload.js';

const envInt = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1, got '${raw}'`);
  return value;
};

const argValue = (argv: readonly string[], name: string): string | undefined => {
  const inline = argv.find((arg) => arg.startsWith(`${name}=`));
  if (inline !== undefined) return inline.slice(name.length + 1);
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};

const git = (...args: string[]): string | undefined => {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
};

const main = async () => {
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) {
    process.stdout.write(
      'usage: node packages/bench/dist/main.js [--quick] [--filter <id substring>[,<id substring>…]] [--with-50x] [--peers-in-process] [--list]\n' +
        'env: BENCH_RUNS (5), BENCH_WARMUP (2), BENCH_EVENTS (100000), BENCH_STREAMS (1000), BENCH_SEED (42), BENCH_OUT_DIR (<repo>/.bench-results)\n',
    );
    return;
  }
  const options = resolveOptions(argv, process.env);
  const workloadOptions = { events: envInt('BENCH_EVENTS', 100_000), streams: envInt('BENCH_STREAMS', 1_000), seed: envInt('BENCH_SEED', 42) };
  const filter = argValue(argv, '--filter');

  const workload = createWorkload(workloadOptions);
  const benchmarks = allBenchmarks(workload).filter((benchmark) => matchesFilter(benchmark.id, filter));
  // The rows compared with a peer run in a clean child process, unless asked to run here (to compare).
  const inChild = argv.includes('--peers-in-process') ? new Set<string>() : new Set(peerGroup(benchmarks).map((b) => b.id));
  // The scale stages run in a child process that fills one store cumulatively: up to the last stage measured.
  const quick = argv.includes('--quick');
  const with50x = argv.includes('--with-50x');
  const stages = SCALE_STAGES.filter((stage) => stage.optIn !== true || with50x).map((stage) => ({
    scale: stage.scale,
    runs: quick ? stage.quickRuns : stage.runs,
    measure: matchesFilter(scaleId(stage.scale), filter),
  }));
  const lastMeasured = stages.map((stage) => stage.measure).lastIndexOf(true);
  const scaleStages = stages.slice(0, lastMeasured + 1);
  if (argv.includes('--list')) {
    for (const benchmark of benchmarks) process.stdout.write(`${benchmark.id}\t${benchmark.description}\n`);
    for (const stage of scaleStages) if (stage.measure) process.stdout.write(`${scaleId(stage.scale)}\t${stage.scale} providers' years in one store, rebuilt into every projection (child process)\n`);
    return;
  }
  if (benchmarks.length === 0 && scaleStages.length === 0) throw new Error(`no benchmark id contains '${filter ?? ''}'`);

  const env = describeEnvironment();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`itt-ledger bench: ${benchmarks.length} benchmarks, ${options.warmup} warm-up + ${options.runs} runs each, ${workload.events.length} events / ${workload.streamIds.length} streams`);
  const started = process.hrtime.bigint();
  const results: BenchmarkResult[] = [];
  const skipped: { id: string; reason: string }[] = [];
  // Interleaved rows run together where the first of them stands; each result keeps its own place in the table.
  const ran = new Map<string, BenchmarkResult>();
  for (const benchmark of benchmarks) {
    const reason = await benchmark.unavailable?.();
    if (reason !== undefined) {
      log(`${benchmark.id}: skipped, ${reason}`);
      skipped.push({ id: benchmark.id, reason });
      continue;
    }
    const done = ran.get(benchmark.id);
    if (done) {
      results.push(done);
      continue;
    }
    if (inChild.has(benchmark.id)) {
      log(`${[...inChild].join(' + ')}: in a clean child process`);
      for (const result of await runPeerGroup({ workload: workloadOptions, options, ids: [...inChild] })) ran.set(result.id, result);
      results.push(ran.get(benchmark.id)!);
      continue;
    }
    const group = benchmark.interleave === undefined ? [benchmark] : benchmarks.filter((b) => b.interleave === benchmark.interleave);
    if (group.length === 1) {
      log(`${benchmark.id}`);
      results.push(await runBenchmark(benchmark, options, log));
      continue;
    }
    log(`${group.map((b) => b.id).join(' + ')}, interleaved round by round`);
    for (const result of await runInterleaved(group, options, log)) ran.set(result.id, result);
    results.push(ran.get(benchmark.id)!);
  }
  if (scaleStages.length > 0) {
    log(`scale stages in a child process: ${scaleStages.map((stage) => `${stage.scale}×`).join(', ')}`);
    results.push(...(await runScaleStages({ seed: PROVIDER_YEAR_SEED, stages: scaleStages })));
  }
  const totalSeconds = Number(process.hrtime.bigint() - started) / 1e9;

  const workloadSummary = { ...workloadOptions, eventTypes: 3, quick, providerYearSeed: PROVIDER_YEAR_SEED, scales: scaleStages.map((stage) => `${stage.scale}×`).join(' '), ...(filter === undefined ? {} : { filter }) };
  const checks = targets.map((target) => evaluateCheck(target, results)).filter((check) => filter === undefined || check.status !== 'not run');
  const notes =
    inChild.size === 0
      ? []
      : [
          `Ran in one clean child process, each beside its peer interleaved round by round (their Peak RSS is the child's): ${[...inChild].map((id) => `\`${id}\``).join(', ')}.`,
        ];
  const report: Report = { environment: env, options, workload: workloadSummary, results, checks, peakRssMB: peakRssMB(), totalSeconds, skipped, notes };
  const markdown = toMarkdown(report);
  const outDir = process.env.BENCH_OUT_DIR ?? fileURLToPath(new URL('../../../.bench-results/', import.meta.url));
  await mkdir(outDir, { recursive: true });
  const json = {
    ...report,
    git: { commit: git('rev-parse', 'HEAD'), dirty: (git('status', '--porcelain') ?? '') !== '' },
    results: results.map((result) => ({ ...result, vsLimit: slowdownVsLimit(result, results) })),
  };
  await writeFile(join(outDir, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(join(outDir, 'latest.md'), markdown);
  process.stdout.write(`\n${markdown}\n`);
  log(`benchmarks took ${totalSeconds.toFixed(1)} s; wrote ${join(outDir, 'latest.json')} and latest.md`);
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
