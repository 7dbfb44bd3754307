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
];
