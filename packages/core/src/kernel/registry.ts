import type { z } from 'zod';
import type { DomainEvent, EventMetadata, NewEvent, StoredEvent } from './envelope.js';
import type { AnyEventDefinition, EventSchemaVersion, EventsOf } from './eventDefinition.js';
import { EventValidationError, InvalidArgumentError, StoredEventInvalidError, UnknownEventTypeError, textOf, type ValidationIssue } from './errors.js';
import { deepFreeze } from './freeze.js';
import { fastParserOf, REFUSED } from './fastParse.js';
import { isUuid, type IdGenerator } from './ids.js';
import { parseInstant, type Instant } from './instant.js';
import { MAX_POSITION, MAX_REVISION, isInRange, isStreamId } from './readOptions.js';
import type { PersonalDataField } from './personalData.js';
import { toIssues } from './zodIssues.js';

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

const issue = (path: readonly (string | number)[], code: string, message: string): ValidationIssue => ({ path, code, message });

const EMPTY_METADATA: EventMetadata = Object.freeze({});
const METADATA_FIELDS = ['correlationId', 'causationId', 'actor'] as const;
const METADATA_MAX = 512;

const isMetadataField = (key: string): key is keyof EventMetadata => key === 'correlationId' || key === 'causationId' || key === 'actor';
const isMetadataText = (field: unknown): field is string => typeof field === 'string' && field.length > 0 && field.length <= METADATA_MAX;
const isMetadataObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates metadata and drops undefined fields, so that stored metadata is always the same shape (its
 * fields in the order correlationId, causationId, actor); undefined when it is not valid
 * ({@link metadataIssues} says why). Hand-written rather than zod, and with named rather than computed
 * property writes: it runs for every event appended and read, and is three optional strings.
 */
const parseMetadata = (value: unknown): EventMetadata | undefined => {
  if (value === undefined) return EMPTY_METADATA;
  if (!isMetadataObject(value)) return undefined;
  let correlationId: string | undefined;
  let causationId: string | undefined;
  let actor: string | undefined;
  // for…in with an own-property test rather than Object.keys: no array per event.
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const field = value[key];
    if (field === undefined) {
      if (!isMetadataField(key)) return undefined;
    } else if (!isMetadataText(field)) {
      return undefined;
    } else if (key === 'correlationId') {
      correlationId = field;
    } else if (key === 'causationId') {
      causationId = field;
    } else if (key === 'actor') {
      actor = field;
    } else {
      return undefined;
    }
  }
  if (correlationId === undefined && causationId === undefined && actor === undefined) return EMPTY_METADATA;
  // The usual shapes as literals of exactly their fields: the store keeps one per event.
  if (causationId === undefined && correlationId !== undefined && actor !== undefined) return Object.freeze({ correlationId, actor });
  if (correlationId !== undefined && causationId !== undefined && actor !== undefined) return Object.freeze({ correlationId, causationId, actor });
  const out: { -readonly [K in keyof EventMetadata]: string } = {};
  if (correlationId !== undefined) out.correlationId = correlationId;
  if (causationId !== undefined) out.causationId = causationId;
  if (actor !== undefined) out.actor = actor;
  return Object.freeze(out);
};

/** Why {@link parseMetadata} refused a value: the slow path, run only for an event that is refused. */
const metadataIssues = (value: unknown): ValidationIssue[] => {
  if (value === undefined) return [];
  if (!isMetadataObject(value)) return [issue(['metadata'], 'invalid_type', 'expected an object')];
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(value)) {
    const field = value[key];
    if (!isMetadataField(key)) {
      issues.push(issue(['metadata', key], 'unrecognized_key', `unknown metadata field '${key}' (known: ${METADATA_FIELDS.join(', ')})`));
    } else if (field !== undefined && !isMetadataText(field)) {
      issues.push(issue(['metadata', key], 'invalid_type', `expected a string of 1 to ${METADATA_MAX} characters`));
    }
  }
  return issues;
};

const INVALID_INSTANT = 'expected an ISO 8601 date-time with a zone';

/** Every reason a new event is refused, in field order; run only when the checks in `prepare` failed. */
const newEventIssues = (event: NewEvent, parsed: z.ZodSafeParseResult<unknown>): ValidationIssue[] => {
  const issues: ValidationIssue[] = [];
  if (parseInstant(event.occurredAt) === undefined) issues.push(issue(['occurredAt'], 'invalid_instant', INVALID_INSTANT));
  if (event.eventId !== undefined && !isUuid(event.eventId)) issues.push(issue(['eventId'], 'invalid_uuid', 'expected a UUID'));
  issues.push(...metadataIssues(event.metadata));
  if (!parsed.success) issues.push(...toIssues(parsed.error, ['data']));
  return issues;
};

/** Every reason a recorded event is refused, in field order; run only when the checks in `decode` failed. */
const recordIssues = (record: RecordedEvent, parsed: z.ZodSafeParseResult<unknown>): ValidationIssue[] => {
  const issues: ValidationIssue[] = [];
  if (parseInstant(record.occurredAt) === undefined) issues.push(issue(['occurredAt'], 'invalid_instant', INVALID_INSTANT));
  if (parseInstant(record.recordedAt) === undefined) issues.push(issue(['recordedAt'], 'invalid_instant', INVALID_INSTANT));
  if (!isUuid(record.eventId)) issues.push(issue(['eventId'], 'invalid_uuid', 'expected a UUID'));
  if (!isStreamId(record.streamId)) issues.push(issue(['streamId'], 'invalid_stream_id', 'expected a non-empty string of at most 512 characters without control characters'));
  if (!isInRange(record.streamRevision, MAX_REVISION)) issues.push(issue(['streamRevision'], 'invalid_revision', 'expected a bigint from 0 to 2^64 - 1'));
  if (!isInRange(record.globalPosition, MAX_POSITION)) issues.push(issue(['globalPosition'], 'invalid_position', 'expected a bigint from 0 to 2^128 - 1'));
  issues.push(...metadataIssues(record.metadata ?? undefined));
  if (!parsed.success) issues.push(...toIssues(parsed.error, ['data']));
  return issues;
};

/**
 * The data as the schema parses it, or {@link REFUSED}: the fast parser first (most event data), zod for
 * what it does not accept; the caller asks zod for the issues of a refusal.
 */
const parseData = (schema: z.ZodType, data: unknown): unknown => {
  const fast = fastParserOf(schema);
  if (fast !== undefined) {
    const value = fast(data);
    if (value !== REFUSED) return value;
  }
  const parsed = schema.safeParse(data);
  return parsed.success ? parsed.data : REFUSED;
};

const SMALL_BATCH = 16;
const duplicateIdError = (type: string, schemaVersion: number, first: number, index: number) =>
  new EventValidationError(type, schemaVersion, [issue(['eventId'], 'duplicate', `repeats the id of event #${first} in this batch`)], index);

const refuseRecord = (record: RecordedEvent, issues: ValidationIssue[], version: number | undefined = record.schemaVersion): never => {
  throw new StoredEventInvalidError(record.streamId, record.streamRevision, record.type, version, issues);
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
    const parsed = parseData(next.schema, lifted);
    if (parsed === REFUSED) return { ok: false, issues: toIssues(next.schema.safeParse(lifted).error!, ['data']) };
    current = parsed;
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

  /** `metadata` is the event's metadata already parsed (undefined when invalid): a batch often shares one. */
  const prepareOne = (event: NewEvent, index: number, ids: IdGenerator, metadata: EventMetadata | undefined): PreparedEvent => {
    const type = (event as { type?: unknown }).type;
    if (typeof type !== 'string') {
      throw new EventValidationError(textOf(type), undefined, [issue(['type'], 'invalid_type', 'expected an event type name')], index);
    }
    const definition = byType.get(type);
    if (!definition) throw new UnknownEventTypeError(type);
    const version = event.schemaVersion ?? definition.latestVersion;
    const schemaVersion = Number.isInteger(version) ? versionOf(definition, version) : undefined;
    if (!schemaVersion) throw new UnknownEventTypeError(type, version, definition.versions.map((v) => v.version));

    const occurredAt = parseInstant(event.occurredAt);
    const parsed = parseData(schemaVersion.schema, event.data);
    if (occurredAt === undefined || metadata === undefined || parsed === REFUSED || (event.eventId !== undefined && !isUuid(event.eventId))) {
      throw new EventValidationError(type, version, newEventIssues(event, schemaVersion.schema.safeParse(event.data)), index);
    }
    const data = deepFreeze(parsed);
    let latestData = data;
    if (version !== definition.latestVersion) {
      const lifted = upcast(definition.versions, schemaVersion, data);
      if (!lifted.ok) throw new EventValidationError(type, version, lifted.issues, index);
      latestData = deepFreeze(lifted.data);
    }
    // Not frozen: it is only handed to the adapter, which builds the frozen envelope from it.
    return {
      type,
      eventId: event.eventId ?? ids.eventId(),
      occurredAt,
      metadata,
      schemaVersion: version,
      data,
      latestVersion: definition.latestVersion,
      latestData,
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
      if (!Array.isArray(events)) throw new InvalidArgumentError('events', 'expected an array of events');
      const prepared = new Array<PreparedEvent>(events.length);
      let metadataIn: unknown;
      let metadata: EventMetadata | undefined = EMPTY_METADATA;
      for (let index = 0; index < events.length; index++) {
        const event = events[index] as NewEvent;
        if (typeof event !== 'object' || event === null) {
          throw new EventValidationError(textOf(event), undefined, [issue([], 'invalid_type', 'expected an event: an object with a type and data')], index);
        }
        // The events of one command usually share one metadata object: check it once.
        if (index === 0 || event.metadata !== metadataIn) {
          metadataIn = event.metadata;
          metadata = parseMetadata(metadataIn);
        }
        prepared[index] = prepareOne(event, index, ids, metadata);
      }
      if (prepared.length < 2) return prepared;
      if (prepared.length <= SMALL_BATCH) {
        // Pairwise for a small batch: cheaper than a Map, and the usual batch is a command's few events.
        for (let index = 1; index < prepared.length; index++) {
          const { eventId, type, schemaVersion } = prepared[index]!;
          for (let first = 0; first < index; first++) {
            if (prepared[first]!.eventId === eventId) throw duplicateIdError(type, schemaVersion, first, index);
          }
        }
        return prepared;
      }
      const seen = new Map<string, number>();
      prepared.forEach((event, index) => {
        const first = seen.get(event.eventId);
        if (first !== undefined) throw duplicateIdError(event.type, event.schemaVersion, first, index);
        seen.set(event.eventId, index);
      });
      return prepared;
    },
    decode: (record) => {
      if (typeof record !== 'object' || record === null) {
        throw new StoredEventInvalidError('(unknown)', -1n, textOf(record), undefined, [issue([], 'invalid_type', 'expected a recorded event: an object')]);
      }
      const definition = typeof record.type === 'string' ? byType.get(record.type) : undefined;
      if (!definition) return refuseRecord(record, [issue(['type'], 'unknown_type', `unknown event type '${textOf(record.type)}'`)]);
      const schemaVersion = Number.isInteger(record.schemaVersion) ? versionOf(definition, record.schemaVersion) : undefined;
      if (!schemaVersion) return refuseRecord(record, [issue(['schemaVersion'], 'unknown_version', `no schema version ${textOf(record.schemaVersion)}`)]);
      const occurredAt = parseInstant(record.occurredAt);
      const recordedAt = parseInstant(record.recordedAt);
      const metadata = parseMetadata(record.metadata ?? undefined);
      const parsed = parseData(schemaVersion.schema, record.data);
      if (
        occurredAt === undefined ||
        recordedAt === undefined ||
        metadata === undefined ||
        parsed === REFUSED ||
        !isUuid(record.eventId) ||
        !isStreamId(record.streamId) ||
        !isInRange(record.streamRevision, MAX_REVISION) ||
        !isInRange(record.globalPosition, MAX_POSITION)
      ) {
        return refuseRecord(record, recordIssues(record, schemaVersion.schema.safeParse(record.data)));
      }
      let data = parsed;
      if (record.schemaVersion !== definition.latestVersion) {
        const lifted = upcast(definition.versions, schemaVersion, data);
        if (!lifted.ok) return refuseRecord(record, lifted.issues);
        data = lifted.data;
      }
      // The metadata is frozen already and the rest are strings and bigints: only the data needs a deep freeze.
      return Object.freeze({
        type: record.type,
        data: deepFreeze(data),
        schemaVersion: definition.latestVersion,
        metadata,
        eventId: record.eventId,
        streamId: record.streamId,
        streamRevision: record.streamRevision,
        globalPosition: record.globalPosition,
        occurredAt,
        recordedAt,
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
