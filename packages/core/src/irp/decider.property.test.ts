import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type LocalDate } from '../calendar/localDate.js';
import { CommandRejectedError } from '../kernel/errors.js';
import { seededIds } from '../kernel/ids.js';
import type { ByReviewPointId } from '../progress/service.js';
import { standardRuleBook } from '../rules/ruleBook.js';
import { irpTemplateArbitrary } from '../testing/arbitraries/irpCommands.js';
import { PROGRESS_WORLD } from '../testing/arbitraries/progressWorld.js';
import type { IrpCommand } from './commands.js';
import { irpDecider } from './decider.js';
import { irpRegistry, type IrpEvent } from './events.js';
import type { IrpState } from './state.js';

const trainee = PROGRESS_WORLD.trainees[0]!;
const MAX_TARGETS = standardRuleBook.ruleSetFor('2024/25').recoveryPlans.maximumTargets.value;

/** A review point named by id becomes facts, as the service would read them: held the day before, outcome drawn. */
const withFacts = (command: ByReviewPointId<IrpCommand>, day: LocalDate, notOnTrack: boolean): IrpCommand => {
  if (command.type !== 'OpenIndividualRecoveryPlan' || command.reviewPointId === undefined) return command;
  const { reviewPointId, ...rest } = command;
  const { traineeId, placementId, schoolId, mentorId } = trainee;
  const outcome = notOnTrack ? 'not_on_track' : 'on_track';
  return { ...rest, reviewPoint: { reviewPointId, traineeId, placementId, schoolId, mentorId, stage: 'development', status: 'held', dueDate: day, heldOn: addDays(day, -1), outcome } };
};

// Long sequences (size 'max'), and review points that mostly did find the trainee not on track.
const stepsArb = fc.array(fc.record({ gap: fc.nat(9), notOnTrack: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), template: irpTemplateArbitrary(trainee) }), { maxLength: 40, size: 'max' });

const checkInvariants = (before: IrpState, after: IrpState, decided: readonly IrpEvent[]): void => {
  const plans = [...after.plans.values()];
  // At most one open plan per trainee, and the state knows which.
  const open = plans.filter((plan) => plan.status === 'open');
  expect(open.length).toBeLessThanOrEqual(1);
  expect(after.openIrpId).toBe(open[0]?.irpId);
  for (const plan of plans) {
    expect([...plan.targets.values()].filter((target) => target.open).length).toBeLessThanOrEqual(MAX_TARGETS);
    if (plan.status === 'open') continue;
    // Closed: every target was reviewed; success means every target met; escalation says where it leads.
    expect([...plan.targets.values()].every((target) => target.reviews > 0)).toBe(true);
    expect(plan.closedOn! >= plan.openedOn).toBe(true);
    if (plan.status === 'succeeded') expect([...plan.targets.values()].every((target) => target.lastVerdict === 'met') && plan.escalatedTo === undefined).toBe(true);
    else expect(plan.escalatedTo).toBeDefined();
  }
  // Nothing is lost: plans never disappear, and a closed plan's record never changes again.
  for (const [irpId, plan] of before.plans) {
    expect(after.plans.has(irpId)).toBe(true);
    if (plan.status !== 'open') expect(after.plans.get(irpId)).toBe(plan);
  }
  for (const event of decided) {
    if (event.type === 'IndividualRecoveryPlanReviewed') expect(event.data.reviewedOn > before.plans.get(event.data.irpId)!.openedOn).toBe(true);
    if (event.type === 'IndividualRecoveryPlanOpened') expect(before.withdrawn).toBe(false);
  }
};

describe('IRP lifecycle (property)', () => {
  it('never reaches an invalid state under random command sequences; refusals are typed and change nothing', () => {
    const seen = { opened: 0, reviewed: 0, extended: 0, succeeded: 0, escalated: 0, refused: new Set<string>() };
    const ids = seededIds(3);
    fc.assert(
      fc.property(stepsArb, (steps) => {
        let state = irpDecider.initialState;
        let day: LocalDate = PROGRESS_WORLD.firstDay;
        for (const { gap, notOnTrack, template } of steps) {
          day = addDays(day, gap);
          const command = withFacts(template(day, state), day, notOnTrack);
          let decided: readonly IrpEvent[];
          try {
            decided = irpDecider.decide(command, state);
          } catch (error) {
            expect(error).toBeInstanceOf(CommandRejectedError);
            seen.refused.add((error as CommandRejectedError).reason);
            continue;
          }
          // What the decider decides is what the schema accepts.
          irpRegistry.prepare(decided.map((event) => ({ ...event, occurredAt: `${day}T15:30:00.000Z` })), ids);
          const after = decided.reduce(irpDecider.evolve, state);
          checkInvariants(state, after, decided);
          for (const event of decided) {
            if (event.type === 'IndividualRecoveryPlanOpened') seen.opened++;
            if (event.type === 'IndividualRecoveryPlanReviewed') seen.reviewed++;
            if (event.type === 'IndividualRecoveryPlanExtended') seen.extended++;
            if (event.type === 'IndividualRecoveryPlanClosed') seen[event.data.outcome]++;
          }
          state = after;
        }
      }),
      { numRuns: 1000, seed: 20241125 },
    );
    // The sequences reach every part of the lifecycle, and the refusals that guard it.
    expect(Math.min(seen.opened, seen.reviewed, seen.extended, seen.succeeded, seen.escalated)).toBeGreaterThan(0);
    for (const reason of ['irp.already-open', 'irp.unreviewed-target', 'irp.review-before-opening', 'irp.targets-not-met', 'irp.too-many-targets', 'irp.closed']) {
      expect(seen.refused).toContain(reason);
    }
  });
});
