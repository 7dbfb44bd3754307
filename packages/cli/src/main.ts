#!/usr/bin/env node
import { createCli } from './cli.js';
import { domainRegistry, domainReports } from './domain.js';

// Output piped into `head` closes early: that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const cli = createCli({ registry: domainRegistry, reports: domainReports });
process.exitCode = await cli.run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: Boolean(process.stdout.isTTY && process.stderr.isTTY),
  env: process.env,
  cwd: process.cwd(),
});
