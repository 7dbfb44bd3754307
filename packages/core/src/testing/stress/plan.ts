import type { NewEvent } from '../../kernel/envelope.js';
import { seededIds, seededRandom } from '../../kernel/ids.js';
import type { ContractEvent } from '../contract/fixtures.js';
import type { StockCommand } from './stockDecider.js';

/**
 * One command of the workload. `retrying`: the handler reloads and retries on a conflict. `stale`: the
 * caller passes the revision it saw (on the first try, one it knows is out of date when `stale`), gets
 * the conflict, reloads and tries again. `idempotent`: with a command id, and sent again after success.
 * `direct`: an append with `any`, sent again whole, then again with its first id and a new one.
 */
export type StressStep =
  | { readonly kind: 'retrying'; readonly streamId: string; readonly command: StockCommand }
  | { readonly kind: 'stale'; readonly streamId: string; readonly command: StockCommand; readonly stale: boolean }
  | { readonly kind: 'idempotent'; readonly streamId: string; readonly command: StockCommand; readonly commandId: string }
  | { readonly kind: 'direct'; readonly streamId: string; readonly events: readonly NewEvent<ContractEvent>[]; readonly resend: boolean };

export interface StressPlanOptions {
  readonly commands: number;
  readonly streams: number;
  readonly hotStreams: number;
  readonly seed: number;
  readonly prefix: string;
  readonly occurredAt: string;
}

const ITEMS = 6;

export const planStress = (options: StressPlanOptions): readonly StressStep[] => {
  const random = seededRandom(options.seed);
  const ids = seededIds(options.seed);
  const below = (n: number) => Math.floor(random() * n);
  const streamIds = Array.from({ length: options.streams }, (_, i) => `${options.prefix}stock-${i}`);
  // Half of the commands go to the few hot streams, where writers collide.
  const pickStream = () => streamIds[random() < 0.5 ? below(Math.min(options.hotStreams, streamIds.length)) : below(streamIds.length)]!;
  const item = () => `item-${below(ITEMS)}`;
  const command = (): StockCommand => {
    const roll = random();
    if (roll < 0.45) return { type: 'AddItems', items: Array.from({ length: 1 + below(3) }, () => ({ itemId: item(), quantity: 1 + below(5) })) };
    if (roll < 0.8) return { type: 'RemoveItem', itemId: item() };
    return { type: 'WriteNote', authorId: `author-${below(4)}`, text: `note ${below(1_000)}` };
  };
  const note = (): NewEvent<ContractEvent> => ({
    type: 'NoteWritten',
    data: { authorId: 'direct', text: `direct ${below(1_000)}`, tags: [] },
    occurredAt: options.occurredAt,
    eventId: ids.eventId(),
  });
  return Array.from({ length: options.commands }, (_, index): StressStep => {
    const streamId = pickStream();
    const roll = random();
    if (roll < 0.4) return { kind: 'retrying', streamId, command: command() };
    if (roll < 0.65) return { kind: 'stale', streamId, command: command(), stale: random() < 0.5 };
    if (roll < 0.85) return { kind: 'idempotent', streamId, command: command(), commandId: `command-${options.seed}-${index}` };
    return { kind: 'direct', streamId, events: Array.from({ length: 1 + below(2) }, note), resend: random() < 0.5 };
  });
};
