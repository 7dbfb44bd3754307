import { createIttLedgerRegistry, createProjectionRunner, ittLedgerProjections, seededIds, type EventStore, type IttLedgerEvent } from '@itt-ledger/core';
import { createInMemoryEventStore } from '@itt-ledger/store-memory';
import { PROVIDER_YEAR_LIMIT } from '../benchmarks/providerYear.js';
import { childMain } from '../childProcess.js';
import { defineBenchmark, peakRssMB, runBenchmark, type BenchmarkResult } from '../harness.js';
import { appendYear, dayClock } from '../providerYear/fill.js';
import { providerYearEvents, TRAINEES_PER_PROVIDER } from '../providerYear/index.js';
import { serializeRecord } from '../workload.js';
import { JSON_SAMPLE_EVERY, scaleId } from './stages.js';

/** What the parent asks for: the stages in order, whether each is measured, and how many runs. */
export interface ScaleRequest {
  readonly seed: number;
  readonly stages: readonly { readonly scale: number; readonly runs: number; readonly measure: boolean }[];
}

const MB = 2 ** 20;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** The size of the events after `from` as JSON Lines, from every JSON_SAMPLE_EVERY-th event (the others are alike). */
const sampledJsonBytes = async (store: EventStore<IttLedgerEvent>, from: number): Promise<number> => {
  let sampled = 0;
  let sampledBytes = 0;
  let seen = 0;
  for (let position = from; ; ) {
    const page = await store.readAll({ fromPosition: BigInt(position), maxCount: 100_000 });
    for (let i = 0; i < page.length; i += JSON_SAMPLE_EVERY) {
      sampledBytes += Buffer.byteLength(serializeRecord(page[i]!)) + 1;
      sampled++;
    }
    seen += page.length;
    if (page.length < 100_000) break;
    position += page.length;
  }
  return sampled === 0 ? 0 : (sampledBytes / sampled) * seen;
};

const main = async (request: ScaleRequest, send: (result: BenchmarkResult) => void) => {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  gc();
  const baseHeap = process.memoryUsage().heapUsed;
  const clock = dayClock();
  const store = createInMemoryEventStore({ registry: createIttLedgerRegistry(), clock, ids: seededIds(request.seed) });
  let providers = 0;
  let jsonBytes = 0;
  for (const stage of request.stages) {
    const fill = async () => {
      const before = store.size();
      const started = process.hrtime.bigint();
      await appendYear(store, providerYearEvents({ providers: stage.scale - providers, firstProvider: providers, seed: request.seed }), clock);
      providers = stage.scale;
      const appendSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      jsonBytes += await sampledJsonBytes(store, before);
      gc();
      const storeMB = (process.memoryUsage().heapUsed - baseHeap) / MB;
      log(`  ${stage.scale}×: ${store.size().toLocaleString('en-GB')} events (${(store.size() - before).toLocaleString('en-GB')} generated and appended in ${appendSeconds.toFixed(1)} s), ${(jsonBytes / MB).toFixed(0)} MB as JSON Lines, store ${storeMB.toFixed(0)} MB of heap`);
      return { jsonMB: jsonBytes / MB, storeMB };
    };
    if (!stage.measure) {
      log(`${scaleId(stage.scale)} (filled, not measured)`);
      await fill();
      continue;
    }
    log(scaleId(stage.scale));
    const benchmark = defineBenchmark({
      id: scaleId(stage.scale),
      title: `ours: provider year ${stage.scale}× (${(stage.scale * TRAINEES_PER_PROVIDER).toLocaleString('en-GB')} trainees), rebuild every projection`,
      kind: 'ours',
      // Held against the 1× bare fold: the column then shows the growth too.
      limitId: PROVIDER_YEAR_LIMIT,
      description: `createProjectionRunner({ store, projections: ittLedgerProjections }).rebuild() over ${stage.scale} providers’ years in one in-memory store, in a child process of its own (--max-old-space-size); figures: the store’s size as JSON Lines, its heap, and the child’s peak RSS.`,
      setup: fill,
      run: async ({ jsonMB, storeMB }) => {
        const runner = createProjectionRunner({ store, projections: ittLedgerProjections });
        await runner.rebuild();
        return { events: store.size(), retained: runner, figures: { jsonMB, storeMB, peakRssMB: peakRssMB() } };
      },
    });
    const result = await runBenchmark(benchmark, { warmup: 0, runs: stage.runs, minSampleMs: 0 }, log);
    send(result);
  }
};

childMain(main);
