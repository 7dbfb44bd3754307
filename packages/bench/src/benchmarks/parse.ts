import type { DomainEvent, EventRegistry, EventSchemaVersion } from '@itt-ledger/core';
import { z } from 'zod';
import { defineBenchmark, type Benchmark } from '../harness.js';
import {
  check,
  checksum,
  createBenchRegistry,
  expectedChecksum,
  handlerMap,
  initialStreamState,
  serializedWorkload,
  type StreamState,
  type Workload,
} from '../workload.js';

/** Each type's latest schema version, looked up before timing. */
const latestSchemas = (registry: EventRegistry<DomainEvent> = createBenchRegistry()) => {
  return new Map<string, EventSchemaVersion>(
    registry.types.map((type) => {
      const versions = registry.definition(type)!.versions;
      return [type, versions[versions.length - 1]!] as const;
    }),
  );
};

/**
 * A JSON Lines envelope as someone without the kernel would check it with zod: the type picks the data
 * schema, and every envelope field the kernel's decode checks is checked here too (metadata fields,
 * UUID, the revision and position as digit strings, instants as ISO date-times).
 */
export const lineSchema = (registry: EventRegistry<DomainEvent> = createBenchRegistry()) => {
  const metadataField = z.string().min(1).max(512).optional();
  const digits = z.string().regex(/^\d+$/);
  const envelope = {
    metadata: z.strictObject({ correlationId: metadataField, causationId: metadataField, actor: metadataField }),
    eventId: z.uuid(),
    streamId: z.string().min(1),
    streamRevision: digits,
    globalPosition: digits,
    occurredAt: z.iso.datetime(),
    recordedAt: z.iso.datetime(),
  };
  const [first, ...rest] = [...latestSchemas(registry)].map(([type, latest]) =>
    z.object({ type: z.literal(type), schemaVersion: z.literal(latest.version), data: latest.schema, ...envelope }),
  );
  return z.discriminatedUnion('type', [first!, ...rest]);
};

/** Baselines: the two library costs every kernel path pays, measured alone. */
export const parseBenchmarks = (workload: Workload): Benchmark[] => [
  defineBenchmark({
    id: 'baseline.zod.data',
    title: 'zod safeParse of event data only',
    kind: 'baseline',
    description:
      "zod `safeParse` of each event's `data` with its type's latest schema (schemas looked up before timing): the validation floor of prepare and decode.",
    setup: () => {
      const latest = latestSchemas();
      const schemas: z.ZodType[] = workload.events.map((event) => latest.get(event.type)!.schema);
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
    setup: () => serializedWorkload(workload),
    run: (lines) => {
      let sum = 0;
      for (let i = 0; i < lines.length; i++) sum += (JSON.parse(lines[i]!) as { schemaVersion: number }).schemaVersion;
      if (sum === 0) throw new Error('nothing parsed');
      return { events: lines.length };
    },
  }),
  defineBenchmark({
    id: 'baseline.jsonl.pipeline',
    title: 'bare JSON Lines pipeline: JSON.parse + zod + fold',
    kind: 'baseline',
    description:
      'Per line: JSON.parse, zod parse of the whole envelope (a discriminated union on type: data schema, metadata, UUID, digits, ISO instants), then the bare fold into a per-stream Map. What kernel.decode.jsonlReplay is held against.',
    setup: async () => ({ lines: await serializedWorkload(workload), schema: lineSchema(), expected: expectedChecksum(workload) }),
    run: ({ lines, schema, expected }) => {
      const states = new Map<string, StreamState>();
      for (let i = 0; i < lines.length; i++) {
        const event = schema.parse(JSON.parse(lines[i]!));
        const handler = handlerMap[event.type];
        if (handler !== undefined) states.set(event.streamId, handler(states.get(event.streamId) ?? initialStreamState, event));
      }
      check('bare JSON Lines pipeline', checksum(states.values()), expected);
      return { events: lines.length, retained: states };
    },
  }),
  defineBenchmark({
    id: 'baseline.jsonl.dataOnly',
    title: 'bare JSON Lines pipeline, data checked only: JSON.parse + zod(data) + fold',
    kind: 'baseline',
    description:
      'As baseline.jsonl.pipeline, but zod checks only each line’s data against its type’s schema: no envelope field is checked. The cheapest a validating replay can be.',
    setup: async () => ({ lines: await serializedWorkload(workload), schemas: latestSchemas(), expected: expectedChecksum(workload) }),
    run: ({ lines, schemas, expected }) => {
      const states = new Map<string, StreamState>();
      for (let i = 0; i < lines.length; i++) {
        const line = JSON.parse(lines[i]!) as { type: string; streamId: string; data: unknown };
        const data = schemas.get(line.type)!.schema.parse(line.data);
        const handler = handlerMap[line.type];
        if (handler !== undefined) states.set(line.streamId, handler(states.get(line.streamId) ?? initialStreamState, { data }));
      }
      check('bare JSON Lines pipeline (data only)', checksum(states.values()), expected);
      return { events: lines.length, retained: states };
    },
  }),
];
