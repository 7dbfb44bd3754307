import {
  createCommandHandler,
  createRuleBook,
  createRuleCorrectionDecider,
  manualClock,
  ruleCorrectionsStreamId,
  seededIds,
  standardRuleSets,
  type RuleSet,
} from '@itt-ledger/core';
import { FUNDING_YEAR, runFundingYear } from '@itt-ledger/core/testing';
import { createInMemoryEventStore } from '@itt-ledger/store-memory';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCli } from '../cli.js';
import { createDomainReports, domainRegistry } from '../domain.js';
import { EXIT } from '../io.js';
import { connectTo, memoryIo, tempDir } from '../testing.fixtures.js';
import { itt, ittJson } from './reports.fixtures.js';

// The DfE's claim service keyed the rest-of-England rate as £43.18 instead of £43.80 (docs/domain/funding.md).
const misKeyed = createRuleBook(
  standardRuleSets.map((ruleSet): RuleSet => {
    if (ruleSet.academicYear !== '2024/25') return ruleSet;
    const rates = ruleSet.funding.hourlyRatePence;
    return { ...ruleSet, funding: { ...ruleSet.funding, hourlyRatePence: { ...rates, rest_of_england: { ...rates.rest_of_england, value: 4318 } } } };
  }),
);
const reports = createDomainReports({ ruleBook: misKeyed });

let dir: string;
beforeAll(async () => {
  const clock = manualClock('2024-07-01T08:00:00.000Z');
  const store = createInMemoryEventStore({ registry: domainRegistry, clock, ids: seededIds(7) });
  await runFundingYear({ store, clock, ruleBook: misKeyed });
  clock.set('2025-10-01T09:00:00.000Z');
  const correct = createCommandHandler({ store, decider: createRuleCorrectionDecider(misKeyed), clock });
  await correct(ruleCorrectionsStreamId('2024/25'), {
    type: 'CorrectRuleValue',
    academicYear: '2024/25',
    path: 'funding.hourlyRatePence.rest_of_england',
    value: 4380,
    reason: 'keyed as £43.18; the grant conditions say £43.80',
    source: 'DfE grant conditions §5',
  });
  dir = await tempDir();
  const { io } = memoryIo(dir);
  expect(await createCli({ registry: domainRegistry, reports, connect: connectTo(store) }).run(['export', '--esdb', 'esdb://funding', '--to', 'funding.jsonl'], io)).toBe(EXIT.ok);
});

const funding = (...args: string[]) => ittJson(dir, ['funding', '--provider', FUNDING_YEAR.providerId, '--academic-year', '2024/25', '--file', 'funding.jsonl', ...args], reports);
const rows = (r: Awaited<ReturnType<typeof funding>>, name: string) => r.tables!.find((t) => t.name === name)!.rows;

describe('funding: the £43.18 lesson, replayed from the export', () => {
  it('before the correction was recorded: everything at £43.18, paid in full', async () => {
    const before = await funding('--known-at', '2025-09-30');
    expect(rows(before, 'lines').map((line) => [line.mentor, line.rate, line.amount])).toEqual([
      ['mentor-amara', '£43.18', '£863.60'],
      ['mentor-tom', '£43.18', '£431.80'],
    ]);
    expect(before.summary).toEqual({ claims: 1, lines: 2, hours: 30, 'amount now': '£1,295.40', paid: '£1,295.40', 'clawed back': '£0.00' });
  });

  it('after: re-derived at £43.80, the payment kept at the rate it was made, each change with its reason and source', async () => {
    const after = await funding();
    expect(rows(after, 'claims')).toEqual([expect.objectContaining({ due: '£1,314.00', paid: '£1,295.40', paidRate: '£43.18/h' })]);
    expect(rows(after, 'rates')).toEqual([
      { claim: FUNDING_YEAR.claimId, rate: '£43.80', source: 'DfE grant conditions §5', rule: 'hourly rate, rest of England', corrected: 'keyed as £43.18; the grant conditions say £43.80' },
    ]);
    expect(rows(after, 'history').map((h) => [h.mentor, h.recorded, h.amount, h.change ?? null, h.reason])).toEqual([
      ['mentor-amara', '2025-06-02', '£863.60', null, 'claimed'],
      ['mentor-amara', '2025-10-01', '£876.00', '+£12.40', 'keyed as £43.18; the grant conditions say £43.80'],
      ['mentor-tom', '2025-06-02', '£431.80', null, 'claimed'],
      ['mentor-tom', '2025-10-01', '£438.00', '+£6.20', 'keyed as £43.18; the grant conditions say £43.80'],
    ]);
    expect(after.summary).toMatchObject({ 'amount now': '£1,314.00', paid: '£1,295.40' });
  });

  it("a mentor's replay shows the re-derived amount beside the amount first claimed", async () => {
    const amara = await ittJson(dir, ['replay', '--mentor', FUNDING_YEAR.fullMentorId, '--file', 'funding.jsonl'], reports);
    expect(amara.timeline!.find((entry) => entry.kind === 'claim line')).toMatchObject({
      text: `${FUNDING_YEAR.claimId} (${FUNDING_YEAR.schoolId}, 2024/25): 20 h × £43.18 = £863.60 (claimed)`,
      correction: '20 h × £43.80 = £876.00 (+£12.40) on 2025-10-01: keyed as £43.18; the grant conditions say £43.80 [DfE grant conditions §5]',
    });
  });

  it("--school gives the school's claims; one of --provider or --school is needed", async () => {
    const school = await ittJson(dir, ['funding', '--school', FUNDING_YEAR.schoolId, '--academic-year', '2024/25', '--file', 'funding.jsonl'], reports);
    expect(school.title).toBe(`Funding claims register: ${FUNDING_YEAR.schoolId}, 2024/25`);
    expect(rows(school, 'lines')).toHaveLength(2);
    expect(await itt(dir, ['funding', '--file', 'funding.jsonl'], reports)).toEqual({
      code: EXIT.usage,
      stdout: '',
      stderr: "itt-ledger: funding needs one of --provider ID (its register) or --school ID (the school's claims)\n",
    });
  });
});
