import { createEventRegistry, createProjectionRunner, manualClock, seededIds, trainingCompliance, trainingComplianceProjection, withInlineProjections } from '@itt-ledger/core';
import { MENTOR_YEAR, formatMentorYear, mentorYearEventDefinitions, mentorYearProjections, runMentorYear } from '@itt-ledger/core/testing';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

const run = async () => {
  const clock = manualClock('2024-09-01T00:00:00.000Z');
  const store = createInMemoryEventStore({ registry: createEventRegistry(mentorYearEventDefinitions), clock, ids: seededIds(11) });
  const runner = createProjectionRunner({ store, projections: mentorYearProjections });
  const result = await runMentorYear({ store: withInlineProjections(store, runner), clock });
  return { store, runner, result, text: formatMentorYear((projection) => runner.state(projection)) };
};

describe('a mentor year, end to end on the in-memory store', () => {
  it('prints the same reports, byte for byte, on every run', async () => {
    const [first, second] = await Promise.all([run(), run()]);
    expect(second.text).toBe(first.text);
    expect(second.text).toContain('Mentor training compliance: provider-northants, 2024/25');
  });

  it('shows one mentor compliant with 20 hours across the modes and one part-way with 10, prior learning apart', async () => {
    const { runner, result } = await run();
    const rows = trainingCompliance(runner.state(trainingComplianceProjection), { today: MENTOR_YEAR.today, academicYear: '2024/25' });
    const of = (mentorId: string) => rows.find((row) => row.mentorId === mentorId);
    expect(of(MENTOR_YEAR.fullMentorId)).toMatchObject({
      trainedMinutes: 1200,
      minutesByMode: { full_day_conference: 720, asynchronous_self_paced: 240, synchronous_online_twilight: 120, placement_specific_support: 120 },
      requiredMinutes: { minutes: 1200, basis: 'provider' },
      status: 'compliant',
      placementsMentored: 1,
    });
    expect(of(MENTOR_YEAR.partMentorId)).toMatchObject({ trainedMinutes: 600, priorLearningMinutes: 240, remainingMinutes: 360, status: 'overdue', sessionCount: 4 });
    expect(of(MENTOR_YEAR.partMentorId)?.dfeMinimum).toMatchObject({ minutes: null, previously: { minutes: 1200, until: '2024-11-12' } });
    expect(result.refusals).toEqual(['2025-02-10 mentor.not-registered (mentorId)', '2025-02-10 COMMAND_INVALID (minutes)', '2025-06-21 mdr.completed (-)']);
  });

  it('prints compliance honestly, the portfolio and the lead mentor caseload', async () => {
    const { text } = await run();
    expect(text).toContain('no DfE minimum since 2024-11-13 ("removed with immediate effect on 13 Nov 2024"); it was 20 h until 2024-11-12');
    expect(text).toContain("provider's own requirement 20 h from 2024-11-13");
    expect(text).toContain('prior learning ecf_mentor_training 4 h recognised by tutor-jo on 2024-09-20 (reduces the requirement; not training, not funded)');
    expect(text).toContain('priority area: Professional Knowledge');
    expect(text).toContain('reflection with mentor-natalie on 2025-06-16');
    expect(text).toMatch(/Professional Knowledge\s+1\.5\s+2\.5\s+3\.0/);
    expect(text).toContain('Overdue check-ins:');
    expect(text).toContain('mentor Ben Okoro at school-horton: due 2024-10-08');
  });

  it('rebuilds from zero to the same read models it kept inline', async () => {
    const { store, runner } = await run();
    const rebuilt = createProjectionRunner({ store, projections: mentorYearProjections });
    await rebuilt.rebuild();
    for (const projection of mentorYearProjections) expect(isDeepStrictEqual(rebuilt.state(projection), runner.state(projection))).toBe(true);
  });
});
