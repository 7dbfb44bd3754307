import type { Table } from '../output/model.js';
import type { Problem } from '../verify/problem.js';

/** Problems as a table; the line column only for a file. */
export const problemsTable = (problems: readonly Problem[], withLines: boolean): Table => ({
  name: 'problems',
  title: 'Problems',
  columns: [
    ...(withLines ? [{ key: 'line', label: 'line', align: 'right' as const }] : []),
    { key: 'streamId', label: 'stream' },
    { key: 'streamRevision', label: 'revision', align: 'right' },
    { key: 'field', label: 'field' },
    { key: 'message', label: 'problem' },
  ],
  rows: problems.map((problem) => ({ ...problem })),
});
