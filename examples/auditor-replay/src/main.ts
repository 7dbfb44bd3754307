import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createIttLedgerRegistry, toLocalDate } from '@itt-ledger/core';
import { auditorReplay } from './auditorReplay.js';
import { readExport, writeProviderYearExport } from './exportFile.js';

// node dist/main.js [EXPORT.jsonl] [--trainee ID] [--mentor ID] [--dates 2024-10-02,2024-11-25]
// Without a file, the provider's year is run and exported to a temporary directory first.
const run = async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { trainee: { type: 'string' }, mentor: { type: 'string' }, dates: { type: 'string' } } });
  const dates = values.dates?.split(',').map((date) => toLocalDate(date.trim(), '--dates'));
  const given = positionals[0];
  const dir = given === undefined ? await mkdtemp(join(tmpdir(), 'auditor-replay-')) : undefined;
  try {
    const path = given ?? (await writeProviderYearExport(dir!));
    const events = await readExport(path, createIttLedgerRegistry());
    const options = { source: basename(path), ...(values.trainee ? { traineeId: values.trainee } : {}), ...(values.mentor ? { mentorId: values.mentor } : {}), ...(dates ? { dates } : {}) };
    process.stdout.write(auditorReplay(events, options));
  } finally {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  }
};

try {
  await run();
} catch (error) {
  // One line, never a stack trace: an auditor's tool, not a debugger.
  process.stderr.write(`auditor replay: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
