import { InvalidArgumentError } from './errors.js';
import type { EventFilter, ReadAllOptions, ReadDirection, ReadStreamOptions, SubscribeOptions } from './store.js';

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

const checkFrom = (field: string, from: unknown, direction: ReadDirection): bigint | 'start' | 'end' => {
  if (from === undefined) return direction === 'forwards' ? 'start' : 'end';
  if (from === 'start' || from === 'end') return from;
  if (typeof from === 'bigint' && from >= 0n) return from;
  throw new InvalidArgumentError(field, `expected 'start', 'end' or a bigint ≥ 0, got ${show(from)}`);
};

const checkFilter = (filter: EventFilter | undefined): EventFilter | undefined => {
  if (filter === undefined) return undefined;
  for (const key of ['eventTypes', 'streamPrefixes'] as const) {
    const list = filter[key];
    if (list !== undefined && (!Array.isArray(list) || list.some((entry) => typeof entry !== 'string'))) {
      throw new InvalidArgumentError(`filter.${key}`, 'expected a list of strings');
    }
  }
  return filter;
};

/** Checks and completes `readStream` options the same way in every adapter. */
export const planStreamRead = (options: ReadStreamOptions = {}): ReadPlan => {
  const direction = checkDirection(options.direction);
  return { direction, from: checkFrom('fromRevision', options.fromRevision, direction), maxCount: checkCount(options.maxCount) };
};

/** Checks and completes `readAll` options the same way in every adapter. */
export const planAllRead = (options: ReadAllOptions = {}): ReadPlan & { readonly filter: EventFilter | undefined } => {
  const direction = checkDirection(options.direction);
  return {
    direction,
    from: checkFrom('fromPosition', options.fromPosition, direction),
    maxCount: checkCount(options.maxCount),
    filter: checkFilter(options.filter),
  };
};

/** Checks `subscribe` options the same way in every adapter. */
export const planSubscription = (options: SubscribeOptions = {}): { after: bigint | 'start' | 'end'; filter: EventFilter | undefined } => {
  const after = options.after ?? 'start';
  if (!(after === 'start' || after === 'end' || (typeof after === 'bigint' && after >= -1n))) {
    throw new InvalidArgumentError('after', `expected 'start', 'end' or a bigint position, got ${show(after)}`);
  }
  return { after, filter: checkFilter(options.filter) };
};

/** Checks a stream id: a non-empty string without control characters, at most 512 characters. */
export const checkStreamId = (streamId: unknown): string => {
  // eslint-disable-next-line no-control-regex
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.length > 512 || /[\u0000-\u001f]/.test(streamId)) {
    throw new InvalidArgumentError('streamId', 'expected a non-empty string of at most 512 characters without control characters');
  }
  return streamId;
};

/** Checks an expected revision; `-1n` (an empty stream's revision) means `no_stream`. */
export const checkExpectedRevisionOption = (expected: unknown) => {
  if (expected === undefined) return 'any' as const;
  if (expected === -1n) return 'no_stream' as const;
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return expected;
  if (typeof expected === 'bigint' && expected >= 0n) return expected;
  throw new InvalidArgumentError('expectedRevision', `expected 'any', 'no_stream', 'stream_exists' or a bigint ≥ -1, got ${show(expected)}`);
};
