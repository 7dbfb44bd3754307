import { ERASED_TEXT, isErased, localDateOf, type Erased, type IttLedgerEvent, type IttLedgerEventType, type LocalDate, type StoredEvent } from '@itt-ledger/core';
import type { ReportContext } from '../report.js';

/** A stored event of the whole domain: the union narrows on `type`. */
export type LedgerEvent = StoredEvent<IttLedgerEvent>;
export type LedgerEventOf<T extends IttLedgerEventType> = StoredEvent<Extract<IttLedgerEvent, { readonly type: T }>>;

/**
 * Every event that satisfies the report's clocks (`--as-of`, `--known-at`), in global order. The context
 * filters them with the kernel's `asOfPredicate`; the CLI's registry is the domain's, so every type is one
 * of the domain's.
 */
export const ledgerEvents = async (context: ReportContext): Promise<readonly LedgerEvent[]> => (await context.readAll()) as unknown as LedgerEvent[];

export const isType = <T extends IttLedgerEventType>(type: T) => (event: LedgerEvent): event is LedgerEventOf<T> => event.type === type;

/** The events of these types, in their stored order. */
export const ofTypes = <T extends IttLedgerEventType>(events: readonly LedgerEvent[], ...types: readonly T[]): LedgerEventOf<T>[] =>
  events.filter((event): event is LedgerEventOf<T> => (types as readonly string[]).includes(event.type));

/** The UTC day of an instant: when a correction or a status change was recorded. */
export const dayOf = (instant: string): LocalDate => localDateOf(instant);

/** Schools' names by id, from `SchoolRegistered` (a school's name is not personal data). */
export const schoolNames = (events: readonly LedgerEvent[]): ReadonlyMap<string, string> =>
  new Map(ofTypes(events, 'SchoolRegistered').map((event) => [event.data.schoolId, event.data.name]));

/** Personal data as shown: `[erased]` once the subject's data was erased. */
export const shown = (value: string | Erased): string => (isErased(value) ? ERASED_TEXT : value);

/** Rows by date, oldest first; rows of one day keep the order they were given in (a stable sort). */
export const inDateOrder = <T extends { readonly date: string }>(rows: readonly T[]): T[] =>
  rows.map((row, i) => [row, i] as const).sort(([a, i], [b, j]) => (a.date < b.date ? -1 : a.date > b.date ? 1 : i - j)).map(([row]) => row);
