import { manualClock, type EventRegistry, type EventStore } from '@itt-ledger/core';
import { createInMemoryEventStore } from '@itt-ledger/store-memory';
import { DataProblemsError } from '../io.js';
import { readExportFile } from '../jsonl/readExport.js';
import type { Progress } from '../progress.js';
import { formatProblem } from '../verify/problem.js';
import { createVerifier } from '../verify/verifier.js';
import { appendRecords } from './appendRecords.js';
import type { EventSource, SourceItem } from './source.js';

/**
 * An export file. `records()` streams it line by line; `store()` loads it once into an in-memory store,
 * keeping event ids, revisions and `recordedAt` (positions become the line order, 0, 1, 2…), and refuses
 * a file that does not verify, at its first problem.
 */
export const createFileSource = (
  path: string,
  deps: { readonly registry: EventRegistry; readonly displayPath: string; readonly progress: (label: string) => Progress },
): EventSource => {
  let loaded: EventStore | undefined;
  const label = `file ${deps.displayPath}`;

  const load = async (): Promise<EventStore> => {
    const clock = manualClock('1970-01-01T00:00:00.000Z');
    const store = createInMemoryEventStore({ registry: deps.registry, clock });
    // The store validates each event's data as it is appended; the verifier adds order and ids.
    const verifier = createVerifier(deps.registry, { decode: false });
    const refused = new WeakSet<DataProblemsError>();
    const refuse = (message: string, problems: DataProblemsError['problems']) => {
      const error = new DataProblemsError(`${label} does not verify: ${message} (itt-ledger verify --file ${deps.displayPath} lists every problem)`, problems);
      refused.add(error);
      return error;
    };
    async function* checked() {
      for await (const item of readExportFile(path)) {
        if ('problem' in item) throw refuse(formatProblem(item.problem), [item.problem]);
        const [problem] = verifier.check(item.record, item.line);
        if (problem) throw refuse(formatProblem(problem), [problem]);
        yield item;
      }
    }
    const progress = deps.progress(`loading ${deps.displayPath}`);
    try {
      await appendRecords(checked(), { store, clock, onAppended: (count) => progress.tick(count) });
    } catch (error) {
      // A refusal from the store (bad data) is worded like one from the verifier.
      if (error instanceof DataProblemsError && !refused.has(error)) throw refuse(error.message, error.problems);
      throw error;
    } finally {
      progress.done();
    }
    return store;
  };

  return {
    label,
    kind: 'file',
    records: (): AsyncIterable<SourceItem> => readExportFile(path),
    store: async () => (loaded ??= await load()),
    close: async () => {
      await loaded?.close();
    },
  };
};
