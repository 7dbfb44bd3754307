import { createEventRegistry, defineEvent, personalData, type EventsOf, type StoredEvent } from '@itt-ledger/core';
import { z } from 'zod';

// Domain-free events for the crypto-shredding tests: personal fields at the top level, optional, in an
// array of objects, in an array of strings, of two subjects in one event, and an event with none.
const person = { subjectField: 'personId' } as const;
export const PersonRegistered = defineEvent(
  'PersonRegistered',
  z.object({
    personId: z.string().min(1),
    name: personalData(z.string().min(1).max(200), person),
    email: personalData(z.string().min(3), person).optional(),
    notes: z.array(z.object({ text: personalData(z.string().min(1), { ...person, category: 'special' }), week: z.number().int() })).default([]),
    aliases: z.array(personalData(z.string().min(1), person)).default([]),
    hours: z.number().int().min(0),
  }),
);
export const PairMet = defineEvent(
  'PairMet',
  z.object({
    personId: z.string().min(1),
    mentorId: z.string().min(1),
    personNote: personalData(z.string().min(1), person),
    mentorNote: personalData(z.string().min(1), { subjectField: 'mentorId' }).optional(),
    minutes: z.number().int().min(0),
  }),
);
export const GuestNoted = defineEvent(
  'GuestNoted',
  z.object({ guestId: z.string().min(1).optional(), remark: personalData(z.string().min(1), { subjectField: 'guestId' }) }),
);
export const HoursCounted = defineEvent('HoursCounted', z.object({ personId: z.string().min(1), hours: z.number().int() }));

export const shreddingDefinitions = [PersonRegistered, PairMet, GuestNoted, HoursCounted] as const;
export type ShreddingEvent = EventsOf<typeof shreddingDefinitions>;
export const createShreddingRegistry = () => createEventRegistry(shreddingDefinitions);

export const OCCURRED = '2024-09-02T08:00:00.000Z';

/** JSON of anything a store holds, bigints included: to search it for plaintext. */
export const dataOf = (events: readonly StoredEvent<ShreddingEvent>[]) => events.map((event) => event.data);
