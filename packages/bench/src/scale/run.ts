import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchmarkResult } from '../harness.js';
import type { ScaleRequest } from './child.js';
import { SCALE_MAX_OLD_SPACE_MB } from './stages.js';

/**
 * Runs the scale stages in a child process with a heap sized for the 50× store, and returns the results it
 * sends back. The child's own peak RSS is each stage's memory figure, unmixed with this process's.
 */
export const runScaleStages = (request: ScaleRequest): Promise<BenchmarkResult[]> =>
  new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./child.js', import.meta.url)), [], {
      execArgv: [`--max-old-space-size=${SCALE_MAX_OLD_SPACE_MB}`, '--expose-gc'],
      env: { ...process.env, BENCH_SCALE_REQUEST: JSON.stringify(request) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const results: BenchmarkResult[] = [];
    child.on('message', (message: { result?: BenchmarkResult }) => {
      if (message.result !== undefined) results.push(message.result);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve(results) : reject(new Error(`the scale child process failed (exit code ${String(code)}, signal ${String(signal)})`))));
  });
