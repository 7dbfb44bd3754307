import { childMain } from '../childProcess.js';
import { runInterleaved } from '../harness.js';
import { allBenchmarks } from '../suites.js';
import { createWorkload } from '../workload.js';
import { interleaveGroups } from './group.js';
import type { PeerRequest } from './run.js';

childMain<PeerRequest>(async ({ workload, options, ids }, send) => {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const benchmarks = allBenchmarks(createWorkload(workload)).filter((benchmark) => ids.includes(benchmark.id));
  for (const group of interleaveGroups(benchmarks)) {
    log(`${group.map((b) => b.id).join(' + ')}, interleaved round by round (clean child process)`);
    for (const result of await runInterleaved(group, options, log)) send(result);
  }
});
