import fc from 'fast-check';
import { addDays, type LocalDate } from '../../calendar/localDate.js';
import type { IrpCommand } from '../../irp/commands.js';
import { CLOSING_OUTCOMES, ESCALATIONS } from '../../irp/events.js';
import type { IrpState } from '../../irp/state.js';
import type { ByReviewPointId } from '../../progress/service.js';
import type { TargetSpec } from '../../target/events.js';
import { PROGRESS_WORLD, maybe, mostly, optional, pick, reviewPointIdOf, type WorldTrainee } from './progressWorld.js';

const AREAS = PROGRESS_WORLD.areas;
const small = fc.nat(2);
export const verdictArbitrary = fc.oneof(
  { weight: 4, arbitrary: fc.constant('met' as const) },
  { weight: 3, arbitrary: pick(['partly_met', 'carried_forward'] as const) },
  { weight: 1, arbitrary: fc.constant('not_met' as const) },
);

type SpecDraft = { j: number; area: string; due: number };
const specArb = (j: number): fc.Arbitrary<SpecDraft> => fc.record({ j: fc.constant(j), area: pick(AREAS), due: mostly(fc.integer({ min: 1, max: 28 }), fc.integer({ min: -1, max: 60 })) });
const specs = (js: fc.Arbitrary<number[]>): fc.Arbitrary<SpecDraft[]> => js.chain((ids) => fc.tuple(...ids.map(specArb)));
const openSpecs = specs(mostly(fc.uniqueArray(fc.nat(2), { minLength: 1, maxLength: 3 }), fc.uniqueArray(fc.nat(5), { maxLength: 5 })));
const addedSpecs = fc.oneof({ weight: 4, arbitrary: fc.constant<SpecDraft[]>([]) }, { weight: 1, arbitrary: specs(fc.uniqueArray(fc.integer({ min: 3, max: 6 }), { minLength: 1, maxLength: 2 })) });
const reviews = fc.array(fc.record({ pick: fc.nat(), verdict: verdictArbitrary, next: fc.integer({ min: 1, max: 28 }), slip: mostly(fc.constant(false), fc.constant(true)) }), { minLength: 1, maxLength: 3 });
const reviewDates = fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.array(fc.integer({ min: -2, max: 30 }), { minLength: 1, maxLength: 3 }) });
const aim = fc.record({ k: small, aim: mostly(fc.constant(true), fc.constant(false)) });

/**
 * Commands of one trainee's recovery plans: ids from small pools, dates near `day`, now and then invalid on
 * purpose. Given the trainee's plans as they stand, most commands aim at the open plan and its open targets,
 * so random sequences reach deep into the lifecycle.
 */
export const irpTemplateArbitrary = (t: WorldTrainee): fc.Arbitrary<(day: LocalDate, plans?: IrpState) => ByReviewPointId<IrpCommand>> => {
  const irpId = (k: number) => `${t.traineeId}-irp-${k}`;
  const spec = (id: string, { j, area, due }: SpecDraft, day: LocalDate): TargetSpec => ({ targetId: `${id}-t${j}`, description: `Recovery step ${j}`, area, dueDate: addDays(day, due) });
  const planOf = (a: { k: number; aim: boolean }, plans: IrpState | undefined) => (a.aim && plans?.openIrpId !== undefined ? plans.plans.get(plans.openIrpId) : undefined) ?? plans?.plans.get(irpId(a.k));
  const open = fc
    .record({ k: small, specs: openSpecs, concerns: mostly<string[]>(fc.subarray([...AREAS], { minLength: 1, maxLength: 3 }), fc.constant([])), dates: reviewDates, rp: maybe(small), agreed: mostly(fc.constant(true), fc.constant(false)) })
    .map(({ k, specs: s, concerns, dates, rp, agreed }) => (day: LocalDate): ByReviewPointId<IrpCommand> => ({
      type: 'OpenIndividualRecoveryPlan',
      irpId: irpId(k), traineeId: t.traineeId, placementId: t.placementId, schoolId: t.schoolId, providerId: t.providerId, openedOn: day,
      leadMentorId: PROGRESS_WORLD.leadMentorId, agreedWith: agreed ? PROGRESS_WORLD.leadershipId : PROGRESS_WORLD.leadMentorId, ownerId: PROGRESS_WORLD.leadMentorId,
      concerns, targets: s.map((draft) => spec(irpId(k), draft, day)), supportActions: [{ description: 'Weekly coaching', providedBy: t.mentorId }],
      ...optional('reviewDates', dates?.map((offset) => addDays(day, offset))), ...optional('reviewPointId', rp === undefined ? undefined : reviewPointIdOf(t, rp)),
    }));
  const review = fc.record({ plan: aim, all: fc.boolean(), reviews, added: addedSpecs, nextReview: maybe(fc.integer({ min: 0, max: 21 })) }).map(({ plan: a, all, reviews: rs, added, nextReview }) => (day: LocalDate, plans?: IrpState): ByReviewPointId<IrpCommand> => {
    const plan = planOf(a, plans);
    const id = plan?.irpId ?? irpId(a.k);
    // Every open target (half the time, so that plans can close), or some picked at random, settled ones too when three are picked.
    const targets = plan === undefined ? [0, 1, 2].map((j) => `${id}-t${j}`) : [...plan.targets.values()].filter((x) => x.open || (!all && rs.length > 2)).map((x) => x.spec.targetId);
    const picked = all && plan !== undefined ? targets.map((targetId, i) => [targetId, rs[i] ?? rs[0]] as const).filter((pair): pair is readonly [string, (typeof rs)[number]] => pair[1] !== undefined) : rs.map((r) => [targets[r.pick % Math.max(1, targets.length)] ?? `${id}-t0`, r] as const);
    const chosen = [...new Map(picked).entries()];
    return {
      type: 'ReviewIndividualRecoveryPlan', irpId: id, reviewedOn: day, reviewedBy: PROGRESS_WORLD.leadMentorId,
      // A settled verdict has no next due date and an open one has; `slip` gets that wrong on purpose.
      targetReviews: chosen.map(([targetId, { verdict, next, slip }]) => ({ targetId, verdict, ...optional('nextDueDate', (verdict === 'met' || verdict === 'not_met') !== slip ? undefined : addDays(day, next)) })),
      targetsAdded: added.map((draft) => spec(id, draft, day)), ...optional('nextReviewOn', nextReview === undefined ? undefined : addDays(day, nextReview)),
    };
  });
  const extend = fc.record({ plan: aim, dates: mostly(fc.array(fc.integer({ min: 1, max: 28 }), { minLength: 1, maxLength: 2 }), fc.array(fc.integer({ min: -1, max: 28 }), { maxLength: 2 })) }).map(
    ({ plan: a, dates }) => (day: LocalDate, plans?: IrpState): ByReviewPointId<IrpCommand> => ({
      type: 'ExtendIndividualRecoveryPlan', irpId: planOf(a, plans)?.irpId ?? irpId(a.k), extendedOn: day, reviewDates: [...dates].sort((x, y) => x - y).map((offset) => addDays(day, offset)), reason: 'a further fortnight',
    }),
  );
  const close = fc.record({ plan: aim, outcome: pick(CLOSING_OUTCOMES), escalatedTo: pick(ESCALATIONS), slip: mostly(fc.constant(false), fc.constant(true)) }).map(
    ({ plan: a, outcome, escalatedTo, slip }) => (day: LocalDate, plans?: IrpState): ByReviewPointId<IrpCommand> => ({
      type: 'CloseIndividualRecoveryPlan', irpId: planOf(a, plans)?.irpId ?? irpId(a.k), closedOn: day, closedBy: PROGRESS_WORLD.leadershipId, outcome, ...optional('escalatedTo', (outcome === 'escalated') !== slip ? escalatedTo : undefined),
    }),
  );
  return fc.oneof({ weight: 2, arbitrary: open }, { weight: 4, arbitrary: review }, { weight: 1, arbitrary: extend }, { weight: 3, arbitrary: close });
};
