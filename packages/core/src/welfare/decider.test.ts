import { describe, expect, it } from 'vitest';
import { CommandRejectedError } from '../kernel/errors.js';
import { deciderSpec } from '../testing/givenWhenThen.js';
import type { WelfareCommand } from './commands.js';
import { welfareDecider } from './decider.js';
import { welfareRegistry, type WelfareEvent } from './events.js';

const spec = deciderSpec(welfareDecider);
const record = { type: 'RecordWelfareConcern', concernId: 'c-1', traineeId: 't-1', notedOn: '2024-11-21', notedBy: 'lm-1', note: 'Caring for a relative; tired' } as const;
const recorded: WelfareEvent = { type: 'WelfareConcernRecorded', data: { concernId: 'c-1', traineeId: 't-1', notedOn: '2024-11-21', notedBy: 'lm-1', note: 'Caring for a relative; tired' } };
const close = { type: 'CloseWelfareConcern', concernId: 'c-1', closedOn: '2024-12-11', closedBy: 'lm-1' } as const;
const closed: WelfareEvent = { type: 'WelfareConcernClosed', data: { concernId: 'c-1', closedOn: '2024-12-11', closedBy: 'lm-1', traineeId: 't-1' } };

const refuses = (events: readonly WelfareEvent[], command: WelfareCommand, reason: string, field: string) => spec.given(events).when(command).thenThrows(CommandRejectedError, { reason, field });

describe('welfare concerns', () => {
  it('marks every note as special category personal data of the trainee', () => {
    const special = { subjectField: 'traineeId', category: 'special' };
    expect(welfareRegistry.personalData('WelfareConcernRecorded')).toEqual([{ path: ['note'], ...special }, { path: ['supportOffered'], ...special }]);
    expect(welfareRegistry.personalData('WelfareConcernClosed')).toEqual([{ path: ['note'], ...special }]);
  });

  it('records a concern and closes it once', () => {
    spec.given().when(record).then([recorded]);
    spec.given().when({ ...record, supportOffered: 'Wellbeing service' }).then([{ type: 'WelfareConcernRecorded', data: { ...recorded.data, supportOffered: 'Wellbeing service' } }]);
    spec.given([recorded]).when(close).then([closed]);
    spec.given([recorded, closed]).when(close).thenNothingHappens();
  });

  it('refuses another trainee’s stream, a used id, bad dates and empty notes', () => {
    refuses([recorded], { ...record, concernId: 'c-2', traineeId: 't-2' }, 'welfare.wrong-trainee', 'traineeId');
    refuses([recorded], record, 'welfare.concern-exists', 'concernId');
    refuses([], { ...record, notedOn: 'today' }, 'welfare.invalid-date', 'notedOn');
    refuses([], { ...record, note: ' ' }, 'welfare.text-required', 'note');
    refuses([], { ...record, supportOffered: '' }, 'welfare.text-required', 'supportOffered');
  });

  it('refuses closing an unknown concern, before it was noted, with a bad date or an empty note', () => {
    refuses([], close, 'welfare.unknown-concern', 'concernId');
    refuses([recorded], { ...close, closedOn: '2024-11-20' }, 'welfare.closed-before-noted', 'closedOn');
    refuses([recorded], { ...close, closedOn: '2024-12-32' }, 'welfare.invalid-date', 'closedOn');
    refuses([recorded], { ...close, note: '' }, 'welfare.text-required', 'note');
  });
});
