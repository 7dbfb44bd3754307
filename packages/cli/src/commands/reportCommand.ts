import type { Command } from '../command.js';
import { EXIT } from '../io.js';
import { createReportContext, type ReportCommand } from '../report.js';

/** A domain report as a CLI command: source and clocks from the common options, its own options passed on. */
export const fromReport = (report: ReportCommand): Command => ({
  name: report.name,
  summary: report.summary,
  options: report.options ?? {},
  uses: { source: true, asOf: true },
  run: async (env) => {
    const source = await env.source();
    const options = Object.fromEntries(Object.keys(report.options ?? {}).map((key) => [key, env.options[key]]));
    const context = createReportContext({ store: await source.store(), asOf: env.asOf, options, clock: env.clock, progress: env.progress });
    return { source: source.label, exitCode: EXIT.ok, report: await report.run(context) };
  },
});

/** The domain reports the issue names; until one is wired, `itt-ledger <name>` says it is coming. */
export const PLANNED_REPORTS: Readonly<Record<string, string>> = {
  replay: "a trainee's or a mentor's timeline as of a date, corrections beside what they corrected",
  entitlement: 'weekly mentoring entitlement against what was received, per trainee',
  irps: 'Individual Recovery Plans: open, met, missed',
  mentors: 'mentors: training, Mentor Development Reviews, lead mentors',
  funding: 'mentor funding claims and what they rest on',
  'school-summary': 'a school: its trainees, mentors and entitlement',
};
