import { match } from 'ts-pattern';
import type { LocalDate } from '../calendar/localDate.js';
import { evolveWith, type Decider } from '../kernel/decider.js';
import { CommandRejectedError } from '../kernel/errors.js';
import type { Erased } from '../kernel/personalData.js';
import { checkedEvent, definedOnly } from './checked.js';
import type { MentorCommand } from './commands.js';
import { MentorDetailsCorrected, MentorMovedSchool, MentorRegistered, type MentorEvent } from './events.js';
import { mentorCommandSchema } from './commandSchema.js';

export interface MentorDetails {
  readonly name: string | Erased;
  readonly email?: string | Erased;
  readonly trn?: string | Erased;
}

export type MentorState =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'registered';
      readonly mentorId: string;
      readonly schoolId: string;
      readonly providerId?: string;
      readonly details: MentorDetails;
      /** The date of the latest move, so that moves stay in date order. */
      readonly movedOn?: LocalDate;
    };

export const initialMentorState: MentorState = { status: 'unregistered' };

const registered = (state: MentorState) => {
  if (state.status === 'unregistered') throw new CommandRejectedError('mentor.not-registered', 'no mentor is registered in this stream');
  return state;
};

export const mentorDecider: Decider<MentorCommand, MentorEvent, MentorState> = {
  initialState: initialMentorState,
  commandSchema: mentorCommandSchema,
  decide: (command, state) =>
    match(command)
      .with({ type: 'RegisterMentor' }, (c): MentorEvent[] => {
        if (state.status === 'registered') {
          throw new CommandRejectedError('mentor.already-registered', `mentor ${state.mentorId} is already registered`, 'mentorId');
        }
        const { type: _type, ...data } = c;
        return [checkedEvent(MentorRegistered, definedOnly(data), 'mentor.invalid')];
      })
      .with({ type: 'CorrectMentorDetails' }, (c): MentorEvent[] => {
        const mentor = registered(state);
        const changed = definedOnly({
          name: c.name === mentor.details.name ? undefined : c.name,
          email: c.email === mentor.details.email ? undefined : c.email,
          trn: c.trn === mentor.details.trn ? undefined : c.trn,
        });
        if (c.name === undefined && c.email === undefined && c.trn === undefined) {
          throw new CommandRejectedError('mentor.nothing-to-correct', 'give a name, email or TRN to correct', 'name');
        }
        if (Object.keys(changed).length === 0) return [];
        return [checkedEvent(MentorDetailsCorrected, { mentorId: mentor.mentorId, ...changed }, 'mentor.invalid')];
      })
      .with({ type: 'MoveMentorToSchool' }, (c): MentorEvent[] => {
        const mentor = registered(state);
        if (c.schoolId === mentor.schoolId) return [];
        const event = checkedEvent(
          MentorMovedSchool,
          { mentorId: mentor.mentorId, schoolId: c.schoolId, previousSchoolId: mentor.schoolId, effectiveFrom: c.effectiveFrom },
          'mentor.invalid',
        );
        if (mentor.movedOn !== undefined && c.effectiveFrom < mentor.movedOn) {
          throw new CommandRejectedError('mentor.move-out-of-order', `the last move was on ${mentor.movedOn}; a move cannot come before it`, 'effectiveFrom');
        }
        return [event];
      })
      .exhaustive(),
  evolve: evolveWith<MentorEvent, MentorState>({
    MentorRegistered: (_state, { data }) => ({
      status: 'registered',
      mentorId: data.mentorId,
      schoolId: data.schoolId,
      ...(data.providerId === undefined ? {} : { providerId: data.providerId }),
      details: definedOnly({ name: data.name, email: data.email, trn: data.trn }),
    }),
    MentorDetailsCorrected: (state, { data }) =>
      state.status === 'unregistered'
        ? state
        : { ...state, details: { ...state.details, ...definedOnly({ name: data.name, email: data.email, trn: data.trn }) } },
    MentorMovedSchool: (state, { data }) => (state.status === 'unregistered' ? state : { ...state, schoolId: data.schoolId, movedOn: data.effectiveFrom }),
  }),
};
