import { match } from 'ts-pattern';
import type { AcademicYear } from '../calendar/academicYear.js';
import { evolveWith, type Decider, type EventHandlers } from '../kernel/decider.js';
import { parseInput, refuse } from '../school/commandInput.js';
import type { TraineeCommand } from './commands.js';
import { traineeRegisteredSchema, type Route, type TraineeEvent } from './events.js';
import { traineeCommandSchema } from './commandSchema.js';

/** What other aggregates need of a trainee; the name stays in the events (personal data). */
export interface TraineeState {
  readonly traineeId?: string;
  readonly providerId?: string;
  readonly academicYear?: AcademicYear;
  readonly route?: Route;
}

export const initialTraineeState: TraineeState = {};

export const traineeHandlers: EventHandlers<TraineeEvent, TraineeState> = {
  TraineeRegistered: (_state, { data }) => ({
    traineeId: data.traineeId,
    providerId: data.providerId,
    academicYear: data.academicYear,
    route: data.route,
  }),
};

export const traineeDecider: Decider<TraineeCommand, TraineeEvent, TraineeState> = {
  initialState: initialTraineeState,
  commandSchema: traineeCommandSchema,
  decide: (command, state) =>
    match(command)
      .with({ type: 'RegisterTrainee' }, ({ type: _, ...input }): TraineeEvent[] => {
        const data = parseInput(traineeRegisteredSchema, input, 'trainee.invalid');
        if (state.traineeId !== undefined) refuse('trainee.already-registered', 'traineeId', `trainee ${state.traineeId} is already registered`);
        return [{ type: 'TraineeRegistered', data }];
      })
      .exhaustive(),
  evolve: evolveWith(traineeHandlers),
};
