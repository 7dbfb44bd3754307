import {
  createIttLedgerRegistry,
  createProjectionRunner,
  ittLedgerProjections,
  seededIds,
  type EventRegistry,
  type IttLedgerEvent,
  type StoredEvent,
} from '@itt-ledger/core';
import { createInMemoryEventStore, type InMemoryEventStore } from '@itt-ledger/store-memory';
import { defineBenchmark, type Benchmark } from '../harness.js';
import { appendYear, dayClock, expectedRevisions } from '../providerYear/fill.js';
import { createFold, fingerprint } from '../providerYear/fold.js';
import { providerYearEvents } from '../providerYear/index.js';
import { parseRecord, serializeRecord } from '../workload.js';
import { lineSchema } from './parse.js';

/** The seed of the provider's year: the same events on every run. */
export const PROVIDER_YEAR_SEED = 2024;

/** The limit row of the domain rows: every projection's handlers over the year's events in a plain loop. */
export const PROVIDER_YEAR_LIMIT = 'limit.providerYear.fold';

/** A provider's year in a store with the domain's registry, a clock that follows the year, and seeded ids. */
export const filledProviderYear = async (providers: number, seed = PROVIDER_YEAR_SEED): Promise<InMemoryEventStore<IttLedgerEvent>> => {
  const clock = dayClock();
  const store = createInMemoryEventStore({ registry: createIttLedgerRegistry(), clock, ids: seededIds(seed) });
  await appendYear(store, providerYearEvents({ providers, seed }), clock);
  return store;
};

const MB = 2 ** 20;

const check = (what: string, actual: number, expected: number): void => {
  if (actual !== expected) throw new Error(`${what} folded to fingerprint ${actual}, the direct fold of the store to ${expected}`);
};

/**
 * A provider's year (2,000 trainees, about 200,000 events of every type the domain has): appended with
 * validation, rebuilt into every projection from the in-memory store, and replayed from its JSON Lines
 * export, beside the bare pipeline on the same lines. Runs take seconds, so each row runs at most 1 warm-up
 * and 5 measured runs.
 */
export const providerYearBenchmarks = (): Benchmark[] => {
  let store: Promise<InMemoryEventStore<IttLedgerEvent>> | undefined;
  const filled = () => (store ??= filledProviderYear(1));
  let exported: Promise<{ lines: string[]; jsonMB: number; expected: number }> | undefined;
  const jsonLines = () =>
    (exported ??= filled().then(async (s) => {
      const events = await s.readAll();
      const lines = events.map((event) => serializeRecord(event));
      let bytes = 0;
      for (const line of lines) bytes += Buffer.byteLength(line) + 1;
      const fold = createFold(ittLedgerProjections);
      for (const event of events) fold.apply(event);
      return { lines, jsonMB: bytes / MB, expected: fingerprint(fold.states) };
    }));
  const atMost = { warmup: 1, runs: 5 };
  const limitId = PROVIDER_YEAR_LIMIT;

  const limit = defineBenchmark({
    id: PROVIDER_YEAR_LIMIT,
    title: 'limit: bare fold of the provider year into every projection',
    kind: 'limit',
    description:
      'A plain for-loop over the filled store’s events (read before timing), each handed to the projections that handle its type: the same handlers as the rows below, with no runner, no store, no decoding.',
    atMost,
    setup: async () => ({ events: await (await filled()).readAll(), expected: (await jsonLines()).expected }),
    run: ({ events, expected }) => {
      const fold = createFold(ittLedgerProjections);
      for (let i = 0; i < events.length; i++) fold.apply(events[i]!);
      if (fingerprint(fold.states) !== expected) throw new Error('the bare fold changed between runs');
      return { events: events.length, retained: fold.states };
    },
  });

  const append = defineBenchmark({
    id: 'providerYear.append',
    title: 'ours: provider year 1×, append every event (validated)',
    kind: 'ours',
    limitId,
    description:
      'appendToStream of each event of the provider year, one append per event in the order of the year with the expected revision of the stream’s previous append, into a fresh in-memory store with the domain registry (every event validated) and the library defaults.',
    atMost,
    setup: () => {
      const events = [...providerYearEvents({ providers: 1, seed: PROVIDER_YEAR_SEED })];
      return { events, revisions: expectedRevisions(events), registry: createIttLedgerRegistry() };
    },
    run: async ({ events, revisions, registry }) => {
      const target = createInMemoryEventStore({ registry });
      for (let i = 0; i < events.length; i++) await target.appendToStream(events[i]!.streamId, [events[i]!.event], { expectedRevision: revisions[i]! });
      return { events: target.size(), retained: target };
    },
  });

  let rebuildChecked = false;
  const rebuild = defineBenchmark({
    id: 'providerYear.rebuild',
    title: 'ours: provider year 1×, rebuild every projection from zero',
    kind: 'ours',
    limitId,
    description:
      'createProjectionRunner({ store, projections: ittLedgerProjections }).rebuild() over the filled store: all 14 read models of the domain from zero, in pages of 10,000. The first run checks the states against a direct fold of the store.',
    atMost,
    setup: async () => ({ store: await filled(), expected: (await jsonLines()).expected }),
    run: async ({ store: source, expected }) => {
      const runner = createProjectionRunner({ store: source, projections: ittLedgerProjections });
      await runner.rebuild();
      if (!rebuildChecked) {
        check('the projection runner', fingerprint(ittLedgerProjections.map((projection) => runner.state(projection))), expected);
        rebuildChecked = true;
      }
      return { events: source.size(), retained: runner };
    },
  });

  const replay = (id: string, title: string, kind: Benchmark['kind'], description: string, decode: (registry: EventRegistry<IttLedgerEvent>) => (line: string) => StoredEvent) => {
    let checked = false;
    return defineBenchmark({
      id,
      title,
      kind,
      description,
      limitId,
      atMost,
      setup: async () => ({ ...(await jsonLines()), decodeLine: decode(createIttLedgerRegistry()) }),
      run: ({ lines, jsonMB, expected, decodeLine }) => {
        const fold = createFold(ittLedgerProjections);
        for (let i = 0; i < lines.length; i++) fold.apply(decodeLine(lines[i]!));
        if (!checked) {
          check(title, fingerprint(fold.states), expected);
          checked = true;
        }
        return { events: lines.length, retained: fold.states, figures: { jsonMB } };
      },
    });
  };

  const jsonl = replay(
    'providerYear.jsonl',
    'ours: provider year 1×, JSON Lines replay (JSON.parse + registry.decode + every projection)',
    'ours',
    'Per line of the provider year’s export: JSON.parse + bigint restore + registry.decode (every field validated, upcast, deep-frozen), then each projection that handles the type folds it.',
    (registry) => (line) => registry.decode(parseRecord(line)),
  );
  const bare = replay(
    'providerYear.jsonl.bare',
    'bare JSON Lines pipeline, provider year 1×: JSON.parse + zod + every projection',
    'baseline',
    'Per line of the same export: JSON.parse, a zod parse of the whole envelope (a discriminated union over the domain’s event types with each type’s data schema; metadata, UUID, digits, ISO instants), then the same folds. What providerYear.jsonl is held against.',
    (registry) => {
      const schema = lineSchema(registry);
      return (line) => schema.parse(JSON.parse(line)) as unknown as StoredEvent;
    },
  );
  return [limit, append, rebuild, jsonl, bare];
};
