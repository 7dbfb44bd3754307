import { Metadata, status, type StatusObject } from '@grpc/grpc-js';
import type { ExpectedState, LogPosition, ProposedEvent, ServerEvent } from './log.js';
import { ReadResp, StreamIdentifier, UUID, type shared, type streams } from './protocol.js';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A gRPC error as EventStoreDB sends it: a status, and the `exception` trailer the client maps to its error types. */
export type RpcError = Partial<StatusObject>;

const rpcError = (code: status, details: string, trailers: Record<string, string> = {}): RpcError => {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return { code, details, metadata };
};

export const unavailableError = (why: string): RpcError => rpcError(status.UNAVAILABLE, why);
export const streamDeletedError = (streamName: string): RpcError =>
  rpcError(status.FAILED_PRECONDITION, `Event stream '${streamName}' is deleted.`, { exception: 'stream-deleted', 'stream-name': streamName });
export const badRequestError = (why: string): RpcError => rpcError(status.INVALID_ARGUMENT, why);
export const missingMetadataError = (): RpcError =>
  rpcError(status.INVALID_ARGUMENT, 'Required metadata properties are missing: type, content-type', {
    exception: 'missing-required-metadata-property',
    'required-metadata-properties': 'type,content-type',
  });
export const maxAppendSizeError = (max: number): RpcError =>
  rpcError(status.INVALID_ARGUMENT, `Maximum Append Size of ${max} Exceeded.`, { exception: 'maximum-append-size-exceeded', 'maximum-append-size': String(max) });

/** EventStoreDB's numbers for expected states in `expected-version` trailers. */
export const expectedVersionNumber = (expected: ExpectedState): bigint =>
  expected.kind === 'revision' ? expected.revision : expected.kind === 'no_stream' ? -1n : expected.kind === 'any' ? -2n : -4n;

export const wrongExpectedVersionError = (streamName: string, expected: ExpectedState, current: bigint | undefined): RpcError =>
  rpcError(status.FAILED_PRECONDITION, `Append failed due to WrongExpectedVersion. Stream: ${streamName}`, {
    exception: 'wrong-expected-version',
    'stream-name': streamName,
    'expected-version': String(expectedVersionNumber(expected)),
    ...(current === undefined ? {} : { 'actual-version': String(current) }),
  });

const hex = (value: string) => BigInt.asUintN(64, BigInt(value)).toString(16).padStart(16, '0');

/** A UUID in either wire form, as a lower-case string. */
export const uuidString = (uuid: shared.UUID | undefined): string | undefined => {
  if (!uuid) return undefined;
  if (uuid.hasString()) return uuid.getString().toLowerCase();
  const structured = uuid.getStructured();
  if (!structured) return undefined;
  const digits = hex(structured.getMostSignificantBits()) + hex(structured.getLeastSignificantBits());
  return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-${digits.slice(12, 16)}-${digits.slice(16, 20)}-${digits.slice(20)}`;
};

const toUuid = (id: string, structured: boolean): shared.UUID => {
  const uuid = new UUID();
  if (!structured) return uuid.setString(id);
  const digits = id.replaceAll('-', '');
  const signed = (part: string) => BigInt.asIntN(64, BigInt(`0x${part}`)).toString();
  return uuid.setStructured(
    new UUID.Structured().setMostSignificantBits(signed(digits.slice(0, 16))).setLeastSignificantBits(signed(digits.slice(16))),
  );
};

export const streamNameOf = (identifier: shared.StreamIdentifier | undefined): string | undefined =>
  identifier ? Buffer.from(identifier.getStreamName_asU8()).toString('utf8') : undefined;

export const toStreamIdentifier = (streamName: string): shared.StreamIdentifier =>
  new StreamIdentifier().setStreamName(Uint8Array.from(Buffer.from(streamName, 'utf8')));

/** The expected state of an Append, Tombstone or BatchAppend options message. */
export const expectedStateOf = (
  options: { hasAny(): boolean; hasNoStream(): boolean; hasStreamExists(): boolean },
  revision: string | undefined,
): ExpectedState | undefined => {
  if (revision !== undefined) return { kind: 'revision', revision: BigInt(revision) };
  if (options.hasAny()) return { kind: 'any' };
  if (options.hasNoStream()) return { kind: 'no_stream' };
  if (options.hasStreamExists()) return { kind: 'stream_exists' };
  return undefined;
};

/** A proposed message of Append or BatchAppend; undefined when `type` or `content-type` is missing. */
export const proposedEventOf = (message: streams.AppendReq.ProposedMessage | streams.BatchAppendReq.ProposedMessage): ProposedEvent | undefined => {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  const id = uuidString(message.getId());
  if (type === undefined || contentType === undefined || id === undefined) return undefined;
  return { id, type, contentType, data: message.getData_asU8(), customMetadata: message.getCustomMetadata_asU8() };
};

export const toPosition = <T extends { setCommitPosition(value: string): T; setPreparePosition(value: string): T }>(target: T, position: LogPosition): T =>
  target.setCommitPosition(position.commit.toString()).setPreparePosition(position.prepare.toString());

/** A ReadResp carrying one event, with its $all position (EventStoreDB 22.10+ fills it on stream reads too). */
export const eventResponse = (event: ServerEvent, structuredIds: boolean): streams.ReadResp => {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(toUuid(event.id, structuredIds))
    .setStreamIdentifier(toStreamIdentifier(event.streamName))
    .setStreamRevision(event.revision.toString())
    .setCommitPosition(event.position.commit.toString())
    .setPreparePosition(event.position.prepare.toString())
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  recorded.getMetadataMap().set('type', event.type).set('content-type', event.contentType).set('created', event.created.toString());
  return new ReadResp().setEvent(new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(event.position.commit.toString()));
};
