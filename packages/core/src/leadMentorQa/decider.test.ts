import { describe, expect, it } from 'vitest';
import { CommandRejectedError } from '../kernel/errors.js';
import type { ReviewPointFacts } from '../reviewPoint/facts.js';
import { deciderSpec } from '../testing/givenWhenThen.js';
import type { CompleteLeadMentorQaForm, LeadMentorQaCommand, RecordJointObservation } from './commands.js';
import { leadMentorQaDecider } from './decider.js';
import { leadMentorQaRegistry, type LeadMentorQaEvent, type QaAnswers } from './events.js';

const spec = deciderSpec(leadMentorQaDecider);
const where = { traineeId: 't-1', placementId: 'p-1', schoolId: 's-1' };
const facts = (over: Partial<ReviewPointFacts> = {}): ReviewPointFacts => ({
  reviewPointId: 'rp-1', ...where, stage: 'development', status: 'held', dueDate: '2024-11-22', heldOn: '2024-11-21', outcome: 'not_on_track', mentorId: 'm-1', ...over,
});
const yes: QaAnswers = { assessmentsAccurate: 'yes', instructionalCoachingQuality: 'yes', entitlementReceived: 'yes', meetingRecordsKept: 'yes', targetsShortTermAndAchievable: 'yes' };
const partly: QaAnswers = { ...yes, instructionalCoachingQuality: 'partly' };

const observe: RecordJointObservation = {
  type: 'RecordJointObservation', observationId: 'obs-1', ...where, leadMentorId: 'lm-1', mentorId: 'm-1', date: '2024-11-19',
  focus: 'transitions', feedbackForTrainee: 'Rehearse the routine', feedbackForMentor: 'One action, not three',
};
type Observed = Extract<LeadMentorQaEvent, { type: 'JointObservationRecorded' }>;
const observed = (over: Partial<Observed['data']> = {}): Observed => ({
  type: 'JointObservationRecorded',
  data: { observationId: 'obs-1', ...where, leadMentorId: 'lm-1', mentorId: 'm-1', date: '2024-11-19', focus: 'transitions', feedbackForTrainee: 'Rehearse the routine', feedbackForMentor: 'One action, not three', ...over },
});
const complete: CompleteLeadMentorQaForm = { type: 'CompleteLeadMentorQaForm', reviewPoint: facts(), leadMentorId: 'lm-1', completedOn: '2024-11-22', answers: partly };
const completed: LeadMentorQaEvent = { type: 'LeadMentorQaFormCompleted', data: { reviewPointId: 'rp-1', ...where, leadMentorId: 'lm-1', mentorId: 'm-1', completedOn: '2024-11-22', answers: partly } };

const refuses = (events: readonly LeadMentorQaEvent[], command: LeadMentorQaCommand, reason: string, field?: string) =>
  spec.given(events).when(command).thenThrows(CommandRejectedError, field === undefined ? { reason } : { reason, field });

describe('joint observation', () => {
  it('records who observed, when, the focus and feedback for both, and the review point it was for', () => {
    spec.given().when(observe).then([observed()]);
    spec.given().when({ ...observe, reviewPoint: facts({ status: 'scheduled' }) }).then([observed({ reviewPointId: 'rp-1' })]);
  });

  it('marks feedback as the personal data of the trainee and of the mentor', () => {
    expect(leadMentorQaRegistry.personalData('JointObservationRecorded')).toEqual([
      { path: ['feedbackForTrainee'], subjectField: 'traineeId', category: 'ordinary' },
      { path: ['feedbackForMentor'], subjectField: 'mentorId', category: 'ordinary' },
    ]);
  });

  it('refuses another placement, a used id, one person alone, or bad text and dates', () => {
    refuses([observed()], { ...observe, observationId: 'obs-2', placementId: 'p-2' }, 'leadMentorQa.wrong-placement', 'placementId');
    refuses([observed()], observe, 'leadMentorQa.observation-exists', 'observationId');
    refuses([], { ...observe, leadMentorId: 'm-1' }, 'leadMentorQa.lead-mentor-is-mentor', 'leadMentorId');
    refuses([], { ...observe, date: '2024-11-31' }, 'leadMentorQa.invalid-date', 'date');
    refuses([], { ...observe, focus: '' }, 'leadMentorQa.text-required', 'focus');
    refuses([], { ...observe, focus: 'f'.repeat(201) }, 'leadMentorQa.text-too-long', 'focus');
    refuses([], { ...observe, feedbackForTrainee: ' ' }, 'leadMentorQa.text-required', 'feedbackForTrainee');
    refuses([], { ...observe, feedbackForMentor: '' }, 'leadMentorQa.text-required', 'feedbackForMentor');
  });

  it('refuses a review point elsewhere or missed', () => {
    refuses([], { ...observe, reviewPoint: facts({ traineeId: 't-9' }) }, 'leadMentorQa.review-point-elsewhere', 'reviewPoint');
    refuses([], { ...observe, reviewPoint: facts({ status: 'missed' }) }, 'leadMentorQa.review-point-missed', 'reviewPoint');
  });

  it('withdraws once, and refuses an unknown observation or no reason', () => {
    const withdraw = { type: 'WithdrawJointObservation', observationId: 'obs-1', reason: 'wrong lesson' } as const;
    const withdrawn: LeadMentorQaEvent = { type: 'JointObservationWithdrawn', data: { observationId: 'obs-1', ...where, reason: 'wrong lesson' } };
    spec.given([observed()]).when(withdraw).then([withdrawn]);
    spec.given([observed(), withdrawn]).when(withdraw).thenNothingHappens();
    refuses([], withdraw, 'leadMentorQa.unknown-observation', 'observationId');
    refuses([observed()], { ...withdraw, reason: '' }, 'leadMentorQa.text-required', 'reason');
  });
});

describe('QA form', () => {
  it('is completed once per held review point, for the mentor who held it', () => {
    spec.given().when(complete).then([completed]);
    spec.given([observed()]).when({ ...complete, nextStepsForMentor: 'Weekly steps' }).then([{ type: 'LeadMentorQaFormCompleted', data: { ...completed.data, nextStepsForMentor: 'Weekly steps' } }]);
  });

  it('refuses a review point not held, another placement’s, a second form, the mentor as lead mentor', () => {
    refuses([], { ...complete, reviewPoint: facts({ status: 'scheduled' }) }, 'leadMentorQa.review-point-not-held', 'reviewPoint');
    refuses([observed()], { ...complete, reviewPoint: facts({ placementId: 'p-2' }) }, 'leadMentorQa.wrong-placement', 'placementId');
    refuses([completed], complete, 'leadMentorQa.form-exists', 'reviewPoint');
    refuses([], { ...complete, leadMentorId: 'm-1' }, 'leadMentorQa.lead-mentor-is-mentor', 'leadMentorId');
  });

  it('refuses a form dated before the review point or badly, or empty next steps', () => {
    refuses([], { ...complete, completedOn: '2024-11-20' }, 'leadMentorQa.form-before-review-point', 'completedOn');
    refuses([], { ...complete, completedOn: '22/11/2024' }, 'leadMentorQa.invalid-date', 'completedOn');
    refuses([], { ...complete, nextStepsForMentor: '' }, 'leadMentorQa.text-required', 'nextStepsForMentor');
  });

  it('is amended by a new event; the same answers change nothing', () => {
    const amend = { type: 'AmendLeadMentorQaForm', reviewPointId: 'rp-1', amendedOn: '2024-11-25', answers: yes, reason: 'coaching seen again' } as const;
    const state = spec.given([completed]).when(amend).then([{ type: 'LeadMentorQaFormAmended', data: { reviewPointId: 'rp-1', ...where, mentorId: 'm-1', amendedOn: '2024-11-25', answers: yes, reason: 'coaching seen again' } }]);
    expect(state.forms.get('rp-1')?.answers).toEqual(yes);
    spec.given([completed]).when({ ...amend, answers: partly }).thenNothingHappens();
    refuses([], amend, 'leadMentorQa.no-form', 'reviewPointId');
    refuses([completed], { ...amend, amendedOn: '2024-11-21' }, 'leadMentorQa.amended-before-completed', 'amendedOn');
    refuses([completed], { ...amend, amendedOn: 'x' }, 'leadMentorQa.invalid-date', 'amendedOn');
    refuses([completed], { ...amend, reason: '' }, 'leadMentorQa.text-required', 'reason');
    refuses([completed], { ...amend, nextStepsForMentor: ' ' }, 'leadMentorQa.text-required', 'nextStepsForMentor');
  });
});
