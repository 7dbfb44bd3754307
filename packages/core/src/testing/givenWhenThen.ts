import { AssertionError, deepStrictEqual } from 'node:assert/strict';
import type { Decider } from '../kernel/decider.js';
import type { DomainEvent } from '../kernel/envelope.js';

type ErrorClass = abstract new (...args: never[]) => Error;

export interface DeciderThen<E extends DomainEvent, S> {
  /** Asserts the events decided, in order; returns the state after them. */
  then(expected: readonly E[]): S;
  /** Asserts that nothing was decided. */
  thenNothingHappens(): void;
  /** Asserts that the command was refused with this error class; `check` may look closer. Returns the error. */
  thenThrows<C extends ErrorClass>(errorClass: C, check?: Partial<InstanceType<C>> | ((error: InstanceType<C>) => void)): InstanceType<C>;
}

export interface DeciderGiven<C, E extends DomainEvent, S> {
  when(command: C): DeciderThen<E, S>;
  /** The state the given events fold into. */
  state(): S;
}

export interface DeciderSpecification<C, E extends DomainEvent, S> {
  given(events?: readonly E[]): DeciderGiven<C, E, S>;
}

/**
 * Given/when/then for deciders, with node's assertions so that it works under any test runner.
 *
 * ```ts
 * const spec = deciderSpec(placementDecider);
 * spec.given([placed]).when(endEarly).then([endedEarly]);
 * spec.given([placed, ended]).when(extend).thenThrows(CommandRejectedError, { reason: 'placement.ended' });
 * ```
 */
export const deciderSpec = <C, E extends DomainEvent, S>(decider: Decider<C, E, S>): DeciderSpecification<C, E, S> => ({
  given: (events = []) => {
    const state = () => events.reduce(decider.evolve, decider.initialState);
    return {
      state,
      when: (command) => {
        const run = (): { events: readonly E[] } | { error: unknown } => {
          try {
            return { events: decider.decide(command, state()) };
          } catch (error) {
            return { error };
          }
        };
        const decided = (what: string): readonly E[] => {
          const result = run();
          if ('error' in result) {
            throw new AssertionError({ message: `expected ${what}, but the command was refused: ${String(result.error)}`, actual: result.error });
          }
          return result.events;
        };
        return {
          then: (expected) => {
            const events = decided('events');
            deepStrictEqual(events, expected);
            return events.reduce(decider.evolve, state());
          },
          thenNothingHappens: () => {
            deepStrictEqual(decided('no events'), []);
          },
          thenThrows: (errorClass, check) => {
            const result = run();
            if (!('error' in result)) {
              throw new AssertionError({ message: `expected ${errorClass.name}, but the decider decided ${JSON.stringify(result.events)}`, actual: result.events, expected: errorClass.name });
            }
            if (!(result.error instanceof errorClass)) {
              throw new AssertionError({ message: `expected ${errorClass.name}, got ${String(result.error)}`, actual: result.error, expected: errorClass.name });
            }
            const error = result.error as InstanceType<typeof errorClass>;
            if (typeof check === 'function') check(error);
            else if (check) {
              for (const [key, value] of Object.entries(check)) deepStrictEqual((error as Record<string, unknown>)[key], value, `error.${key}`);
            }
            return error;
          },
        };
      },
    };
  },
});
