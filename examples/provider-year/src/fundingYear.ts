import type { ClaimService } from '@itt-ledger/core';
import { PROVIDER_YEAR } from './cast.js';
import type { Schedule } from './schedule.js';

/**
 * Oakfield's claim for its two mentors' training, through the claim service (which works out each
 * mentor's allowance from the training, placement and employment events): drafted, an over-claim refused,
 * submitted, and paid. Amara's 20 hours come to £876.00 and Tom's 10 whole hours to £438.00 (seed 003).
 */
export const scheduleFunding = (schedule: Schedule, claims: ClaimService): void => {
  const { claimId, providerId, academicYear, schools } = PROVIDER_YEAR;
  const { amara, tom } = PROVIDER_YEAR.mentors;
  schedule.on('2025-06-02', (o) => claims.draft({ claimId, schoolId: schools.oakfield.schoolId, providerId, academicYear }, o));
  schedule.on('2025-06-02', (o) => claims.addMentor(claimId, amara.mentorId, undefined, o));
  schedule.refused('2025-06-02', `11 hours for ${tom.mentorId}, who trained 10`, (o) => claims.addMentor(claimId, tom.mentorId, 11, o));
  schedule.on('2025-06-02', (o) => claims.addMentor(claimId, tom.mentorId, undefined, o));
  schedule.on('2025-06-03', (o) => claims.submit(claimId, 'headteacher-oakfield', o));
  schedule.on('2025-06-30', (o) => claims.send(claimId, { type: 'StartClaimPayment' }, o));
  schedule.on('2025-07-11', (o) => claims.pay(claimId, 'PAY-2025-0711', o));
};
