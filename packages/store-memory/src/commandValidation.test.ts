import {
  CommandValidationError,
  createCommandHandler,
  evolveWith,
  fixedClock,
  seededIds,
  validateCommand,
  type Decider,
} from '@itt-ledger/core';
import { createContractRegistry, type ContractEvent } from '@itt-ledger/core/testing/contract';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

type AddItem = { readonly type: 'AddItem'; readonly itemId: string; readonly quantity: number };
const addItem: z.ZodType<AddItem> = z.object({
  type: z.literal('AddItem'),
  itemId: z.string().min(1),
  quantity: z.number().int().positive(),
});

const decider: Decider<AddItem, ContractEvent, number> = {
  initialState: 0,
  commandSchema: addItem,
  decide: (command) => [{ type: 'ItemAdded', data: { itemId: command.itemId, quantity: command.quantity, unit: 'each' } }],
  evolve: evolveWith<ContractEvent, number>({ ItemAdded: (total, e) => total + e.data.quantity, ItemRemoved: (t) => t, NoteWritten: (t) => t }),
};

const setup = () => {
  const store = createInMemoryEventStore({ registry: createContractRegistry(), clock: fixedClock('2024-09-02T08:00:00Z'), ids: seededIds(1) });
  return { store, handle: createCommandHandler({ store, decider, clock: fixedClock('2024-09-02T08:00:00Z') }) };
};

describe('validateCommand', () => {
  it('returns the parsed command without unknown keys', () => {
    expect(validateCommand(addItem, { type: 'AddItem', itemId: 'a', quantity: 2, extra: 'x' })).toStrictEqual({ type: 'AddItem', itemId: 'a', quantity: 2 });
  });

  it('names every bad field and the command type', () => {
    const error = (() => {
      try {
        validateCommand(addItem, { type: 'AddItem', itemId: '', quantity: Number.NaN });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CommandValidationError);
    const invalid = error as CommandValidationError;
    expect(invalid.commandType).toBe('AddItem');
    expect(invalid.field).toBe('itemId');
    expect(invalid.issues.map((issue) => issue.path)).toStrictEqual([['itemId'], ['quantity']]);
    expect(invalid.message).toMatch(/^Command 'AddItem' is invalid: itemId: .*; quantity: /);
  });

  it('says (unknown) when the input has no type to tell', () => {
    expect(() => validateCommand(addItem, 42)).toThrow(/^Command '\(unknown\)' is invalid: \(root\)/);
  });
});

describe('a command handler whose decider has a command schema', () => {
  it('refuses bad input before reading or writing anything', async () => {
    const { store, handle } = setup();
    await expect(handle('stock-1', { type: 'AddItem', itemId: 'a', quantity: -1 })).rejects.toThrow(CommandValidationError);
    expect(await store.readAll()).toStrictEqual([]);
  });

  it('decides from the parsed command', async () => {
    const { store, handle } = setup();
    const result = await handle('stock-1', { type: 'AddItem', itemId: 'a', quantity: 3, note: 'dropped' } as AddItem);
    expect(result.state).toBe(3);
    expect((await store.readAll()).map((event) => event.data)).toStrictEqual([{ itemId: 'a', quantity: 3, unit: 'each' }]);
  });
});
