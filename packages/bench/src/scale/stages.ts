/**
 * The scale runs: the provider's year at 1×, then 10×, 15× (a national year: about 30,000 trainees and
 * 3 M events) and, when asked, 50×, each a store holding that many providers' years, rebuilt into every projection.
 * One child process fills one store cumulatively (1 provider, then 9 more, 5 more, 35 more), so the
 * 50× store costs one fill, not four.
 */
export interface ScaleStage {
  readonly scale: number;
  /** Measured rebuilds (no warm-up: the 1× stage runs first and warms the code). */
  readonly runs: number;
  readonly quickRuns: number;
  /**
   * Run only when asked (`--with-50x`): filling 10 M events takes about two and a half minutes on a 2-core
   * machine and one rebuild about a minute, more than the whole bench's five-minute budget leaves.
   */
  readonly optIn?: boolean;
}

export const SCALE_STAGES: readonly ScaleStage[] = [
  { scale: 1, runs: 5, quickRuns: 3 },
  { scale: 10, runs: 3, quickRuns: 2 },
  { scale: 15, runs: 3, quickRuns: 2 },
  { scale: 50, runs: 1, quickRuns: 1, optIn: true },
];

export const scaleId = (scale: number): string => `providerYear.scale${scale}`;

/** The heap the child may use: the 50× store is about 6 GB and its read models about 3 GB. */
export const SCALE_MAX_OLD_SPACE_MB = 14_336;

/** One event in this many is serialized to measure the size of the store as JSON Lines. */
export const JSON_SAMPLE_EVERY = 10;
