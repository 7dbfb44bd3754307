import { StoreUnavailableError } from '@itt-ledger/core';
import { isTransient } from './errors.js';

/** How often and how patiently a failed call is tried again (only after transient failures). */
export interface RetryPolicy {
  /** Further tries after the first; 0 turns retrying off. */
  readonly retries: number;
  /** The wait before the first retry; it doubles each time, up to `maxDelayMs`. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { retries: 4, initialDelayMs: 50, maxDelayMs: 2_000 };

export const backoffDelay = (policy: RetryPolicy, failures: number): number =>
  Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, failures - 1));

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it succeeds, fails for good, or has failed transiently `retries + 1` times. */
export const retrying = async <T>(policy: RetryPolicy, attempt: () => Promise<T>, stopped: () => boolean): Promise<T> => {
  for (let failures = 1; ; failures++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isTransient(error) || failures > policy.retries || stopped()) throw error;
      await sleep(backoffDelay(policy, failures));
    }
  }
};

/** Settles with `work`, or fails with StoreUnavailableError after `ms`, whichever comes first. */
export const withDeadline = <T>(work: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new StoreUnavailableError(`EventStoreDB did not answer ${what} within ${ms} ms`)), ms);
    work.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error as Error)),
    );
  });
