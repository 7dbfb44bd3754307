import { runInChild } from '../childProcess.js';
import type { BenchmarkResult, HarnessOptions } from '../harness.js';
import type { WorkloadOptions } from '../workload.js';

/** What the parent asks the peer child for: the workload to rebuild, the run counts, and the rows. */
export interface PeerRequest {
  readonly workload: WorkloadOptions;
  readonly options: HarnessOptions;
  readonly ids: readonly string[];
}

/**
 * Runs the rows compared with a peer in one fresh child process (same Node flags as this one), each
 * interleaved group round by round as in the main process, and returns their results: no row run before
 * them (its heap, its JIT state) can weigh on the ratio of ours to the peer's.
 */
export const runPeerGroup = async (request: PeerRequest): Promise<BenchmarkResult[]> => {
  const results = await runInChild(new URL('./child.js', import.meta.url), request, process.execArgv, 'peer');
  const missing = request.ids.filter((id) => !results.some((result) => result.id === id));
  if (missing.length > 0) throw new Error(`the peer child process returned no result for ${missing.join(', ')}`);
  return results;
};
