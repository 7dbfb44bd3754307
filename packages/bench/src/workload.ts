import {
  seededRandom,
  createEventRegistry,
  defineEvent,
  definePartitionedProjection,
  seededIds,
  steppingClock,
  type EventsOf,
  type NewEvent,
  type RecordedEvent,
  type StoredEvent,
} from '@itt-ledger/core';
import { createInMemoryEventStore, type InMemoryEventStore } from '@itt-ledger/store-memory';
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------------
// A small, domain-free registry: three event types, one of them at schema version 2 with an upcaster.

const TAG = z.string().min(1).max(30);

export const AmountRecorded = defineEvent(
  'AmountRecorded',
  z.object({ amount: z.number().int().min(-1_000_000).max(1_000_000), reference: z.string().min(1).max(64) }),
);
export const LabelChanged = defineEvent('LabelChanged', z.object({ label: z.string().min(1).max(100) }));
export const ItemsTagged = defineEvent('ItemsTagged', z.object({ tags: z.array(TAG).max(10) })).upcastTo(
  z.object({ tags: z.array(TAG).max(10), weight: z.number().int().min(0).max(100) }),
  (v1) => ({ ...v1, weight: 1 }),
);

export const definitions = [AmountRecorded, LabelChanged, ItemsTagged] as const;
export type BenchEvent = EventsOf<typeof definitions>;
export type BenchEventType = BenchEvent['type'];
type DataOf<T extends BenchEventType> = Extract<BenchEvent, { readonly type: T }>['data'];

export const createBenchRegistry = () => createEventRegistry(definitions);

// ---------------------------------------------------------------------------------------------------
// One fold, shared by the bare-JS limit and by the kernel's aggregate and projection paths, so that they
// do exactly the same work per event and must reach exactly the same states.

export interface StreamState {
  readonly events: number;
  readonly total: number;
  readonly label: string;
  readonly tags: number;
  readonly weight: number;
}

export const initialStreamState: StreamState = Object.freeze({ events: 0, total: 0, label: '', tags: 0, weight: 0 });

export const streamHandlers = {
  AmountRecorded: (state: StreamState, event: { readonly data: DataOf<'AmountRecorded'> }): StreamState => ({
    ...state,
    events: state.events + 1,
    total: state.total + event.data.amount,
  }),
  LabelChanged: (state: StreamState, event: { readonly data: DataOf<'LabelChanged'> }): StreamState => ({
    ...state,
    events: state.events + 1,
    label: event.data.label,
  }),
  ItemsTagged: (state: StreamState, event: { readonly data: DataOf<'ItemsTagged'> }): StreamState => ({
    ...state,
    events: state.events + 1,
    tags: state.tags + event.data.tags.length,
    weight: state.weight + event.data.weight,
  }),
} as const;

/** The handler map as a bare-JS loop sees it: one property lookup per event. */
export type HandlerMap = Readonly<Record<string, ((state: StreamState, event: { readonly data: any }) => StreamState) | undefined>>;
export const handlerMap: HandlerMap = streamHandlers;

/** The same fold as a kernel projection: one state per stream. */
export const byStreamProjection = () =>
  definePartitionedProjection<BenchEvent, StreamState>({
    name: 'bench-by-stream',
    partitionBy: (event) => event.streamId,
    initialState: () => initialStreamState,
    handlers: streamHandlers,
  });

/** A number that changes if any state differs: used to check that every path folded the same thing. */
export const checksum = (states: Iterable<StreamState>): number => {
  let sum = 0;
  for (const state of states) sum += state.events * 7 + state.total + state.tags * 31 + state.weight * 131 + state.label.length;
  return sum;
};

/** The states the bare-JS fold reaches over the workload: every other path must reach the same ones. */
export const expectedChecksum = (workload: Workload): number => {
  const states = new Map<number, StreamState>();
  workload.events.forEach((event, i) => {
    const s = workload.streamOf[i]!;
    states.set(s, handlerMap[event.type]!(states.get(s) ?? initialStreamState, event));
  });
  return checksum(states.values());
};

export const check = (what: string, actual: number, expected: number): void => {
  if (actual !== expected) throw new Error(`${what} folded to checksum ${actual}, the bare-JS fold to ${expected}`);
};

// ---------------------------------------------------------------------------------------------------
// The workload: deterministic for a seed.

export interface WorkloadOptions {
  readonly events: number;
  readonly streams: number;
  readonly seed: number;
}

export interface Workload {
  readonly options: WorkloadOptions;
  readonly streamIds: readonly string[];
  /** Every event in global order (round-robin over the streams, the order within a round shuffled). */
  readonly events: readonly NewEvent<BenchEvent>[];
  /** `events[i]` belongs to `streamIds[streamOf[i]]`. */
  readonly streamOf: Uint32Array;
  /** Each stream's events in stream order. */
  readonly byStream: readonly (readonly NewEvent<BenchEvent>[])[];
}

/** The kernel's seeded generator: the workload is the same on every run. */
export const prng = seededRandom;

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima'];
const START = Date.parse('2024-09-02T08:00:00.000Z');

export const createWorkload = (options: WorkloadOptions): Workload => {
  const { events: eventCount, streams: streamCount, seed } = options;
  if (!Number.isInteger(eventCount) || eventCount < 1) throw new Error(`events must be a whole number ≥ 1, got ${eventCount}`);
  if (!Number.isInteger(streamCount) || streamCount < 1 || streamCount > eventCount) {
    throw new Error(`streams must be a whole number between 1 and the number of events, got ${streamCount}`);
  }
  const random = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const ids = seededIds(seed);
  const streamIds = Array.from({ length: streamCount }, () => ids.streamId('bench-'));

  const makeEvent = (index: number, streamIndex: number): NewEvent<BenchEvent> => {
    const occurredAt = new Date(START + index * 1_000).toISOString();
    const metadata = { correlationId: `cmd-${index}`, actor: `user:${streamIndex % 97}` };
    const roll = random();
    if (roll < 0.6) {
      return { type: 'AmountRecorded', data: { amount: int(-10_000, 10_000), reference: `ref-${int(0, 0xffffff).toString(16)}` }, occurredAt, metadata };
    }
    if (roll < 0.8) {
      return { type: 'LabelChanged', data: { label: `${pick(WORDS)} ${pick(WORDS)} ${int(1, 999)}` }, occurredAt, metadata };
    }
    const tags = Array.from({ length: int(1, 5) }, () => pick(WORDS));
    return { type: 'ItemsTagged', data: { tags, weight: int(0, 100) }, occurredAt, metadata };
  };

  const perStream = Array.from({ length: streamCount }, (_, s) => Math.floor(eventCount / streamCount) + (s < eventCount % streamCount ? 1 : 0));
  const events: NewEvent<BenchEvent>[] = [];
  const streamOf = new Uint32Array(eventCount);
  const byStream: NewEvent<BenchEvent>[][] = Array.from({ length: streamCount }, () => []);
  const order = Array.from({ length: streamCount }, (_, s) => s);
  for (let round = 0; events.length < eventCount; round++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const s of order) {
      if (round >= perStream[s]!) continue;
      const event = makeEvent(events.length, s);
      streamOf[events.length] = s;
      events.push(event);
      byStream[s]!.push(event);
    }
  }
  return { options, streamIds, events, streamOf, byStream };
};

/** One append call's worth of events for one stream. */
export interface Batch {
  readonly streamIndex: number;
  readonly streamId: string;
  readonly events: readonly NewEvent<BenchEvent>[];
}

/** Each stream's events cut into batches of `size`, interleaved across streams (every stream's 1st batch, then every 2nd…). */
export const batchesOf = (workload: Workload, size: number): readonly Batch[] => {
  if (!Number.isInteger(size) || size < 1) throw new Error(`batch size must be a whole number ≥ 1, got ${size}`);
  const batches: Batch[] = [];
  const longest = Math.max(...workload.byStream.map((events) => events.length));
  for (let offset = 0; offset < longest; offset += size) {
    workload.byStream.forEach((events, streamIndex) => {
      if (offset < events.length) {
        batches.push({ streamIndex, streamId: workload.streamIds[streamIndex]!, events: events.slice(offset, offset + size) });
      }
    });
  }
  return batches;
};

/** A store holding the whole workload, with seeded ids and a stepping clock so that its contents are reproducible. */
export const filledStore = async (workload: Workload): Promise<InMemoryEventStore<BenchEvent>> => {
  const store = createInMemoryEventStore({
    registry: createBenchRegistry(),
    clock: steppingClock('2024-09-02T09:00:00.000Z', 7),
    ids: seededIds(workload.options.seed + 1),
  });
  for (const batch of batchesOf(workload, 10)) await store.appendToStream(batch.streamId, batch.events);
  return store;
};

// ---------------------------------------------------------------------------------------------------
// Serialized records: one JSON line per event, as a file- or database-backed store would hand them back.

/** The envelope on the wire: bigints as decimal strings, everything else as stored. */
export interface SerializedRecord {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly eventId: string;
  readonly streamId: string;
  readonly streamRevision: string;
  readonly globalPosition: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
}

/** One stored event as a JSON line: the envelope with its bigints as decimal strings. */
export const serializeRecord = (event: StoredEvent, schemaVersion = event.schemaVersion, data: unknown = event.data): string => {
  const record: SerializedRecord = {
    type: event.type,
    schemaVersion,
    data,
    metadata: event.metadata,
    eventId: event.eventId,
    streamId: event.streamId,
    streamRevision: event.streamRevision.toString(),
    globalPosition: event.globalPosition.toString(),
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
  };
  return JSON.stringify(record);
};

/**
 * Serializes stored events. With `itemsTaggedAsV1`, ItemsTagged events are written as their version 1
 * (without `weight`), as a store that keeps facts as first written would hold old events.
 */
export const serializeRecords = (events: readonly StoredEvent<BenchEvent>[], options: { readonly itemsTaggedAsV1?: boolean } = {}): string[] =>
  events.map((event) => {
    let schemaVersion = event.schemaVersion;
    let data: unknown = event.data;
    if (options.itemsTaggedAsV1 === true && event.type === 'ItemsTagged') {
      schemaVersion = 1;
      data = { tags: event.data.tags };
    }
    return serializeRecord(event, schemaVersion, data);
  });

/** The workload as JSON lines, as read back from a filled store (see {@link filledStore}). */
export const serializedWorkload = async (workload: Workload, options: { readonly itemsTaggedAsV1?: boolean } = {}): Promise<string[]> =>
  serializeRecords(await (await filledStore(workload)).readAll(), options);

/** What an adapter does before `registry.decode`: parse the line and restore the bigints. */
export const parseRecord = (line: string): RecordedEvent => {
  const raw = JSON.parse(line) as SerializedRecord;
  return {
    type: raw.type,
    schemaVersion: raw.schemaVersion,
    data: raw.data,
    metadata: raw.metadata,
    eventId: raw.eventId,
    streamId: raw.streamId,
    streamRevision: BigInt(raw.streamRevision),
    globalPosition: BigInt(raw.globalPosition),
    occurredAt: raw.occurredAt,
    recordedAt: raw.recordedAt,
  };
};
