import { InvalidArgumentError, checkStreamId, isStreamId, parseInstant, type RecordedEvent } from '@itt-ledger/core';
import type { Problem } from '../verify/problem.js';
import { EVENT_FIELDS } from './format.js';

// A revision or position: a decimal string, no sign, no leading zero. EventStoreDB's positions are
// 128-bit (commit and prepare offsets), up to 39 digits.
const DECIMAL = /^(0|[1-9]\d{0,38})$/;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value);

export type JsonLine = { readonly ok: true; readonly value: Record<string, unknown> } | { readonly ok: false; readonly problem: Problem };

/** One line as a JSON object, or why not: an empty line, a truncated line, something else. */
export const parseJsonLine = (text: string, line: number): JsonLine => {
  if (text.trim() === '') return { ok: false, problem: { line, message: 'empty line' } };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: { line, message: `invalid JSON (a truncated line?): ${(error as Error).message}` } };
  }
  return isObject(value) ? { ok: true, value } : { ok: false, problem: { line, message: `expected a JSON object, got ${kindOf(value)}` } };
};

type Found = [field: string, message: string][];

const decimal = (value: unknown, field: string, problems: Found): bigint | undefined => {
  if (typeof value === 'string' && DECIMAL.test(value)) return BigInt(value);
  problems.push([field, `expected a decimal string such as "0", got ${JSON.stringify(value)}`]);
  return undefined;
};

const NO_PROBLEMS: Problem[] = [];
const isText = (field: unknown): field is string => typeof field === 'string' && field !== '';
const isDecimal = (field: unknown): field is string => typeof field === 'string' && DECIMAL.test(field);

/**
 * The record of a line whose envelope passes every check of {@link parseEventObject}, or undefined: the
 * same checks without gathering problems, run first because almost every line of a file passes them.
 */
const wellFormedRecord = (value: Record<string, unknown>): RecordedEvent | undefined => {
  let fields = 0;
  for (const key in value) if (Object.hasOwn(value, key)) fields++;
  const { streamId, streamRevision, globalPosition, eventId, type, schemaVersion, data, metadata, occurredAt, recordedAt } = value;
  if (
    fields !== EVENT_FIELDS.length ||
    !isStreamId(streamId) ||
    !isDecimal(streamRevision) ||
    !isDecimal(globalPosition) ||
    !isText(eventId) ||
    !isText(type) ||
    !(Number.isInteger(schemaVersion) && (schemaVersion as number) >= 1) ||
    data === undefined ||
    !isObject(metadata) ||
    parseInstant(occurredAt) === undefined ||
    parseInstant(recordedAt) === undefined
  ) {
    return undefined;
  }
  return {
    streamId,
    streamRevision: BigInt(streamRevision),
    globalPosition: BigInt(globalPosition),
    eventId,
    type,
    schemaVersion: schemaVersion as number,
    data,
    metadata,
    occurredAt: occurredAt as string,
    recordedAt: recordedAt as string,
  };
};

/**
 * The envelope of an event line, checked field by field (the registry checks the data later). Every
 * problem names the line and the field, and the stream and revision when those could be read.
 */
export const parseEventObject = (value: Record<string, unknown>, line: number): { record?: RecordedEvent; problems: Problem[] } => {
  const record = wellFormedRecord(value);
  if (record) return { record, problems: NO_PROBLEMS };
  const found: Found = [];
  for (const key of Object.keys(value)) {
    if (!(EVENT_FIELDS as readonly string[]).includes(key)) found.push([key, 'unknown field']);
  }
  for (const key of EVENT_FIELDS) if (!(key in value)) found.push([key, 'missing']);

  let streamId: string | undefined;
  if ('streamId' in value) {
    try {
      streamId = checkStreamId(value.streamId);
    } catch (error) {
      found.push(['streamId', error instanceof InvalidArgumentError ? error.reason : String(error)]);
    }
  }
  const streamRevision = 'streamRevision' in value ? decimal(value.streamRevision, 'streamRevision', found) : undefined;
  const globalPosition = 'globalPosition' in value ? decimal(value.globalPosition, 'globalPosition', found) : undefined;
  for (const key of ['eventId', 'type'] as const) {
    if (key in value && (typeof value[key] !== 'string' || value[key] === '')) found.push([key, `expected a non-empty string, got ${JSON.stringify(value[key])}`]);
  }
  if ('schemaVersion' in value && !(Number.isInteger(value.schemaVersion) && (value.schemaVersion as number) >= 1)) {
    found.push(['schemaVersion', `expected a whole number ≥ 1, got ${JSON.stringify(value.schemaVersion)}`]);
  }
  if ('metadata' in value && !isObject(value.metadata)) found.push(['metadata', `expected an object, got ${kindOf(value.metadata)}`]);
  for (const key of ['occurredAt', 'recordedAt'] as const) {
    if (key in value && parseInstant(value[key]) === undefined) {
      found.push([key, `expected an ISO 8601 instant with a zone, got ${JSON.stringify(value[key])}`]);
    }
  }

  const where = { line, ...(streamId === undefined ? {} : { streamId }), ...(streamRevision === undefined ? {} : { streamRevision }) };
  const problems = found.map(([field, message]) => ({ ...where, field, message }));
  if (problems.length > 0 || streamId === undefined || streamRevision === undefined || globalPosition === undefined) return { problems };
  return {
    problems,
    record: {
      streamId,
      streamRevision,
      globalPosition,
      eventId: value.eventId as string,
      type: value.type as string,
      schemaVersion: value.schemaVersion as number,
      data: value.data,
      metadata: value.metadata,
      occurredAt: value.occurredAt as string,
      recordedAt: value.recordedAt as string,
    },
  };
};
