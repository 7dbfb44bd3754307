import type { StoredEvent } from '../../kernel/envelope.js';
import { canonical } from './canonical.js';
import { batchKey, type AcceptedAppend } from './stressLog.js';

/** One entry per batch: an idempotent retry must have been answered as the first append was. */
export const uniqueAppends = (accepted: readonly AcceptedAppend[]): { readonly appends: AcceptedAppend[]; readonly violations: string[] } => {
  const byKey = new Map<string, AcceptedAppend>();
  const violations: string[] = [];
  for (const append of accepted) {
    const key = batchKey(append);
    const first = byKey.get(key);
    if (!first) byKey.set(key, append);
    else if (first.nextExpectedRevision !== append.nextExpectedRevision || first.position !== append.position) {
      violations.push(
        `retry: the batch of step ${append.step} on ${append.streamId} was answered at revision ${append.nextExpectedRevision}, first at ${first.nextExpectedRevision}`,
      );
    }
  }
  return { appends: [...byKey.values()], violations };
};

/**
 * Every accepted event is stored, in its stream, contiguous and in the order decided, ending where the
 * store said; and every stored event was written by an accepted append.
 */
export const checkAccepted = (all: readonly StoredEvent[], appends: readonly AcceptedAppend[]): string[] => {
  const violations: string[] = [];
  const stored = new Map<string, StoredEvent>();
  for (const event of all) if (!stored.has(event.eventId)) stored.set(event.eventId, event);
  const written = new Set<string>();
  for (const append of appends) {
    const firstRevision = append.nextExpectedRevision - BigInt(append.events.length - 1);
    append.events.forEach((decided, index) => {
      written.add(decided.eventId);
      const event = stored.get(decided.eventId);
      const where = `event ${decided.eventId} (step ${append.step}, #${index} of its batch)`;
      if (!event) {
        violations.push(`lost: ${where} was accepted on ${append.streamId} but is not stored`);
        return;
      }
      const revision = firstRevision + BigInt(index);
      if (event.streamId !== append.streamId || event.streamRevision !== revision) {
        violations.push(`misplaced: ${where} belongs at ${append.streamId}@${revision} but is stored at ${event.streamId}@${event.streamRevision}`);
      }
      if (event.type !== decided.type || canonical(event.data) !== canonical(decided.data)) {
        violations.push(`altered: ${where} was decided as ${decided.type} ${canonical(decided.data)} but is stored as ${event.type} ${canonical(event.data)}`);
      }
    });
  }
  for (const event of all) {
    if (!written.has(event.eventId)) violations.push(`unaccepted: event ${event.eventId} at ${event.streamId}@${event.streamRevision} was written by no accepted command`);
  }
  return violations;
};
