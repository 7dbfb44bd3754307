import { describe, expect, it } from 'vitest';
import { asOfPredicate, eventsAsOf } from './asOf.js';
import type { StoredEvent } from './envelope.js';
import { InvalidArgumentError } from './errors.js';

// One stream whose events were recorded in order but happened out of order: #2 happened first.
const event = (streamRevision: number, occurredAt: string, recordedAt: string) =>
  ({ type: 'Happened', data: {}, streamRevision: BigInt(streamRevision), occurredAt, recordedAt }) as unknown as StoredEvent;
const events = [
  event(0, '2024-09-02T08:00:00.000Z', '2024-09-02T09:00:00.000Z'),
  event(1, '2024-09-05T08:00:00.000Z', '2024-09-05T09:00:00.000Z'),
  event(2, '2024-09-01T08:00:00.000Z', '2024-09-10T09:00:00.000Z'),
  event(3, '2024-09-12T08:00:00.000Z', '2024-09-12T09:00:00.000Z'),
];
const revisions = (asOf: Parameters<typeof eventsAsOf>[1]) => eventsAsOf(events, asOf).map((e) => Number(e.streamRevision));

describe('asOf', () => {
  it('keeps everything when no condition is given', () => {
    expect(revisions({})).toEqual([0, 1, 2, 3]);
  });

  it('revision: the stream up to and including it', () => {
    expect(revisions({ revision: 1n })).toEqual([0, 1]);
    expect(revisions({ revision: -1n })).toEqual([]);
    expect(revisions({ revision: 99n })).toEqual([0, 1, 2, 3]);
  });

  it('recordedAt: what was known then; occurredAt: what had happened then', () => {
    expect(revisions({ recordedAt: '2024-09-06T00:00:00.000Z' })).toEqual([0, 1]);
    expect(revisions({ occurredAt: '2024-09-06T00:00:00.000Z' })).toEqual([0, 1, 2]);
  });

  it('includes an event at exactly the instant', () => {
    expect(revisions({ recordedAt: '2024-09-05T09:00:00.000Z' })).toEqual([0, 1]);
    expect(revisions({ occurredAt: '2024-09-01T08:00:00.000Z' })).toEqual([2]);
  });

  it('every condition given must hold', () => {
    expect(revisions({ occurredAt: '2024-09-06T00:00:00.000Z', recordedAt: '2024-09-06T00:00:00.000Z' })).toEqual([0, 1]);
    expect(revisions({ occurredAt: '2024-09-30T00:00:00.000Z', revision: 2n })).toEqual([0, 1, 2]);
  });

  it('compares instants in their normal form, whatever zone they are given in', () => {
    // 09:00+01:00 is 08:00Z: exactly when #0 happened.
    expect(revisions({ occurredAt: '2024-09-02T09:00:00+01:00' })).toEqual([0, 2]);
    expect(revisions({ occurredAt: '2024-09-02T08:59:59+01:00' })).toEqual([2]);
  });

  it('refuses a bad revision or instant, naming it', () => {
    expect(() => asOfPredicate({ revision: -2n })).toThrow(expect.objectContaining({ field: 'asOf.revision' }));
    expect(() => asOfPredicate({ revision: 1 as never })).toThrow(InvalidArgumentError);
    expect(() => asOfPredicate({ recordedAt: '2024-09-02' })).toThrow(expect.objectContaining({ field: 'asOf.recordedAt' }));
    expect(() => asOfPredicate({ occurredAt: 'now' })).toThrow(expect.objectContaining({ field: 'asOf.occurredAt' }));
  });
});
