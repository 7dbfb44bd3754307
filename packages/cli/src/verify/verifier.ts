import { StoredEventInvalidError, formatPath, type EventRegistry, type RecordedEvent } from '@itt-ledger/core';
import type { Problem } from './problem.js';

export interface Verifier {
  /** Checks one event, in global order: its data through the registry, its revision, position and id. */
  check(record: RecordedEvent, line?: number): Problem[];
  readonly events: () => number;
  /** Every stream seen, with the revision of its last event. */
  readonly streams: () => ReadonlyMap<string, bigint>;
}

export interface VerifierOptions {
  /** Decode each event through the registry (validation and upcasting); off when the store will validate it anyway. */
  readonly decode?: boolean;
}

/**
 * What `verify` checks, one event at a time so that a file of millions of events is never held whole:
 * the registry's decode, revisions gap-free from 0 per stream, global positions strictly increasing,
 * and no event id twice (EventStoreDB would take a repeated id for a retried append).
 */
export const createVerifier = (registry: EventRegistry, options: VerifierOptions = {}): Verifier => {
  const decode = options.decode ?? true;
  const revisions = new Map<string, bigint>();
  // Where each id was first seen: a line number (a number, not a string per event) or stream@revision.
  const firstSeen = new Map<string, number | string>();
  let lastPosition: bigint | undefined;
  let events = 0;

  const check = (record: RecordedEvent, line?: number): Problem[] => {
    events++;
    // Built only for a problem: this runs for every event of a file.
    const where = () => ({ ...(line === undefined ? {} : { line }), streamId: record.streamId, streamRevision: record.streamRevision });
    const problems: Problem[] = [];
    if (decode) {
      try {
        registry.decode(record);
      } catch (error) {
        if (!(error instanceof StoredEventInvalidError)) throw error;
        for (const issue of error.issues) problems.push({ ...where(), field: formatPath(issue.path), message: issue.message });
      }
    }

    const last = revisions.get(record.streamId);
    const expected = last === undefined ? 0n : last + 1n;
    if (record.streamRevision > expected) {
      const missing = record.streamRevision - 1n === expected ? `${expected}` : `${expected} to ${record.streamRevision - 1n}`;
      problems.push({ ...where(), field: 'streamRevision', message: `revision ${missing} of the stream is missing` });
    } else if (record.streamRevision < expected) {
      problems.push({ ...where(), field: 'streamRevision', message: `revision ${record.streamRevision} comes again: the stream is already at ${expected - 1n}` });
    }
    if (last === undefined || record.streamRevision > last) revisions.set(record.streamId, record.streamRevision);

    if (lastPosition !== undefined && record.globalPosition <= lastPosition) {
      problems.push({ ...where(), field: 'globalPosition', message: `position ${record.globalPosition} is not after the previous event's ${lastPosition}` });
    }
    if (lastPosition === undefined || record.globalPosition > lastPosition) lastPosition = record.globalPosition;

    const seen = firstSeen.get(record.eventId);
    if (seen === undefined) firstSeen.set(record.eventId, line ?? `${record.streamId}@${record.streamRevision}`);
    else problems.push({ ...where(), field: 'eventId', message: `event id ${record.eventId} was already used (${typeof seen === 'number' ? `line ${seen}` : seen})` });
    return problems;
  };

  return { check, events: () => events, streams: () => revisions };
};
