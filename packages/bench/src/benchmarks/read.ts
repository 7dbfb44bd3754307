import { aggregateStream, createProjectionRunner, evolveWith, runProjection } from '@itt-ledger/core';
import { defineBenchmark, type Benchmark } from '../harness.js';
import {
  byStreamProjection,
  check,
  checksum,
  expectedChecksum,
  filledStore,
  initialStreamState,
  streamHandlers,
  type BenchEvent,
  type StreamState,
  type Workload,
} from '../workload.js';

const decider = { initialState: initialStreamState, evolve: evolveWith<BenchEvent, StreamState>(streamHandlers) };

const readSetup = async (workload: Workload) => ({ store: await filledStore(workload), expected: expectedChecksum(workload) });
type ReadContext = Awaited<ReturnType<typeof readSetup>>;

/** The read path of a filled in-memory store (100k events, seeded ids, stepping clock), built before timing. */
export const readBenchmarks = (workload: Workload): Benchmark[] => {
  const aggregate = defineBenchmark<ReadContext>({
    id: 'store.aggregate.everyStream',
    title: 'ours: aggregateStream of every stream',
    kind: 'ours',
    interleave: 'aggregate.everyStream',
    description: 'aggregateStream (readStream + fold with an evolveWith decider) of each of the streams in turn, awaiting each.',
    limitId: 'limit.fold.byStream',
    setup: () => readSetup(workload),
    run: async ({ store, expected }) => {
      const states: StreamState[] = [];
      let count = 0;
      for (const streamId of workload.streamIds) {
        const result = await aggregateStream(store, streamId, decider);
        count += result.events.length;
        states.push(result.state);
      }
      check('aggregateStream', checksum(states), expected);
      return { events: count };
    },
  });
  const readAllFold = defineBenchmark<ReadContext>({
    id: 'store.readAll.projection',
    title: 'ours: readAll + partitioned projection fold',
    kind: 'ours',
    description: 'readAll() of the whole log, then runProjection of a definePartitionedProjection keyed by stream over it.',
    setup: () => readSetup(workload),
    run: async ({ store, expected }) => {
      const events = await store.readAll();
      const states = runProjection(byStreamProjection(), events);
      check('readAll + projection', checksum(states.values()), expected);
      return { events: events.length, retained: states };
    },
  });
  const runnerRebuild = defineBenchmark<ReadContext>({
    id: 'store.projectionRunner.rebuild',
    title: 'ours: projection runner rebuild',
    kind: 'ours',
    description: 'createProjectionRunner(...).rebuild(): pages of 10,000 through readAll with an event-type filter, checkpoints per event.',
    setup: () => readSetup(workload),
    run: async ({ store, expected }) => {
      const projection = byStreamProjection();
      const runner = createProjectionRunner({ store, projections: [projection] });
      await runner.rebuild();
      const states = runner.state(projection);
      check('projection runner', checksum(states.values()), expected);
      return { events: workload.events.length, retained: states };
    },
  });
  return [aggregate, readAllFold, runnerRebuild];
};
