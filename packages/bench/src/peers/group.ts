import type { Benchmark } from '../harness.js';

/**
 * The rows compared with a peer: every row that shares an `interleave` key with a peer row (ours and
 * emmett's), in list order. They run in a clean child process of their own (see `run.ts`).
 */
export const peerGroup = (benchmarks: readonly Benchmark[]): Benchmark[] => {
  const keys = new Set(benchmarks.filter((b) => b.kind === 'peer' && b.interleave !== undefined).map((b) => b.interleave));
  return benchmarks.filter((b) => b.interleave !== undefined && keys.has(b.interleave));
};

/** Rows split by `interleave` key (a row without one alone), each group where the first of it stands. */
export const interleaveGroups = (benchmarks: readonly Benchmark[]): Benchmark[][] => {
  const groups = new Map<string | Benchmark, Benchmark[]>();
  for (const benchmark of benchmarks) {
    const key = benchmark.interleave ?? benchmark;
    groups.set(key, [...(groups.get(key) ?? []), benchmark]);
  }
  return [...groups.values()];
};
