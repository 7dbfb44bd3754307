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
  // Linear growth, no quadratic step. Time per event at N× ÷ at 1× is shown for information: it grows
  // 1.6–1.7× at 15× for the bare-JS fold of the same handlers too (1.48 → 2.93 µs per event, with no
  // store and no runner), because a bigger heap costs more per event (cache misses on bigger read models,
  // a collector with more to copy and mark); a threshold on it measures the machine, not the kernel. A
  // quadratic step (work per event growing with N) shows between two scales as their ratio: 1.5× from 10×
  // to 15×, 3.33× from 15× to 50×. The targets sit halfway between no growth and that, in log terms
  // (√1.5 ≈ 1.22 → 1.25; √3.33 ≈ 1.83 → 2).
  ...[10, 15, 50].map(
    (scale): Check => ({
      kind: 'ratio',
      id: `scale${scale}.growth`,
      title: `time per event, ${scale}× ÷ 1× (linear growth)`,
      numerator: { id: 'providerYear.scale1', metric: 'eventsPerSec' },
      denominator: { id: `providerYear.scale${scale}`, metric: 'eventsPerSec' },
    }),
  ),
  {
    kind: 'ratio',
    id: 'scale15.growthFrom10',
    title: 'time per event, 15× ÷ 10× (a quadratic step: 1.5×)',
    numerator: { id: 'providerYear.scale10', metric: 'eventsPerSec' },
    denominator: { id: 'providerYear.scale15', metric: 'eventsPerSec' },
    target: { op: '≤', value: 1.25 },
  },
  {
    kind: 'ratio',
    id: 'scale50.growthFrom15',
    title: 'time per event, 50× ÷ 15× (a quadratic step: 3.33×)',
    numerator: { id: 'providerYear.scale15', metric: 'eventsPerSec' },
    denominator: { id: 'providerYear.scale50', metric: 'eventsPerSec' },
    target: { op: '≤', value: 2 },
  },
];
