import { addDays, type LocalDate } from '../../calendar/localDate.js';
import type { Decider } from '../../kernel/decider.js';
import type { DomainEvent, StoredEvent } from '../../kernel/envelope.js';
import { CommandRejectedError } from '../../kernel/errors.js';
import { seededIds } from '../../kernel/ids.js';
import type { Instant } from '../../kernel/instant.js';
import { createEventRegistry, toStoredEvent } from '../../kernel/registry.js';
import { createIrpDecider } from '../../irp/decider.js';
import { irpStreamId } from '../../irp/events.js';
import { leadMentorQaDecider } from '../../leadMentorQa/decider.js';
import { leadMentorQaStreamId } from '../../leadMentorQa/events.js';
import { progressEventDefinitions, type ProgressReadEvent } from '../../progress/events.js';
import { COMMANDS_TAKING_REVIEW_POINT } from '../../progress/service.js';
import { reviewPointDecider } from '../../reviewPoint/decider.js';
import { reviewPointStreamId } from '../../reviewPoint/events.js';
import { reviewPointFacts } from '../../reviewPoint/facts.js';
import { standardRuleBook, type RuleBook } from '../../rules/ruleBook.js';
import { schoolEventDefinitions, schoolStreamId } from '../../school/events.js';
import { createTargetDecider } from '../../target/decider.js';
import { targetStreamId } from '../../target/events.js';
import { welfareDecider } from '../../welfare/decider.js';
import { welfareStreamId } from '../../welfare/events.js';
import { PROGRESS_WORLD, type DatedStep, type DatedTemplate, type ProgressStep, type WorldView } from './progressWorld.js';

/** One event as the progress service would have appended it: its stream and both clocks. */
export interface HistoryEvent {
  readonly streamId: string;
  readonly event: ProgressReadEvent;
  readonly occurredAt: Instant;
  readonly recordedAt: Instant;
}

export interface ProgressHistory {
  /** In the order appended (recordedAt never goes back). */
  readonly events: readonly HistoryEvent[];
  readonly refusals: readonly string[];
  /** Every command tried, made, with its clocks: replay them through the progress service to get the same events. */
  readonly steps: readonly (DatedStep & { readonly occurredAt: Instant; readonly recordedAt: Instant })[];
}

export const progressReadRegistry = createEventRegistry([...progressEventDefinitions, ...schoolEventDefinitions]);

/** What the world's schools were registered as: the first events of every history. */
export const worldSchoolEvents = (): HistoryEvent[] =>
  PROGRESS_WORLD.schools.map((school) => ({
    streamId: schoolStreamId(school.schoolId),
    event: { type: 'SchoolRegistered', data: { ...school, region: 'rest_of_england' } },
    occurredAt: `${PROGRESS_WORLD.firstDay}T08:00:00.000Z`,
    recordedAt: `${PROGRESS_WORLD.firstDay}T08:00:00.000Z`,
  }));

const STREAMS: { readonly [K in ProgressStep['kind']]: (id: string) => string } = {
  reviewPoint: reviewPointStreamId,
  target: targetStreamId,
  leadMentorQa: leadMentorQaStreamId,
  irp: irpStreamId,
  welfare: welfareStreamId,
};

/**
 * Runs dated steps through the deciders, as the progress service does but without a store: each stream's
 * state is folded in memory, and a review point named by id is read into the command as its facts.
 */
export const applyProgressSteps = (steps: readonly (DatedStep | DatedTemplate)[], ruleBook: RuleBook = standardRuleBook): ProgressHistory => {
  const deciders: { readonly [K in ProgressStep['kind']]: Decider<any, DomainEvent, any> } = {
    reviewPoint: reviewPointDecider,
    target: createTargetDecider(ruleBook),
    leadMentorQa: leadMentorQaDecider,
    irp: createIrpDecider(ruleBook),
    welfare: welfareDecider,
  };
  const states = new Map<string, unknown>();
  const stateOf = <S>(kind: ProgressStep['kind'], id: string): S => (states.get(STREAMS[kind](id)) ?? deciders[kind].initialState) as S;
  const view: WorldView = {
    reviewPoint: (id) => stateOf('reviewPoint', id),
    target: (id) => stateOf('target', id),
    leadMentorQa: (id) => stateOf('leadMentorQa', id),
    irp: (id) => stateOf('irp', id),
    welfare: (id) => stateOf('welfare', id),
  };
  const events: HistoryEvent[] = worldSchoolEvents();
  const refusals: string[] = [];
  const made: (DatedStep & { occurredAt: Instant; recordedAt: Instant })[] = [];
  let lastRecorded: LocalDate = PROGRESS_WORLD.firstDay;
  for (const item of steps) {
    const { day, recordedLate } = item;
    const step = 'step' in item ? item.step : item.next(day, view);
    // Recorded on or after the last recording (a store's clock never goes back), at least on the day it happened.
    const recordedOn = [addDays(day, recordedLate), lastRecorded].sort()[1]!;
    lastRecorded = recordedOn;
    const occurredAt: Instant = `${day}T15:30:00.000Z`;
    const recordedAt: Instant = `${recordedOn}T17:00:00.000Z`;
    made.push({ day, recordedLate, step, occurredAt, recordedAt });
    const decider = deciders[step.kind];
    const streamId = STREAMS[step.kind](step.id);
    let command: unknown = step.command;
    const named = (step.command as { reviewPointId?: string }).reviewPointId;
    if (named !== undefined && COMMANDS_TAKING_REVIEW_POINT.has(step.command.type)) {
      const facts = reviewPointFacts(view.reviewPoint(named));
      if (facts === undefined) {
        refusals.push('progress.unknown-review-point');
        continue;
      }
      const { reviewPointId: _named, ...rest } = step.command as { reviewPointId?: string };
      command = { ...rest, reviewPoint: facts };
    }
    const state = states.get(streamId) ?? decider.initialState;
    try {
      const decided = decider.decide(command, state);
      for (const event of decided) events.push({ streamId, event: event as ProgressReadEvent, occurredAt, recordedAt });
      states.set(streamId, decided.reduce(decider.evolve, state));
    } catch (error) {
      if (!(error instanceof CommandRejectedError)) throw error;
      refusals.push(error.reason);
    }
  }
  return { events, refusals, steps: made };
};

/** The history as a store would give it back: validated, frozen envelopes with revisions and positions. */
export const storedProgressHistory = (history: ProgressHistory): StoredEvent<ProgressReadEvent>[] => {
  const ids = seededIds(7);
  const revisions = new Map<string, bigint>();
  return history.events.map(({ streamId, event, occurredAt, recordedAt }, i) => {
    const [prepared] = progressReadRegistry.prepare([{ ...event, occurredAt }], ids);
    const streamRevision = (revisions.get(streamId) ?? -1n) + 1n;
    revisions.set(streamId, streamRevision);
    return toStoredEvent<ProgressReadEvent>(prepared!, { streamId, streamRevision, globalPosition: BigInt(i + 1), recordedAt });
  });
};
