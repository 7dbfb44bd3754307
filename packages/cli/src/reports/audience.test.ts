import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../io.js';
import { WELFARE_NOTE, exportedScenarios, itt } from './reports.fixtures.js';

let dir: string;
beforeAll(async () => {
  ({ dir } = await exportedScenarios());
});

// The note's text, and pieces of it a renderer could split or escape differently.
const NEEDLES = [WELFARE_NOTE, 'sleeping badly', 'caring for a relative', 'wellbeing service'];
const FORMATS = [[], ['--json'], ['--csv'], ['--html', 'out.html']] as const;

/** Every format of a report, as text: the terminal table, JSON, CSV and the HTML page written. */
const rendered = async (argv: readonly string[]) => {
  const outputs: string[] = [];
  for (const format of FORMATS) {
    const result = await itt(dir, [...argv, '--file', 'scenarios.jsonl', ...format]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(EXIT.ok);
    outputs.push(format[0] === '--html' ? await readFile(join(dir, 'out.html'), 'utf8') : result.stdout);
  }
  return outputs;
};

describe('reports carry only what their audience may see', () => {
  it.each([
    ['school-summary', ['school-summary', '--school', 'school-oak', '--as-of', '2024-12-13']],
    ['funding', ['funding', '--provider', 'provider-northants', '--academic-year', '2024/25']],
    ['funding for a school', ['funding', '--school', 'school-oakfield', '--academic-year', '2024/25']],
    ['replay (the auditor)', ['replay', '--trainee', 'trainee-ada']],
    ['replay as of the day the note was written', ['replay', '--trainee', 'trainee-ada', '--as-of', '2024-11-21']],
    ['irps', ['irps', '--provider', 'provider-northants', '--as-of', '2024-11-30']],
    ['entitlement', ['entitlement', '--school', 'school-oak', '--as-of', '2024-11-30']],
    ['mentors', ['mentors', '--provider', 'provider-northants', '--as-of', '2024-11-30']],
  ])('%s: no welfare note in any format', async (_name, argv) => {
    for (const output of await rendered(argv)) {
      expect(output.length).toBeGreaterThan(200);
      for (const needle of NEEDLES) expect(output).not.toContain(needle);
    }
  });

  it('the search would find the note: the welfare view (--include-welfare) shows it in every format', async () => {
    for (const output of await rendered(['replay', '--trainee', 'trainee-ada', '--include-welfare'])) {
      expect(output).toContain('sleeping badly');
      expect(output).toContain('special category data');
    }
  });

  it("the school summary leaves out the joint observation's feedback for the trainee and for the mentor", async () => {
    for (const output of await rendered(['school-summary', '--school', 'school-oak', '--as-of', '2024-12-13'])) {
      expect(output).toContain('behaviour for learning in the carpet session');
      expect(output).not.toContain('transitions lost the class');
      expect(output).not.toContain('agree one action, not three');
    }
  });
});
