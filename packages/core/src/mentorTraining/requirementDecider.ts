import { match } from 'ts-pattern';
import type { AcademicYear } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import { evolveWith, type Decider } from '../kernel/decider.js';
import { CommandRejectedError } from '../kernel/errors.js';
import { checkedEvent, definedOnly } from '../mentor/checked.js';
import { ProviderTrainingRequirementSet, type ProviderTrainingRequirementEvent } from './requirementEvents.js';
import { providerTrainingRequirementCommandSchema } from './commandSchema.js';

export interface SetProviderTrainingRequirement {
  readonly type: 'SetProviderTrainingRequirement';
  readonly providerId: string;
  readonly academicYear: AcademicYear;
  readonly initialMinutes: number;
  readonly refresherMinutes: number;
  readonly effectiveFrom: LocalDate;
  readonly completeBy?: LocalDate;
  readonly note?: string;
}

export type ProviderTrainingRequirementCommand = SetProviderTrainingRequirement;

export type ProviderTrainingRequirement = ProviderTrainingRequirementEvent['data'];

/** A provider's requirements: the latest per year (earlier ones stay in the stream and in projections). */
export interface ProviderTrainingRequirementState {
  readonly providerId?: string;
  readonly latest: ReadonlyMap<AcademicYear, ProviderTrainingRequirement>;
}

const same = (a: ProviderTrainingRequirement, b: ProviderTrainingRequirement): boolean =>
  a.initialMinutes === b.initialMinutes &&
  a.refresherMinutes === b.refresherMinutes &&
  a.effectiveFrom === b.effectiveFrom &&
  a.completeBy === b.completeBy &&
  a.note === b.note;

export const providerTrainingRequirementDecider: Decider<ProviderTrainingRequirementCommand, ProviderTrainingRequirementEvent, ProviderTrainingRequirementState> = {
  initialState: { latest: new Map() },
  commandSchema: providerTrainingRequirementCommandSchema,
  decide: (command, state) =>
    match(command)
      .with({ type: 'SetProviderTrainingRequirement' }, (c): ProviderTrainingRequirementEvent[] => {
        if (state.providerId !== undefined && state.providerId !== c.providerId) {
          throw new CommandRejectedError('requirement.wrong-provider', `these requirements belong to provider ${state.providerId}`, 'providerId');
        }
        const { type: _type, ...requirement } = c;
        const event = checkedEvent(ProviderTrainingRequirementSet, definedOnly(requirement), 'requirement.invalid');
        if (c.completeBy !== undefined && c.completeBy < c.effectiveFrom) {
          throw new CommandRejectedError('requirement.complete-by-before-start', `completeBy ${c.completeBy} is before ${c.effectiveFrom}`, 'completeBy');
        }
        const latest = state.latest.get(c.academicYear);
        if (latest !== undefined && c.effectiveFrom < latest.effectiveFrom) {
          throw new CommandRejectedError('requirement.out-of-order', `the ${c.academicYear} requirement already changed on ${latest.effectiveFrom}`, 'effectiveFrom');
        }
        if (latest !== undefined && same(latest, requirement)) return [];
        return [event];
      })
      .exhaustive(),
  evolve: evolveWith<ProviderTrainingRequirementEvent, ProviderTrainingRequirementState>({
    ProviderTrainingRequirementSet: (state, { data }) => ({
      providerId: data.providerId,
      latest: new Map(state.latest).set(data.academicYear, data),
    }),
  }),
};
