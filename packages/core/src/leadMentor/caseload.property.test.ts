import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runProjection } from '../kernel/projection.js';
import { asStoredEvents, smallIdArbitrary, trainingDateArbitrary } from '../testing/arbitraries/mentors.js';
import { leadMentorCaseload } from './caseload.js';
import { leadMentorCaseloadProjection, type CaseloadEvent } from './caseloadProjection.js';

const TODAY = '2024-11-20';
const setup: CaseloadEvent[] = [
  { type: 'LeadMentorAppointed', data: { leadMentorId: 'lm1', providerId: 'p1', appointedOn: '2024-09-02' } },
  { type: 'LeadMentorSchoolAssigned', data: { leadMentorId: 'lm1', schoolId: 's1', from: '2024-09-02' } },
  { type: 'PlacementArranged', data: { placementId: 'pl1', traineeId: 't1', schoolId: 's1', providerId: 'p1', academicYear: '2024/25', mentorId: 'm1', startDate: '2024-09-16', endDate: '2024-12-13' } },
];

const checkInsArbitrary = fc.uniqueArray(
  fc.record({ checkInId: smallIdArbitrary('c', 30), subject: fc.constantFrom('mentor' as const, 'trainee' as const), date: trainingDateArbitrary('2024-09-16', 90), withdrawn: fc.boolean() }),
  { selector: (c) => c.checkInId, maxLength: 15 },
);

const events = (checkIns: readonly { checkInId: string; subject: 'mentor' | 'trainee'; date: string; withdrawn: boolean }[]): CaseloadEvent[] => [
  ...setup,
  ...checkIns.map((c): CaseloadEvent => ({
    type: 'LeadMentorCheckInRecorded',
    data: { checkInId: c.checkInId, leadMentorId: 'lm1', schoolId: 's1', subject: c.subject, subjectId: c.subject === 'mentor' ? 'm1' : 't1', date: c.date, mode: 'visit' },
  })),
  ...checkIns.filter((c) => c.withdrawn).map((c): CaseloadEvent => ({ type: 'LeadMentorCheckInWithdrawn', data: { checkInId: c.checkInId, leadMentorId: 'lm1', reason: 'wrong' } })),
];

const caseload = (list: readonly CaseloadEvent[]) => leadMentorCaseload(runProjection(leadMentorCaseloadProjection, asStoredEvents(list)), 'lm1', { today: TODAY })!;

describe('lead mentor caseload properties', () => {
  it('takes the last check-in that counts, never a withdrawn or future one, whatever the order recorded', () => {
    fc.assert(
      fc.property(checkInsArbitrary.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))), ([checkIns, shuffled]) => {
        const result = caseload(events(checkIns));
        expect(caseload(events(shuffled))).toEqual(result);
        for (const subject of ['mentor', 'trainee'] as const) {
          const dates = checkIns.filter((c) => c.subject === subject && !c.withdrawn && c.date <= TODAY).map((c) => c.date).sort();
          const row = subject === 'mentor' ? result.schools[0]?.mentors[0] : result.schools[0]?.trainees[0];
          expect(row?.lastCheckIn).toBe(dates.at(-1));
          expect(row?.overdue).toBe(row!.dueBy < TODAY);
        }
      }),
      { numRuns: 1000, seed: 20241120 },
    );
  });
});
