import { InvalidArgumentError } from './errors.js';
import type { AppendOptions, EventFilter, ReadAllOptions, ReadDirection, ReadStreamOptions, SubscribeOptions } from './store.js';

export interface ReadPlan {
  readonly direction: ReadDirection;
  /** Inclusive; `start`/`end` resolved by the adapter. */
  readonly from: bigint | 'start' | 'end';
  /** Infinity when unbounded. */
  readonly maxCount: number;
}

/** Shows a refused value in an error message, whatever it is. */
const show = (value: unknown): string => {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) return String(value);
  return typeof value;
};

/** The largest stream revision: EventStoreDB counts revisions in unsigned 64-bit integers. */
export const MAX_REVISION = 2n ** 64n - 1n;
/** The largest global position: EventStoreDB's commit and prepare offsets, 64 bits each, in one bigint. */
export const MAX_POSITION = 2n ** 128n - 1n;

/** A revision (`max` {@link MAX_REVISION}) or a global position (`max` {@link MAX_POSITION}). */
export const isInRange = (value: unknown, max: bigint): value is bigint => typeof value === 'bigint' && value >= 0n && value <= max;

/** Options are absent or an object: `null` or a number would otherwise be read as "no options". */
const checkOptionsObject = <T>(options: T | undefined, field: string): Partial<T> => {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new InvalidArgumentError(field, `expected an object, got ${show(options)}`);
  return options;
};

const checkCount = (maxCount: unknown): number => {
  if (maxCount === undefined) return Number.POSITIVE_INFINITY;
  if (typeof maxCount !== 'number' || !Number.isInteger(maxCount) || maxCount < 0) {
    throw new InvalidArgumentError('maxCount', `expected a whole number ≥ 0, got ${show(maxCount)}`);
  }
  return maxCount;
};

const checkDirection = (direction: unknown): ReadDirection => {
  if (direction === undefined || direction === 'forwards') return 'forwards';
  if (direction === 'backwards') return 'backwards';
  throw new InvalidArgumentError('direction', `expected 'forwards' or 'backwards', got ${show(direction)}`);
};

const checkFrom = (field: string, from: unknown, direction: ReadDirection, max: bigint): bigint | 'start' | 'end' => {
  if (from === undefined) return direction === 'forwards' ? 'start' : 'end';
  if (from === 'start' || from === 'end') return from;
  if (isInRange(from, max)) return from;
  throw new InvalidArgumentError(field, `expected 'start', 'end' or a bigint from 0 to ${max === MAX_REVISION ? '2^64' : '2^128'} - 1, got ${show(from)}`);
};

const checkFilter = (filter: EventFilter | undefined): EventFilter | undefined => {
  if (filter === undefined) return undefined;
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) throw new InvalidArgumentError('filter', `expected an object, got ${show(filter)}`);
  for (const key of ['eventTypes', 'streamPrefixes'] as const) {
    const list = filter[key];
    if (list !== undefined && (!Array.isArray(list) || list.some((entry) => typeof entry !== 'string'))) {
      throw new InvalidArgumentError(`filter.${key}`, 'expected a list of strings');
    }
  }
  return filter;
};

/** Checks and completes `readStream` options the same way in every adapter. */
export const planStreamRead = (given?: ReadStreamOptions): ReadPlan => {
  const options = checkOptionsObject(given, 'options');
  const direction = checkDirection(options.direction);
  return { direction, from: checkFrom('fromRevision', options.fromRevision, direction, MAX_REVISION), maxCount: checkCount(options.maxCount) };
};

/** Checks and completes `readAll` options the same way in every adapter. */
export const planAllRead = (given?: ReadAllOptions): ReadPlan & { readonly filter: EventFilter | undefined } => {
  const options = checkOptionsObject(given, 'options');
  const direction = checkDirection(options.direction);
  return {
    direction,
    from: checkFrom('fromPosition', options.fromPosition, direction, MAX_POSITION),
    maxCount: checkCount(options.maxCount),
    filter: checkFilter(options.filter),
  };
};

/** Checks `subscribe` options the same way in every adapter. */
export const planSubscription = (given?: SubscribeOptions): { after: bigint | 'start' | 'end'; filter: EventFilter | undefined } => {
  const options = checkOptionsObject(given, 'options');
  const after = options.after ?? 'start';
  if (!(after === 'start' || after === 'end' || after === -1n || isInRange(after, MAX_POSITION))) {
    throw new InvalidArgumentError('after', `expected 'start', 'end' or a bigint position, got ${show(after)}`);
  }
  return { after, filter: checkFilter(options.filter) };
};

/** A non-empty string without control characters, at most 512 characters. */
export const isStreamId = (streamId: unknown): streamId is string =>
  // eslint-disable-next-line no-control-regex
  typeof streamId === 'string' && streamId.length > 0 && streamId.length <= 512 && !/[\u0000-\u001f]/.test(streamId);

/** Checks a stream id: a non-empty string without control characters, at most 512 characters. */
export const checkStreamId = (streamId: unknown): string => {
  if (!isStreamId(streamId)) {
    throw new InvalidArgumentError('streamId', 'expected a non-empty string of at most 512 characters without control characters');
  }
  return streamId;
};

/** Checks an expected revision; `-1n` (an empty stream's revision) means `no_stream`. */
export const checkExpectedRevisionOption = (expected: unknown) => {
  if (expected === undefined) return 'any' as const;
  if (expected === -1n) return 'no_stream' as const;
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return expected;
  if (isInRange(expected, MAX_REVISION)) return expected;
  throw new InvalidArgumentError('expectedRevision', `expected 'any', 'no_stream', 'stream_exists' or a bigint from -1 to 2^64 - 1, got ${show(expected)}`);
};

/** Checks `appendToStream` options the same way in every adapter, and returns the expected revision. */
export const planAppend = (given?: AppendOptions) => checkExpectedRevisionOption(checkOptionsObject(given, 'options').expectedRevision);
