import { CommandRejectedError, CommandValidationError, InvalidArgumentError, IttLedgerError, type DomainEvent, type EventStore } from '@itt-ledger/core';
import { issuesName, type InputPath } from '@itt-ledger/core/testing';
import { expect } from 'vitest';

/** The store with its stream reads counted: a refusal of bad input must come before any read. */
export const countingReads = <E extends DomainEvent>(store: EventStore<E>) => {
  const counted = { reads: 0, store: { ...store, readStream: (...args: Parameters<EventStore<E>['readStream']>) => (counted.reads++, store.readStream(...args)) } };
  return counted;
};

/** Which valid call a fuzz run started from (method and command type), to check every command type was fuzzed. */
export const callLabel = (valid: { readonly method: string; readonly args: Record<string, unknown> }): string =>
  `${valid.method} ${(valid.args.command as { type?: string } | undefined)?.type ?? ''}`;

/** How a corrupted input ended: accepted (the break was harmless) or refused, and by which typed error. */
export type FuzzOutcome = 'accepted' | 'invalid' | 'rejected' | 'invalidArgument';

/**
 * Sends one corrupted input and checks what every refusal must be: a typed error, nothing written, no
 * prototype changed, and bad input (a CommandValidationError naming the broken field at `path`) refused
 * before any stream is read. Which refusals a caller expects is the caller's to check.
 */
export const sendCorrupted = async (
  { store, counted }: { readonly store: { readAll(): Promise<unknown> }; readonly counted: { readonly reads: number } },
  path: InputPath,
  send: () => Promise<unknown>,
): Promise<FuzzOutcome> => {
  const before = await store.readAll();
  const reads = counted.reads;
  // A synchronous throw counts as the refusal it carries, not as a crash of the test.
  const outcome = await Promise.resolve()
    .then(send)
    .then(
      () => undefined,
      (error: unknown) => error,
    );
  expect(Object.prototype).not.toHaveProperty('polluted');
  if (outcome === undefined) return 'accepted';
  expect(outcome).toBeInstanceOf(IttLedgerError);
  expect(await store.readAll()).toEqual(before);
  if (outcome instanceof CommandValidationError) {
    expect(issuesName(outcome.issues, path)).toBe(true);
    expect(counted.reads).toBe(reads);
    return 'invalid';
  }
  if (outcome instanceof InvalidArgumentError) return 'invalidArgument';
  expect(outcome).toBeInstanceOf(CommandRejectedError);
  return 'rejected';
};
