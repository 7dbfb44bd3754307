/** One thing wrong with a stored event or a line of an export file, and where. */
export interface Problem {
  /** The line of an export file (1 is the header). */
  readonly line?: number;
  readonly streamId?: string;
  readonly streamRevision?: bigint;
  /** The field concerned, e.g. `streamRevision` or `data.minutes`. */
  readonly field?: string;
  readonly message: string;
}

/** `line 12 (trainee-7@3) data.minutes: expected a number`. */
export const formatProblem = (problem: Problem): string => {
  const where = [
    problem.line === undefined ? undefined : `line ${problem.line}`,
    problem.streamId === undefined ? undefined : `(${problem.streamId}@${problem.streamRevision ?? '?'})`,
    problem.field,
  ].filter((part) => part !== undefined);
  return where.length === 0 ? problem.message : `${where.join(' ')}: ${problem.message}`;
};

/** File problems in line order; a store's problems keep the order they were found in. */
export const sortProblems = (problems: readonly Problem[]): Problem[] =>
  problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => (a.problem.line ?? Infinity) - (b.problem.line ?? Infinity) || a.index - b.index)
    .map(({ problem }) => problem);
