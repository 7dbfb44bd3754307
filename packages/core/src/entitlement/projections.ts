import type { AcademicYear } from '../calendar/academicYear.js';
import { eventsAsOf, type AsOf } from '../kernel/asOf.js';
import type { StoredEvent } from '../kernel/envelope.js';
import { definePartitionedProjection, runProjection, type Projection } from '../kernel/projection.js';
import type { PlacementsDomainEvent } from '../placement/domain.js';
import type { PlacementEvent } from '../placement/events.js';
import { initialPlacementState, placementHandlers, type PlacementState } from '../placement/state.js';
import type { TermCalendar } from '../school/calendar.js';
import type { EntitlementRoute } from './weeks.js';

type Of<T extends PlacementsDomainEvent['type']> = Extract<PlacementsDomainEvent, { type: T }>;

/** Every placement as its stream stands: the same evolve as the decider's, partitioned by placement. */
export const placementsProjection = definePartitionedProjection<PlacementEvent, PlacementState>({
  name: 'entitlement.placements',
  partitionBy: (event) => event.data.placementId,
  initialState: () => initialPlacementState,
  handlers: placementHandlers,
});

export interface TraineeEntry {
  readonly route?: EntitlementRoute;
  readonly placementIds: readonly string[];
}

/** Each trainee's route (for pro rata) and placements (for the trainee's weeks). */
export const traineesProjection = definePartitionedProjection<Of<'TraineeRegistered' | 'PlacementArranged'>, TraineeEntry>({
  name: 'entitlement.trainees',
  partitionBy: (event) => event.data.traineeId,
  initialState: () => ({ placementIds: [] }),
  handlers: {
    TraineeRegistered: (entry, { data }) => ({ ...entry, route: { mode: data.route.mode, fte: data.route.fte } }),
    PlacementArranged: (entry, { data }) => ({ ...entry, placementIds: [...entry.placementIds, data.placementId] }),
  },
});

export interface SchoolEntry {
  readonly name?: string;
  /** The calendar in force per academic year: the latest published. */
  readonly calendars: Readonly<Partial<Record<AcademicYear, TermCalendar>>>;
  readonly placementIds: readonly string[];
}

/** Each school's calendars and placements. */
export const schoolsProjection = definePartitionedProjection<Of<'SchoolRegistered' | 'SchoolCalendarPublished' | 'PlacementArranged'>, SchoolEntry>({
  name: 'entitlement.schools',
  partitionBy: (event) => event.data.schoolId,
  initialState: () => ({ calendars: {}, placementIds: [] }),
  handlers: {
    SchoolRegistered: (entry, { data }) => ({ ...entry, name: data.name }),
    SchoolCalendarPublished: (entry, { data }) => ({
      ...entry,
      calendars: { ...entry.calendars, [data.academicYear]: { terms: data.terms, closures: data.closures } },
    }),
    PlacementArranged: (entry, { data }) => ({ ...entry, placementIds: [...entry.placementIds, data.placementId] }),
  },
});

/** The projections the entitlement reads: give them to a projection runner. */
export const entitlementProjections = [placementsProjection, traineesProjection, schoolsProjection] as const;

export interface EntitlementReadModel {
  readonly placements: ReadonlyMap<string, PlacementState>;
  readonly trainees: ReadonlyMap<string, TraineeEntry>;
  readonly schools: ReadonlyMap<string, SchoolEntry>;
}

/** The read model from a projection runner that runs {@link entitlementProjections}. */
export const entitlementReadModel = (runner: { state<S>(projection: Projection<any, S>): S }): EntitlementReadModel => ({
  placements: runner.state(placementsProjection),
  trainees: runner.state(traineesProjection),
  schools: runner.state(schoolsProjection),
});

/** Folds events from zero into the read model; events of other types are skipped. */
export const replayEntitlement = (events: Iterable<StoredEvent>): EntitlementReadModel => {
  const list = [...events] as StoredEvent<any>[];
  return {
    placements: runProjection(placementsProjection, list),
    trainees: runProjection(traineesProjection, list),
    schools: runProjection(schoolsProjection, list),
  };
};

/**
 * The read model as of a revision or instant, by either clock: `{ recordedAt }` is what the system knew
 * then, `{ occurredAt }` what had happened then (as known now). Query it with a `today` of that date.
 */
export const entitlementAsOf = (events: readonly StoredEvent[], asOf: AsOf): EntitlementReadModel => replayEntitlement(eventsAsOf(events, asOf));
