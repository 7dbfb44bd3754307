import { describe, expect, it } from 'vitest';
import { CommandRejectedError } from '../kernel/errors.js';
import { deciderSpec } from '../testing/givenWhenThen.js';
import type { RegisterTrainee } from './commands.js';
import { traineeDecider } from './decider.js';
import { traineeRegistry, type TraineeEvent } from './events.js';

const spec = deciderSpec(traineeDecider);
const route = { phase: 'secondary', mode: 'part_time', fte: 0.6, programme: 'postgraduate' } as const;
const register: RegisterTrainee = { type: 'RegisterTrainee', traineeId: 't1', providerId: 'prov', name: 'Ada Lovelace', academicYear: '2024/25', route };
const registered: TraineeEvent = { type: 'TraineeRegistered', data: { traineeId: 't1', providerId: 'prov', name: 'Ada Lovelace', academicYear: '2024/25', route } };

describe('trainee decider', () => {
  it('registers a trainee once, keeping the route and not the name in its state', () => {
    const state = spec.given().when(register).then([registered]);
    expect(state).toEqual({ traineeId: 't1', providerId: 'prov', academicYear: '2024/25', route });
    spec.given([registered]).when(register).thenThrows(CommandRejectedError, { reason: 'trainee.already-registered', field: 'traineeId' });
  });

  it('refuses an impossible route, naming the field', () => {
    const given = spec.given();
    given.when({ ...register, route: { ...route, fte: 0 } }).thenThrows(CommandRejectedError, { reason: 'trainee.invalid', field: 'route.fte' });
    given.when({ ...register, route: { ...route, fte: 1.2 } }).thenThrows(CommandRejectedError, { reason: 'trainee.invalid', field: 'route.fte' });
    given.when({ ...register, route: { ...route, mode: 'full_time', fte: 0.5 } }).thenThrows(CommandRejectedError, { reason: 'trainee.invalid', field: 'route.fte' });
    given.when({ ...register, traineeId: '' }).thenThrows(CommandRejectedError, { reason: 'trainee.invalid', field: 'traineeId' });
  });

  it('marks the name as the trainee’s personal data', () => {
    expect(traineeRegistry.personalData('TraineeRegistered')).toEqual([{ path: ['name'], subjectField: 'traineeId', category: 'ordinary' }]);
  });
});
