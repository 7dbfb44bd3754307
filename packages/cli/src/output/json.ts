import type { Report, ReportMeta } from './model.js';

// JSON has no bigint: revisions and positions are written as decimal strings, as in the export format.
const replacer = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);

/** The report model itself, with the CLI's meta: `{ title, meta, summary?, timeline?, weeks?, tables? }`. */
export const renderJson = (report: Report, meta: ReportMeta): string =>
  JSON.stringify(
    {
      title: report.title,
      meta,
      ...(report.summary === undefined ? {} : { summary: report.summary }),
      ...(report.timeline === undefined ? {} : { timeline: report.timeline }),
      ...(report.weeks === undefined ? {} : { weeks: report.weeks }),
      ...(report.tables === undefined ? {} : { tables: report.tables }),
    },
    replacer,
    2,
  ) + '\n';
