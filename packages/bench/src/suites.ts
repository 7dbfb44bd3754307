import { appendBenchmarks } from './benchmarks/append.js';
import { decodeBenchmarks } from './benchmarks/decode.js';
import { eventStoreDbBenchmarks } from './benchmarks/eventStoreDb.js';
import { limitBenchmarks } from './benchmarks/limit.js';
import { parseBenchmarks } from './benchmarks/parse.js';
import { peerBenchmarks } from './benchmarks/peer.js';
import { providerYearBenchmarks } from './benchmarks/providerYear.js';
import { readBenchmarks } from './benchmarks/read.js';
import type { Benchmark } from './harness.js';
import type { Workload } from './workload.js';

/** Every benchmark module, in table order. A new benchmark is one more module and one more line here. */
const suites: readonly ((workload: Workload) => Benchmark[])[] = [
  limitBenchmarks,
  parseBenchmarks,
  peerBenchmarks,
  appendBenchmarks,
  readBenchmarks,
  decodeBenchmarks,
  providerYearBenchmarks,
  eventStoreDbBenchmarks,
];

/** Every benchmark over one workload, in table order: the main process's list and the peer child's. */
export const allBenchmarks = (workload: Workload): Benchmark[] => suites.flatMap((suite) => suite(workload));
