import { describe, expect, it } from 'vitest';
import { CommandRejectedError } from '../kernel/errors.js';
import { exampleMdrFramework as framework } from '../testing/arbitraries/mentors.js';
import { deciderSpec } from '../testing/givenWhenThen.js';
import type { RecordSelfRatings } from './commands.js';
import { mentorDevelopmentReviewDecider } from './decider.js';
import { mentorDevelopmentReviewStreamId, type MentorDevelopmentReviewEvent as Event } from './events.js';
import { suggestedPriorityArea } from './framework.js';

const spec = deciderSpec(mentorDevelopmentReviewDecider);
const cycle = { mentorId: 'm1', academicYear: '2024/25' } as const;
const started: Event = { type: 'MentorDevelopmentReviewStarted', data: { ...cycle, providerId: 'p1', startedOn: '2024-09-20', framework } };
const induction = [
  { statementId: 'k1', level: 2 },
  { statementId: 'k2', level: 1 },
  { statementId: 'c1', level: 3 },
  { statementId: 'c2', level: 3 },
];
const rate: RecordSelfRatings = { type: 'RecordSelfRatings', stage: 'induction', ratedOn: '2024-09-27', ratings: induction };
const rated: Event = { type: 'MentorDevelopmentSelfRated', data: { ...cycle, stage: 'induction', ratedOn: '2024-09-27', ratings: induction } };
const chosen: Event = { type: 'MentorDevelopmentPriorityAreaChosen', data: { ...cycle, areaId: 'knowledge', chosenOn: '2024-09-27' } };
const action: Event = {
  type: 'MentorDevelopmentActionAdded',
  data: { ...cycle, actionId: 'x1', areaId: 'knowledge', origin: 'suggested', suggestedActionId: 'k-a1', text: "Read the provider's curriculum map for the term.", addedOn: '2024-09-27' },
};
const reflected: Event = { type: 'MentorDevelopmentReflectionRecorded', data: { ...cycle, leadMentorId: 'lm1', reflectedOn: '2025-06-16', reflection: 'Targets are sharper.' } };
const completed: Event = { type: 'MentorDevelopmentReviewCompleted', data: { ...cycle, completedOn: '2025-06-20', documentRef: 'canvas://mdr/m1/2024' } };

describe('Mentor Development Review decider', () => {
  it('starts once, with a framework whose ids are unique', () => {
    spec.given().when({ type: 'StartMentorDevelopmentReview', ...cycle, providerId: 'p1', startedOn: '2024-09-20', framework }).then([started]);
    spec.given([started]).when({ type: 'StartMentorDevelopmentReview', ...cycle, providerId: 'p1', startedOn: '2024-09-21', framework }).thenThrows(CommandRejectedError, { reason: 'mdr.already-started' });
    const twice = { ...framework, areas: [framework.areas[0]!, framework.areas[0]!] };
    spec.given().when({ type: 'StartMentorDevelopmentReview', ...cycle, providerId: 'p1', startedOn: '2024-09-20', framework: twice }).thenThrows(CommandRejectedError, { reason: 'mdr.duplicate-framework-id', field: 'framework' });
    spec.given().when({ type: 'StartMentorDevelopmentReview', ...cycle, providerId: 'p1', startedOn: '2024-09-20', framework: { ...framework, ratingScale: ['one'] } }).thenThrows(CommandRejectedError, { reason: 'mdr.invalid', field: 'framework.ratingScale' });
    expect(mentorDevelopmentReviewStreamId('m1', '2024/25')).toBe('mdr-m1-2024');
  });

  it('records every statement at induction, then revisits', () => {
    spec.given([started]).when(rate).then([rated]);
    spec.given([started]).when({ ...rate, ratings: induction.slice(1) }).thenThrows(CommandRejectedError, { reason: 'mdr.induction-incomplete', field: 'ratings' });
    spec.given([started, rated]).when(rate).thenThrows(CommandRejectedError, { reason: 'mdr.induction-already-rated', field: 'stage' });
    spec.given([started]).when({ ...rate, stage: 'revisit', ratings: [{ statementId: 'k1', level: 3 }] }).thenThrows(CommandRejectedError, { reason: 'mdr.induction-not-rated' });
    spec
      .given([started, rated])
      .when({ ...rate, stage: 'revisit', ratedOn: '2025-01-15', ratings: [{ statementId: 'k1', level: 3 }], note: 'better' })
      .then([{ type: 'MentorDevelopmentSelfRated', data: { ...cycle, stage: 'revisit', ratedOn: '2025-01-15', ratings: [{ statementId: 'k1', level: 3 }], note: 'better' } }]);
  });

  it('refuses ratings it cannot place', () => {
    spec.given().when(rate).thenThrows(CommandRejectedError, { reason: 'mdr.not-started' });
    spec.given([started]).when({ ...rate, ratings: [...induction, { statementId: 'zz', level: 1 }] }).thenThrows(CommandRejectedError, { reason: 'mdr.unknown-statement', field: 'ratings.4.statementId' });
    spec.given([started]).when({ ...rate, ratings: [...induction, { statementId: 'k1', level: 1 }] }).thenThrows(CommandRejectedError, { reason: 'mdr.duplicate-rating' });
    spec.given([started]).when({ ...rate, ratings: [{ statementId: 'k1', level: 5 }, ...induction.slice(1)] }).thenThrows(CommandRejectedError, { reason: 'mdr.level-out-of-scale', field: 'ratings.0.level' });
    spec.given([started]).when({ ...rate, ratings: [{ statementId: 'k1', level: 0 }, ...induction.slice(1)] }).thenThrows(CommandRejectedError, { reason: 'mdr.invalid', field: 'ratings.0.level' });
    spec.given([started]).when({ ...rate, ratedOn: '2024-09-01' }).thenThrows(CommandRejectedError, { reason: 'mdr.date-out-of-order', field: 'ratedOn' });
  });

  it('chooses the priority area from the induction ratings, or as the mentor says', () => {
    expect(suggestedPriorityArea(framework, new Map(induction.map((r) => [r.statementId, r.level])))).toBe('knowledge');
    spec.given([started, rated]).when({ type: 'ChoosePriorityArea', chosenOn: '2024-09-27' }).then([chosen]);
    spec
      .given([started, rated, chosen])
      .when({ type: 'ChoosePriorityArea', areaId: 'coaching', chosenOn: '2024-10-01' })
      .then([{ type: 'MentorDevelopmentPriorityAreaChosen', data: { ...cycle, areaId: 'coaching', chosenOn: '2024-10-01' } }]);
    spec.given([started, rated, chosen]).when({ type: 'ChoosePriorityArea', areaId: 'knowledge', chosenOn: '2024-10-01' }).thenNothingHappens();
    spec.given([started]).when({ type: 'ChoosePriorityArea', chosenOn: '2024-09-27' }).thenThrows(CommandRejectedError, { reason: 'mdr.induction-not-rated' });
    spec.given([started, rated]).when({ type: 'ChoosePriorityArea', areaId: 'nope', chosenOn: '2024-09-27' }).thenThrows(CommandRejectedError, { reason: 'mdr.unknown-area', field: 'areaId' });
  });

  it('adds suggested or own actions to the priority area, and completes them', () => {
    const add = { type: 'AddDevelopmentAction', actionId: 'x1', origin: 'suggested', suggestedActionId: 'k-a1', addedOn: '2024-09-27' } as const;
    spec.given([started, rated, chosen]).when(add).then([action]);
    spec
      .given([started, rated, chosen])
      .when({ type: 'AddDevelopmentAction', actionId: 'x2', origin: 'own', text: 'Film a coaching conversation.', addedOn: '2024-10-01', dueBy: '2024-11-01' })
      .then([{ type: 'MentorDevelopmentActionAdded', data: { ...cycle, actionId: 'x2', areaId: 'knowledge', origin: 'own', text: 'Film a coaching conversation.', addedOn: '2024-10-01', dueBy: '2024-11-01' } }]);
    spec.given([started, rated]).when(add).thenThrows(CommandRejectedError, { reason: 'mdr.no-priority-area', field: 'areaId' });
    spec.given([started, rated, chosen, action]).when(add).thenThrows(CommandRejectedError, { reason: 'mdr.duplicate-action', field: 'actionId' });
    spec.given([started, rated, chosen]).when({ ...add, suggestedActionId: 'c-a1' }).thenThrows(CommandRejectedError, { reason: 'mdr.unknown-suggestion', field: 'suggestedActionId' });
    spec.given([started, rated, chosen]).when({ type: 'AddDevelopmentAction', actionId: 'x1', origin: 'own', addedOn: '2024-09-27' }).thenThrows(CommandRejectedError, { reason: 'mdr.invalid', field: 'text' });
    spec.given([started, rated, chosen]).when({ ...add, areaId: 'nowhere' }).thenThrows(CommandRejectedError, { reason: 'mdr.unknown-area' });
    spec.given([started, rated, chosen]).when({ ...add, dueBy: '2024-09-01' }).thenThrows(CommandRejectedError, { reason: 'mdr.date-out-of-order', field: 'dueBy' });

    const done: Event = { type: 'MentorDevelopmentActionCompleted', data: { ...cycle, actionId: 'x1', completedOn: '2024-11-20' } };
    spec.given([started, rated, chosen, action]).when({ type: 'CompleteDevelopmentAction', actionId: 'x1', completedOn: '2024-11-20' }).then([done]);
    spec.given([started, rated, chosen, action, done]).when({ type: 'CompleteDevelopmentAction', actionId: 'x1', completedOn: '2024-11-21' }).thenNothingHappens();
    spec.given([started, rated, chosen]).when({ type: 'CompleteDevelopmentAction', actionId: 'x1', completedOn: '2024-11-20' }).thenThrows(CommandRejectedError, { reason: 'mdr.action-not-found' });
    spec.given([started, rated, chosen, action]).when({ type: 'CompleteDevelopmentAction', actionId: 'x1', completedOn: '2024-09-01' }).thenThrows(CommandRejectedError, { reason: 'mdr.date-out-of-order', field: 'completedOn' });
  });

  it('records the June reflection with the lead mentor once, and completes the review after it', () => {
    const reflect = { type: 'RecordDevelopmentReflection', leadMentorId: 'lm1', reflectedOn: '2025-06-16', reflection: 'Targets are sharper.' } as const;
    spec.given([started, rated]).when(reflect).then([reflected]);
    spec.given([started, rated, reflected]).when(reflect).thenThrows(CommandRejectedError, { reason: 'mdr.reflection-already-recorded' });
    spec.given([started]).when(reflect).thenThrows(CommandRejectedError, { reason: 'mdr.induction-not-rated' });
    spec.given([started, rated]).when({ ...reflect, reflection: '' }).thenThrows(CommandRejectedError, { reason: 'mdr.invalid', field: 'reflection' });

    const complete = { type: 'CompleteMentorDevelopmentReview', completedOn: '2025-06-20', documentRef: 'canvas://mdr/m1/2024' } as const;
    spec.given([started, rated]).when(complete).thenThrows(CommandRejectedError, { reason: 'mdr.no-reflection' });
    spec.given([started, rated, reflected]).when(complete).then([completed]);
    spec.given([started, rated, reflected, completed]).when(complete).thenNothingHappens();
    spec.given([started, rated, reflected, completed]).when({ ...rate, stage: 'revisit' }).thenThrows(CommandRejectedError, { reason: 'mdr.completed' });
  });
});
