import { seededIds, steppingClock, type EventRegistry, type EventStore, type ExpectedRevision } from '@itt-ledger/core';
import { startServerProcess, type ServerProcess } from '../eventStoreDb/server.js';
import { defineBenchmark, type Benchmark } from '../harness.js';
import { batchesOf, createBenchRegistry, type Batch, type BenchEvent, type Workload } from '../workload.js';

// Loaded at run time: the bench builds and runs without the adapter installed, and says so in its log.
const ADAPTER = '@itt-ledger/store-eventstoredb';
interface AdapterModule {
  createEventStoreDbStore<E extends BenchEvent>(options: { registry: EventRegistry<E>; connectionString: string; clock?: ReturnType<typeof steppingClock>; ids?: ReturnType<typeof seededIds> }): EventStore<E>;
}
const loadAdapter = async (): Promise<AdapterModule | undefined> => {
  try {
    return (await import(ADAPTER)) as AdapterModule;
  } catch {
    return undefined;
  }
};

/** The events of the first streams of the workload, `count` in all, in batches of 10 per stream. */
const EVENTS = 20_000;

const appendAll = async (store: EventStore<BenchEvent>, batches: readonly Batch[], prefix: string) => {
  const revisions = new Map<string, ExpectedRevision>();
  let count = 0;
  for (const batch of batches) {
    const streamId = `${prefix}${batch.streamId}`;
    const result = await store.appendToStream(streamId, batch.events, { expectedRevision: revisions.get(streamId) ?? 'no_stream' });
    revisions.set(streamId, result.nextExpectedRevision);
    count += batch.events.length;
  }
  return count;
};

interface Connected {
  readonly server: ServerProcess;
  readonly store: EventStore<BenchEvent>;
  readonly batches: readonly Batch[];
}

const unavailable = async (): Promise<string | undefined> => ((await loadAdapter()) === undefined ? `${ADAPTER} is not installed in packages/bench (run pnpm install)` : undefined);

const connect = async (workload: Workload): Promise<Connected> => {
  const adapter = await loadAdapter();
  if (adapter === undefined) throw new Error(`${ADAPTER} is not installed in packages/bench (run pnpm install)`);
  const server = await startServerProcess();
  const store = adapter.createEventStoreDbStore({ registry: createBenchRegistry(), connectionString: server.connectionString, clock: steppingClock('2024-09-02T09:00:00.000Z', 7), ids: seededIds(7) });
  const streams = Math.ceil(EVENTS / (workload.events.length / workload.streamIds.length));
  const batches = batchesOf(workload, 10).filter((batch) => batch.streamIndex < streams);
  return { server, store, batches };
};

/**
 * The EventStoreDB adapter against the wire-compatible test server (`startTestServer`, in a child process),
 * over real gRPC with the real client: reported, not held to a target (the test server is an in-memory
 * double, not a database). Each row starts its own server.
 */
export const eventStoreDbBenchmarks = (workload: Workload): Benchmark[] => {
  let round = 0;
  const append = defineBenchmark({
    id: 'esdb.append',
    title: `ours: EventStoreDB adapter, append ${EVENTS.toLocaleString('en-GB')} events in batches of 10 (test server)`,
    kind: 'ours',
    description: `appendToStream through @itt-ledger/store-eventstoredb over gRPC to the EventStoreDB test server in a child process: ${EVENTS.toLocaleString('en-GB')} events of the workload, batches of 10 per stream with the expected revision, into fresh streams each run.`,
    atMost: { warmup: 1, runs: 3 },
    unavailable,
    setup: () => connect(workload),
    teardown: async ({ server, store }) => {
      await store.close();
      server.stop();
    },
    run: async ({ store, batches }) => ({ events: await appendAll(store, batches, `r${round++}-`) }),
  });
  const read = defineBenchmark({
    id: 'esdb.readAll',
    title: `ours: EventStoreDB adapter, readAll of ${EVENTS.toLocaleString('en-GB')} events in pages of 1,000 (test server)`,
    kind: 'ours',
    description: 'readAll through the adapter over gRPC in pages of 1,000 (each page decoded by registry.decode: every field validated), from a test server holding the events appended in setup.',
    atMost: { warmup: 1, runs: 3 },
    unavailable,
    teardown: async ({ server, store }) => {
      await store.close();
      server.stop();
    },
    setup: async () => {
      const connected = await connect(workload);
      await appendAll(connected.store, connected.batches, '');
      return connected;
    },
    run: async ({ store }) => {
      let count = 0;
      // Positions need not be contiguous: each page after the first starts at (and skips) the last event read.
      for (let from: bigint | 'start' = 'start'; ; ) {
        const page = await store.readAll({ fromPosition: from, maxCount: 1_000 });
        const fresh = from === 'start' ? page.length : page.length - 1;
        count += fresh;
        const last = page[page.length - 1];
        if (page.length < 1_000 || last === undefined) break;
        from = last.globalPosition;
      }
      if (count !== EVENTS) throw new Error(`read ${count} events, appended ${EVENTS}`);
      return { events: count };
    },
  });
  return [append, read];
};
