import { describe, it } from 'vitest';
import { CommandRejectedError } from '../kernel/errors.js';
import { deciderSpec } from '../testing/givenWhenThen.js';
import type { AllocateProtectedTime, AwardRecognition } from './commands.js';
import { mentorSupportDecider } from './decider.js';
import type { MentorSupportEvent as Event } from './events.js';

const spec = deciderSpec(mentorSupportDecider);
const allocate: AllocateProtectedTime = { type: 'AllocateProtectedTime', mentorId: 'm1', schoolId: 's1', academicYear: '2024/25', minutesPerWeek: 60, effectiveFrom: '2024-09-02' };
const allocated: Event = { type: 'MentorProtectedTimeAllocated', data: { mentorId: 'm1', schoolId: 's1', academicYear: '2024/25', minutesPerWeek: 60, effectiveFrom: '2024-09-02' } };
const award: AwardRecognition = { type: 'AwardRecognition', recognitionId: 'r1', mentorId: 'm1', kind: 'training_certificate', title: 'Initial mentor training', awardedOn: '2025-01-10', awardedBy: 'p1' };

describe('mentor support decider', () => {
  it('allocates protected time per week, a later allocation replacing it from its date', () => {
    spec.given().when(allocate).then([allocated]);
    spec.given([allocated]).when({ ...allocate, effectiveFrom: '2024-10-01' }).thenNothingHappens();
    spec
      .given([allocated])
      .when({ ...allocate, minutesPerWeek: 90, effectiveFrom: '2025-01-06' })
      .then([{ type: 'MentorProtectedTimeAllocated', data: { mentorId: 'm1', schoolId: 's1', academicYear: '2024/25', minutesPerWeek: 90, effectiveFrom: '2025-01-06' } }]);
    spec.given([allocated]).when({ ...allocate, minutesPerWeek: 90, effectiveFrom: '2024-08-01' }).thenThrows(CommandRejectedError, { reason: 'support.out-of-order', field: 'effectiveFrom' });
    spec.given().when({ ...allocate, minutesPerWeek: -5 }).thenThrows(CommandRejectedError, { reason: 'support.invalid', field: 'minutesPerWeek' });
    spec.given([allocated]).when({ ...allocate, mentorId: 'm2' }).thenThrows(CommandRejectedError, { reason: 'support.wrong-mentor', field: 'mentorId' });
  });

  it('records the time used in a week starting on Monday, a later record replacing it', () => {
    const used: Event = { type: 'MentorProtectedTimeUseRecorded', data: { mentorId: 'm1', weekOf: '2024-09-09', minutesUsed: 45, minutesFromPpa: 30 } };
    spec.given([allocated]).when({ type: 'RecordProtectedTimeUse', mentorId: 'm1', weekOf: '2024-09-09', minutesUsed: 45, minutesFromPpa: 30 }).then([used]);
    spec.given([allocated, used]).when({ type: 'RecordProtectedTimeUse', mentorId: 'm1', weekOf: '2024-09-09', minutesUsed: 45, minutesFromPpa: 30 }).thenNothingHappens();
    spec
      .given([allocated, used])
      .when({ type: 'RecordProtectedTimeUse', mentorId: 'm1', weekOf: '2024-09-09', minutesUsed: 60 })
      .then([{ type: 'MentorProtectedTimeUseRecorded', data: { mentorId: 'm1', weekOf: '2024-09-09', minutesUsed: 60 } }]);
    spec.given().when({ type: 'RecordProtectedTimeUse', mentorId: 'm1', weekOf: '2024-09-10', minutesUsed: 45 }).thenThrows(CommandRejectedError, { reason: 'support.week-not-monday', field: 'weekOf' });
    spec.given().when({ type: 'RecordProtectedTimeUse', mentorId: 'm1', weekOf: '2024-09-09', minutesUsed: 1.5 }).thenThrows(CommandRejectedError, { reason: 'support.invalid', field: 'minutesUsed' });
  });

  it('awards recognition, accredited hours with their minutes, and revokes it once', () => {
    const { type: _type, ...data } = award;
    const awarded: Event = { type: 'MentorRecognitionAwarded', data };
    spec.given().when(award).then([awarded]);
    spec.given([awarded]).when(award).thenThrows(CommandRejectedError, { reason: 'support.duplicate-recognition', field: 'recognitionId' });
    spec.given().when({ ...award, kind: 'accredited_hours' }).thenThrows(CommandRejectedError, { reason: 'support.accredited-minutes-required', field: 'accreditedMinutes' });
    spec.given().when({ ...award, title: '' }).thenThrows(CommandRejectedError, { reason: 'support.invalid', field: 'title' });
    const revoked: Event = { type: 'MentorRecognitionRevoked', data: { recognitionId: 'r1', mentorId: 'm1', reason: 'issued in error' } };
    spec.given([awarded]).when({ type: 'RevokeRecognition', recognitionId: 'r1', reason: 'issued in error' }).then([revoked]);
    spec.given([awarded, revoked]).when({ type: 'RevokeRecognition', recognitionId: 'r1', reason: 'again' }).thenNothingHappens();
    spec.given().when({ type: 'RevokeRecognition', recognitionId: 'r1', reason: 'r' }).thenThrows(CommandRejectedError, { reason: 'support.recognition-not-found' });
  });
});
