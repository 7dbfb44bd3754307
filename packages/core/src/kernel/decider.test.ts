import { AssertionError } from 'node:assert';
import { match } from 'ts-pattern';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deciderSpec } from '../testing/givenWhenThen.js';
import { evolveWith, fold, type Decider } from './decider.js';
import { CommandRejectedError, InvalidArgumentError } from './errors.js';
import { defineEvent, type EventsOf } from './eventDefinition.js';
import { seededIds } from './ids.js';
import { createEventRegistry } from './registry.js';

// A domain-free example: one library book, lent to one member at a time, extended at most twice.
const BookLent = defineEvent('BookLent', z.object({ memberId: z.string(), dueOn: z.string() }));
const LoanExtended = defineEvent('LoanExtended', z.object({ dueOn: z.string() }));
const BookReturned = defineEvent('BookReturned', z.object({ memberId: z.string() }));
const definitions = [BookLent, LoanExtended, BookReturned] as const;
type LoanEvent = EventsOf<typeof definitions>;

type LoanCommand =
  | { readonly type: 'LendBook'; readonly memberId: string; readonly dueOn: string }
  | { readonly type: 'ExtendLoan'; readonly dueOn: string }
  | { readonly type: 'ReturnBook'; readonly memberId: string };

type LoanState =
  | { readonly status: 'available'; readonly loans: number }
  | { readonly status: 'lent'; readonly loans: number; readonly memberId: string; readonly dueOn: string; readonly extensions: number };

const MAX_EXTENSIONS = 2;

const lentTo = (state: LoanState) => {
  if (state.status !== 'lent') throw new CommandRejectedError('book.notLent', 'the book is not lent');
  return state;
};

const loanDecider: Decider<LoanCommand, LoanEvent, LoanState> = {
  initialState: { status: 'available', loans: 0 },
  decide: (command, state) =>
    match(command)
      .with({ type: 'LendBook' }, ({ memberId, dueOn }): LoanEvent[] => {
        if (state.status === 'lent') {
          if (state.memberId === memberId) return []; // lending again to the holder changes nothing
          throw new CommandRejectedError('book.alreadyLent', 'the book is lent to someone else', 'memberId');
        }
        return [{ type: 'BookLent', data: { memberId, dueOn } }];
      })
      .with({ type: 'ExtendLoan' }, ({ dueOn }): LoanEvent[] => {
        const loan = lentTo(state);
        if (dueOn <= loan.dueOn) throw new CommandRejectedError('loan.dueDateNotLater', 'the new due date must be later', 'dueOn');
        if (loan.extensions >= MAX_EXTENSIONS) throw new CommandRejectedError('loan.tooManyExtensions', 'a loan is extended twice at most');
        return [{ type: 'LoanExtended', data: { dueOn } }];
      })
      .with({ type: 'ReturnBook' }, ({ memberId }): LoanEvent[] => {
        const loan = lentTo(state);
        if (loan.memberId !== memberId) throw new CommandRejectedError('loan.otherMember', 'the book is lent to someone else', 'memberId');
        return [{ type: 'BookReturned', data: { memberId } }];
      })
      .exhaustive(),
  evolve: evolveWith<LoanEvent, LoanState>({
    BookLent: (state, { data }) => ({ status: 'lent', loans: state.loans + 1, memberId: data.memberId, dueOn: data.dueOn, extensions: 0 }),
    LoanExtended: (state, { data }) => (state.status === 'lent' ? { ...state, dueOn: data.dueOn, extensions: state.extensions + 1 } : state),
    BookReturned: (state) => ({ status: 'available', loans: state.loans }),
  }),
};

const lent = { type: 'BookLent', data: { memberId: 'm1', dueOn: '2024-10-01' } } as const;
const extended = (dueOn: string) => ({ type: 'LoanExtended', data: { dueOn } }) as const;
const returned = { type: 'BookReturned', data: { memberId: 'm1' } } as const;
const spec = deciderSpec(loanDecider);

describe('loan decider', () => {
  it('lends an available book', () => {
    const state = spec.given([]).when({ type: 'LendBook', memberId: 'm1', dueOn: '2024-10-01' }).then([lent]);
    expect(state).toEqual({ status: 'lent', loans: 1, memberId: 'm1', dueOn: '2024-10-01', extensions: 0 });
  });

  it('lends a returned book again', () => {
    spec.given([lent, returned]).when({ type: 'LendBook', memberId: 'm2', dueOn: '2024-11-01' }).then([
      { type: 'BookLent', data: { memberId: 'm2', dueOn: '2024-11-01' } },
    ]);
  });

  it('does nothing when the holder asks to borrow it again', () => {
    spec.given([lent]).when({ type: 'LendBook', memberId: 'm1', dueOn: '2024-12-01' }).thenNothingHappens();
  });

  it('refuses to lend a book someone else holds', () => {
    spec.given([lent]).when({ type: 'LendBook', memberId: 'm2', dueOn: '2024-10-05' }).thenThrows(CommandRejectedError, {
      reason: 'book.alreadyLent',
      field: 'memberId',
    });
  });

  it('extends a loan twice, then refuses', () => {
    const state = spec.given([lent]).when({ type: 'ExtendLoan', dueOn: '2024-10-08' }).then([extended('2024-10-08')]);
    expect(state).toMatchObject({ dueOn: '2024-10-08', extensions: 1 });
    spec.given([lent, extended('2024-10-08')]).when({ type: 'ExtendLoan', dueOn: '2024-10-15' }).then([extended('2024-10-15')]);
    spec
      .given([lent, extended('2024-10-08'), extended('2024-10-15')])
      .when({ type: 'ExtendLoan', dueOn: '2024-10-22' })
      .thenThrows(CommandRejectedError, { reason: 'loan.tooManyExtensions', field: undefined });
  });

  it('refuses an extension that is not later, naming the field', () => {
    const error = spec.given([lent]).when({ type: 'ExtendLoan', dueOn: '2024-10-01' }).thenThrows(CommandRejectedError);
    expect([error.reason, error.field]).toEqual(['loan.dueDateNotLater', 'dueOn']);
  });

  it('refuses to extend or return a book that is not lent', () => {
    for (const given of [[], [lent, returned]] as const) {
      spec.given(given).when({ type: 'ExtendLoan', dueOn: '2024-12-01' }).thenThrows(CommandRejectedError, { reason: 'book.notLent' });
      spec.given(given).when({ type: 'ReturnBook', memberId: 'm1' }).thenThrows(CommandRejectedError, { reason: 'book.notLent' });
    }
  });

  it('takes a book back from its holder only', () => {
    expect(spec.given([lent]).when({ type: 'ReturnBook', memberId: 'm1' }).then([returned])).toEqual({ status: 'available', loans: 1 });
    spec.given([lent]).when({ type: 'ReturnBook', memberId: 'm2' }).thenThrows(CommandRejectedError, (error) => {
      expect(error.reason).toBe('loan.otherMember');
      expect(error.field).toBe('memberId');
    });
  });

  it('decides events that their schemas accept', () => {
    const registry = createEventRegistry(definitions);
    const decided = [
      ...loanDecider.decide({ type: 'LendBook', memberId: 'm1', dueOn: '2024-10-01' }, loanDecider.initialState),
      ...loanDecider.decide({ type: 'ExtendLoan', dueOn: '2024-10-08' }, spec.given([lent]).state()),
      ...loanDecider.decide({ type: 'ReturnBook', memberId: 'm1' }, spec.given([lent]).state()),
    ];
    const prepared = registry.prepare(decided.map((event) => ({ ...event, occurredAt: '2024-09-02T08:00:00Z' })), seededIds(1));
    expect(prepared.map((event) => event.type)).toEqual(['BookLent', 'LoanExtended', 'BookReturned']);
  });

  it('given(...).state() is the fold of the given events', () => {
    expect(spec.given().state()).toEqual({ status: 'available', loans: 0 });
    expect(spec.given([lent, returned, lent]).state()).toMatchObject({ status: 'lent', loans: 2 });
  });
});

describe('deciderSpec reports failures', () => {
  const lend = { type: 'LendBook', memberId: 'm1', dueOn: '2024-10-01' } as const;

  it('when other events were decided', () => {
    expect(() => spec.given([]).when(lend).then([returned])).toThrow(AssertionError);
    expect(() => spec.given([]).when(lend).then([])).toThrow(AssertionError);
    expect(() => spec.given([]).when(lend).then([lent, lent])).toThrow(AssertionError);
  });

  it('when events were expected but the command was refused', () => {
    expect(() => spec.given([lent]).when({ ...lend, memberId: 'm2' }).then([lent])).toThrow(/the command was refused: CommandRejectedError/);
  });

  it('when nothing was expected but something was decided, or the command was refused', () => {
    expect(() => spec.given([]).when(lend).thenNothingHappens()).toThrow(AssertionError);
    expect(() => spec.given([lent]).when({ ...lend, memberId: 'm2' }).thenNothingHappens()).toThrow(AssertionError);
  });

  it('when a refusal was expected but the command succeeded, failed otherwise, or for another reason', () => {
    expect(() => spec.given([]).when(lend).thenThrows(CommandRejectedError)).toThrow(/expected CommandRejectedError, but the decider decided/);
    expect(() => spec.given([lent]).when({ ...lend, memberId: 'm2' }).thenThrows(InvalidArgumentError)).toThrow(AssertionError);
    expect(() =>
      spec.given([lent]).when({ ...lend, memberId: 'm2' }).thenThrows(CommandRejectedError, { reason: 'book.notLent' }),
    ).toThrow(AssertionError);
    expect(() =>
      spec.given([lent]).when({ ...lend, memberId: 'm2' }).thenThrows(CommandRejectedError, (error) => expect(error.field).toBe('dueOn')),
    ).toThrow();
  });
});

describe('evolveWith and fold', () => {
  it('leaves the state as it is for an event without a handler', () => {
    const evolve = evolveWith<LoanEvent, number>({ BookLent: (n) => n + 1, LoanExtended: (n) => n + 10, BookReturned: (n) => n + 100 });
    const stranger = { type: 'SomethingElse', data: {} } as unknown as LoanEvent;
    expect(evolve(5, stranger)).toBe(5);
    expect(fold(evolve, 0, [lent, extended('x'), returned, stranger, lent])).toBe(112);
  });

  it('fold folds left to right', () => {
    expect(fold((s: string, e: string) => s + e, '>', ['a', 'b', 'c'])).toBe('>abc');
    expect(fold((s: string, e: string) => s + e, '>', [])).toBe('>');
  });
});
