import { manualClock, type Clock } from '../../kernel/clock.js';
import { InvalidArgumentError } from '../../kernel/errors.js';
import { seededIds } from '../../kernel/ids.js';
import type { AnyProjection } from '../../kernel/projection.js';
import { createProjectionRunner } from '../../kernel/projectionRunner.js';
import type { EventStore } from '../../kernel/store.js';
import type { ContractEvent } from '../contract/fixtures.js';
import { findStoreViolations } from './checkStoreConsistency.js';
import { executeStep, type StepContext } from './executeStep.js';
import { planStress } from './plan.js';
import { stockInvariant } from './stockInvariant.js';
import { stockProjections } from './stockProjections.js';
import { StoreConsistencyError } from './storeConsistencyError.js';
import { createStressLog } from './stressLog.js';
import { waitForProjections } from './waitForProjections.js';

export interface StressOptions {
  /** Command handlers running at once. Default 8. */
  readonly handlers?: number;
  /** Commands in the workload (re-sends come on top). Default 500. */
  readonly commands?: number;
  /** Streams written to. Default 24. */
  readonly streams?: number;
  /** How many of them take half of the commands, so that writers collide. Default 3. */
  readonly hotStreams?: number;
  readonly seed?: number;
  /** Attempts per command, the first included, before it gives up. Default 5. */
  readonly maxAttempts?: number;
  /** Every stream of the run starts with it; default unique to the run. */
  readonly prefix?: string;
  readonly clock?: Clock;
  /** How long the live projections may take to fold the last event. Default 10 000 ms. */
  readonly deliveryTimeoutMs?: number;
}

export interface StressReport {
  readonly commands: number;
  /** Commands that succeeded (an empty decision included). */
  readonly accepted: number;
  readonly emptyDecisions: number;
  /** Appends refused with a wrong expected revision (by the handler's retries, a caller's or a partial re-send). */
  readonly conflicts: number;
  readonly retries: number;
  readonly gaveUp: number;
  /** Re-sends answered as already done, writing nothing. */
  readonly idempotentResends: number;
  /** Batches whose ids only partly stood in the stream, refused. */
  readonly partialResendsRefused: number;
  readonly events: number;
  readonly streams: number;
}

const whole = (name: string, value: number, min: number) => {
  if (!Number.isInteger(value) || value < min) throw new InvalidArgumentError(name, `expected a whole number ≥ ${min}, got ${value}`);
  return value;
};

let runs = 0;

/**
 * Runs a seeded workload of concurrent command handlers against a store of the contract events, with live
 * projections, then proves from the store alone that nothing accepted was lost, duplicated, reordered or
 * invented and that every projection equals a replay. Throws a {@link StoreConsistencyError} listing every
 * violation; otherwise returns the counts.
 */
export const runStressTest = async (store: EventStore<ContractEvent>, options: StressOptions = {}): Promise<StressReport> => {
  const handlers = whole('handlers', options.handlers ?? 8, 1);
  const commands = whole('commands', options.commands ?? 500, 1);
  const streams = whole('streams', options.streams ?? 24, 1);
  const hotStreams = whole('hotStreams', options.hotStreams ?? 3, 1);
  const maxAttempts = whole('maxAttempts', options.maxAttempts ?? 5, 1);
  const seed = options.seed ?? 20240902;
  const prefix = options.prefix ?? `stress${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}-${++runs}-`;
  const clock = options.clock ?? manualClock('2024-09-02T08:00:00.000Z');
  const plan = planStress({ commands, streams, hotStreams, seed, prefix, occurredAt: clock.now() });

  const log = createStressLog();
  const context: StepContext = { store, log, ids: seededIds(seed + 1), clock, maxAttempts };
  const projections = stockProjections(prefix);
  const live: readonly AnyProjection[] = [projections.stockByStream, projections.storeTotals];
  const runner = createProjectionRunner({ store, projections: live });
  const subscription = await runner.start();

  let next = 0;
  const resends: (() => Promise<void>)[] = [];
  const worker = async () => {
    for (;;) {
      // Re-sends wait a while, so that other commands land in between.
      const resend = resends.length > handlers || next >= plan.length ? resends.shift() : undefined;
      const index = resend ? -1 : next++;
      if (!resend && index >= plan.length) return;
      try {
        if (resend) await resend();
        else {
          const later = await executeStep(context, plan[index]!, index);
          if (later) resends.push(later);
        }
      } catch (error) {
        log.violations.push(`workload: ${resend ? 'a re-send' : `step ${index}`} failed: ${String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: handlers }, worker));

  log.violations.push(...(await waitForProjections(store, runner, live, prefix, options.deliveryTimeoutMs ?? 10_000)));
  await subscription.close();
  const end = await subscription.done;
  if (end.reason === 'error') log.violations.push(`projection: the live subscription failed: ${String(end.error)}`);

  const { violations, summary } = await findStoreViolations(store, {
    prefix,
    accepted: log.accepted,
    projections: live.map((projection) => ({ projection, state: runner.state<unknown>(projection) })),
    invariants: [stockInvariant],
  });
  const all = [...log.violations, ...violations];
  if (all.length > 0) throw new StoreConsistencyError(all);
  return {
    commands,
    accepted: log.accepts,
    emptyDecisions: log.emptyDecisions,
    conflicts: log.conflicts,
    retries: log.retries,
    gaveUp: log.gaveUp,
    idempotentResends: log.idempotentResends,
    partialResendsRefused: log.partialResendsRefused,
    events: summary.events,
    streams: summary.streams,
  };
};

/** One line for CI output: `[stress] <name>: commands=… accepted=… …`. */
export const formatStressReport = (name: string, report: StressReport): string =>
  `[stress] ${name}: ${Object.entries(report)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ')}`;
