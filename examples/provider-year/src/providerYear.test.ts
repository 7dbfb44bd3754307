import { createEventRegistry, createProjectionRunner, localDateOf, placementsDomainDefinitions, runProjection, manualClock } from '@itt-ledger/core';
import { createInMemoryEventStore } from '@itt-ledger/store-memory';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_YEAR, TRAINEE_KEYS } from './cast.js';
import type { YearEvent } from './directory.js';
import { PROVIDER_YEAR_ACTOR, runProviderYear, type ProviderYearResult } from './providerYear.js';
import { formatProviderYear } from './report.js';
import { openProviderYearStore } from './stores.js';

const run = async () => {
  const { store, clock } = openProviderYearStore();
  const result = await runProviderYear({ store, clock });
  const events = await store.readAll();
  return { store, result, events, report: formatProviderYear(events, { refusals: result.refusals }) };
};
/** Bigints as JSON: the envelope's revision and position. */
const json = (value: unknown) => JSON.stringify(value, (_key, field: unknown) => (typeof field === 'bigint' ? `${field}n` : field));

let first: { readonly result: ProviderYearResult; readonly events: readonly YearEvent[]; readonly report: string };
beforeAll(async () => {
  first = await run();
});

describe('the provider year', () => {
  it('gives each trainee a weekly entitlement table', () => {
    for (const key of TRAINEE_KEYS) {
      const { traineeId, name } = PROVIDER_YEAR.trainees[key];
      expect(first.report).toMatch(new RegExp(`${name} \\(${traineeId}\\), (full|part) time[^\\n]*\\n  week of +status +entitled +received +shortfall`));
    }
    expect(first.report).toContain('Ben Carter (trainee-ben), part time (0.6 FTE): 54 min a week');
  });

  it('flags the trainee short two weeks in a row, and shows her behind in the week in view', () => {
    const cat = first.report.slice(first.report.indexOf('Cat Nowak (trainee-cat)'), first.report.indexOf('Dan Mensah (trainee-dan)'));
    expect(cat).toMatch(/2024-11-18 +complete +90 +45 +45 +2 +ACTION: 2 short in a row \(mentoring\.shortWeeksInARowForAction = 2\)/);
    expect(first.report.match(/ACTION:/g)).toHaveLength(1);
    expect(first.report).toMatch(/school-riverside +2 +1 +1 +trainee-cat/);
  });

  it('shows the recovery plan opened from a review point, reviewed and closed as succeeded', () => {
    expect(first.report).toContain('review point development (due 2024-11-22): held, not on track (concerns: behaviour management, clarity of explanations); lead mentor joined');
    expect(first.report).toContain('2024-11-25  IRP irp-dan-1 opened with itt-lead-jo (owner mentor-natalie)');
    expect(first.report).toContain('reviewed on 2024-12-09 by mentor-natalie');
    expect(first.report).toContain('closed on 2024-12-10: succeeded');
    expect(first.report).toMatch(/Riverside Academy: opened 1, open 0, succeeded 1/);
  });

  it('funds the compliant mentor in full and the part-way mentor pro rata', () => {
    expect(first.report).toMatch(/Amara Okafor +2024\/25 .* 20 h +0 h +20 h \(provider\) +compliant/);
    expect(first.report).toMatch(/Tom Hughes +2024\/25 .* 10\.08 h +4 h +20 h \(provider\) +5\.92 h short/);
    expect(first.report).toMatch(/claim-oakfield-2024-25 +school-oakfield +mentor-amara +20 +£43\.80 +£876\.00 +paid/);
    expect(first.report).toMatch(/claim-oakfield-2024-25 +school-oakfield +mentor-tom +10 +£43\.80 +£438\.00 +paid/);
    expect(first.report).toContain('paid £1,314.00');
  });

  it('shows the late entry with both clocks, the correction and the withdrawal', () => {
    expect(first.report).toContain('week of 2024-09-30, as known on 2024-10-08: received 0 of 90 min, short 90; as known now: received 90, short 0');
    expect(first.report).toContain('fin-2024-09-26 (Fin Walsh): corrected from 45 to 90 min on 2024-09-27');
    expect(first.report).toContain('fin-2024-10-10-copy (Fin Walsh): withdrawn on 2024-10-11');
  });

  it('is refused where the rules say, and writes nothing for it', () => {
    expect(first.result.refusals.map((line) => line.split(': ').at(-1))).toEqual([
      'record.minutes-out-of-range (minutes)',
      'irp.already-open (irpId)',
      'irp.unreviewed-target (targets)',
      'placement.ended (placementId)',
      'mentor.not-registered (mentorId)',
      'claim.hours-over-training (hours)',
    ]);
    expect(first.events.some((event) => event.streamId === 'placement-placement-ada-oakfield' && 'recordId' in event.data && event.data.recordId === 'ada-2024-12-16')).toBe(false);
  });

  it('records every step at its own instant: recordedAt never goes back, and some records were entered late', () => {
    const recorded = first.events.map((event) => event.recordedAt);
    expect(recorded).toEqual([...recorded].sort());
    const late = first.events.filter((event) => localDateOf(event.recordedAt) > localDateOf(event.occurredAt));
    expect(late.map((event) => event.type)).toEqual(expect.arrayContaining(['MentorMeetingRecorded', 'LeadMentorQaFormCompleted']));
    expect(first.events.every((event) => event.metadata.actor === PROVIDER_YEAR_ACTOR)).toBe(true);
  });

  it('writes the same events and prints the same bytes on every run', async () => {
    const second = await run();
    expect(second.report).toBe(first.report);
    expect(json(second.events)).toBe(json(first.events));
  });

  it('keeps every read model equal to a rebuild from zero', async () => {
    const { result, events } = first;
    for (const projection of result.projections.all) {
      expect(result.readModels.state(projection), projection.name).toEqual(runProjection(projection, events));
    }
    const { store } = await run();
    const rebuilt = createProjectionRunner({ store, projections: result.projections.all });
    await rebuilt.rebuild();
    for (const projection of result.projections.all) expect(rebuilt.state(projection), projection.name).toEqual(result.readModels.state(projection));
  });

  it('refuses a store that is not empty, or whose registry lacks part of the domain', async () => {
    const { store } = await run();
    const clock = manualClock(PROVIDER_YEAR.clockStart);
    await expect(runProviderYear({ store, clock })).rejects.toMatchObject({ field: 'store' });
    const partial = createInMemoryEventStore({ registry: createEventRegistry(placementsDomainDefinitions), clock });
    await expect(runProviderYear({ store: partial, clock })).rejects.toMatchObject({ field: 'store.registry' });
  });
});
