import { createReadStream } from 'node:fs';
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

const CHUNK = 1 << 20;

/**
 * The file's lines, a chunk's worth at a time (never the whole file), split as `readline` splits them:
 * at `\n`, `\r\n` or a lone `\r`, with no empty line after a final line break. Splitting a chunk in one
 * synchronous loop is several times cheaper than `readline`'s event per line and promise per line.
 */
async function* chunksOfLines(path: string): AsyncGenerator<string[]> {
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK }) as AsyncIterable<string>) {
    const text = rest + chunk;
    const lines: string[] = [];
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      pushLine(lines, text.slice(start, end));
      start = end + 1;
    }
    // What follows the last \n waits for the next chunk (it may end in the \r of a \r\n).
    rest = text.slice(start);
    if (lines.length > 0) yield lines;
  }
  if (rest !== '') {
    const lines: string[] = [];
    pushLine(lines, rest);
    yield lines;
  }
}

/** A line ended by `\n`, without a `\r` before it; a lone `\r` inside it ends a line too. */
const pushLine = (lines: string[], text: string): void => {
  const line = text.endsWith('\r') ? text.slice(0, -1) : text;
  if (!line.includes('\r')) lines.push(line);
  else for (const part of line.split('\r')) lines.push(part);
};

/**
 * Reads an export file line by line (never whole): a header, envelopes, a trailer. Yields each event with
 * its line number, and each malformed line as a problem naming the line and the field.
 */
export async function* readExportFile(path: string): AsyncGenerator<SourceItem> {
  let line = 0;
  let eventLines = 0;
  // A trailer-like line is only the trailer if nothing follows it.
  let trailer: { readonly line: number; readonly value: Record<string, unknown> } | undefined;
  for await (const texts of chunksOfLines(path)) {
    for (const text of texts) {
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
  }
  if (line === 0) yield { problem: { line: 1, message: 'empty file: expected the export header' } };
  else if (!trailer) yield { problem: { line: line + 1, message: 'the file ends without its trailer line: it was cut short' } };
  else for (const problem of checkTrailer(trailer.value, trailer.line, eventLines)) yield { problem };
}
