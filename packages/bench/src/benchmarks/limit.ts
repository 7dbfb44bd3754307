import { defineBenchmark, type Benchmark } from '../harness.js';
import { checksum, handlerMap, initialStreamState, type StreamState, type Workload } from '../workload.js';

/**
 * The limit: what plain JavaScript does with the same pre-built event objects and the same handlers, with no
 * store, no validation, no freezing and no promises. Nothing in the kernel can fold faster than this.
 */
export const limitBenchmarks = (workload: Workload): Benchmark[] => {
  const { events, streamOf, streamIds, byStream } = workload;
  return [
    defineBenchmark({
      id: 'limit.fold.partitioned',
      title: 'limit: bare fold, all events → per-stream Map',
      kind: 'limit',
      description:
        'A plain for-loop over the pre-built events in global order, one handler-map lookup per event, state per stream in a Map (the shape of a partitioned projection).',
      setup: () => undefined,
      run: () => {
        const states = new Map<string, StreamState>();
        for (let i = 0; i < events.length; i++) {
          const event = events[i]!;
          const handler = handlerMap[event.type];
          if (handler === undefined) continue;
          const key = streamIds[streamOf[i]!]!;
          states.set(key, handler(states.get(key) ?? initialStreamState, event));
        }
        if (checksum(states.values()) === Number.NEGATIVE_INFINITY) throw new Error('unreachable');
        return { events: events.length, retained: states };
      },
    }),
    defineBenchmark({
      id: 'limit.fold.byStream',
      title: 'limit: bare fold, stream by stream',
      kind: 'limit',
      description: 'A plain for-loop over each stream’s pre-built events, one handler-map lookup per event (the shape of aggregating every stream).',
      setup: () => undefined,
      run: () => {
        let count = 0;
        let sum = 0;
        for (const stream of byStream) {
          let state = initialStreamState;
          for (let i = 0; i < stream.length; i++) {
            const event = stream[i]!;
            const handler = handlerMap[event.type];
            if (handler !== undefined) state = handler(state, event);
          }
          count += stream.length;
          sum += state.total;
        }
        if (sum === Number.NEGATIVE_INFINITY) throw new Error('unreachable');
        return { events: count };
      },
    }),
  ];
};
