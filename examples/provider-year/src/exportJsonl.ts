import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createExportWriter } from '@itt-ledger/cli';
import type { EventStore, Instant } from '@itt-ledger/core';

/** Events read per page while exporting. */
const PAGE_SIZE = 1_000;

/**
 * Writes every event of `store` to `path` in the CLI's JSON Lines export format (`itt-ledger verify`,
 * `import` and the reports read it), in global order, through the CLI's writer: the file appears only
 * when complete. Returns the number of events written.
 */
export const exportEvents = async (store: EventStore, path: string, exportedAt: Instant): Promise<number> => {
  await mkdir(dirname(path), { recursive: true });
  const writer = await createExportWriter(path, exportedAt);
  try {
    let from: bigint | 'start' = 'start';
    for (;;) {
      const page = await store.readAll({ fromPosition: from, maxCount: PAGE_SIZE });
      // Positions need not be contiguous: the next page starts at (and skips) the last event seen.
      for (const event of page) if (from === 'start' || event.globalPosition > from) await writer.write(event);
      const last = page.at(-1);
      if (page.length < PAGE_SIZE || last === undefined) break;
      from = last.globalPosition;
    }
    return await writer.commit();
  } catch (error) {
    await writer.abort();
    throw error;
  }
};
