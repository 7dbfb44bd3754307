import type { Command } from '../command.js';
import { EXIT } from '../io.js';
import { sortProblems, type Problem } from '../verify/problem.js';
import { createVerifier } from '../verify/verifier.js';
import { problemsTable } from './problemsTable.js';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 're-validate every stored event (schema, upcasting), its revision, position and id; exit 1 on any problem',
  options: {},
  uses: { source: true, asOf: false },
  run: async (env) => {
    const source = await env.source();
    const verifier = createVerifier(env.registry);
    const problems: Problem[] = [];
    const progress = env.progress(`verifying ${source.label}`);
    try {
      for await (const item of source.records()) {
        if ('problem' in item) problems.push(item.problem);
        else problems.push(...verifier.check(item.record, item.line));
        progress.tick();
      }
    } finally {
      progress.done();
    }
    return {
      source: source.label,
      exitCode: problems.length === 0 ? EXIT.ok : EXIT.problems,
      report: {
        title: problems.length === 0 ? 'Verified: no problems' : `Verified: ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
        tables: [problemsTable(sortProblems(problems), source.kind === 'file')],
        summary: { events: verifier.events(), streams: verifier.streams().size, problems: problems.length },
      },
    };
  },
};
