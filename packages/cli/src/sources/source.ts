import type { EventStore, RecordedEvent } from '@itt-ledger/core';
import type { Problem } from '../verify/problem.js';

/** An event as the source holds it, not yet trusted; `line` for an export file. Or something that could not be read. */
export type SourceItem = { readonly record: RecordedEvent; readonly line?: number } | { readonly problem: Problem };

/** Where events come from: an export file or an EventStoreDB. */
export interface EventSource {
  /** For messages and report headers, with any password in a connection string hidden. */
  readonly label: string;
  /** Whether problems carry line numbers. */
  readonly kind: 'file' | 'store';
  /** Every event in global order as recorded (not decoded): what `verify` checks and `export` writes. */
  records(): AsyncIterable<SourceItem>;
  /** The events as a store of decoded events, for reports. A file that does not verify is refused. */
  store(): Promise<EventStore>;
  close(): Promise<void>;
}
