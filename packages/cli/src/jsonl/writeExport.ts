import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Instant, RecordedEvent } from '@itt-ledger/core';
import { eventLine, headerLine, trailerLine } from './format.js';

export interface ExportWriter {
  write(event: RecordedEvent): Promise<void>;
  /** Writes the trailer and puts the file in place. */
  commit(): Promise<number>;
  /** Removes the partial file; the target is left as it was. */
  abort(): Promise<void>;
}

/**
 * Writes an export beside its target (`FILE.partial`) and renames it into place only when complete, so a
 * failed or refused export never leaves a half file under the name an auditor was promised.
 */
export const createExportWriter = async (path: string, exportedAt: Instant): Promise<ExportWriter> => {
  const partial = `${path}.partial`;
  const out = createWriteStream(partial, { encoding: 'utf8' });
  let failed: Error | undefined;
  out.on('error', (error) => {
    failed = error;
  });
  await once(out, 'open');
  let events = 0;
  const put = async (line: string) => {
    if (failed !== undefined) throw failed;
    // Respect backpressure: a store reads faster than a disk writes.
    if (!out.write(line + '\n')) await once(out, 'drain');
  };
  await put(headerLine(exportedAt));
  return {
    write: async (event) => {
      await put(eventLine(event));
      events++;
    },
    commit: async () => {
      await put(trailerLine(events));
      out.end();
      await once(out, 'finish');
      if (failed !== undefined) throw failed;
      await rename(partial, path);
      return events;
    },
    abort: async () => {
      out.destroy();
      await rm(partial, { force: true });
    },
  };
};
