import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isAcademicYear, isLocalDate } from '@itt-ledger/core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../io.js';
import { tempDir } from '../testing.fixtures.js';
import { itt } from './reports.fixtures.js';

// Each report with the options it needs to run at all.
const REPORTS: readonly (readonly string[])[] = [
  ['replay', '--trainee', 't'],
  ['replay', '--mentor', 'm'],
  ['entitlement'],
  ['irps', '--provider', 'p'],
  ['mentors'],
  ['funding', '--provider', 'p'],
  ['school-summary', '--school', 's'],
];

let dir: string;
beforeAll(async () => {
  // An export with no events: the reports still run, and answer that nothing is known.
  dir = await tempDir();
  await writeFile(join(dir, 'empty.jsonl'), '{"format":"itt-ledger/events","version":1,"exportedAt":"2025-01-15T12:00:00.000Z"}\n{"format":"itt-ledger/events","end":true,"events":0}\n');
});

const notA = (valid: (value: string) => boolean) => fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !valid(s) && !s.startsWith('-'));

describe('report options are checked before anything is read', () => {
  it('a --today that is not a date is one line and exit 2, for every report; a real date runs or names the missing rules', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...REPORTS), notA(isLocalDate), fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), async (report, bad, good) => {
        const refused = await itt(dir, [...report, '--file', 'empty.jsonl', '--today', bad]);
        expect(refused.code).toBe(EXIT.usage);
        expect(refused.stdout).toBe('');
        expect(refused.stderr).toMatch(/^itt-ledger: --today: expected a date as YYYY-MM-DD, got '[^\n]*'\n$/);
        // A real date runs, or names the rule set missing for its year (the rules start in 2024/25).
        const ran = await itt(dir, [...report, '--file', 'empty.jsonl', '--today', good.toISOString().slice(0, 10)]);
        if (ran.code !== EXIT.ok) expect(ran).toEqual({ code: EXIT.usage, stdout: '', stderr: expect.stringMatching(/^itt-ledger: academicYear: no rule set for \d{4}\/\d{2}; known years: [^\n]+\n$/) });
      }),
      { numRuns: 300, seed: 20240902 },
    );
  });

  it('an --academic-year that is not one is refused by the reports that take it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(['mentors'], ['funding', '--provider', 'p'], ['school-summary', '--school', 's']), notA(isAcademicYear), async (report, bad) => {
        const refused = await itt(dir, [...report, '--file', 'empty.jsonl', '--academic-year', bad]);
        expect(refused.code).toBe(EXIT.usage);
        expect(refused.stdout).toBe('');
        expect(refused.stderr).toMatch(/^itt-ledger: --academic-year: expected an academic year such as 2024\/25, got '[^\n]*'\n$/);
      }),
      { numRuns: 300, seed: 20240902 },
    );
  });
});
