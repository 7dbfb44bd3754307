import { StoreUnavailableError } from '@itt-ledger/core';
import type { Readable } from 'node:stream';

/**
 * Reads a stream to its end. It fails with StoreUnavailableError when nothing arrives for `idleMs`
 * (reads have no gRPC deadline in the client), after calling `abandon` to cancel the call.
 */
export const collect = <T>(stream: Readable, idleMs: number, what: string, abandon: () => void): Promise<T[]> =>
  new Promise<T[]>((resolve, reject) => {
    const items: T[] = [];
    let timer: NodeJS.Timeout | undefined;
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      stream.off('data', onData);
      settle();
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        abandon();
        finish(() => reject(new StoreUnavailableError(`EventStoreDB sent nothing for ${idleMs} ms while ${what}`)));
      }, idleMs);
    };
    const onData = (item: T) => {
      items.push(item);
      arm();
    };
    stream.on('data', onData);
    stream.on('error', (error: Error) => finish(() => reject(error)));
    stream.once('end', () => finish(() => resolve(items)));
    arm();
  });

/** A pull-based view of a stream, pausing it while the consumer is busy. */
export interface Feed<T> {
  /** The next item, or the end (with the stream's error, if it failed). */
  next(): Promise<{ readonly item: T } | { readonly end: true; readonly error?: unknown }>;
  /** Ends the feed now: a pending or later `next()` answers the end. */
  stop(): void;
}

const HIGH_WATER = 64;

export const feed = <T>(stream: Readable): Feed<T> => {
  const buffer: T[] = [];
  let ended: { end: true; error?: unknown } | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  const end = (error?: unknown) => {
    ended ??= error === undefined ? { end: true } : { end: true, error };
    notify();
  };
  stream.on('data', (item: T) => {
    buffer.push(item);
    if (buffer.length >= HIGH_WATER) stream.pause();
    notify();
  });
  // Kept for the stream's whole life: a late error must never go unhandled.
  stream.on('error', (error: unknown) => end(error));
  stream.once('end', () => end());
  stream.once('close', () => end());
  return {
    next: async () => {
      for (;;) {
        const item = buffer.shift();
        if (item !== undefined) {
          if (buffer.length < HIGH_WATER / 4 && stream.isPaused()) stream.resume();
          return { item };
        }
        if (ended) return ended;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    stop: () => end(),
  };
};
