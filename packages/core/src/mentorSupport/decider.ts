import { match } from 'ts-pattern';
import type { AcademicYear } from '../calendar/academicYear.js';
import { dayOfWeek, type LocalDate } from '../calendar/localDate.js';
import { evolveWith, type Decider } from '../kernel/decider.js';
import { CommandRejectedError } from '../kernel/errors.js';
import { checkedEvent, definedOnly } from '../mentor/checked.js';
import type { MentorSupportCommand } from './commands.js';
import { MentorProtectedTimeAllocated, MentorProtectedTimeUseRecorded, MentorRecognitionAwarded, MentorRecognitionRevoked, type MentorSupportEvent } from './events.js';
import { mentorSupportCommandSchema } from './commandSchema.js';

export interface MentorSupportState {
  readonly mentorId?: string;
  /** The latest allocation per year. */
  readonly allocations: ReadonlyMap<AcademicYear, { readonly schoolId: string; readonly minutesPerWeek: number; readonly effectiveFrom: LocalDate }>;
  readonly weeks: ReadonlyMap<LocalDate, { readonly minutesUsed: number; readonly minutesFromPpa?: number }>;
  readonly recognitions: ReadonlyMap<string, { readonly revoked: boolean }>;
}

const INVALID = 'support.invalid';

const sameMentor = (state: MentorSupportState, mentorId: string): void => {
  if (state.mentorId !== undefined && state.mentorId !== mentorId) {
    throw new CommandRejectedError('support.wrong-mentor', `this record belongs to mentor ${state.mentorId}`, 'mentorId');
  }
};

export const mentorSupportDecider: Decider<MentorSupportCommand, MentorSupportEvent, MentorSupportState> = {
  initialState: { allocations: new Map(), weeks: new Map(), recognitions: new Map() },
  commandSchema: mentorSupportCommandSchema,
  decide: (command, state) =>
    match(command)
      .with({ type: 'AllocateProtectedTime' }, (c): MentorSupportEvent[] => {
        sameMentor(state, c.mentorId);
        const { type: _type, ...data } = c;
        const event = checkedEvent(MentorProtectedTimeAllocated, data, INVALID);
        const latest = state.allocations.get(c.academicYear);
        if (latest !== undefined && c.effectiveFrom < latest.effectiveFrom) {
          throw new CommandRejectedError('support.out-of-order', `the ${c.academicYear} allocation already changed on ${latest.effectiveFrom}`, 'effectiveFrom');
        }
        const unchanged = latest?.minutesPerWeek === c.minutesPerWeek && latest.schoolId === c.schoolId;
        return unchanged ? [] : [event];
      })
      .with({ type: 'RecordProtectedTimeUse' }, (c): MentorSupportEvent[] => {
        sameMentor(state, c.mentorId);
        const { type: _type, ...data } = c;
        const event = checkedEvent(MentorProtectedTimeUseRecorded, definedOnly(data), INVALID);
        if (dayOfWeek(c.weekOf) !== 1) throw new CommandRejectedError('support.week-not-monday', `weeks start on a Monday; ${c.weekOf} is not one`, 'weekOf');
        const recorded = state.weeks.get(c.weekOf);
        const unchanged = recorded?.minutesUsed === c.minutesUsed && recorded.minutesFromPpa === c.minutesFromPpa;
        return unchanged ? [] : [event];
      })
      .with({ type: 'AwardRecognition' }, (c): MentorSupportEvent[] => {
        sameMentor(state, c.mentorId);
        if (state.recognitions.has(c.recognitionId)) {
          throw new CommandRejectedError('support.duplicate-recognition', `recognition ${c.recognitionId} is already recorded`, 'recognitionId');
        }
        const { type: _type, ...data } = c;
        const event = checkedEvent(MentorRecognitionAwarded, definedOnly(data), INVALID);
        if (c.kind === 'accredited_hours' && c.accreditedMinutes === undefined) {
          throw new CommandRejectedError('support.accredited-minutes-required', 'say how many minutes are accredited', 'accreditedMinutes');
        }
        return [event];
      })
      .with({ type: 'RevokeRecognition' }, (c): MentorSupportEvent[] => {
        const recognition = state.recognitions.get(c.recognitionId);
        if (recognition === undefined || state.mentorId === undefined) {
          throw new CommandRejectedError('support.recognition-not-found', `there is no recognition ${c.recognitionId}`, 'recognitionId');
        }
        if (recognition.revoked) return [];
        return [checkedEvent(MentorRecognitionRevoked, { recognitionId: c.recognitionId, mentorId: state.mentorId, reason: c.reason }, INVALID)];
      })
      .exhaustive(),
  evolve: evolveWith<MentorSupportEvent, MentorSupportState>({
    MentorProtectedTimeAllocated: (state, { data }) => ({
      ...state,
      mentorId: data.mentorId,
      allocations: new Map(state.allocations).set(data.academicYear, { schoolId: data.schoolId, minutesPerWeek: data.minutesPerWeek, effectiveFrom: data.effectiveFrom }),
    }),
    MentorProtectedTimeUseRecorded: (state, { data }) => ({
      ...state,
      mentorId: data.mentorId,
      weeks: new Map(state.weeks).set(data.weekOf, definedOnly({ minutesUsed: data.minutesUsed, minutesFromPpa: data.minutesFromPpa })),
    }),
    MentorRecognitionAwarded: (state, { data }) => ({ ...state, mentorId: data.mentorId, recognitions: new Map(state.recognitions).set(data.recognitionId, { revoked: false }) }),
    MentorRecognitionRevoked: (state, { data }) => ({ ...state, recognitions: new Map(state.recognitions).set(data.recognitionId, { revoked: true }) }),
  }),
};
