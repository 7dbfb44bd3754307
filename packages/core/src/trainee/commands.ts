import type { AcademicYear } from '../calendar/academicYear.js';
import type { Route } from './events.js';

export interface RegisterTrainee {
  readonly type: 'RegisterTrainee';
  readonly traineeId: string;
  readonly providerId: string;
  readonly name: string;
  readonly academicYear: AcademicYear;
  readonly route: Route;
}

export type TraineeCommand = RegisterTrainee;
