import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchmarkResult } from './harness.js';

/** The variable that carries a child's request (JSON): small, and readable before any import runs. */
const REQUEST_VARIABLE = 'BENCH_CHILD_REQUEST';

/**
 * Runs a bench child module (`module`, a URL of its compiled file) with `request`, and returns the results
 * it sends back in order. The child logs to this process's stderr; a non-zero exit rejects.
 */
export const runInChild = (module: URL, request: unknown, execArgv: readonly string[], what: string): Promise<BenchmarkResult[]> =>
  new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(module), [], {
      execArgv: [...execArgv],
      env: { ...process.env, [REQUEST_VARIABLE]: JSON.stringify(request) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const results: BenchmarkResult[] = [];
    child.on('message', (message: { result?: BenchmarkResult }) => {
      if (message.result !== undefined) results.push(message.result);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve(results) : reject(new Error(`the ${what} child process failed (exit code ${String(code)}, signal ${String(signal)})`))));
  });

/** The child's side: its request, each result sent back, and an exit code the parent reads. */
export const childMain = <Request>(body: (request: Request, send: (result: BenchmarkResult) => void) => Promise<void>): void => {
  const request = JSON.parse(process.env[REQUEST_VARIABLE] ?? '') as Request;
  body(request, (result) => process.send?.({ result })).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
};
