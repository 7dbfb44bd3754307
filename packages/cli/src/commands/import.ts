import { StreamNotFoundError, manualClock, type EventStore, type RecordedEvent } from '@itt-ledger/core';
import type { Command } from '../command.js';
import { checkReadableFile } from '../files.js';
import { DataProblemsError, EXIT } from '../io.js';
import { readExportFile } from '../jsonl/readExport.js';
import { appendRecords } from '../sources/appendRecords.js';
import { connectFrom, redactConnectionString } from '../sources/storeSource.js';
import { formatProblem, sortProblems, type Problem } from '../verify/problem.js';
import { createVerifier } from '../verify/verifier.js';
import { problemsTable } from './problemsTable.js';

const streamExists = async (store: EventStore, streamId: string) => {
  try {
    await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    return true;
  } catch (error) {
    if (error instanceof StreamNotFoundError) return false;
    throw error;
  }
};

export const importCommand: Command = {
  name: 'import',
  summary: 'verify a JSON Lines export whole, then write it to a store, keeping ids, revisions and recordedAt; nothing is written if it fails',
  options: {
    from: { type: 'string', valueName: 'FILE', required: true, description: 'the export file to read' },
    to: { type: 'string', valueName: 'CONNECTION_STRING', required: true, description: 'the EventStoreDB to write to (its streams must not exist yet)' },
  },
  uses: { source: false, asOf: false },
  run: async (env) => {
    const from = env.options.from as string;
    const to = env.options.to as string;
    const path = env.resolve(from);
    await checkReadableFile('--from', from, path);
    const label = `file ${from}`;
    const refused = (title: string, problems: readonly Problem[], summary: Record<string, number>) => ({
      source: label,
      exitCode: EXIT.problems,
      report: { title, tables: [problemsTable(sortProblems(problems), true)], summary: { ...summary, problems: problems.length, imported: 0 } },
    });

    // First pass: the whole file must verify before anything is written.
    const verifier = createVerifier(env.registry);
    const problems: Problem[] = [];
    const checking = env.progress(`verifying ${from}`);
    try {
      for await (const item of readExportFile(path)) {
        problems.push(...('problem' in item ? [item.problem] : verifier.check(item.record, item.line)));
        checking.tick();
      }
    } finally {
      checking.done();
    }
    const counts = { events: verifier.events(), streams: verifier.streams().size };
    if (problems.length > 0) return refused(`Not imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${from}`, problems, counts);

    // The target stamps recordedAt with this clock, set to each batch's original instant.
    const clock = manualClock('1970-01-01T00:00:00.000Z');
    const store = await connectFrom('--to', env.connect, to, { registry: env.registry, clock });
    env.closeLater(() => store.close());
    const existing: Problem[] = [];
    for (const streamId of verifier.streams().keys()) {
      if (await streamExists(store, streamId)) existing.push({ streamId, message: 'the stream already exists in the target' });
    }
    if (existing.length > 0) return refused(`Not imported: ${existing.length} stream${existing.length === 1 ? '' : 's'} already in the target`, existing, counts);

    // Second pass: the file is checked again as it is written, in case it changed in between.
    const again = createVerifier(env.registry, { decode: false });
    async function* verified(): AsyncGenerator<{ readonly record: RecordedEvent; readonly line?: number }> {
      for await (const item of readExportFile(path)) {
        const problem = 'problem' in item ? item.problem : again.check(item.record, item.line)[0];
        if (problem) throw new DataProblemsError(`${from} changed during the import: ${formatProblem(problem)}`, [problem]);
        yield item as { readonly record: RecordedEvent; readonly line?: number };
      }
    }
    let written = 0;
    const writing = env.progress(`importing into ${redactConnectionString(to)}`);
    try {
      await appendRecords(verified(), {
        store,
        clock,
        onAppended: (count) => {
          written += count;
          writing.tick(count);
        },
      });
    } catch (error) {
      if (error instanceof DataProblemsError) {
        throw new DataProblemsError(`import stopped: ${error.message}; ${written} events before it were written`, error.problems);
      }
      throw error;
    } finally {
      writing.done();
    }
    return { source: label, exitCode: EXIT.ok, report: { title: `Imported ${from}`, summary: { ...counts, imported: written, to: redactConnectionString(to) } } };
  },
};
