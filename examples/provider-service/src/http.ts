import type { IncomingMessage, ServerResponse } from 'node:http';

/** A refusal at the HTTP layer itself (a body too large, not JSON, a bad header): status, code, and why. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly field?: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The default largest body accepted: a command is a few hundred bytes; a school calendar a few KiB. */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Reads a JSON body, refusing more than `limit` bytes as soon as they arrive (413; the rest is not
 * buffered), a body that is not `application/json` (415), and text that does not parse (400).
 */
export const readJsonBody = async (request: IncomingMessage, limit: number): Promise<unknown> => {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new HttpError(415, 'unsupported_media_type', 'send the command as application/json', 'content-type');
  }
  // The connection closes after a 413: the rest of the body is not read.
  const tooLarge = () => new HttpError(413, 'payload_too_large', `the body is limited to ${limit} bytes`, undefined, { connection: 'close' });
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'invalid_json', 'the body is not valid JSON');
  }
};

// Revisions and positions are bigints; JSON carries them as decimal strings, as the export format does.
const replacer = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);

export const sendJson = (response: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void => {
  const text = JSON.stringify(body, replacer);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
};
