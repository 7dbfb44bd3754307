import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIttLedgerRegistry, endOfDay, eventsAsOf, localDateOf, type StoredEvent } from '@itt-ledger/core';
import { PROVIDER_YEAR } from '@itt-ledger/example-provider-year';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditorReplay, planReplay } from './auditorReplay.js';
import { readExport, writeProviderYearExport } from './exportFile.js';
import { enteredLate } from './subjects.js';
import { mentorView, traineeView } from './views.js';

const dirs: string[] = [];
const exported = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'auditor-replay-test-'));
  dirs.push(dir);
  return writeProviderYearExport(dir);
};

let path: string;
let events: readonly StoredEvent[];
beforeAll(async () => {
  path = await exported();
  events = await readExport(path, createIttLedgerRegistry());
});
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

// A mentoring record entered on a later day than it was held: the case the two clocks disagree about.
const lateRecord = () => {
  const late = events.find((event) => event.type === 'MentorMeetingRecorded' && enteredLate(event));
  if (late === undefined) throw new Error('the export has no meeting entered late');
  const data = late.data as { readonly recordId: string; readonly traineeId: string; readonly mentorId: string; readonly minutes: number };
  return { late, day: localDateOf(late.occurredAt), data };
};

describe('auditor replay', () => {
  it('prints the same bytes from the same export, and the export is the same bytes on every run', async () => {
    const again = await exported();
    expect(await readFile(again, 'utf8')).toBe(await readFile(path, 'utf8'));
    const first = auditorReplay(events, { source: 'provider-year.jsonl' });
    const second = auditorReplay(await readExport(again, createIttLedgerRegistry()), { source: 'provider-year.jsonl' });
    expect(second).toBe(first);
  });

  it('on the day a late record was held, the known-at view lacks it and the happened-by view has it', () => {
    const { late, day, data } = lateRecord();
    expect(eventsAsOf(events, { recordedAt: endOfDay(day) }).map((event) => event.eventId)).not.toContain(late.eventId);
    expect(eventsAsOf(events, { occurredAt: endOfDay(day) }).map((event) => event.eventId)).toContain(late.eventId);

    // Through the domain's reads: the meeting counts for its week as happened, not as known.
    const received = (view: readonly (readonly [string, string])[]) => view.find(([aspect]) => aspect === 'this week')![1];
    expect(received(traineeView(events, data.traineeId, { occurredAt: endOfDay(day) }, day))).toMatch(new RegExp(`^${data.minutes} of `));
    expect(received(traineeView(events, data.traineeId, { recordedAt: endOfDay(day) }, day))).toMatch(/^0 of /);
    const trainees = (view: readonly (readonly [string, string])[]) => view.find(([aspect]) => aspect === 'trainees this week')![1];
    expect(trainees(mentorView(events, data.mentorId, { recordedAt: endOfDay(day) }, day))).toContain(data.traineeId);
    expect(trainees(mentorView(events, data.mentorId, { occurredAt: endOfDay(day) }, day))).not.toContain(data.traineeId);
  });

  it('chooses by default the trainee with the plan, the mentor of the late record, and the days that show them', () => {
    const { day, data } = lateRecord();
    const plan = planReplay(events);
    const opened = events.find((event) => event.type === 'IndividualRecoveryPlanOpened')!;
    expect(plan.traineeId).toBe((opened.data as { traineeId: string }).traineeId);
    expect(plan.mentorId).toBe(data.mentorId);
    expect(plan.dates).toContain(day);
    expect(plan.dates).toContain(localDateOf(opened.occurredAt));

    const output = auditorReplay(events, { source: 'provider-year.jsonl' });
    const section = output.slice(output.indexOf(`Mentor ${data.mentorId}`));
    const onDay = section.slice(section.indexOf(`${day}  `));
    expect(onDay).toContain(`happened, not yet known: MentorMeetingRecorded ${data.recordId} (happened ${day}, entered ${localDateOf(lateRecord().late.recordedAt)})`);
    expect(output).toContain('correction: MentoringRecordCorrected');
  });

  it('takes the trainee, mentor and dates it is given, and says what is missing', () => {
    const { traineeId } = PROVIDER_YEAR.trainees.ada;
    const { mentorId } = PROVIDER_YEAR.mentors.amara;
    const output = auditorReplay(events, { source: 'x.jsonl', traineeId, mentorId, dates: ['2024-09-30'] });
    expect(output).toContain(`Trainee ${traineeId}\n`);
    expect(output).toContain(`Mentor ${mentorId}\n`);
    expect(output).toContain('Dates: 2024-09-30.');
    expect(() => planReplay(events.filter((event) => !event.type.startsWith('IndividualRecoveryPlan')))).toThrow(/--trainee/);
  });
});
