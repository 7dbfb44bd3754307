import type { Command } from '../command.js';
import { checkWritableFile } from '../files.js';
import { EXIT } from '../io.js';
import { createExportWriter } from '../jsonl/writeExport.js';
import { sortProblems, type Problem } from '../verify/problem.js';
import { createVerifier } from '../verify/verifier.js';
import { problemsTable } from './problemsTable.js';

export const exportCommand: Command = {
  name: 'export',
  summary: 'write every event of a source to a JSON Lines file, verifying each; nothing is written if any fails',
  options: { to: { type: 'string', valueName: 'FILE', required: true, description: 'the export file to write (put in place only when complete)' } },
  uses: { source: true, asOf: false },
  run: async (env) => {
    const to = env.options.to as string;
    const path = env.resolve(to);
    await checkWritableFile('--to', to, path);
    const source = await env.source();
    const verifier = createVerifier(env.registry);
    const problems: Problem[] = [];
    const writer = await createExportWriter(path, env.clock.now());
    const progress = env.progress(`exporting ${source.label}`);
    try {
      for await (const item of source.records()) {
        if ('problem' in item) {
          problems.push(item.problem);
          continue;
        }
        const found = verifier.check(item.record, item.line);
        problems.push(...found);
        if (problems.length === 0) await writer.write(item.record);
        progress.tick();
      }
    } catch (error) {
      await writer.abort();
      throw error;
    } finally {
      progress.done();
    }
    const summary = { events: verifier.events(), streams: verifier.streams().size };
    if (problems.length > 0) {
      await writer.abort();
      return {
        source: source.label,
        exitCode: EXIT.problems,
        report: { title: `Not exported: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the source`, tables: [problemsTable(sortProblems(problems), source.kind === 'file')], summary: { ...summary, problems: problems.length } },
      };
    }
    await writer.commit();
    return { source: source.label, exitCode: EXIT.ok, report: { title: `Exported to ${to}`, summary: { ...summary, file: to } } };
  },
};
