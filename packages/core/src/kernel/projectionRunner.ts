import type { DomainEvent, StoredEvent } from './envelope.js';
import { InvalidArgumentError } from './errors.js';
import type { AnyProjection, Projection } from './projection.js';
import type { EventStore, Subscription } from './store.js';

/** A projection's state and the global position of the last event folded into it. */
export interface ProjectionSnapshot<S = unknown> {
  readonly state: S;
  readonly position: bigint | undefined;
}

/** Where a runner keeps each projection's state and checkpoint between runs; implement it over your database. */
export interface ProjectionStateStore {
  load(name: string): Promise<ProjectionSnapshot | undefined>;
  save(name: string, snapshot: ProjectionSnapshot): Promise<void>;
}

/**
 * Keeps snapshots in memory. A snapshot is cloned when saved and when loaded, as a database would by
 * serialising it: a saved state never moves on past its checkpoint, even if a fold changes it in place.
 */
export const createInMemoryProjectionStateStore = (): ProjectionStateStore & { readonly saves: () => number } => {
  const snapshots = new Map<string, ProjectionSnapshot>();
  let saves = 0;
  return {
    load: async (name) => {
      const snapshot = snapshots.get(name);
      return snapshot && structuredClone(snapshot);
    },
    save: async (name, snapshot) => {
      saves++;
      snapshots.set(name, structuredClone(snapshot));
    },
    saves: () => saves,
  };
};

/** `always`: save the checkpoints when anything was folded; `when-due`: only every `checkpointEvery` events. */
export type CheckpointPolicy = 'always' | 'when-due';

export interface ProjectionRunner {
  /**
   * Folds every event after each projection's checkpoint, in global order. Then saves the checkpoints
   * (with a state store): by default whenever anything was folded; with `when-due`, every `checkpointEvery` events.
   */
  catchUp(options?: { readonly checkpoint?: CheckpointPolicy }): Promise<void>;
  /** Forgets every state and checkpoint, folds the whole store from zero, and saves. */
  rebuild(): Promise<void>;
  /** Catch-up, then live through a store subscription; checkpoints are saved when caught up and every `checkpointEvery` events. */
  start(): Promise<Subscription>;
  /** Saves every projection's state and checkpoint now (with a state store). */
  checkpoint(): Promise<void>;
  state<S>(projection: Projection<any, S>): S;
  /** The global position of the last event folded into a projection. */
  position(projection: AnyProjection): bigint | undefined;
}

export interface ProjectionRunnerOptions<E extends DomainEvent> {
  readonly store: EventStore<E>;
  readonly projections: readonly AnyProjection[];
  /** Where states and checkpoints persist between runs; without one, they live only in the runner. */
  readonly stateStore?: ProjectionStateStore;
  /** Events read per page while catching up (≥ 2). */
  readonly pageSize?: number;
  /** Events folded between two saves in live and inline mode (≥ 1). */
  readonly checkpointEvery?: number;
}

interface Slot {
  readonly projection: AnyProjection;
  readonly types: ReadonlySet<string>;
  state: unknown;
  position: bigint | undefined;
}

/**
 * Runs projections over a store. Every path (inline after an append, catch-up, live) goes through one
 * queue and skips what a projection has already folded, so no event reaches a projection twice.
 */
export const createProjectionRunner = <E extends DomainEvent>(options: ProjectionRunnerOptions<E>): ProjectionRunner => {
  const { store, projections, stateStore, pageSize = 10_000, checkpointEvery = 1_000 } = options;
  if (!Number.isInteger(pageSize) || pageSize < 2) throw new InvalidArgumentError('pageSize', 'expected a whole number ≥ 2');
  if (!Number.isInteger(checkpointEvery) || checkpointEvery < 1) {
    throw new InvalidArgumentError('checkpointEvery', 'expected a whole number ≥ 1');
  }
  const names = new Set<string>();
  const slots: Slot[] = projections.map((projection) => {
    if (names.has(projection.name)) throw new InvalidArgumentError('projections', `two projections are named '${projection.name}'`);
    names.add(projection.name);
    return { projection, types: new Set(projection.eventTypes), state: projection.initialState(), position: undefined };
  });
  const byProjection = new Map(slots.map((slot) => [slot.projection, slot]));
  const eventTypes = [...new Set(slots.flatMap((slot) => [...slot.types]))];

  // The projections that handle each type: an event goes to those only.
  const handlersOf = new Map(eventTypes.map((type) => [type, slots.filter((slot) => slot.types.has(type))]));
  // Every projection has considered every event up to `allThrough`: a projection's checkpoint is the later
  // of its own position and this, so an event no projection handles costs nothing per projection.
  let allThrough: bigint | undefined;
  // The latest checkpoint of any projection: an event after it is new to every projection.
  let highest: bigint | undefined;
  const checkpointOf = (slot: Slot): bigint | undefined =>
    slot.position === undefined || (allThrough !== undefined && allThrough > slot.position) ? allThrough : slot.position;

  let loaded: Promise<void> | undefined;
  const load = () =>
    (loaded ??= Promise.all(
      slots.map(async (slot) => {
        const snapshot = await stateStore?.load(slot.projection.name);
        if (snapshot) {
          slot.state = snapshot.state;
          slot.position = snapshot.position;
          if (snapshot.position !== undefined && (highest === undefined || snapshot.position > highest)) highest = snapshot.position;
        }
      }),
    ).then(() => undefined));

  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  // A checkpoint is the last position a projection has considered, handled or not, so that a projection
  // whose types are rare does not make every catch-up start from zero.
  const apply = (event: StoredEvent<E>) => {
    const position = event.globalPosition;
    const handlers = handlersOf.get(event.type);
    if (highest === undefined || position > highest) {
      // New to every projection: fold it into those that handle it. `highest` moves first and
      // `allThrough` last, so that after a handler throws, the projections that had folded the event
      // skip it on the next attempt and the others fold it then.
      highest = position;
      if (handlers !== undefined) {
        // Indexed, not for…of: an iterator per event is garbage the collector pays for at scale.
        for (let i = 0; i < handlers.length; i++) {
          const slot = handlers[i]!;
          slot.state = slot.projection.evolve(slot.state, event);
          slot.position = position;
        }
      }
      allThrough = position;
      sinceSave++;
      return;
    }
    let moved = false;
    for (const slot of slots) {
      const checkpoint = checkpointOf(slot);
      if (checkpoint !== undefined && position <= checkpoint) continue;
      if (slot.types.has(event.type)) slot.state = slot.projection.evolve(slot.state, event);
      slot.position = position;
      moved = true;
    }
    if (moved) sinceSave++;
  };
  let sinceSave = 0;
  // A state store owns what it is given: a database serialises it, the in-memory one clones it.
  const save = async () => {
    sinceSave = 0;
    if (stateStore) await Promise.all(slots.map((slot) => stateStore.save(slot.projection.name, { state: slot.state, position: checkpointOf(slot) })));
  };
  const saveIf = async (policy: CheckpointPolicy) => {
    if (sinceSave >= (policy === 'always' ? 1 : checkpointEvery)) await save();
  };

  const lowestCheckpoint = (): bigint | 'start' => {
    let lowest: bigint | undefined;
    for (const slot of slots) {
      const checkpoint = checkpointOf(slot);
      if (checkpoint === undefined) return 'start';
      if (lowest === undefined || checkpoint < lowest) lowest = checkpoint;
    }
    return lowest ?? 'start';
  };

  const foldToEnd = async () => {
    await load();
    if (eventTypes.length === 0) return;
    let from = lowestCheckpoint();
    for (;;) {
      const page = await store.readAll({ fromPosition: from, maxCount: pageSize, filter: { eventTypes } });
      for (let i = 0; i < page.length; i++) apply(page[i]!);
      const last = page[page.length - 1];
      if (page.length < pageSize || last === undefined) break;
      // Positions need not be contiguous, so the next page starts at (and skips) the last event seen.
      from = last.globalPosition;
    }
  };

  const runner: ProjectionRunner = {
    catchUp: (catchUpOptions = {}) =>
      serially(async () => {
        await foldToEnd();
        await saveIf(catchUpOptions.checkpoint ?? 'always');
      }),
    rebuild: () =>
      serially(async () => {
        await load();
        for (const slot of slots) {
          slot.state = slot.projection.initialState();
          slot.position = undefined;
        }
        highest = undefined;
        allThrough = undefined;
        await foldToEnd();
        await save();
      }),
    checkpoint: () => serially(save),
    start: async () => {
      await serially(load);
      return store.subscribe(
        {
          onEvent: (event) =>
            serially(async () => {
              apply(event);
              await saveIf('when-due');
            }),
          onCaughtUp: () => serially(() => saveIf('always')),
        },
        { after: lowestCheckpoint(), filter: { eventTypes } },
      );
    },
    state: <S>(projection: Projection<any, S>) => {
      const slot = byProjection.get(projection);
      if (!slot) throw new InvalidArgumentError('projection', `'${projection.name}' is not run by this runner`);
      return slot.state as S;
    },
    position: (projection) => {
      const slot = byProjection.get(projection);
      return slot && checkpointOf(slot);
    },
  };
  return runner;
};

/** An event store whose appends are followed by a catch-up of the runner: read models are current when append returns. */
export const withInlineProjections = <E extends DomainEvent>(store: EventStore<E>, runner: ProjectionRunner): EventStore<E> => ({
  // Each method delegates: spreading the store would lose the methods and getters of a class instance.
  registry: store.registry,
  appendToStream: async (streamId, events, options) => {
    const result = await store.appendToStream(streamId, events, options);
    // Saving after every append would cost a write (or a clone) per command; checkpoints are saved when due.
    await runner.catchUp({ checkpoint: 'when-due' });
    return result;
  },
  readStream: (streamId, options) => store.readStream(streamId, options),
  readAll: (options) => store.readAll(options),
  subscribe: (handler, options) => store.subscribe(handler, options),
  close: () => store.close(),
});
