import { getInMemoryEventStore, STREAM_DOES_NOT_EXIST, type Event, type ExpectedStreamVersion, type InMemoryEventStore } from '@event-driven-io/emmett';
import { defineBenchmark, type Benchmark } from '../harness.js';
import { batchesOf, check, checksum, expectedChecksum, handlerMap, initialStreamState, type StreamState, type Workload } from '../workload.js';

/**
 * The peer: `@event-driven-io/emmett`'s in-memory event store on the same workload, measured in the same
 * run as ours. It validates nothing (an event is whatever object it is given); ours validates every event
 * on write. Emmett's events have no business time, so `occurredAt` travels in the metadata.
 */
type PeerEvent = Event<string, Record<string, unknown>, Record<string, unknown>>;

interface PeerBatch {
  readonly streamIndex: number;
  readonly streamId: string;
  readonly events: PeerEvent[];
}

/** The workload's batches as emmett events, built before timing as ours are. */
const peerBatchesOf = (workload: Workload, size: number): readonly PeerBatch[] =>
  batchesOf(workload, size).map(({ streamIndex, streamId, events }) => ({
    streamIndex,
    streamId,
    events: events.map((event) => ({ type: event.type, data: event.data, metadata: { ...event.metadata, occurredAt: event.occurredAt } })),
  }));

/** Appends every batch with the stream version the previous append returned, as ours does with revisions. */
const appendAll = async (store: InMemoryEventStore, workload: Workload, batches: readonly PeerBatch[]): Promise<number> => {
  const versions = new Array<ExpectedStreamVersion | undefined>(workload.streamIds.length);
  let count = 0;
  for (const batch of batches) {
    const expectedStreamVersion = versions[batch.streamIndex] ?? STREAM_DOES_NOT_EXIST;
    const result = await store.appendToStream(batch.streamId, batch.events, { expectedStreamVersion });
    versions[batch.streamIndex] = result.nextExpectedStreamVersion;
    count += batch.events.length;
  }
  return count;
};

const evolve = (state: StreamState, event: PeerEvent): StreamState => {
  const handler = handlerMap[event.type];
  return handler === undefined ? state : handler(state, event);
};

const appendBenchmark = (workload: Workload, size: number): Benchmark =>
  defineBenchmark({
    id: `peer.emmett.append.batch${size}`,
    title: `emmett: in-memory append, batches of ${size}`,
    kind: 'peer',
    interleave: `append.batch${size}`,
    description: `emmett getInMemoryEventStore().appendToStream of every event in batches of ${size} per stream with the expected stream version of the previous append, into a fresh store. No validation.`,
    setup: () => peerBatchesOf(workload, size),
    run: async (batches) => {
      const store = getInMemoryEventStore();
      return { events: await appendAll(store, workload, batches), retained: store };
    },
  });

export const peerBenchmarks = (workload: Workload): Benchmark[] => [
  appendBenchmark(workload, 1),
  appendBenchmark(workload, 10),
  defineBenchmark({
    id: 'peer.emmett.aggregate.everyStream',
    title: 'emmett: aggregateStream of every stream',
    kind: 'peer',
    interleave: 'aggregate.everyStream',
    description: 'emmett aggregateStream (readStream + reduce with the shared handler map) of each stream in turn, awaiting each, from a store filled before timing.',
    limitId: 'limit.fold.byStream',
    setup: async () => {
      const store = getInMemoryEventStore();
      await appendAll(store, workload, peerBatchesOf(workload, 10));
      return { store, expected: expectedChecksum(workload) };
    },
    run: async ({ store, expected }) => {
      const states: StreamState[] = [];
      let count = 0;
      for (const streamId of workload.streamIds) {
        const result = await store.aggregateStream(streamId, { evolve, initialState: () => initialStreamState });
        // Emmett's result carries the stream version (the number of events folded), not the events.
        count += Number(result.currentStreamVersion);
        states.push(result.state);
      }
      check('emmett aggregateStream', checksum(states), expected);
      return { events: count };
    },
  }),
];
