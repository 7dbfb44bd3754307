import { defineBenchmark, type Benchmark } from '../harness.js';
import {
  byStreamProjection,
  check,
  checksum,
  createBenchRegistry,
  expectedChecksum,
  parseRecord,
  serializedWorkload,
  type Workload,
} from '../workload.js';

/**
 * The replay-from-file path: each line is JSON.parse'd, its bigints restored, then registry.decode
 * validates every envelope field and the data, upcasts to the latest version and deep-freezes the result.
 * Subtract `baseline.json.parse` to see the kernel's share.
 */
const decodeBenchmark = (workload: Workload, itemsTaggedAsV1: boolean): Benchmark =>
  defineBenchmark({
    id: itemsTaggedAsV1 ? 'kernel.decode.withUpcast' : 'kernel.decode.latest',
    title: itemsTaggedAsV1 ? 'ours: JSON.parse + registry.decode, ~20% v1→v2 upcast' : 'ours: JSON.parse + registry.decode, all latest',
    kind: 'ours',
    description: itemsTaggedAsV1
      ? 'As kernel.decode.latest, but ItemsTagged (~20% of events) recorded at schema version 1, so decode runs the upcaster and validates again.'
      : 'JSON.parse + bigint restore + registry.decode (validate, upcast, deep-freeze) of one serialized envelope per event, all at the latest version.',
    setup: async () => ({ lines: await serializedWorkload(workload, { itemsTaggedAsV1 }), registry: createBenchRegistry() }),
    run: ({ lines, registry }) => {
      let count = 0;
      for (let i = 0; i < lines.length; i++) if (registry.decode(parseRecord(lines[i]!)).eventId.length > 0) count++;
      return { events: count };
    },
  });

/**
 * A replay from a JSON Lines export, whole: the decode above, then each event folded at once into a
 * kernel projection (one state per stream), as a replay that never holds the log in memory does. Its
 * bare-JS counterpart is `baseline.jsonl.pipeline`.
 */
const jsonlReplayBenchmark = (workload: Workload): Benchmark =>
  defineBenchmark({
    id: 'kernel.decode.jsonlReplay',
    title: 'ours: JSON Lines replay (JSON.parse + registry.decode + projection)',
    kind: 'ours',
    description:
      'Per line: JSON.parse + bigint restore + registry.decode (validate every field, upcast, deep-freeze), then the partitioned projection’s evolve; checks the states reached.',
    setup: async () => ({ lines: await serializedWorkload(workload), registry: createBenchRegistry(), expected: expectedChecksum(workload) }),
    run: ({ lines, registry, expected }) => {
      const projection = byStreamProjection();
      let states = projection.initialState();
      for (let i = 0; i < lines.length; i++) states = projection.evolve(states, registry.decode(parseRecord(lines[i]!)));
      check('JSON Lines replay', checksum(states.values()), expected);
      return { events: lines.length, retained: states };
    },
  });

export const decodeBenchmarks = (workload: Workload): Benchmark[] => [
  decodeBenchmark(workload, false),
  decodeBenchmark(workload, true),
  jsonlReplayBenchmark(workload),
];
