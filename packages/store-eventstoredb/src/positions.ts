/** A $all position as EventStoreDB reports it: commit and prepare offsets, each an unsigned 64-bit integer. */
export interface AllPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

const U64_MAX = (1n << 64n) - 1n;
const MAX_GLOBAL = (1n << 128n) - 1n;

/**
 * The port's single bigint global position: the commit offset in the high 64 bits, the prepare offset in
 * the low 64 bits. $all is ordered by commit, then prepare, so comparing these bigints compares positions,
 * and the pair comes back exactly. On EventStoreDB 20+ the two halves are equal for an ordinary append;
 * events written in one transaction share a commit and differ by prepare, which a commit-only number
 * could not tell apart.
 */
export const toGlobalPosition = ({ commit, prepare }: AllPosition): bigint => (commit << 64n) | prepare;

/** The pair behind a global position; positions past the largest pair read as the end of $all. */
export const fromGlobalPosition = (position: bigint): AllPosition => {
  const value = position > MAX_GLOBAL ? MAX_GLOBAL : position;
  return { commit: value >> 64n, prepare: value & U64_MAX };
};

/** EventStoreDB before 22.10 reports no $all position on stream reads: both halves are then 2^64 - 1. */
export const isKnownPosition = (position: AllPosition | undefined): position is AllPosition =>
  position !== undefined && position.commit !== U64_MAX && position.prepare !== U64_MAX;
