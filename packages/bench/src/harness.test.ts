import { describe, expect, it } from 'vitest';
import {
  checksToMarkdown,
  evaluateCheck,
  formatNumber,
  matchesFilter,
  mean,
  meetsTarget,
  median,
  repetitionsFor,
  resolveOptions,
  roundOrder,
  runInterleaved,
  slowdownVsLimit,
  stdDev,
  summarize,
  throughput,
  toMarkdown,
  type Benchmark,
  type BenchmarkResult,
  type Check,
  type Report,
} from './harness.js';

describe('median', () => {
  it('takes the middle of an odd count, whatever the order', () => {
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([3, 100, 2, 1, 4])).toBe(3);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([1, 2])).toBe(1.5);
    expect(median([10, 1, 4, 3])).toBe(3.5);
  });

  it('is not pulled by one outlier, unlike the mean', () => {
    const samples = [20, 21, 19, 20, 400];
    expect(median(samples)).toBe(20);
    expect(mean(samples)).toBe(96);
  });

  it('does not reorder its input', () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses no samples and non-finite ones', () => {
    expect(() => median([])).toThrow('no samples');
    expect(() => median([1, Number.NaN])).toThrow('finite');
    expect(() => mean([Number.POSITIVE_INFINITY])).toThrow('finite');
  });
});

describe('stdDev and summarize', () => {
  it('uses the sample (n − 1) standard deviation', () => {
    // mean 5, squared deviations sum to 32, over n − 1 = 7
    expect(stdDev([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });

  it('is 0 for one sample or identical samples', () => {
    expect(stdDev([42])).toBe(0);
    expect(stdDev([3, 3, 3])).toBe(0);
  });

  it('summarizes samples', () => {
    const stats = summarize([12, 10, 11, 13, 14]);
    expect(stats).toMatchObject({ n: 5, median: 12, mean: 12, min: 10, max: 14 });
    expect(stats.stdDev).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(stats.relStdDev).toBeCloseTo(Math.sqrt(2.5) / 12, 12);
  });
});

describe('throughput', () => {
  it('turns events and milliseconds into events per second', () => {
    expect(throughput(100_000, 50)).toBe(2_000_000);
    expect(throughput(1, 1000)).toBe(1);
  });

  it('refuses a zero or negative duration', () => {
    expect(() => throughput(10, 0)).toThrow();
    expect(() => throughput(10, -1)).toThrow();
  });
});

describe('resolveOptions', () => {
  it('defaults to 2 warm-ups, 5 measured runs and 100 ms samples', () => {
    expect(resolveOptions([], {})).toEqual({ warmup: 2, runs: 5, minSampleMs: 100 });
  });

  it('runs fewer with --quick', () => {
    expect(resolveOptions(['--quick'], {})).toMatchObject({ warmup: 1, runs: 3 });
  });

  it('lets BENCH_RUNS, BENCH_WARMUP and BENCH_MIN_SAMPLE_MS override both', () => {
    expect(resolveOptions(['--quick'], { BENCH_RUNS: '9', BENCH_WARMUP: '0', BENCH_MIN_SAMPLE_MS: '0' })).toEqual({
      warmup: 0,
      runs: 9,
      minSampleMs: 0,
    });
    expect(resolveOptions([], { BENCH_RUNS: '' })).toEqual({ warmup: 2, runs: 5, minSampleMs: 100 });
  });

  it('refuses counts that are not whole numbers in range', () => {
    expect(() => resolveOptions([], { BENCH_RUNS: '0' })).toThrow('BENCH_RUNS');
    expect(() => resolveOptions([], { BENCH_RUNS: '2.5' })).toThrow('BENCH_RUNS');
    expect(() => resolveOptions([], { BENCH_WARMUP: '-1' })).toThrow('BENCH_WARMUP');
  });
});

describe('repetitionsFor', () => {
  it('repeats a short run until a sample lasts the minimum', () => {
    expect(repetitionsFor(20, 100)).toBe(5);
    expect(repetitionsFor(30, 100)).toBe(4);
  });

  it('does not repeat a run that is long enough, or when turned off', () => {
    expect(repetitionsFor(100, 100)).toBe(1);
    expect(repetitionsFor(700, 100)).toBe(1);
    expect(repetitionsFor(20, 0)).toBe(1);
  });

  it('is capped, and safe for a zero-length run', () => {
    expect(repetitionsFor(0.01, 100)).toBe(50);
    expect(repetitionsFor(0.01, 100, 10)).toBe(10);
    expect(repetitionsFor(0, 100)).toBe(1);
  });
});

describe('formatNumber', () => {
  it('groups large numbers and keeps digits on small ones', () => {
    expect(formatNumber(1_234_567.8)).toBe('1,234,568');
    expect(formatNumber(42.25)).toBe('42.3');
    expect(formatNumber(3.14159)).toBe('3.14');
  });
});

describe('slowdownVsLimit', () => {
  const result = (id: string, kind: BenchmarkResult['kind'], eventsPerSec: number, limitId?: string): BenchmarkResult => ({
    id,
    title: id,
    kind,
    description: '',
    limitId: kind === 'limit' ? id : limitId,
    events: 100,
    repetitionsPerSample: 1,
    samplesMs: [1],
    ms: summarize([1]),
    eventsPerSec,
    heapGrowthMB: undefined,
    retainedHeapMB: undefined,
    gcMs: undefined,
    peakRssMB: 0,
    figures: {},
  });
  const results = [result('limit.a', 'limit', 1000), result('limit.b', 'limit', 2000), result('ours.x', 'ours', 250), result('ours.y', 'ours', 500, 'limit.b')];

  it('compares with the first limit row by default, and with the named one when given', () => {
    expect(slowdownVsLimit(results[2]!, results)).toBe(4);
    expect(slowdownVsLimit(results[3]!, results)).toBe(4);
    expect(slowdownVsLimit(results[1]!, results)).toBe(1);
  });

  it('has nothing to compare with when there is no limit row', () => {
    expect(slowdownVsLimit(results[2]!, [results[2]!])).toBeUndefined();
  });
});

describe('targets', () => {
  const result = (id: string, eventsPerSec: number, extra: Partial<BenchmarkResult> = {}): BenchmarkResult => ({
    id,
    title: id,
    kind: 'ours',
    description: '',
    limitId: undefined,
    events: 100_000,
    repetitionsPerSample: 1,
    samplesMs: [100_000_000 / eventsPerSec],
    ms: summarize([100_000_000 / eventsPerSec]),
    eventsPerSec,
    heapGrowthMB: undefined,
    retainedHeapMB: 40,
    gcMs: undefined,
    peakRssMB: 300,
    figures: { jsonMB: 25 },
    ...extra,
  });
  const results = [result('ours.append', 600_000), result('peer.append', 100_000), result('replay.year', 250_000)];
  const ratio = (target?: Check['target']): Check => ({
    kind: 'ratio',
    id: 'append.vsPeer',
    title: 'append: ours ÷ peer',
    numerator: { id: 'ours.append', metric: 'eventsPerSec' },
    denominator: { id: 'peer.append', metric: 'eventsPerSec' },
    ...(target ? { target } : {}),
  });

  it('compares a value with each kind of threshold, the boundary included only by ≥ and ≤', () => {
    expect(meetsTarget(5, { op: '≥', value: 5 })).toBe(true);
    expect(meetsTarget(5, { op: '>', value: 5 })).toBe(false);
    expect(meetsTarget(5, { op: '≤', value: 5 })).toBe(true);
    expect(meetsTarget(5, { op: '<', value: 5 })).toBe(false);
    expect(meetsTarget(4.99, { op: '≥', value: 5 })).toBe(false);
  });

  it('divides two results for a ratio check and marks it against its target', () => {
    const passed = evaluateCheck(ratio({ op: '≥', value: 5 }), results);
    expect(passed).toMatchObject({ value: 6, unit: '×', status: 'pass', reads: ['ours.append', 'peer.append'], from: '600,000 ÷ 100,000 events/s' });
    expect(evaluateCheck(ratio({ op: '≥', value: 7 }), results).status).toBe('miss');
    expect(evaluateCheck(ratio(), results).status).toBe('info');
  });

  it('reads a median time, a memory figure or a run’s own figure for a value check or a ratio', () => {
    const time: Check = { kind: 'value', id: 'year', title: 'provider year', value: { id: 'replay.year', metric: 'medianMs' }, target: { op: '<', value: 500 } };
    expect(evaluateCheck(time, results)).toMatchObject({ value: 400, unit: 'ms', status: 'pass' });
    const memory: Check = {
      kind: 'ratio',
      id: 'memory',
      title: 'peak memory ÷ JSON size',
      numerator: { id: 'replay.year', metric: 'retainedHeapMB' },
      denominator: { id: 'replay.year', figure: 'jsonMB', unit: 'MB' },
      target: { op: '<', value: 2 },
    };
    expect(evaluateCheck(memory, results)).toMatchObject({ value: 1.6, status: 'pass', from: '40.0 ÷ 25.0 MB' });
  });

  it('says "not run" when a result it reads is missing (filtered out), rather than failing', () => {
    expect(evaluateCheck(ratio({ op: '≥', value: 5 }), results.slice(0, 1))).toMatchObject({ value: undefined, status: 'not run' });
    const figure: Check = { kind: 'value', id: 'f', title: 'f', value: { id: 'replay.year', figure: 'absent' } };
    expect(evaluateCheck(figure, results).status).toBe('not run');
  });

  it('renders one table row per check with the measured value, the target and the mark', () => {
    const table = checksToMarkdown([evaluateCheck(ratio({ op: '≥', value: 5 }), results), evaluateCheck(ratio({ op: '≥', value: 7 }), results)]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe('| append: ours ÷ peer | 6.00× | ≥ 5.00× | ✅ pass | 600,000 ÷ 100,000 events/s |');
    expect(lines[3]).toContain('❌ **miss**');
  });

  it('shows a third digit when a miss would otherwise round to its target', () => {
    const near = [result('ours.append', 499_600), result('peer.append', 100_000)];
    expect(checksToMarkdown([evaluateCheck(ratio({ op: '≥', value: 5 }), near)])).toContain('| 4.996× | ≥ 5.00× | ❌ **miss** |');
  });
});

describe('interleaved rows', () => {
  it('starts each round with the rows in turn', () => {
    expect(roundOrder(2, 0)).toEqual([0, 1]);
    expect(roundOrder(2, 1)).toEqual([1, 0]);
    expect(roundOrder(3, 4)).toEqual([1, 2, 0]);
  });

  it('runs one run of each row per round, warm-ups first, and reports each row on its own runs', async () => {
    const calls: string[] = [];
    const row = (id: string, events: number): Benchmark => ({
      id,
      title: id,
      kind: 'ours',
      description: id,
      setup: () => {
        calls.push(`${id} setup`);
        return id;
      },
      run: () => {
        calls.push(id);
        return { events };
      },
    });
    const results = await runInterleaved([row('a', 10), row('b', 20)], { warmup: 1, runs: 2, minSampleMs: 0 });
    expect(calls).toEqual(['a setup', 'b setup', 'a', 'b', 'b', 'a', 'a', 'b']);
    expect(results.map((r) => [r.id, r.events, r.samplesMs.length])).toEqual([
      ['a', 10, 2],
      ['b', 20, 2],
    ]);
  });
});

describe('matchesFilter', () => {
  it('selects every id without a filter, and ids containing any of its comma-separated parts', () => {
    expect(matchesFilter('store.append.batch1', undefined)).toBe(true);
    expect(matchesFilter('store.append.batch1', 'append')).toBe(true);
    expect(matchesFilter('limit.fold.byStream', 'peer.,limit.fold')).toBe(true);
    expect(matchesFilter('kernel.decode.latest', 'peer.,limit.fold')).toBe(false);
  });

  it('ignores empty parts, so a stray comma selects nothing more', () => {
    expect(matchesFilter('kernel.decode.latest', 'peer.,')).toBe(false);
    expect(matchesFilter('kernel.decode.latest', ',')).toBe(false);
  });
});

describe('toMarkdown', () => {
  const report = (notes?: readonly string[]): Report => ({
    environment: { date: 'd', node: 'v20', v8: '11', platform: 'linux', arch: 'x64', cpuModel: 'cpu', cores: 2, totalMemoryGB: 1, gcExposed: true },
    options: { warmup: 0, runs: 1, minSampleMs: 0 },
    workload: {},
    results: [],
    checks: [],
    peakRssMB: 1,
    totalSeconds: 1,
    ...(notes === undefined ? {} : { notes }),
  });

  it('prints the notes under the results table, and nothing when there are none', () => {
    const markdown = toMarkdown(report(['Ran in one clean child process: `a`, `b`.']));
    expect(markdown).toMatch(/\|---\|[^\n]*\n\nRan in one clean child process: `a`, `b`\.\n/);
    expect(toMarkdown(report([]))).toBe(toMarkdown(report()));
  });
});
