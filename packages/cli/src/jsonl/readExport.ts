import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseInstant } from '@itt-ledger/core';
import type { SourceItem } from '../sources/source.js';
import type { Problem } from '../verify/problem.js';
import { EXPORT_FORMAT, EXPORT_VERSION } from './format.js';
import { parseEventObject, parseJsonLine } from './parseLine.js';

const describe = (value: unknown) => JSON.stringify(value) ?? String(value);

const checkHeader = (text: string): Problem[] => {
  const parsed = parseJsonLine(text.replace(/^\uFEFF/, ''), 1);
  if (!parsed.ok) return [{ ...parsed.problem, message: `expected the export header: ${parsed.problem.message}` }];
  const { format, version, exportedAt, ...rest } = parsed.value;
  if (format !== EXPORT_FORMAT) return [{ line: 1, field: 'format', message: `expected the export header with format "${EXPORT_FORMAT}", got ${describe(format)}` }];
  const problems: Problem[] = Object.keys(rest).map((field) => ({ line: 1, field, message: 'unknown field' }));
  if (version !== EXPORT_VERSION) problems.push({ line: 1, field: 'version', message: `this itt-ledger reads format version ${EXPORT_VERSION}, got ${describe(version)}` });
  if (exportedAt !== undefined && parseInstant(exportedAt) === undefined) problems.push({ line: 1, field: 'exportedAt', message: `expected an ISO 8601 instant, got ${describe(exportedAt)}` });
  return problems;
};

const checkTrailer = (value: Record<string, unknown>, line: number, eventLines: number): Problem[] => {
  const { format, end, events, ...rest } = value;
  const problems: Problem[] = Object.keys(rest).map((field) => ({ line, field, message: 'unknown field' }));
  if (format !== EXPORT_FORMAT) problems.push({ line, field: 'format', message: `expected "${EXPORT_FORMAT}", got ${describe(format)}` });
  if (end !== true) problems.push({ line, field: 'end', message: `expected true, got ${describe(end)}` });
  if (events !== eventLines) problems.push({ line, field: 'events', message: `the trailer counts ${describe(events)} events, the file has ${eventLines} event lines` });
  return problems;
};

/**
 * Reads an export file line by line (never whole): a header, envelopes, a trailer. Yields each event with
 * its line number, and each malformed line as a problem naming the line and the field.
 */
export async function* readExportFile(path: string): AsyncGenerator<SourceItem> {
  const input = createReadStream(path, { encoding: 'utf8' });
  let readError: Error | undefined;
  const lines = createInterface({ input, crlfDelay: Infinity });
  input.on('error', (error) => {
    readError = error;
    lines.close();
  });
  let line = 0;
  let eventLines = 0;
  // A trailer-like line is only the trailer if nothing follows it.
  let trailer: { readonly line: number; readonly value: Record<string, unknown> } | undefined;
  try {
    for await (const text of lines) {
      line++;
      if (line === 1) {
        for (const problem of checkHeader(text)) yield { problem };
        continue;
      }
      if (trailer) {
        yield { problem: { line: trailer.line, message: 'the trailer must be the last line' } };
        trailer = undefined;
      }
      const parsed = parseJsonLine(text, line);
      if (parsed.ok && 'format' in parsed.value) {
        trailer = { line, value: parsed.value };
        continue;
      }
      eventLines++;
      if (!parsed.ok) {
        yield { problem: parsed.problem };
        continue;
      }
      const { record, problems } = parseEventObject(parsed.value, line);
      for (const problem of problems) yield { problem };
      if (record) yield { record, line };
    }
    if (readError !== undefined) throw readError;
    if (line === 0) yield { problem: { line: 1, message: 'empty file: expected the export header' } };
    else if (!trailer) yield { problem: { line: line + 1, message: 'the file ends without its trailer line: it was cut short' } };
    else for (const problem of checkTrailer(trailer.value, trailer.line, eventLines)) yield { problem };
  } finally {
    lines.close();
    input.destroy();
  }
}
