import { runInChild } from '../childProcess.js';
import type { BenchmarkResult } from '../harness.js';
import type { ScaleRequest } from './child.js';
import { SCALE_MAX_OLD_SPACE_MB } from './stages.js';

/**
 * Runs the scale stages in a child process with a heap sized for the 50× store, and returns the results it
 * sends back. The child's own peak RSS is each stage's memory figure, unmixed with this process's.
 */
export const runScaleStages = (request: ScaleRequest): Promise<BenchmarkResult[]> =>
  runInChild(new URL('./child.js', import.meta.url), request, [`--max-old-space-size=${SCALE_MAX_OLD_SPACE_MB}`, '--expose-gc'], 'scale');
