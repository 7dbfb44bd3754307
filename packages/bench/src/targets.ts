import type { Check } from './harness.js';

/**
 * The performance targets of the project (issue 8), each computed from rows measured in the same run.
 * A ratio of throughputs is ours ÷ theirs, so a bigger number is better for ours. Later targets (the
 * provider-year replay's time, scale runs' memory and growth) are `value` checks on a median time or a
 * run's figure, or `ratio` checks between two scale runs.
 */
export const targets: readonly Check[] = [
  {
    kind: 'ratio',
    id: 'append.batch1.vsEmmett',
    title: 'append, batches of 1: ours (validated) ÷ emmett',
    numerator: { id: 'store.append.batch1', metric: 'eventsPerSec' },
    denominator: { id: 'peer.emmett.append.batch1', metric: 'eventsPerSec' },
    target: { op: '≥', value: 5 },
  },
  {
    kind: 'ratio',
    id: 'append.batch10.vsEmmett',
    title: 'append, batches of 10: ours (validated) ÷ emmett',
    numerator: { id: 'store.append.batch10', metric: 'eventsPerSec' },
    denominator: { id: 'peer.emmett.append.batch10', metric: 'eventsPerSec' },
    target: { op: '≥', value: 5 },
  },
  {
    kind: 'ratio',
    id: 'aggregate.vsEmmett',
    title: 'aggregate every stream: ours ÷ emmett',
    numerator: { id: 'store.aggregate.everyStream', metric: 'eventsPerSec' },
    denominator: { id: 'peer.emmett.aggregate.everyStream', metric: 'eventsPerSec' },
    target: { op: '≥', value: 1 },
  },
  {
    kind: 'ratio',
    id: 'jsonl.vsBarePipeline',
    title: 'JSON Lines replay: ours ÷ bare JSON.parse + zod + fold',
    numerator: { id: 'kernel.decode.jsonlReplay', metric: 'eventsPerSec' },
    denominator: { id: 'baseline.jsonl.pipeline', metric: 'eventsPerSec' },
    target: { op: '≥', value: 0.8 },
  },
  {
    kind: 'ratio',
    id: 'jsonl.vsDataOnlyPipeline',
    title: 'JSON Lines replay: ours ÷ bare pipeline checking data only',
    numerator: { id: 'kernel.decode.jsonlReplay', metric: 'eventsPerSec' },
    denominator: { id: 'baseline.jsonl.dataOnly', metric: 'eventsPerSec' },
  },
  // --- the domain: a provider's year and the scale runs (src/benchmarks/providerYear.ts, src/scale/)
  {
    kind: 'value',
    id: 'providerYear.rebuild.time',
    title: 'provider year (≈205,000 events) rebuilt into every projection from the in-memory store',
    value: { id: 'providerYear.rebuild', metric: 'medianMs' },
    target: { op: '<', value: 500 },
  },
  {
    kind: 'ratio',
    id: 'providerYear.jsonl.vsBare',
    title: 'provider year, JSON Lines replay: ours ÷ bare JSON.parse + zod + every projection',
    numerator: { id: 'providerYear.jsonl', metric: 'eventsPerSec' },
    denominator: { id: 'providerYear.jsonl.bare', metric: 'eventsPerSec' },
    target: { op: '≥', value: 0.8 },
  },
  {
    kind: 'value',
    id: 'nationalYear.time',
    title: 'national year (15×: 30,000 trainees, ≈3.1 M events) rebuilt into every projection',
    value: { id: 'providerYear.scale15', metric: 'medianMs' },
    target: { op: '<', value: 10_000 },
  },
  ...[10, 15, 50].map(
    (scale): Check => ({
      kind: 'ratio',
      id: `scale${scale}.memory`,
      title: `${scale}× peak RSS ÷ the events’ size as JSON Lines`,
      numerator: { id: `providerYear.scale${scale}`, figure: 'peakRssMB', unit: 'MB' },
      denominator: { id: `providerYear.scale${scale}`, figure: 'jsonMB', unit: 'MB' },
      target: { op: '<', value: 2 },
    }),
  ),
  // Linear growth: time per event at N× ÷ at 1×, both in the scale child. 1.5 leaves room for what a
  // bigger heap costs per event (cache misses on larger maps, a collector with more to trace) and still
  // fails any step that grows with N: quadratic work would show as about N×.
  ...[10, 15, 50].map(
    (scale): Check => ({
      kind: 'ratio',
      id: `scale${scale}.growth`,
      title: `time per event, ${scale}× ÷ 1× (linear growth)`,
      numerator: { id: 'providerYear.scale1', metric: 'eventsPerSec' },
      denominator: { id: `providerYear.scale${scale}`, metric: 'eventsPerSec' },
      ...(scale === 10 ? {} : { target: { op: '≤' as const, value: 1.5 } }),
    }),
  ),
  // Past 10× the read models no longer fit in the CPU's caches at any scale: growth from there shows any
  // step that grows with N apart from that one.
  ...[15, 50].map(
    (scale): Check => ({
      kind: 'ratio',
      id: `scale${scale}.growthFrom10`,
      title: `time per event, ${scale}× ÷ 10×`,
      numerator: { id: 'providerYear.scale10', metric: 'eventsPerSec' },
      denominator: { id: `providerYear.scale${scale}`, metric: 'eventsPerSec' },
    }),
  ),
];
