import type { z } from 'zod';
import type { DomainEvent, EventMetadata, NewEvent, StoredEvent } from './envelope.js';
import type { AnyEventDefinition, EventSchemaVersion, EventsOf } from './eventDefinition.js';
import { EventValidationError, StoredEventInvalidError, UnknownEventTypeError, type ValidationIssue } from './errors.js';
import { deepFreeze } from './freeze.js';
import { isUuid, type IdGenerator } from './ids.js';
import { parseInstant, type Instant } from './instant.js';
import type { PersonalDataField } from './personalData.js';

/** An event that passed validation and is ready to be written; its data and metadata are frozen. */
export interface PreparedEvent {
  readonly type: string;
  readonly eventId: string;
  readonly occurredAt: Instant;
  readonly metadata: EventMetadata;
  /** The version and data as offered: what a store that keeps facts as written persists. */
  readonly schemaVersion: number;
  readonly data: unknown;
  /** The data lifted to the latest version (the same object when it already is). */
  readonly latestVersion: number;
  readonly latestData: unknown;
}

/** Where a prepared event landed: the store's part of the envelope. */
export interface EventPlacement {
  readonly streamId: string;
  readonly streamRevision: bigint;
  readonly globalPosition: bigint;
  readonly recordedAt: Instant;
}

/** An event as a store gives it back, before it is trusted: every field is checked by `decode`. */
export interface RecordedEvent extends EventPlacement {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly eventId: string;
  readonly occurredAt: string;
}

export interface EventRegistry<E extends DomainEvent = DomainEvent> {
  readonly types: readonly E['type'][];
  definition(type: string): AnyEventDefinition | undefined;
  personalData(type: string, schemaVersion?: number): readonly PersonalDataField[];
  /** Validates a whole batch; throws on the first bad event, so a store writes nothing. */
  prepare(events: readonly NewEvent<E>[], ids: IdGenerator): readonly PreparedEvent[];
  /** Validates, upcasts and freezes an event read back from a store; throws {@link StoredEventInvalidError}. */
  decode(record: RecordedEvent): StoredEvent<E>;
}

const toIssues = (error: z.ZodError, prefix: readonly (string | number)[]): ValidationIssue[] =>
  error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    code: issue.code,
    message: issue.message,
  }));

const issue = (path: readonly (string | number)[], code: string, message: string): ValidationIssue => ({ path, code, message });

const EMPTY_METADATA: EventMetadata = Object.freeze({});
const METADATA_FIELDS = ['correlationId', 'causationId', 'actor'] as const;
const METADATA_MAX = 512;

/**
 * Validates metadata and drops undefined fields, so that stored metadata is always the same shape.
 * Hand-written rather than zod: it runs for every event appended and read, and is three optional strings.
 */
const parseMetadata = (value: unknown): { ok: true; value: EventMetadata } | { ok: false; issues: ValidationIssue[] } => {
  if (value === undefined) return { ok: true, value: EMPTY_METADATA };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, issues: [issue(['metadata'], 'invalid_type', 'expected an object')] };
  }
  const issues: ValidationIssue[] = [];
  const out: { -readonly [K in keyof EventMetadata]: string } = {};
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    if (!(METADATA_FIELDS as readonly string[]).includes(key)) {
      issues.push(issue(['metadata', key], 'unrecognized_key', `unknown metadata field '${key}' (known: ${METADATA_FIELDS.join(', ')})`));
    } else if (field === undefined) {
      continue;
    } else if (typeof field !== 'string' || field.length === 0 || field.length > METADATA_MAX) {
      issues.push(issue(['metadata', key], 'invalid_type', `expected a string of 1 to ${METADATA_MAX} characters`));
    } else {
      out[key as keyof EventMetadata] = field;
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: Object.keys(out).length === 0 ? EMPTY_METADATA : Object.freeze(out) };
};

/** Lifts data through the upcasters from `from` to the latest version, validating at every step. */
const upcast = (
  versions: readonly EventSchemaVersion[],
  from: EventSchemaVersion,
  data: unknown,
): { ok: true; data: unknown } | { ok: false; issues: ValidationIssue[] } => {
  let current = data;
  for (let i = from.version; i < versions.length; i++) {
    const step = versions[i - 1];
    const next = versions[i];
    if (!step?.upcast || !next) return { ok: false, issues: [issue([], 'upcast', `no upcaster from v${i}`)] };
    let lifted: unknown;
    try {
      lifted = step.upcast(current);
    } catch (error) {
      return { ok: false, issues: [issue([], 'upcast', `upcaster v${i}→v${i + 1} threw: ${(error as Error).message}`)] };
    }
    const parsed = next.schema.safeParse(lifted);
    if (!parsed.success) return { ok: false, issues: toIssues(parsed.error, ['data']) };
    current = parsed.data;
  }
  return { ok: true, data: current };
};

/** The registry of every event type a store accepts: validation on write, upcasting and validation on read. */
export const createEventRegistry = <const Defs extends readonly AnyEventDefinition[]>(
  definitions: Defs,
): EventRegistry<EventsOf<Defs>> => {
  const byType = new Map<string, AnyEventDefinition>();
  for (const definition of definitions) {
    if (byType.has(definition.type)) throw new Error(`event type '${definition.type}' is defined twice`);
    byType.set(definition.type, definition);
  }

  const versionOf = (definition: AnyEventDefinition, version: number) => definition.versions[version - 1];

  const prepareOne = (event: NewEvent, index: number, ids: IdGenerator): PreparedEvent => {
    const type = (event as { type?: unknown }).type;
    if (typeof type !== 'string') {
      throw new EventValidationError(String(type), undefined, [issue(['type'], 'invalid_type', 'expected an event type name')], index);
    }
    const definition = byType.get(type);
    if (!definition) throw new UnknownEventTypeError(type);
    const version = event.schemaVersion ?? definition.latestVersion;
    const schemaVersion = Number.isInteger(version) ? versionOf(definition, version) : undefined;
    if (!schemaVersion) throw new UnknownEventTypeError(type, version, definition.versions.map((v) => v.version));

    const issues: ValidationIssue[] = [];
    const occurredAt = parseInstant(event.occurredAt);
    if (occurredAt === undefined) issues.push(issue(['occurredAt'], 'invalid_instant', 'expected an ISO 8601 date-time with a zone'));
    if (event.eventId !== undefined && !isUuid(event.eventId)) issues.push(issue(['eventId'], 'invalid_uuid', 'expected a UUID'));
    const metadata = parseMetadata(event.metadata);
    if (!metadata.ok) issues.push(...metadata.issues);
    const parsed = schemaVersion.schema.safeParse(event.data);
    if (!parsed.success) issues.push(...toIssues(parsed.error, ['data']));
    if (issues.length > 0 || !parsed.success || !metadata.ok || occurredAt === undefined) {
      throw new EventValidationError(type, version, issues, index);
    }
    const data = deepFreeze(parsed.data);
    const lifted = upcast(definition.versions, schemaVersion, data);
    if (!lifted.ok) throw new EventValidationError(type, version, lifted.issues, index);
    // Not frozen: it is only handed to the adapter, which builds the frozen envelope from it.
    return {
      type,
      eventId: event.eventId ?? ids.eventId(),
      occurredAt,
      metadata: metadata.value,
      schemaVersion: version,
      data,
      latestVersion: definition.latestVersion,
      latestData: deepFreeze(lifted.data),
    };
  };

  return {
    types: [...byType.keys()] as never,
    definition: (type) => byType.get(type),
    personalData: (type, schemaVersion) => {
      const definition = byType.get(type);
      if (!definition) return [];
      return versionOf(definition, schemaVersion ?? definition.latestVersion)?.personalData ?? [];
    },
    prepare: (events, ids) => {
      const prepared = events.map((event, index) => prepareOne(event as NewEvent, index, ids));
      const seen = new Map<string, number>();
      prepared.forEach((event, index) => {
        const first = seen.get(event.eventId);
        if (first !== undefined) {
          throw new EventValidationError(event.type, event.schemaVersion, [issue(['eventId'], 'duplicate', `repeats the id of event #${first} in this batch`)], index);
        }
        seen.set(event.eventId, index);
      });
      return prepared;
    },
    decode: (record) => {
      const fail = (issues: ValidationIssue[], version: number | undefined = record.schemaVersion): never => {
        throw new StoredEventInvalidError(record.streamId, record.streamRevision, record.type, version, issues);
      };
      const definition = byType.get(record.type);
      if (!definition) return fail([issue(['type'], 'unknown_type', `unknown event type '${record.type}'`)]);
      const schemaVersion = Number.isInteger(record.schemaVersion) ? versionOf(definition, record.schemaVersion) : undefined;
      if (!schemaVersion) return fail([issue(['schemaVersion'], 'unknown_version', `no schema version ${String(record.schemaVersion)}`)]);
      const issues: ValidationIssue[] = [];
      const occurredAt = parseInstant(record.occurredAt);
      if (occurredAt === undefined) issues.push(issue(['occurredAt'], 'invalid_instant', 'expected an ISO 8601 date-time with a zone'));
      const recordedAt = parseInstant(record.recordedAt);
      if (recordedAt === undefined) issues.push(issue(['recordedAt'], 'invalid_instant', 'expected an ISO 8601 date-time with a zone'));
      if (!isUuid(record.eventId)) issues.push(issue(['eventId'], 'invalid_uuid', 'expected a UUID'));
      if (typeof record.streamRevision !== 'bigint' || record.streamRevision < 0n) issues.push(issue(['streamRevision'], 'invalid_revision', 'expected a bigint ≥ 0'));
      if (typeof record.globalPosition !== 'bigint' || record.globalPosition < 0n) issues.push(issue(['globalPosition'], 'invalid_position', 'expected a bigint ≥ 0'));
      const metadata = parseMetadata(record.metadata ?? undefined);
      if (!metadata.ok) issues.push(...metadata.issues);
      const parsed = schemaVersion.schema.safeParse(record.data);
      if (!parsed.success) issues.push(...toIssues(parsed.error, ['data']));
      if (issues.length > 0 || !parsed.success || !metadata.ok) return fail(issues);
      const lifted = upcast(definition.versions, schemaVersion, parsed.data);
      if (!lifted.ok) return fail(lifted.issues);
      return deepFreeze({
        type: record.type,
        data: lifted.data,
        schemaVersion: definition.latestVersion,
        metadata: metadata.value,
        eventId: record.eventId,
        streamId: record.streamId,
        streamRevision: record.streamRevision,
        globalPosition: record.globalPosition,
        occurredAt: occurredAt as Instant,
        recordedAt: recordedAt as Instant,
      }) as unknown as StoredEvent<never>;
    },
  };
};

/** Builds the frozen envelope readers see, from a prepared event and where it landed. */
export const toStoredEvent = <E extends DomainEvent>(event: PreparedEvent, placement: EventPlacement): StoredEvent<E> =>
  Object.freeze({
    type: event.type,
    data: event.latestData,
    schemaVersion: event.latestVersion,
    metadata: event.metadata,
    eventId: event.eventId,
    streamId: placement.streamId,
    streamRevision: placement.streamRevision,
    globalPosition: placement.globalPosition,
    occurredAt: event.occurredAt,
    recordedAt: placement.recordedAt,
  }) as unknown as StoredEvent<E>;
