import type { z } from 'zod';
import { defineBenchmark, type Benchmark } from '../harness.js';
import { createBenchRegistry, filledStore, serializeRecords, type Workload } from '../workload.js';

/** Baselines: the two library costs every kernel path pays, measured alone. */
export const parseBenchmarks = (workload: Workload): Benchmark[] => [
  defineBenchmark({
    id: 'baseline.zod.data',
    title: 'zod safeParse of event data only',
    kind: 'baseline',
    description:
      "zod `safeParse` of each event's `data` with its type's latest schema (schemas looked up before timing): the validation floor of prepare and decode.",
    setup: () => {
      const registry = createBenchRegistry();
      const schemas: z.ZodType[] = workload.events.map((event) => {
        const versions = registry.definition(event.type)?.versions;
        const latest = versions?.[versions.length - 1];
        if (!latest) throw new Error(`no schema for ${event.type}`);
        return latest.schema;
      });
      return { schemas, data: workload.events.map((event) => event.data) };
    },
    run: ({ schemas, data }) => {
      let failures = 0;
      for (let i = 0; i < data.length; i++) if (!schemas[i]!.safeParse(data[i]).success) failures++;
      if (failures > 0) throw new Error(`${failures} events failed validation`);
      return { events: data.length };
    },
  }),
  defineBenchmark({
    id: 'baseline.json.parse',
    title: 'JSON.parse of serialized envelopes',
    kind: 'baseline',
    description: 'JSON.parse of one serialized envelope per event (the lines the decode benchmark reads): the parsing floor of a replay from a file.',
    setup: async () => {
      const store = await filledStore(workload);
      return serializeRecords(await store.readAll());
    },
    run: (lines) => {
      let sum = 0;
      for (let i = 0; i < lines.length; i++) sum += (JSON.parse(lines[i]!) as { schemaVersion: number }).schemaVersion;
      if (sum === 0) throw new Error('nothing parsed');
      return { events: lines.length };
    },
  }),
];
