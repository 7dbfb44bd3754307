import { createEventRegistry, defineEvent, manualClock, StreamNotFoundError, WrongExpectedRevisionError } from '@itt-ledger/core';
import { createInMemoryEventStore } from '@itt-ledger/store-memory';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withStreamPrefix } from './streamPrefix.js';

const Noted = defineEvent('Noted', z.object({ text: z.string() }));
const note = (text: string) => ({ type: 'Noted' as const, data: { text }, occurredAt: '2024-09-02T08:00:00Z' });
const server = () => createInMemoryEventStore({ registry: createEventRegistry([Noted]), clock: manualClock('2024-09-02T17:00:00Z') });

describe('withStreamPrefix', () => {
  it('keeps two runs on one server apart, each seeing its own streams under the same ids', async () => {
    const shared = server();
    const [first, second] = [withStreamPrefix(shared, 'run-1/'), withStreamPrefix(shared, 'run-2/')];
    await first.appendToStream('trainee-ada', [note('first')], { expectedRevision: 'no_stream' });
    await second.appendToStream('trainee-ada', [note('second')], { expectedRevision: 'no_stream' });
    expect((await shared.readAll()).map((event) => event.streamId)).toEqual(['run-1/trainee-ada', 'run-2/trainee-ada']);
    expect((await first.readAll()).map((event) => [event.streamId, event.data.text])).toEqual([['trainee-ada', 'first']]);
    expect((await second.readStream('trainee-ada')).map((event) => event.data.text)).toEqual(['second']);
    expect(await first.readAll({ filter: { streamPrefixes: ['trainee-'] } })).toHaveLength(1);
    expect(await first.readAll({ filter: { streamPrefixes: ['run-2/'] } })).toEqual([]);
  });

  it('names the application stream in its errors', async () => {
    const view = withStreamPrefix(server(), 'run-1/');
    await expect(view.readStream('trainee-ada')).rejects.toEqual(new StreamNotFoundError('trainee-ada'));
    await view.appendToStream('trainee-ada', [note('x')]);
    await expect(view.appendToStream('trainee-ada', [note('y')], { expectedRevision: 'no_stream' })).rejects.toMatchObject({ streamId: 'trainee-ada', expected: 'no_stream', actual: 0n });
    await expect(view.appendToStream('trainee-ada', [note('y')], { expectedRevision: 5n })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
  });

  it('is the store itself without a prefix, and refuses a prefix with control characters', () => {
    const store = server();
    expect(withStreamPrefix(store, '')).toBe(store);
    expect(() => withStreamPrefix(store, 'a\nb')).toThrow(/control characters/);
  });
});
