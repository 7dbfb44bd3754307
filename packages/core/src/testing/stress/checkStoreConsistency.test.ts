import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../kernel/envelope.js';
import { StreamNotFoundError } from '../../kernel/errors.js';
import { deriveEventId } from '../../kernel/ids.js';
import { runProjection } from '../../kernel/projection.js';
import type { EventStore } from '../../kernel/store.js';
import { createContractRegistry, type ContractEvent } from '../contract/fixtures.js';
import { checkStoreConsistency, findStoreViolations, type ConsistencyInput } from './checkStoreConsistency.js';
import { stockInvariant } from './stockInvariant.js';
import { stockProjections } from './stockProjections.js';
import { StoreConsistencyError } from './storeConsistencyError.js';
import type { AcceptedAppend } from './stressLog.js';

// The checker against hand-made stores: a healthy one passes, and each kind of corruption is reported.
const P = 'p-';
const [A, B] = [`${P}a`, `${P}b`];
const id = (n: number) => deriveEventId('checker', n);
const AT = '2024-09-02T08:00:00.000Z';
const add = (itemId: string, quantity: number): ContractEvent => ({ type: 'ItemAdded', data: { itemId, quantity, unit: 'each' } });
const remove = (itemId: string): ContractEvent => ({ type: 'ItemRemoved', data: { itemId } });
const note = (text: string): ContractEvent => ({ type: 'NoteWritten', data: { authorId: 'm', text, tags: [] } });

const stored = (streamId: string, streamRevision: number, globalPosition: number, eventId: string, event: ContractEvent) =>
  ({
    ...event,
    schemaVersion: 1,
    metadata: {},
    eventId,
    streamId,
    streamRevision: BigInt(streamRevision),
    globalPosition: BigInt(globalPosition),
    occurredAt: AT,
    recordedAt: AT,
  }) as StoredEvent<ContractEvent>;

const accepted = (step: number, streamId: string, last: number, events: readonly [string, ContractEvent][]): AcceptedAppend => ({
  step,
  streamId,
  events: events.map(([eventId, event]) => ({ ...event, eventId })),
  nextExpectedRevision: BigInt(last),
  position: 0n,
});

// Two streams, three accepted batches: A gets [add x2, add y1] then [remove x]; B gets [note].
const healthyLog = [
  accepted(0, A, 1, [
    [id(0), add('x', 2)],
    [id(1), add('y', 1)],
  ]),
  accepted(1, B, 0, [[id(2), note('hello')]]),
  accepted(2, A, 2, [[id(3), remove('x')]]),
];
const healthyEvents = () => [
  stored(A, 0, 0, id(0), add('x', 2)),
  stored(A, 1, 1, id(1), add('y', 1)),
  stored(B, 0, 5, id(2), note('hello')),
  stored(A, 2, 9, id(3), remove('x')),
];

/** A read-only store over a list of events; `streamReads` makes readStream disagree with readAll. */
const fakeStore = (events: readonly StoredEvent<ContractEvent>[], streamReads: Record<string, StoredEvent<ContractEvent>[]> = {}): EventStore<ContractEvent> => ({
  registry: createContractRegistry(),
  appendToStream: () => Promise.reject(new Error('read-only')),
  readStream: async (streamId) => {
    const list = streamReads[streamId] ?? events.filter((event) => event.streamId === streamId);
    if (list.length === 0) throw new StreamNotFoundError(streamId);
    return list;
  },
  readAll: async (options) => events.filter((event) => event.streamId.startsWith(options?.filter?.streamPrefixes?.[0] ?? '')),
  subscribe: () => {
    throw new Error('not needed');
  },
  close: async () => undefined,
});

const { stockByStream, storeTotals } = stockProjections(P);
const check = (events: readonly StoredEvent<ContractEvent>[], overrides: Partial<ConsistencyInput> = {}, streamReads = {}) =>
  findStoreViolations(fakeStore(events, streamReads), {
    prefix: P,
    accepted: healthyLog,
    projections: [
      { projection: stockByStream, state: runProjection(stockByStream, events) },
      { projection: storeTotals, state: runProjection(storeTotals, events) },
    ],
    invariants: [stockInvariant],
    ...overrides,
  });

const replace = (index: number, event: StoredEvent<ContractEvent>) => healthyEvents().map((old, i) => (i === index ? event : old));

describe('checkStoreConsistency', () => {
  it('passes a store that holds exactly what was accepted, and counts its events and streams', async () => {
    expect((await check(healthyEvents())).violations).toEqual([]);
    await expect(
      checkStoreConsistency(fakeStore(healthyEvents()), { prefix: P, accepted: [...healthyLog, healthyLog[1]!], invariants: [stockInvariant] }),
    ).resolves.toEqual({ events: 4, streams: 2 });
  });

  it.each<[string, () => Promise<{ readonly violations: readonly string[] }>, RegExp]>([
    ['a duplicated event', () => check([...healthyEvents(), stored(B, 1, 10, id(2), note('hello'))]), /^duplicate: event .* is stored 2 times \(p-b@0, p-b@1\)/],
    ['a gap in a stream', () => check(replace(3, stored(A, 3, 9, id(3), remove('x')))), /^gap: stream p-a has revision 3 at index 2/],
    [
      'an accepted batch stored out of order',
      () => check(healthyEvents().map((event, i) => (i === 0 ? stored(A, 0, 0, id(1), add('y', 1)) : i === 1 ? stored(A, 1, 1, id(0), add('x', 2)) : event))),
      /^misplaced: event .* \(step 0, #0 of its batch\) belongs at p-a@0 but is stored at p-a@1/,
    ],
    ['global positions out of order', () => check(replace(3, stored(A, 2, 3, id(3), remove('x')))), /^order: readAll position 3 \(p-a@2\) does not follow 5 \(p-b@0\)/],
    ['an event no accepted command wrote', () => check([...healthyEvents(), stored(B, 1, 10, id(99), note('intruder'))]), /^unaccepted: event .* at p-b@1/],
    ['a lost event', () => check(healthyEvents().slice(0, 3)), /^lost: event .* \(step 2, #0 of its batch\) was accepted on p-a/],
    ['altered data', () => check(replace(0, stored(A, 0, 0, id(0), add('x', 3)))), /^altered: event .* was decided as ItemAdded/],
    [
      'readStream disagreeing with readAll',
      () => check(healthyEvents(), {}, { [B]: [stored(B, 0, 6, id(2), note('hello'))] }),
      /^stream p-b: readStream and readAll differ at index 0/,
    ],
    [
      'a retry answered differently from the first append',
      () => check(healthyEvents(), { accepted: [...healthyLog, { ...healthyLog[1]!, nextExpectedRevision: 4n }] }),
      /^retry: the batch of step 1 on p-b was answered at revision 4, first at 0/,
    ],
    [
      'a projection that diverges from a replay',
      () => check(healthyEvents(), { projections: [{ projection: storeTotals, state: { events: 3, lastPosition: '9' } }] }),
      /^projection stress.storeTotals: the live state .* differs from a replay from zero/,
    ],
    [
      'a lost update: an item removed twice',
      () =>
        check([...healthyEvents(), stored(A, 3, 11, id(4), remove('x'))], {
          accepted: [...healthyLog, accepted(3, A, 3, [[id(4), remove('x')]])],
        }),
      /^invariant: p-a@3 removes x, which was not held/,
    ],
    [
      'stream totals that are not the sum of the accepted commands',
      () => check(healthyEvents(), { accepted: [...healthyLog, accepted(3, A, 3, [[id(5), add('z', 4)]])] }),
      /^invariant: p-a totals .* are not the sum of its accepted commands/,
    ],
  ])('reports %s', async (_name, run, pattern) => {
    const { violations } = await run();
    expect(violations.some((violation) => pattern.test(violation)), violations.join('\n')).toBe(true);
  });

  it('reports every violation at once, not only the first, in one StoreConsistencyError', async () => {
    const events = [
      ...healthyEvents().slice(0, 3),
      stored(A, 3, 9, id(3), remove('x')),
      stored(B, 1, 10, id(2), note('hello')),
      stored(B, 2, 11, id(99), note('intruder')),
    ];
    const error = await checkStoreConsistency(fakeStore(events), {
      prefix: P,
      accepted: healthyLog,
      projections: [{ projection: storeTotals, state: storeTotals.initialState() }],
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreConsistencyError);
    const { violations, message } = error as StoreConsistencyError;
    for (const kind of ['gap:', 'duplicate:', 'unaccepted:', 'misplaced:', 'projection stress.storeTotals:']) {
      expect(violations.some((violation) => violation.startsWith(kind)), kind).toBe(true);
    }
    for (const violation of violations) expect(message).toContain(violation);
  });
});
