import { fileURLToPath } from 'node:url';
import { runDemo } from './demo.js';

process.exitCode = await runDemo({
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  exportPath: fileURLToPath(new URL('../out/provider-year.jsonl', import.meta.url)),
  cwd: process.cwd(),
});
