import { runKernelTour } from './tour.js';

try {
  process.stdout.write(await runKernelTour());
} catch (error) {
  // A demo, not a debugger: one line, and a failing exit code.
  process.stderr.write(`kernel tour failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
