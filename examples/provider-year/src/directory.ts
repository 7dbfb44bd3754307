import { revealOr, type IttLedgerEvent, type StoredEvent } from '@itt-ledger/core';

/** An event of the provider's year, as a store built with `createIttLedgerRegistry()` gives it back. */
export type YearEvent = StoredEvent<IttLedgerEvent>;

export interface DirectoryTrainee {
  readonly traineeId: string;
  readonly name: string;
  /** `full time` or `part time (0.6 FTE)`. */
  readonly mode: string;
}

/** Who is who, from the registration events (names are personal data: an erased one prints as such). */
export interface Directory {
  readonly trainees: readonly DirectoryTrainee[];
  traineeName(traineeId: string): string;
  schoolName(schoolId: string): string;
}

export const ERASED_NAME = '[erased]';

export const directoryOf = (events: readonly YearEvent[]): Directory => {
  const trainees: DirectoryTrainee[] = [];
  const schools = new Map<string, string>();
  for (const event of events) {
    if (event.type === 'TraineeRegistered') {
      const { traineeId, name, route } = event.data;
      trainees.push({ traineeId, name: revealOr<string, string>(name, ERASED_NAME), mode: route.mode === 'part_time' ? `part time (${route.fte} FTE)` : 'full time' });
    } else if (event.type === 'SchoolRegistered') {
      schools.set(event.data.schoolId, event.data.name);
    }
  }
  const names = new Map(trainees.map((t) => [t.traineeId, t.name]));
  return {
    trainees,
    traineeName: (traineeId) => names.get(traineeId) ?? traineeId,
    schoolName: (schoolId) => schools.get(schoolId) ?? schoolId,
  };
};
