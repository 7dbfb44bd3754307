import type { DomainEvent, EventStore } from '@itt-ledger/core';

/** The store with its stream reads counted: a refusal of bad input must come before any read. */
export const countingReads = <E extends DomainEvent>(store: EventStore<E>) => {
  const counted = { reads: 0, store: { ...store, readStream: (...args: Parameters<EventStore<E>['readStream']>) => (counted.reads++, store.readStream(...args)) } };
  return counted;
};

/** Which valid call a fuzz run started from (method and command type), to check every command type was fuzzed. */
export const callLabel = (valid: { readonly method: string; readonly args: Record<string, unknown> }): string =>
  `${valid.method} ${(valid.args.command as { type?: string } | undefined)?.type ?? ''}`;
