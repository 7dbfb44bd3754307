import { describe, it } from 'vitest';
import { CommandRejectedError } from '../kernel/errors.js';
import { deciderSpec } from '../testing/givenWhenThen.js';
import { providerTrainingRequirementDecider, type SetProviderTrainingRequirement } from './requirementDecider.js';
import type { ProviderTrainingRequirementEvent } from './requirementEvents.js';

const spec = deciderSpec(providerTrainingRequirementDecider);
const set: SetProviderTrainingRequirement = {
  type: 'SetProviderTrainingRequirement',
  providerId: 'p1',
  academicYear: '2024/25',
  initialMinutes: 12 * 60,
  refresherMinutes: 3 * 60,
  effectiveFrom: '2024-11-13',
  completeBy: '2025-03-31',
};
const { type: _type, ...data } = set;
const setEvent: ProviderTrainingRequirementEvent = { type: 'ProviderTrainingRequirementSet', data };

describe('provider training requirement decider', () => {
  it('sets a requirement, and a later one supersedes it', () => {
    spec.given().when(set).then([setEvent]);
    const later = { ...set, initialMinutes: 16 * 60, effectiveFrom: '2025-01-06' };
    const { type: _t, ...laterData } = later;
    spec.given([setEvent]).when(later).then([{ type: 'ProviderTrainingRequirementSet', data: laterData }]);
    spec.given([setEvent]).when(set).thenNothingHappens();
  });

  it('refuses another provider, an earlier start than the last, a deadline before the start and bad minutes', () => {
    spec.given([setEvent]).when({ ...set, providerId: 'p2' }).thenThrows(CommandRejectedError, { reason: 'requirement.wrong-provider', field: 'providerId' });
    spec.given([setEvent]).when({ ...set, effectiveFrom: '2024-10-01' }).thenThrows(CommandRejectedError, { reason: 'requirement.out-of-order', field: 'effectiveFrom' });
    spec.given().when({ ...set, completeBy: '2024-11-01' }).thenThrows(CommandRejectedError, { reason: 'requirement.complete-by-before-start', field: 'completeBy' });
    spec.given().when({ ...set, initialMinutes: -1 }).thenThrows(CommandRejectedError, { reason: 'requirement.invalid', field: 'initialMinutes' });
    spec.given().when({ ...set, academicYear: '2024/26' }).thenThrows(CommandRejectedError, { reason: 'requirement.invalid', field: 'academicYear' });
  });
});
