import { match } from 'ts-pattern';
import { academicYearOf, previousAcademicYear, type AcademicYear } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import { evolveWith, type Decider } from '../kernel/decider.js';
import { CommandRejectedError } from '../kernel/errors.js';
import { checkedEvent, definedOnly } from '../mentor/checked.js';
import type { MentorTrainingCommand } from './commands.js';
import {
  MentorPriorLearningRecognised,
  MentorPriorLearningWithdrawn,
  MentorTrainingSessionCompleted,
  MentorTrainingSessionCorrected,
  MentorTrainingSessionWithdrawn,
  sessionAcademicYear,
  type MentorTrainingEvent,
  type TrainingMode,
  type TrainingPurpose,
} from './events.js';
import { mentorTrainingCommandSchema } from './commandSchema.js';

export interface SessionRecord {
  readonly providerId: string;
  readonly academicYear: AcademicYear;
  readonly purpose: TrainingPurpose;
  readonly date: LocalDate;
  readonly minutes: number;
  readonly mode: TrainingMode;
  readonly withdrawn: boolean;
}

export interface PriorLearningRecord {
  readonly providerId: string;
  readonly academicYear: AcademicYear;
  readonly minutes: number;
  readonly withdrawn: boolean;
}

/** One mentor's training with every provider; withdrawn entries stay, so ids are never reused. */
export interface MentorTrainingState {
  readonly mentorId?: string;
  readonly sessions: ReadonlyMap<string, SessionRecord>;
  readonly priorLearning: ReadonlyMap<string, PriorLearningRecord>;
}

export const initialMentorTrainingState: MentorTrainingState = { sessions: new Map(), priorLearning: new Map() };

const INVALID = 'training.invalid';

/** The purpose of the mentor's sessions with a provider in a year, fixed by the first that still counts. */
export const purposeOf = (state: MentorTrainingState, providerId: string, year: AcademicYear): TrainingPurpose | undefined => {
  for (const session of state.sessions.values()) {
    if (!session.withdrawn && session.providerId === providerId && session.academicYear === year) return session.purpose;
  }
  return undefined;
};

/** The earliest earlier year the mentor trained with the provider: who is a refresher mentor (domain.md). */
export const trainedEarlierWith = (state: MentorTrainingState, providerId: string, year: AcademicYear): AcademicYear | undefined => {
  let earliest: AcademicYear | undefined;
  for (const session of state.sessions.values()) {
    if (session.withdrawn || session.providerId !== providerId || session.academicYear >= year) continue;
    if (earliest === undefined || session.academicYear < earliest) earliest = session.academicYear;
  }
  return earliest;
};

const sameMentor = (state: MentorTrainingState, mentorId: string): void => {
  if (state.mentorId !== undefined && state.mentorId !== mentorId) {
    throw new CommandRejectedError('training.wrong-mentor', `this record belongs to mentor ${state.mentorId}`, 'mentorId');
  }
};

/** Training for a year is done in that year or from the spring before it (the DfE window opens in April). */
const checkDateInYear = (date: LocalDate, year: AcademicYear): void => {
  const dateYear = academicYearOf(date);
  if (dateYear !== year && dateYear !== previousAcademicYear(year)) {
    throw new CommandRejectedError('training.date-outside-year', `${date} cannot be training for ${year}`, 'date');
  }
};

const findSession = (state: MentorTrainingState, sessionId: string): SessionRecord & { readonly mentorId: string } => {
  const session = state.sessions.get(sessionId);
  if (session === undefined || state.mentorId === undefined) {
    throw new CommandRejectedError('training.session-not-found', `there is no session ${sessionId} in this record`, 'sessionId');
  }
  return { ...session, mentorId: state.mentorId };
};

const decidePurpose = (state: MentorTrainingState, providerId: string, year: AcademicYear, asked: TrainingPurpose | undefined): TrainingPurpose => {
  const current = purposeOf(state, providerId, year);
  const earlier = trainedEarlierWith(state, providerId, year);
  const derived: TrainingPurpose = current ?? (earlier === undefined ? 'initial' : 'refresher');
  if (asked === undefined || asked === derived) return derived;
  if (current !== undefined) {
    throw new CommandRejectedError('training.purpose-mismatch', `this mentor's ${year} training with ${providerId} is ${current} training`, 'purpose');
  }
  if (asked === 'initial') {
    throw new CommandRejectedError('training.purpose-mismatch', `the mentor trained with ${providerId} in ${earlier}: a refresher mentor in ${year}`, 'purpose');
  }
  return asked;
};

const withSession = (state: MentorTrainingState, sessionId: string, change: (session: SessionRecord) => SessionRecord): MentorTrainingState => {
  const session = state.sessions.get(sessionId);
  return session === undefined ? state : { ...state, sessions: new Map(state.sessions).set(sessionId, change(session)) };
};

export const mentorTrainingDecider: Decider<MentorTrainingCommand, MentorTrainingEvent, MentorTrainingState> = {
  initialState: initialMentorTrainingState,
  commandSchema: mentorTrainingCommandSchema,
  decide: (command, state) =>
    match(command)
      .with({ type: 'RecordMentorTrainingSession' }, (c): MentorTrainingEvent[] => {
        sameMentor(state, c.mentorId);
        if (state.sessions.has(c.sessionId)) {
          throw new CommandRejectedError('training.duplicate-session', `session ${c.sessionId} is already recorded`, 'sessionId');
        }
        const academicYear = c.academicYear ?? academicYearOf(c.date);
        const { sessionId, mentorId, providerId, date, minutes, mode, title } = c;
        const draft = { sessionId, mentorId, providerId, date, minutes, mode, purpose: c.purpose ?? 'initial', academicYear, title };
        checkedEvent(MentorTrainingSessionCompleted, definedOnly(draft), INVALID);
        checkDateInYear(date, academicYear);
        const purpose = decidePurpose(state, providerId, academicYear, c.purpose);
        return [{ type: 'MentorTrainingSessionCompleted', data: definedOnly({ ...draft, purpose }) }];
      })
      .with({ type: 'CorrectMentorTrainingSession' }, (c): MentorTrainingEvent[] => {
        const session = findSession(state, c.sessionId);
        if (session.withdrawn) {
          throw new CommandRejectedError('training.session-withdrawn', `session ${c.sessionId} was withdrawn; record a new one instead`, 'sessionId');
        }
        const { sessionId, date, minutes, mode, reason } = c;
        const event = checkedEvent(MentorTrainingSessionCorrected, { sessionId, mentorId: session.mentorId, date, minutes, mode, reason }, INVALID);
        checkDateInYear(date, session.academicYear);
        if (session.date === date && session.minutes === minutes && session.mode === mode) return [];
        return [event];
      })
      .with({ type: 'WithdrawMentorTrainingSession' }, (c): MentorTrainingEvent[] => {
        const session = findSession(state, c.sessionId);
        if (session.withdrawn) return [];
        return [checkedEvent(MentorTrainingSessionWithdrawn, { sessionId: c.sessionId, mentorId: session.mentorId, reason: c.reason }, INVALID)];
      })
      .with({ type: 'RecognisePriorLearning' }, (c): MentorTrainingEvent[] => {
        sameMentor(state, c.mentorId);
        if (state.priorLearning.has(c.recognitionId)) {
          throw new CommandRejectedError('training.duplicate-recognition', `recognition ${c.recognitionId} is already recorded`, 'recognitionId');
        }
        const { type: _type, ...data } = c;
        const event = checkedEvent(MentorPriorLearningRecognised, definedOnly(data), INVALID);
        const refresher = purposeOf(state, c.providerId, c.academicYear) === 'refresher' || trainedEarlierWith(state, c.providerId, c.academicYear) !== undefined;
        if (refresher) {
          throw new CommandRejectedError('training.prior-learning-for-refresher', `prior learning reduces initial training; in ${c.academicYear} this mentor is a refresher mentor with ${c.providerId}`, 'academicYear');
        }
        return [event];
      })
      .with({ type: 'WithdrawPriorLearning' }, (c): MentorTrainingEvent[] => {
        const recognition = state.priorLearning.get(c.recognitionId);
        if (recognition === undefined || state.mentorId === undefined) {
          throw new CommandRejectedError('training.recognition-not-found', `there is no recognition ${c.recognitionId} in this record`, 'recognitionId');
        }
        if (recognition.withdrawn) return [];
        return [checkedEvent(MentorPriorLearningWithdrawn, { recognitionId: c.recognitionId, mentorId: state.mentorId, reason: c.reason }, INVALID)];
      })
      .exhaustive(),
  evolve: evolveWith<MentorTrainingEvent, MentorTrainingState>({
    MentorTrainingSessionCompleted: (state, { data }) => ({
      ...state,
      mentorId: data.mentorId,
      sessions: new Map(state.sessions).set(data.sessionId, {
        providerId: data.providerId,
        academicYear: sessionAcademicYear(data),
        purpose: data.purpose,
        date: data.date,
        minutes: data.minutes,
        mode: data.mode,
        withdrawn: false,
      }),
    }),
    MentorTrainingSessionCorrected: (state, { data }) =>
      withSession(state, data.sessionId, (session) => ({ ...session, date: data.date, minutes: data.minutes, mode: data.mode })),
    MentorTrainingSessionWithdrawn: (state, { data }) => withSession(state, data.sessionId, (session) => ({ ...session, withdrawn: true })),
    MentorPriorLearningRecognised: (state, { data }) => ({
      ...state,
      mentorId: data.mentorId,
      priorLearning: new Map(state.priorLearning).set(data.recognitionId, {
        providerId: data.providerId,
        academicYear: data.academicYear,
        minutes: data.minutes,
        withdrawn: false,
      }),
    }),
    MentorPriorLearningWithdrawn: (state, { data }) => {
      const recognition = state.priorLearning.get(data.recognitionId);
      if (recognition === undefined) return state;
      return { ...state, priorLearning: new Map(state.priorLearning).set(data.recognitionId, { ...recognition, withdrawn: true }) };
    },
  }),
};
