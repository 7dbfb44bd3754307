import { readStreamIfExists } from '../../kernel/aggregate.js';
import type { Clock } from '../../kernel/clock.js';
import { createCommandHandler } from '../../kernel/commandHandler.js';
import { WrongExpectedRevisionError } from '../../kernel/errors.js';
import type { IdGenerator } from '../../kernel/ids.js';
import type { EventStore, ExpectedRevision } from '../../kernel/store.js';
import type { ContractEvent } from '../contract/fixtures.js';
import type { StressStep } from './plan.js';
import { recordingStore } from './recordingStore.js';
import { stockDecider, type StockCommand } from './stockDecider.js';
import type { StressLog } from './stressLog.js';

export interface StepContext {
  readonly store: EventStore<ContractEvent>;
  readonly log: StressLog;
  readonly ids: IdGenerator;
  readonly clock: Clock;
  readonly maxAttempts: number;
}

/** Lets the other handlers run, so that what this one read goes stale under contention. */
const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const isConflict = (error: unknown): error is WrongExpectedRevisionError => error instanceof WrongExpectedRevisionError;

const handlerFor = (context: StepContext, step: number) =>
  createCommandHandler({
    store: recordingStore(context.store, context.log, context.ids, step),
    decider: stockDecider,
    clock: context.clock,
    retry: { maxAttempts: context.maxAttempts },
  });

/** Runs one step; returns a re-send to run later, if the step calls for one. */
export const executeStep = async (context: StepContext, step: StressStep, index: number): Promise<(() => Promise<void>) | undefined> => {
  const { log } = context;
  const accepted = (eventCount: number) => {
    log.accepts++;
    if (eventCount === 0) log.emptyDecisions++;
  };
  try {
    switch (step.kind) {
      case 'retrying': {
        const result = await handlerFor(context, index)(step.streamId, step.command);
        log.retries += result.attempts - 1;
        accepted(result.events.length);
        return undefined;
      }
      case 'stale':
        return await staleCaller(context, step.streamId, step.command, step.stale, index);
      case 'idempotent': {
        const handle = handlerFor(context, index);
        const result = await handle(step.streamId, step.command, { commandId: step.commandId });
        log.retries += result.attempts - 1;
        accepted(result.events.length);
        // A command that decided nothing wrote no id to recognise it by: only the others are re-sent.
        if (result.events.length === 0) return undefined;
        return async () => {
          const again = await handle(step.streamId, step.command, { commandId: step.commandId });
          if (again.alreadyHandled && again.events.length === 0) log.idempotentResends++;
          else log.violations.push(`workload: the re-sent command ${step.commandId} on ${step.streamId} was handled again`);
        };
      }
      case 'direct': {
        const store = recordingStore(context.store, log, context.ids, index);
        const first = await store.appendToStream(step.streamId, step.events, { expectedRevision: 'any' });
        accepted(step.events.length);
        if (!step.resend) return undefined;
        return () => resendDirect(context, step, index, first);
      }
    }
  } catch (error) {
    if (isConflict(error)) log.gaveUp++;
    else log.violations.push(`workload: step ${index} (${step.kind} on ${step.streamId}) failed: ${String(error)}`);
    return undefined;
  }
};

/** The caller's own revision: a conflict comes back to it, and it reloads and tries again, up to the bound. */
const staleCaller = async (context: StepContext, streamId: string, command: StockCommand, stale: boolean, index: number) => {
  const handle = handlerFor(context, index);
  for (let attempt = 1; ; attempt++) {
    const current = (await readStreamIfExists(context.store, streamId))?.at(-1)?.streamRevision;
    // One behind what it read (or a revision a missing stream cannot have): certain to conflict.
    const outdated: ExpectedRevision = current === undefined ? 0n : current === 0n ? 'no_stream' : current - 1n;
    const expectedRevision: ExpectedRevision = stale && attempt === 1 ? outdated : (current ?? 'no_stream');
    await yieldTurn();
    try {
      const result = await handle(streamId, command, { expectedRevision });
      context.log.accepts++;
      if (result.events.length === 0) context.log.emptyDecisions++;
      return undefined;
    } catch (error) {
      if (!isConflict(error) || attempt >= context.maxAttempts) throw error;
      context.log.retries++;
    }
  }
};

const resendDirect = async (
  context: StepContext,
  step: Extract<StressStep, { kind: 'direct' }>,
  index: number,
  first: { readonly nextExpectedRevision: bigint; readonly position: bigint },
) => {
  const { log } = context;
  const store = recordingStore(context.store, log, context.ids, index);
  const again = await store.appendToStream(step.streamId, step.events, { expectedRevision: 'any' });
  if (again.nextExpectedRevision === first.nextExpectedRevision && again.position === first.position) log.idempotentResends++;
  else log.violations.push(`workload: the re-sent append of step ${index} on ${step.streamId} was answered differently from the first`);
  // Its first id and a new one: EventStoreDB's "corrupted idempotency", refused by every adapter.
  const partial = [step.events[0]!, { ...step.events[0]!, eventId: context.ids.eventId() }];
  try {
    await store.appendToStream(step.streamId, partial, { expectedRevision: 'any' });
    log.violations.push(`workload: a batch of step ${index} that only partly stands in ${step.streamId} was accepted`);
  } catch (error) {
    if (!isConflict(error)) throw error;
    log.partialResendsRefused++;
  }
};
