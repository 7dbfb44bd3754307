import { definePartitionedProjection } from '../kernel/projection.js';
import type { SchoolPhase } from '../school/events.js';
import type { ProgressEventOf } from './events.js';

export interface SchoolFacts {
  readonly schoolId: string;
  readonly providerId: string;
  readonly name: string;
  readonly phase: SchoolPhase;
}

/** Schools' names and phases, for the reports that group by school or phase. */
export const progressSchools = definePartitionedProjection<ProgressEventOf<'SchoolRegistered'>, SchoolFacts | undefined>({
  name: 'progress-schools',
  partitionBy: (event) => event.data.schoolId,
  initialState: () => undefined,
  handlers: {
    SchoolRegistered: (_state, { data }) => ({ schoolId: data.schoolId, providerId: data.providerId, name: data.name, phase: data.phase }),
  },
});

export type SchoolDirectory = ReadonlyMap<string, SchoolFacts | undefined>;
