import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandRejectedError } from '../kernel/errors.js';
import { runProjection } from '../kernel/projection.js';
import { mentorPortfolio } from '../mentorReports/portfolio.js';
import { mentorPortfolioProjection } from '../mentorReports/portfolioProjection.js';
import { asStoredEvents, mdrFrameworkArbitrary, trainingDateArbitrary } from '../testing/arbitraries/mentors.js';
import type { MentorDevelopmentReviewCommand } from './commands.js';
import { mentorDevelopmentReviewDecider, type MentorDevelopmentReviewState } from './decider.js';
import type { MdrFramework, MentorDevelopmentReviewEvent } from './events.js';
import { areaMeans, suggestedPriorityArea } from './framework.js';

const RUNS = { numRuns: 1000, seed: 20240927 };

/** MDR commands against a framework: ids from the framework or not, levels in or out of the scale. */
const commandsArbitrary = (framework: MdrFramework): fc.Arbitrary<MentorDevelopmentReviewCommand[]> => {
  const statementIds = framework.areas.flatMap((area) => area.statements.map((s) => s.statementId));
  const areaId = fc.constantFrom(...framework.areas.map((area) => area.areaId), 'nowhere');
  const date = trainingDateArbitrary('2024-09-16', 280);
  const ratings = fc.array(fc.record({ statementId: fc.constantFrom(...statementIds, 'unknown'), level: fc.integer({ min: 0, max: 7 }) }), { minLength: 1, maxLength: statementIds.length + 1 });
  // A complete, valid induction, so that runs get past it often.
  const induction = fc.tuple(date, fc.array(fc.integer({ min: 1, max: framework.ratingScale.length }), { minLength: statementIds.length, maxLength: statementIds.length })).map(([ratedOn, levels]) => ({
    type: 'RecordSelfRatings' as const,
    stage: 'induction' as const,
    ratedOn,
    ratings: statementIds.map((statementId, i) => ({ statementId, level: levels[i]! })),
  }));
  const any = fc.oneof(
    fc.record({ stage: fc.constantFrom('induction' as const, 'revisit' as const, 'reflection' as const), ratedOn: date, ratings }).map((c) => ({ type: 'RecordSelfRatings' as const, ...c })),
    induction,
    fc.record({ areaId: fc.option(areaId, { nil: undefined }), chosenOn: date }).map(({ areaId: id, chosenOn }) => ({ type: 'ChoosePriorityArea' as const, chosenOn, ...(id === undefined ? {} : { areaId: id }) })),
    fc.record({ actionId: fc.constantFrom('x1', 'x2', 'x3'), addedOn: date }).map((c) => ({ type: 'AddDevelopmentAction' as const, origin: 'own' as const, text: 'An action', ...c })),
    fc.record({ actionId: fc.constantFrom('x1', 'x2', 'x3'), completedOn: date }).map((c) => ({ type: 'CompleteDevelopmentAction' as const, ...c })),
    date.map((reflectedOn) => ({ type: 'RecordDevelopmentReflection' as const, leadMentorId: 'lm1', reflectedOn, reflection: 'Reflected.' })),
    date.map((completedOn) => ({ type: 'CompleteMentorDevelopmentReview' as const, completedOn })),
  );
  // Most runs open with an induction and a priority area, so that actions and reflections are reached.
  const opening = fc.tuple(fc.option(induction, { freq: 4, nil: undefined }), fc.option(date.map((chosenOn) => ({ type: 'ChoosePriorityArea' as const, chosenOn })), { freq: 4, nil: undefined }));
  return fc
    .tuple(opening, fc.array(any, { maxLength: 25 }))
    .map(([[first, second], rest]) => [...(first ? [first] : []), ...(second ? [second] : []), ...rest]);
};

const scenario = mdrFrameworkArbitrary.chain((framework) => fc.tuple(fc.constant(framework), commandsArbitrary(framework)));

const run = (framework: MdrFramework, commands: readonly MentorDevelopmentReviewCommand[]) => {
  const start: MentorDevelopmentReviewCommand = { type: 'StartMentorDevelopmentReview', mentorId: 'm1', academicYear: '2024/25', providerId: 'p1', startedOn: '2024-09-16', framework };
  let state: MentorDevelopmentReviewState = mentorDevelopmentReviewDecider.initialState;
  const events: MentorDevelopmentReviewEvent[] = [];
  for (const command of [start, ...commands]) {
    try {
      const decided = mentorDevelopmentReviewDecider.decide(command, state);
      for (const event of decided) state = mentorDevelopmentReviewDecider.evolve(state, event);
      events.push(...decided);
    } catch (error) {
      if (!(error instanceof CommandRejectedError)) throw error;
    }
  }
  return { state, events };
};

describe('Mentor Development Review properties', () => {
  it('refuses only with CommandRejectedError, and the portfolio shows exactly what was decided', () => {
    fc.assert(
      fc.property(scenario, ([framework, commands]) => {
        const { state, events } = run(framework, commands);
        const year = mentorPortfolio(runProjection(mentorPortfolioProjection, asStoredEvents(events)), 'm1')?.years[0];
        const review = year?.review;
        expect(review?.areas[0]?.means.length ?? 0).toBe(events.filter((e) => e.type === 'MentorDevelopmentSelfRated').length);
        expect(review?.actions.length ?? 0).toBe(events.filter((e) => e.type === 'MentorDevelopmentActionAdded').length);
        if (state.status !== 'not_started') {
          expect(review?.priorityArea?.areaId).toBe(state.priorityAreaId);
          expect(review?.status).toBe(state.status);
          // Every level recorded is on the framework's scale.
          for (const area of review?.areas ?? []) for (const { mean } of area.means) expect(mean >= 1 && mean <= framework.ratingScale.length).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('suggests the lowest-rated area as the priority', () => {
    fc.assert(
      fc.property(mdrFrameworkArbitrary.chain((framework) => fc.tuple(fc.constant(framework), fc.array(fc.integer({ min: 1, max: framework.ratingScale.length }), { minLength: 16, maxLength: 16 }))), ([framework, levels]) => {
        const rated = new Map(framework.areas.flatMap((area) => area.statements).map((s, i) => [s.statementId, levels[i]!] as const));
        const means = areaMeans(framework, rated);
        const suggested = means.find((area) => area.areaId === suggestedPriorityArea(framework, rated));
        for (const area of means) expect(suggested!.mean).toBeLessThanOrEqual(area.mean);
      }),
      RUNS,
    );
  });
});
