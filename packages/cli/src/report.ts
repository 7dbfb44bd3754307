import { asOfPredicate, type AsOf, type Clock, type EventFilter, type EventRegistry, type EventStore, type ReportAudience, type StoredEvent } from '@itt-ledger/core';
import type { OptionSpecs, ParsedOptions } from './args.js';
import type { Report } from './output/model.js';
import type { Progress } from './progress.js';
import { PAGE_SIZE } from './sources/storeSource.js';

/** What a report reads: the source as a store, the clocks asked for, and its own options. */
export interface ReportContext {
  /** The source as a store of decoded events (an export file is loaded into memory first). */
  readonly store: EventStore;
  readonly registry: EventRegistry;
  /**
   * `--as-of` as `occurredAt` (what had happened) and `--known-at` as `recordedAt` (what was recorded);
   * `{}` when neither is given. Pass it on to `aggregateStream(…, { asOf })` or `eventsAsOf`.
   */
  readonly asOf: AsOf;
  /** The report's own options (those it declared), parsed and checked. */
  readonly options: ParsedOptions;
  /** The CLI's clock: "today" for a report, when it needs one. */
  readonly clock: Clock;
  /** Every event that satisfies `asOf` (and the filter), in global order, read in pages; progress shows on a terminal. */
  readonly events: (filter?: EventFilter) => AsyncIterable<StoredEvent>;
  /** The same, in an array: for `runProjection`. */
  readonly readAll: (filter?: EventFilter) => Promise<StoredEvent[]>;
}

/**
 * A domain report: a command of its own (`itt-ledger entitlement …`) that returns a {@link Report}; the CLI
 * parses its options with the common ones (source, `--as-of`, `--known-at`, output), opens the source and
 * renders what it returns as a table, JSON, CSV or HTML. Throw a `UsageError` for a bad option value.
 */
/**
 * Who a report is for and which personal data it may show. A test renders every report in every format and
 * searches it for each personal value of the events that this list does not name.
 */
export interface ReportAccess {
  readonly audience: readonly ReportAudience[];
  /** Personal-data fields it may show, as `EventType.path` (`*` for each element of an array). */
  readonly personalFields: readonly string[];
  /** Special category data (welfare notes) only when asked for by an option, for an audience cleared for it. */
  readonly specialCategoryOption?: string;
}

export interface ReportCommand {
  readonly name: string;
  readonly access: ReportAccess;
  /** One line for `itt-ledger --help`. */
  readonly summary: string;
  /** Its own options, e.g. `{ trainee: { type: 'string', valueName: 'ID', description: '…', required: true } }`. */
  readonly options?: OptionSpecs;
  readonly run: (context: ReportContext) => Promise<Report>;
}

export const createReportContext = (deps: {
  readonly store: EventStore;
  readonly asOf: AsOf;
  readonly options: ParsedOptions;
  readonly clock: Clock;
  readonly progress: (label: string) => Progress;
}): ReportContext => {
  const keep = asOfPredicate(deps.asOf);
  const events = async function* (filter?: EventFilter): AsyncGenerator<StoredEvent> {
    const progress = deps.progress('reading events');
    try {
      let from: bigint | 'start' = 'start';
      for (;;) {
        const page = await deps.store.readAll({ fromPosition: from, maxCount: PAGE_SIZE, ...(filter ? { filter } : {}) });
        progress.tick(page.length);
        for (const event of page) if ((from === 'start' || event.globalPosition > from) && keep(event)) yield event;
        const last = page[page.length - 1];
        if (page.length < PAGE_SIZE || last === undefined) return;
        from = last.globalPosition;
      }
    } finally {
      progress.done();
    }
  };
  return {
    store: deps.store,
    registry: deps.store.registry,
    asOf: deps.asOf,
    options: deps.options,
    clock: deps.clock,
    events,
    readAll: async (filter) => {
      const all: StoredEvent[] = [];
      for await (const event of events(filter)) all.push(event);
      return all;
    },
  };
};
