import type { ExpectedRevision } from '@itt-ledger/core';
import { HttpError } from './http.js';

/** A stream's revision as a strong entity tag: revision 3 is `"3"`. */
export const etagOf = (revision: bigint): string => `"${revision}"`;

const STRONG_REVISION = /^"(0|[1-9][0-9]{0,18})"$/;

/**
 * The revision a client says it saw: `If-Match: "3"` is revision 3, `If-Match: *` "the stream exists".
 * A weak tag, a list or anything else is refused: a write needs one exact revision. (A create needs no
 * `If-None-Match: *`: the domain already refuses to register or arrange the same id twice.)
 */
export const expectedRevisionFrom = (ifMatch: string | undefined): ExpectedRevision | undefined => {
  if (ifMatch === undefined) return undefined;
  const value = ifMatch.trim();
  if (value === '*') return 'stream_exists';
  const match = STRONG_REVISION.exec(value);
  if (!match) throw new HttpError(400, 'invalid_header', `expected one strong entity tag such as "3" (a stream revision), got ${JSON.stringify(ifMatch)}`, 'if-match');
  return BigInt(match[1]!);
};
