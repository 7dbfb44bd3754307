import type { z } from 'zod';
import type { DomainEvent } from './envelope.js';

/**
 * An aggregate as three pure parts: `decide` turns a command and the current state into new events (or
 * throws a {@link CommandRejectedError}); `evolve` folds one event into the state. Match commands
 * exhaustively with ts-pattern in `decide`; build `evolve` from a handler map with {@link evolveWith}.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  readonly initialState: State;
  /**
   * The shape of every command `decide` takes. When present, the command handler parses each command with
   * it first, so input from outside the process is refused with a typed error before anything is read.
   */
  readonly commandSchema?: z.ZodType<Command>;
  decide(command: Command, state: State): readonly Event[];
  evolve(state: State, event: Event): State;
}

/** One handler per event type: the compiler refuses a map that forgets a type. */
export type EventHandlers<E extends DomainEvent, S> = {
  readonly [K in E['type']]: (state: S, event: Extract<E, { readonly type: K }>) => S;
};

/**
 * An `evolve` from a handler map: a property lookup per event instead of a chain of comparisons, which
 * matters in folds over hundreds of thousands of events. Events of other types leave the state as it is.
 */
export const evolveWith =
  <E extends DomainEvent, S>(handlers: EventHandlers<E, S>) =>
  (state: S, event: E): S => {
    const handler = (handlers as unknown as Record<string, ((state: S, event: E) => S) | undefined>)[event.type];
    return handler === undefined ? state : handler(state, event);
  };

/** Folds events into a state, left to right. */
export const fold = <E, S>(evolve: (state: S, event: E) => S, initialState: S, events: Iterable<E>): S => {
  let state = initialState;
  for (const event of events) state = evolve(state, event);
  return state;
};
