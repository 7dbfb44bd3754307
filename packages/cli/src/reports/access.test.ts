import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPORT_AUDIENCES, SPECIAL_CATEGORY_AUDIENCES, type StoredEvent } from '@itt-ledger/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { domainRegistry, domainReports } from '../domain.js';
import { EXIT } from '../io.js';
import type { ReportCommand } from '../report.js';
import { exportedScenarios, itt } from './reports.fixtures.js';

/** Every string at `path` in `data` (`*` for each element of an array). */
const valuesAt = (data: unknown, path: readonly string[]): string[] => {
  if (path.length === 0) return typeof data === 'string' ? [data] : [];
  if (data === null || typeof data !== 'object') return [];
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '*') return Array.isArray(data) ? data.flatMap((item) => valuesAt(item, rest)) : [];
  return valuesAt((data as Record<string, unknown>)[head], rest);
};

/** Every string anywhere in `data`. */
const allStrings = (data: unknown): string[] =>
  typeof data === 'string' ? [data] : data !== null && typeof data === 'object' ? Object.values(data).flatMap(allStrings) : [];

interface PersonalValue {
  readonly field: string;
  readonly special: boolean;
  readonly value: string;
}

/** Each personal value of the log with its field; a value that also stands in some event outside personal data is left out (showing it reveals nothing). */
const personalValues = (events: readonly StoredEvent[]): PersonalValue[] => {
  const found: PersonalValue[] = [];
  const personal = new Set<string>();
  for (const event of events) {
    for (const field of domainRegistry.personalData(event.type)) {
      for (const value of valuesAt(event.data, field.path)) {
        personal.add(value);
        found.push({ field: `${event.type}.${field.path.join('.')}`, special: field.category === 'special', value });
      }
    }
  }
  const elsewhere = new Set<string>();
  for (const event of events) {
    for (const value of allStrings(event.data)) if (!personal.has(value)) elsewhere.add(value);
  }
  // Short values (a first name, "ok") would match by chance: the scenarios' personal texts are longer.
  return found.filter((p) => p.value.length >= 8 && !elsewhere.has(p.value));
};

const FORMATS = [[], ['--json'], ['--csv'], ['--html', 'out.html']] as const;
const SAMPLES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  replay: [
    ['--trainee', 'trainee-ada'],
    ['--trainee', 'trainee-ada', '--include-welfare'],
    ['--trainee', 'trainee-dan'],
    ['--mentor', 'mentor-amara'],
    ['--mentor', 'mentor-tom'],
  ],
  entitlement: [['--school', 'school-oak', '--as-of', '2024-11-30']],
  irps: [['--provider', 'provider-northants', '--as-of', '2024-11-30']],
  mentors: [['--provider', 'provider-northants', '--as-of', '2024-11-30']],
  funding: [
    ['--provider', 'provider-northants', '--academic-year', '2024/25'],
    ['--school', 'school-oakfield', '--academic-year', '2024/25'],
  ],
  'school-summary': [['--school', 'school-oak', '--as-of', '2024-12-13']],
};

let dir: string;
let values: PersonalValue[];
beforeAll(async () => {
  const exported = await exportedScenarios();
  dir = exported.dir;
  values = personalValues(exported.events);
});

const render = async (report: ReportCommand, argv: readonly string[]) => {
  const outputs: string[] = [];
  for (const format of FORMATS) {
    const result = await itt(dir, [report.name, ...argv, '--file', 'scenarios.jsonl', ...format]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(EXIT.ok);
    outputs.push(format[0] === '--html' ? await readFile(join(dir, 'out.html'), 'utf8') : result.stdout);
  }
  return outputs;
};

describe('each report shows only the personal data its access declares', () => {
  it('every report declares its audience, and the personal fields it names exist', () => {
    const known = new Set(domainRegistry.types.flatMap((type) => domainRegistry.personalData(type).map((f) => `${type}.${f.path.join('.')}`)));
    for (const report of domainReports) {
      expect(report.access.audience.length, report.name).toBeGreaterThan(0);
      for (const who of report.access.audience) expect(REPORT_AUDIENCES).toContain(who);
      for (const field of report.access.personalFields) expect(known, `${report.name}: ${field}`).toContain(field);
      expect(SAMPLES[report.name], `a sample for ${report.name}`).toBeDefined();
    }
  });

  it('the scenarios hold personal data of every kind the search needs', () => {
    expect(values.some((p) => p.special)).toBe(true);
    const fields = new Set(values.map((p) => p.field));
    for (const field of ['TraineeRegistered.name', 'MentorRegistered.name', 'JointObservationRecorded.feedbackForMentor', 'MentorDevelopmentReflectionRecorded.reflection']) {
      expect(fields).toContain(field);
    }
  });

  it.each(domainReports.map((report) => [report.name, report] as const))('%s: in every format', async (_name, report) => {
    for (const argv of SAMPLES[report.name] ?? []) {
      const specialAsked = report.access.specialCategoryOption !== undefined && argv.includes(`--${report.access.specialCategoryOption}`);
      const allowed = new Set(report.access.personalFields);
      const forbidden = values.filter((p) => (p.special ? !specialAsked : !allowed.has(p.field)));
      for (const output of await render(report, argv)) {
        const leaked = forbidden.filter((p) => output.includes(p.value)).map((p) => `${p.field}: ${p.value}`);
        expect(leaked, `${report.name} ${argv.join(' ')}`).toStrictEqual([]);
      }
    }
  });

  it('special category data is asked for only by a report whose whole audience may read it, or by an option the auditor must give', () => {
    for (const report of domainReports) {
      if (report.access.specialCategoryOption === undefined) continue;
      expect(report.options?.[report.access.specialCategoryOption], report.name).toBeDefined();
    }
    expect(SPECIAL_CATEGORY_AUDIENCES).toStrictEqual(['welfare_lead']);
  });
});
