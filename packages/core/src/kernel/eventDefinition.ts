import type { z } from 'zod';
import { personalDataFields, type PersonalDataField } from './personalData.js';

/** One version of an event's schema, and how to lift data of this version to the next. */
export interface EventSchemaVersion {
  readonly version: number;
  readonly schema: z.ZodType;
  readonly personalData: readonly PersonalDataField[];
  /** Present on every version but the latest. */
  readonly upcast?: (data: unknown) => unknown;
}

/** An event type: its name (past tense), its schema versions oldest first, and upcasters between them. */
export interface EventDefinition<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly latestVersion: number;
  readonly versions: readonly EventSchemaVersion[];
  /** Type-level only: the data of the latest version. */
  readonly _data?: Data;
  /**
   * A new version of this event. `upcast` turns data of the current latest version into input for
   * `schema`; stored events of older versions are read through the whole chain.
   */
  upcastTo<S extends z.ZodType>(schema: S, upcast: (previous: Data) => z.input<S>): EventDefinition<Type, z.output<S>>;
}

export type AnyEventDefinition = EventDefinition<string, any>;

/** The event a definition describes, as a decider produces it and a projection receives it. */
export type EventOf<D> = D extends EventDefinition<infer T, infer Data> ? { readonly type: T; readonly data: Data } : never;

/** The union of the events of a list of definitions. */
export type EventsOf<Defs extends readonly AnyEventDefinition[]> = EventOf<Defs[number]>;

const build = <Type extends string, Data>(
  type: Type,
  versions: readonly EventSchemaVersion[],
): EventDefinition<Type, Data> => {
  const latest = versions[versions.length - 1];
  if (!latest) throw new Error('an event definition needs at least one version');
  return Object.freeze({
    type,
    latestVersion: latest.version,
    versions,
    upcastTo: <S extends z.ZodType>(schema: S, upcast: (previous: Data) => z.input<S>) =>
      build<Type, z.output<S>>(type, [
        ...versions.slice(0, -1),
        { ...latest, upcast: upcast as (data: unknown) => unknown },
        { version: latest.version + 1, schema, personalData: personalDataFields(schema) },
      ]),
  });
};

/**
 * Defines an event type at schema version 1. Name it in the past tense: an event is a fact.
 *
 * @example
 * const MeetingRecorded = defineEvent('MeetingRecorded', z.object({ minutes: z.number().int() }))
 *   .upcastTo(z.object({ minutes: z.number().int(), kind: z.string() }), (v1) => ({ ...v1, kind: 'weekly' }));
 */
export const defineEvent = <Type extends string, S extends z.ZodType>(type: Type, schema: S): EventDefinition<Type, z.output<S>> => {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(type)) throw new Error(`event type '${type}' must be a PascalCase word`);
  return build<Type, z.output<S>>(type, [{ version: 1, schema, personalData: personalDataFields(schema) }]);
};
