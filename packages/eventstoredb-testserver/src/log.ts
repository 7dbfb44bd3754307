/** A $all position: commit and prepare offsets in the transaction log, unsigned 64-bit. */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** An event as the server holds it. */
export interface ServerEvent {
  readonly id: string;
  readonly streamName: string;
  /** From 0; a tombstone has {@link TOMBSTONE_REVISION}. */
  readonly revision: bigint;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  /** .NET ticks (100 ns) since 1970-01-01, as EventStoreDB's `created`. */
  readonly created: bigint;
  readonly position: LogPosition;
}

export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

export type ExpectedState =
  | { readonly kind: 'any' }
  | { readonly kind: 'no_stream' }
  | { readonly kind: 'stream_exists' }
  | { readonly kind: 'revision'; readonly revision: bigint };

export type WriteOutcome =
  | { readonly kind: 'success'; readonly currentRevision: bigint | undefined; readonly position: LogPosition | undefined }
  | { readonly kind: 'wrong_expected_version'; readonly current: bigint | undefined }
  | { readonly kind: 'stream_deleted' };

/** EventStoreDB's revision for the event that hard-deletes a stream (long.MaxValue). */
export const TOMBSTONE_REVISION = 9_223_372_036_854_775_807n;
export const TOMBSTONE_TYPE = '$streamDeleted';

/**
 * How $all positions are laid out. `per-event`: every event is its own committed record, commit ===
 * prepare (EventStoreDB 20+). `commit-record`: the events of one multi-event append share the commit
 * position of a commit record written after them, each keeping its own prepare position (explicit
 * transactions, and large appends on some versions): positions are then pairs, not single numbers.
 */
export type PositionLayout = 'per-event' | 'commit-record';

export const comparePositions = (a: LogPosition, b: LogPosition): number =>
  a.commit === b.commit ? (a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1) : a.commit < b.commit ? -1 : 1;

// A plausible record size, so that positions are byte-like offsets: increasing but not contiguous.
const recordSize = (streamName: string, event: ProposedEvent) =>
  BigInt(80 + streamName.length + event.type.length + event.data.length + event.customMetadata.length);
const COMMIT_RECORD_SIZE = 37n;

interface StreamState {
  readonly events: ServerEvent[];
  deleted: boolean;
}

export type StreamReadFrom = 'start' | 'end' | bigint;
export type AllReadFrom = 'start' | 'end' | LogPosition;
export type StreamReadResult =
  | { readonly kind: 'events'; readonly events: readonly ServerEvent[] }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'deleted' };

export interface ServerLog {
  /** Every event in $all order, tombstones included. */
  readonly all: readonly ServerEvent[];
  streamNames(): readonly string[];
  isDeleted(streamName: string): boolean;
  append(streamName: string, expected: ExpectedState, events: readonly ProposedEvent[]): WriteOutcome;
  tombstone(streamName: string, expected: ExpectedState): WriteOutcome;
  readStream(streamName: string, from: StreamReadFrom, direction: 'forwards' | 'backwards', count: number): StreamReadResult;
  readAll(from: AllReadFrom, direction: 'forwards' | 'backwards', count: number, matches: (event: ServerEvent) => boolean): readonly ServerEvent[];
  /** Index in `all` of the first event after `from` (exclusive), where a subscription starts. */
  indexAfter(from: AllReadFrom): number;
  /** Called after every write, synchronously. Returns an unsubscribe function. */
  onWrite(listener: () => void): () => void;
}

export interface ServerLogOptions {
  readonly layout?: PositionLayout;
  /** The server's clock, for `created`. */
  readonly now?: () => Date;
}

/** The server's state and EventStoreDB's write rules: expected revision, idempotence, deleted streams. */
export const createServerLog = ({ layout = 'per-event', now = () => new Date() }: ServerLogOptions = {}): ServerLog => {
  const all: ServerEvent[] = [];
  const streams = new Map<string, StreamState>();
  const listeners = new Set<() => void>();
  let nextOffset = 0n;

  const lastRevision = (state: StreamState | undefined) => (state && state.events.length > 0 ? BigInt(state.events.length - 1) : undefined);
  const answer = (state: StreamState, lastIndex: number): WriteOutcome => {
    const last = state.events[lastIndex]!;
    // As EventStoreDB answers: the commit position of the write, for both halves of the pair.
    return { kind: 'success', currentRevision: last.revision, position: { commit: last.position.commit, prepare: last.position.commit } };
  };

  /** EventStoreDB's idempotence check: the batch's ids already stand, in order, where it would go. */
  const idempotence = (state: StreamState, expected: ExpectedState, events: readonly ProposedEvent[]): WriteOutcome | undefined => {
    const first = events[0];
    if (!first || state.events.length === 0) return undefined;
    const start =
      expected.kind === 'revision'
        ? expected.revision + 1n
        : expected.kind === 'no_stream'
          ? 0n
          : BigInt(state.events.findIndex((event) => event.id === first.id));
    if (start < 0n || start >= BigInt(state.events.length) || state.events[Number(start)]!.id !== first.id) return undefined;
    for (let i = 1; i < events.length; i++) {
      // Part of the batch matches and part does not: EventStoreDB's "corrupted idempotency".
      if (state.events[Number(start) + i]?.id !== events[i]!.id) return { kind: 'wrong_expected_version', current: lastRevision(state) };
    }
    return answer(state, Number(start) + events.length - 1);
  };

  const satisfied = (expected: ExpectedState, current: bigint | undefined) =>
    expected.kind === 'any' ||
    (expected.kind === 'no_stream' && current === undefined) ||
    (expected.kind === 'stream_exists' && current !== undefined) ||
    (expected.kind === 'revision' && current === expected.revision);

  const write = (streamName: string, state: StreamState, events: readonly (ProposedEvent & { revision: bigint })[]) => {
    const created = BigInt(now().getTime()) * 10_000n;
    const prepares = events.map((event) => {
      const offset = nextOffset;
      nextOffset += recordSize(streamName, event);
      return offset;
    });
    let commit: bigint | undefined;
    if (layout === 'commit-record' && events.length > 1) {
      commit = nextOffset;
      nextOffset += COMMIT_RECORD_SIZE;
    }
    events.forEach((event, i) => {
      const stored: ServerEvent = {
        id: event.id,
        streamName,
        revision: event.revision,
        type: event.type,
        contentType: event.contentType,
        data: event.data,
        customMetadata: event.customMetadata,
        created,
        position: { commit: commit ?? prepares[i]!, prepare: prepares[i]! },
      };
      all.push(stored);
      if (event.revision !== TOMBSTONE_REVISION) state.events.push(stored);
    });
    for (const listener of [...listeners]) listener();
  };

  const stateOf = (streamName: string) => {
    let state = streams.get(streamName);
    if (!state) {
      state = { events: [], deleted: false };
      streams.set(streamName, state);
    }
    return state;
  };

  /** First index whose position is ≥ `position` (binary search: `all` is in position order). */
  const lowerBound = (position: LogPosition) => {
    let [low, high] = [0, all.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (comparePositions(all[mid]!.position, position) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  };

  return {
    all,
    streamNames: () => [...streams.keys()],
    isDeleted: (streamName) => streams.get(streamName)?.deleted ?? false,

    append: (streamName, expected, events) => {
      const state = stateOf(streamName);
      if (state.deleted) return { kind: 'stream_deleted' };
      const replay = idempotence(state, expected, events);
      if (replay) return replay;
      const current = lastRevision(state);
      if (!satisfied(expected, current)) return { kind: 'wrong_expected_version', current };
      if (events.length === 0) return { kind: 'success', currentRevision: current, position: undefined };
      const base = state.events.length;
      write(streamName, state, events.map((event, i) => ({ ...event, revision: BigInt(base + i) })));
      return answer(state, state.events.length - 1);
    },

    tombstone: (streamName, expected) => {
      const state = stateOf(streamName);
      if (state.deleted) return { kind: 'stream_deleted' };
      const current = lastRevision(state);
      if (!satisfied(expected, current)) return { kind: 'wrong_expected_version', current };
      state.deleted = true;
      const marker = { id: crypto.randomUUID(), type: TOMBSTONE_TYPE, contentType: 'application/json', data: new Uint8Array(), customMetadata: new Uint8Array() };
      write(streamName, state, [{ ...marker, revision: TOMBSTONE_REVISION }]);
      const position = all[all.length - 1]!.position;
      return { kind: 'success', currentRevision: TOMBSTONE_REVISION, position: { commit: position.commit, prepare: position.commit } };
    },

    readStream: (streamName, from, direction, count) => {
      const state = streams.get(streamName);
      if (state?.deleted) return { kind: 'deleted' };
      if (!state || state.events.length === 0) return { kind: 'not_found' };
      const events = state.events;
      if (direction === 'forwards') {
        const start = from === 'start' ? 0 : from === 'end' ? events.length : Number(from > BigInt(events.length) ? BigInt(events.length) : from);
        return { kind: 'events', events: events.slice(start, start + count) };
      }
      const last = events.length - 1;
      // Backwards from past the end reads from the last event, as EventStoreDB does.
      const start = from === 'end' ? last : from === 'start' ? 0 : Number(from > BigInt(last) ? BigInt(last) : from);
      return { kind: 'events', events: events.slice(Math.max(0, start - count + 1), start + 1).reverse() };
    },

    readAll: (from, direction, count, matches) => {
      const out: ServerEvent[] = [];
      if (direction === 'forwards') {
        // Forwards from a position includes the event at it.
        for (let i = from === 'start' ? 0 : from === 'end' ? all.length : lowerBound(from); i < all.length && out.length < count; i++) {
          if (matches(all[i]!)) out.push(all[i]!);
        }
      } else {
        // Backwards from a position reads the events before it (a position points at the start of a record).
        for (let i = from === 'start' ? -1 : from === 'end' ? all.length - 1 : lowerBound(from) - 1; i >= 0 && out.length < count; i--) {
          if (matches(all[i]!)) out.push(all[i]!);
        }
      }
      return out;
    },

    indexAfter: (from) => {
      if (from === 'start') return 0;
      if (from === 'end') return all.length;
      const index = lowerBound(from);
      return index < all.length && comparePositions(all[index]!.position, from) === 0 ? index + 1 : index;
    },

    onWrite: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};
