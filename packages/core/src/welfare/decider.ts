import { match } from 'ts-pattern';
import type { LocalDate } from '../calendar/localDate.js';
import { evolveWith, type Decider } from '../kernel/decider.js';
import { reject, requireDate, requireText } from '../progress/commandChecks.js';
import { LIMITS } from '../progress/limits.js';
import type { WelfareCommand } from './commands.js';
import type { WelfareEvent } from './events.js';
import { welfareCommandSchema } from './commandSchema.js';

/** One trainee's welfare concerns: when each was noted and whether it is closed. The notes stay in the events. */
export interface WelfareState {
  readonly traineeId?: string;
  readonly concerns: ReadonlyMap<string, { readonly notedOn: LocalDate; readonly closed: boolean }>;
}

export const initialWelfareState: WelfareState = { concerns: new Map() };

const P = 'welfare';

export const welfareDecider: Decider<WelfareCommand, WelfareEvent, WelfareState> = {
  initialState: initialWelfareState,
  commandSchema: welfareCommandSchema,
  decide: (command, state) =>
    match(command)
      .with({ type: 'RecordWelfareConcern' }, (c): WelfareEvent[] => {
        if (state.traineeId !== undefined && state.traineeId !== c.traineeId) reject(`${P}.wrong-trainee`, `these notes are trainee ${state.traineeId}'s`, 'traineeId');
        if (state.concerns.has(c.concernId)) reject(`${P}.concern-exists`, `concern ${c.concernId} is already recorded`, 'concernId');
        requireDate(c.notedOn, 'notedOn', P);
        requireText(c.note, 'note', P, LIMITS.note);
        if (c.supportOffered !== undefined) requireText(c.supportOffered, 'supportOffered', P, LIMITS.note);
        const { type: _type, ...data } = c;
        return [{ type: 'WelfareConcernRecorded', data }];
      })
      .with({ type: 'CloseWelfareConcern' }, (c): WelfareEvent[] => {
        const concern = state.concerns.get(c.concernId);
        if (concern === undefined || state.traineeId === undefined) return reject(`${P}.unknown-concern`, `no concern ${c.concernId} here`, 'concernId');
        if (concern.closed) return [];
        requireDate(c.closedOn, 'closedOn', P);
        if (c.closedOn < concern.notedOn) reject(`${P}.closed-before-noted`, `the concern was noted on ${concern.notedOn}`, 'closedOn');
        if (c.note !== undefined) requireText(c.note, 'note', P, LIMITS.note);
        const { type: _type, ...data } = c;
        return [{ type: 'WelfareConcernClosed', data: { ...data, traineeId: state.traineeId } }];
      })
      .exhaustive(),
  evolve: evolveWith<WelfareEvent, WelfareState>({
    WelfareConcernRecorded: (state, { data }) => ({ traineeId: data.traineeId, concerns: new Map(state.concerns).set(data.concernId, { notedOn: data.notedOn, closed: false }) }),
    WelfareConcernClosed: (state, { data }) => {
      const concern = state.concerns.get(data.concernId);
      return concern === undefined ? state : { ...state, concerns: new Map(state.concerns).set(data.concernId, { ...concern, closed: true }) };
    },
  }),
};
