import { basename, join } from 'node:path';
import { createFileSource } from '@itt-ledger/cli';
import type { EventRegistry, StoredEvent } from '@itt-ledger/core';
import { PROVIDER_YEAR, exportEvents, openProviderYearStore, runProviderYear } from '@itt-ledger/example-provider-year';

/**
 * Reads an export back as the CLI does (`itt-ledger --file`): every line verified, decoded through the
 * registry, and loaded with its event ids, revisions and both clocks as they were written.
 */
export const readExport = async (path: string, registry: EventRegistry): Promise<readonly StoredEvent[]> => {
  const silent = { tick: () => undefined, done: () => undefined };
  const source = createFileSource(path, { registry, displayPath: basename(path), progress: () => silent });
  try {
    return await (await source.store()).readAll();
  } finally {
    await source.close();
  }
};

/**
 * What a provider hands an auditor: its 2024/25 year run on the in-memory store (the provider-year
 * example) and written to `dir` in the CLI's JSON Lines format. Returns the file's path.
 */
export const writeProviderYearExport = async (dir: string): Promise<string> => {
  const { store, clock } = openProviderYearStore();
  try {
    await runProviderYear({ store, clock });
    const path = join(dir, 'provider-year.jsonl');
    await exportEvents(store, path, PROVIDER_YEAR.exportedAt);
    return path;
  } finally {
    await store.close();
  }
};
