import { describe, expect, it } from 'vitest';
import { CommandRejectedError } from '../kernel/errors.js';
import { deciderSpec } from '../testing/givenWhenThen.js';
import type { RecognisePriorLearning, RecordMentorTrainingSession } from './commands.js';
import { mentorTrainingDecider } from './decider.js';
import type { MentorTrainingEvent } from './events.js';

const spec = deciderSpec(mentorTrainingDecider);
const record = (sessionId: string, date = '2024-10-05', extra: Partial<RecordMentorTrainingSession> = {}): RecordMentorTrainingSession => ({
  type: 'RecordMentorTrainingSession',
  sessionId,
  mentorId: 'm1',
  providerId: 'p1',
  date,
  minutes: 360,
  mode: 'full_day_conference',
  ...extra,
});
const completed = (sessionId: string, date = '2024-10-05', extra: Record<string, unknown> = {}): MentorTrainingEvent =>
  ({
    type: 'MentorTrainingSessionCompleted',
    data: { sessionId, mentorId: 'm1', providerId: 'p1', date, minutes: 360, mode: 'full_day_conference', purpose: 'initial', academicYear: '2024/25', ...extra },
  });
const recognise: RecognisePriorLearning = {
  type: 'RecognisePriorLearning',
  recognitionId: 'r1',
  mentorId: 'm1',
  providerId: 'p1',
  academicYear: '2024/25',
  kind: 'ecf_mentor_training',
  minutes: 360,
  recognisedBy: 'tutor-9',
  recognisedOn: '2024-09-20',
};

describe('recording training sessions', () => {
  it('records a session with the year and purpose written out', () => {
    spec.given().when(record('s1')).then([completed('s1')]);
    // Spring training counts for the year it prepares for (the DfE window opens in April).
    spec.given().when(record('s1', '2024-05-10', { academicYear: '2024/25', title: 'Launch day' })).then([completed('s1', '2024-05-10', { title: 'Launch day' })]);
  });

  it('makes a mentor who trained with the provider in an earlier year a refresher mentor', () => {
    const earlier = completed('s0', '2023-10-05', { academicYear: '2023/24' });
    spec.given([earlier]).when(record('s1')).then([completed('s1', '2024-10-05', { purpose: 'refresher' })]);
    spec.given([earlier]).when(record('s1', '2024-10-05', { purpose: 'initial' })).thenThrows(CommandRejectedError, { reason: 'training.purpose-mismatch', field: 'purpose' });
    // With another provider the mentor starts again.
    spec.given([earlier]).when(record('s1', '2024-10-05', { providerId: 'p2' })).then([completed('s1', '2024-10-05', { providerId: 'p2' })]);
    // A withdrawn earlier session does not make a refresher mentor.
    const withdrawn: MentorTrainingEvent = { type: 'MentorTrainingSessionWithdrawn', data: { sessionId: 's0', mentorId: 'm1', reason: 'never held' } };
    spec.given([earlier, withdrawn]).when(record('s1')).then([completed('s1')]);
  });

  it('accepts refresher for earlier training that predates the record, and keeps a year to one purpose', () => {
    const refresher = completed('s1', '2024-10-05', { purpose: 'refresher' });
    spec.given().when(record('s1', '2024-10-05', { purpose: 'refresher' })).then([refresher]);
    spec.given([refresher]).when(record('s2', '2024-11-05')).then([completed('s2', '2024-11-05', { purpose: 'refresher' })]);
    spec.given([refresher]).when(record('s2', '2024-11-05', { purpose: 'initial' })).thenThrows(CommandRejectedError, { reason: 'training.purpose-mismatch' });
  });

  it('refuses duplicates, another mentor, bad values and dates outside the year', () => {
    spec.given([completed('s1')]).when(record('s1')).thenThrows(CommandRejectedError, { reason: 'training.duplicate-session', field: 'sessionId' });
    spec.given([completed('s1')]).when(record('s2', '2024-10-05', { mentorId: 'm2' })).thenThrows(CommandRejectedError, { reason: 'training.wrong-mentor', field: 'mentorId' });
    spec.given().when(record('s1', '2024-10-05', { minutes: 0 })).thenThrows(CommandRejectedError, { reason: 'training.invalid', field: 'minutes' });
    spec.given().when(record('s1', '2024-10-05', { minutes: 90.5 })).thenThrows(CommandRejectedError, { reason: 'training.invalid', field: 'minutes' });
    spec.given().when(record('s1', '2024-10-05', { mode: 'webinar' as never })).thenThrows(CommandRejectedError, { reason: 'training.invalid', field: 'mode' });
    spec.given().when(record('s1', '2024-02-30')).thenThrows(CommandRejectedError, { reason: 'training.invalid', field: 'date' });
    spec.given().when(record('s1', '2025-10-01', { academicYear: '2024/25' })).thenThrows(CommandRejectedError, { reason: 'training.date-outside-year', field: 'date' });
    spec.given().when(record('s1', '2023-06-01', { academicYear: '2024/25' })).thenThrows(CommandRejectedError, { reason: 'training.date-outside-year' });
  });
});

describe('correcting and withdrawing sessions', () => {
  it('corrects a session with its whole new values', () => {
    spec
      .given([completed('s1')])
      .when({ type: 'CorrectMentorTrainingSession', sessionId: 's1', date: '2024-10-05', minutes: 300, mode: 'full_day_conference', reason: 'left at 3pm' })
      .then([{ type: 'MentorTrainingSessionCorrected', data: { sessionId: 's1', mentorId: 'm1', date: '2024-10-05', minutes: 300, mode: 'full_day_conference', reason: 'left at 3pm' } }]);
    spec.given([completed('s1')]).when({ type: 'CorrectMentorTrainingSession', sessionId: 's1', date: '2024-10-05', minutes: 360, mode: 'full_day_conference', reason: 'r' }).thenNothingHappens();
  });

  it('refuses corrections of unknown or withdrawn sessions, or out of the year', () => {
    const withdrawn: MentorTrainingEvent = { type: 'MentorTrainingSessionWithdrawn', data: { sessionId: 's1', mentorId: 'm1', reason: 'wrong mentor' } };
    const correct = { type: 'CorrectMentorTrainingSession', sessionId: 's1', date: '2024-10-05', minutes: 60, mode: 'asynchronous_self_paced', reason: 'r' } as const;
    spec.given().when(correct).thenThrows(CommandRejectedError, { reason: 'training.session-not-found', field: 'sessionId' });
    spec.given([completed('s1'), withdrawn]).when(correct).thenThrows(CommandRejectedError, { reason: 'training.session-withdrawn' });
    spec.given([completed('s1')]).when({ ...correct, date: '2026-01-01' }).thenThrows(CommandRejectedError, { reason: 'training.date-outside-year' });
    spec.given([completed('s1')]).when({ ...correct, reason: '' }).thenThrows(CommandRejectedError, { reason: 'training.invalid', field: 'reason' });
  });

  it('withdraws a session once', () => {
    const withdrawn: MentorTrainingEvent = { type: 'MentorTrainingSessionWithdrawn', data: { sessionId: 's1', mentorId: 'm1', reason: 'never held' } };
    const state = spec.given([completed('s1')]).when({ type: 'WithdrawMentorTrainingSession', sessionId: 's1', reason: 'never held' }).then([withdrawn]);
    expect(state.sessions.get('s1')?.withdrawn).toBe(true);
    spec.given([completed('s1'), withdrawn]).when({ type: 'WithdrawMentorTrainingSession', sessionId: 's1', reason: 'again' }).thenNothingHappens();
    spec.given().when({ type: 'WithdrawMentorTrainingSession', sessionId: 's1', reason: 'r' }).thenThrows(CommandRejectedError, { reason: 'training.session-not-found' });
  });
});

describe('prior learning', () => {
  const { type: _type, ...data } = recognise;
  const recognisedEvent: MentorTrainingEvent = { type: 'MentorPriorLearningRecognised', data };

  it('recognises prior learning for an initial year, with who recognised it', () => {
    spec.given().when(recognise).then([recognisedEvent]);
    spec.given([completed('s1')]).when(recognise).then([recognisedEvent]);
  });

  it('refuses it for a refresher mentor, twice, or with bad values', () => {
    spec.given([completed('s0', '2023-10-05', { academicYear: '2023/24' })]).when(recognise).thenThrows(CommandRejectedError, { reason: 'training.prior-learning-for-refresher' });
    spec.given([recognisedEvent]).when(recognise).thenThrows(CommandRejectedError, { reason: 'training.duplicate-recognition', field: 'recognitionId' });
    spec.given().when({ ...recognise, minutes: -60 }).thenThrows(CommandRejectedError, { reason: 'training.invalid', field: 'minutes' });
    spec.given().when({ ...recognise, recognisedBy: '' }).thenThrows(CommandRejectedError, { reason: 'training.invalid', field: 'recognisedBy' });
    spec.given().when({ ...recognise, kind: 'phd' as never }).thenThrows(CommandRejectedError, { reason: 'training.invalid', field: 'kind' });
  });

  it('withdraws a recognition once', () => {
    const withdrawn: MentorTrainingEvent = { type: 'MentorPriorLearningWithdrawn', data: { recognitionId: 'r1', mentorId: 'm1', reason: 'certificate not found' } };
    spec.given([recognisedEvent]).when({ type: 'WithdrawPriorLearning', recognitionId: 'r1', reason: 'certificate not found' }).then([withdrawn]);
    spec.given([recognisedEvent, withdrawn]).when({ type: 'WithdrawPriorLearning', recognitionId: 'r1', reason: 'again' }).thenNothingHappens();
    spec.given().when({ type: 'WithdrawPriorLearning', recognitionId: 'r1', reason: 'r' }).thenThrows(CommandRejectedError, { reason: 'training.recognition-not-found' });
  });
});
