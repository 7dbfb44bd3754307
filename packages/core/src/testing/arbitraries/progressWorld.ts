import fc from 'fast-check';
import type { LocalDate } from '../../calendar/localDate.js';
import type { IrpCommand } from '../../irp/commands.js';
import type { IrpState } from '../../irp/state.js';
import type { LeadMentorQaCommand } from '../../leadMentorQa/commands.js';
import type { LeadMentorQaState } from '../../leadMentorQa/decider.js';
import type { ByReviewPointId } from '../../progress/service.js';
import type { ReviewPointCommand } from '../../reviewPoint/commands.js';
import type { ReviewPointState } from '../../reviewPoint/decider.js';
import { createReviewPolicy } from '../../reviewPoint/policy.js';
import type { SchoolPhase } from '../../school/events.js';
import type { TargetCommand } from '../../target/commands.js';
import type { TargetState } from '../../target/decider.js';
import type { WelfareCommand } from '../../welfare/commands.js';
import type { WelfareState } from '../../welfare/decider.js';

const WORLD_SCHOOLS: readonly { readonly schoolId: string; readonly providerId: string; readonly name: string; readonly phase: SchoolPhase }[] = [
  { schoolId: 'school-0', providerId: 'provider-a', name: 'Oak Primary', phase: 'primary' },
  { schoolId: 'school-1', providerId: 'provider-a', name: 'Ash Academy', phase: 'secondary' },
  { schoolId: 'school-2', providerId: 'provider-b', name: 'Elm Infants', phase: 'primary' },
];

/** A small world the progress arbitraries draw from: ids repeat, so commands meet each other's aggregates. */
export const PROGRESS_WORLD = Object.freeze({
  academicYear: '2024/25',
  firstDay: '2024-09-02',
  leadershipId: 'itt-lead',
  leadMentorId: 'lead-mentor',
  /** Every welfare note the arbitraries write carries this mark, so a test can search any output for it. */
  welfareMark: 'WELFARE-NOTE',
  stages: ['introductory', 'development', 'consolidation'] as const,
  areas: ['behaviour management', 'adaptive teaching', 'subject knowledge', 'assessment', 'planning'] as const,
  schools: WORLD_SCHOOLS,
  trainees: [0, 1, 2, 3].map((i) => ({
    traineeId: `trainee-${i}`,
    placementId: `placement-${i}`,
    schoolId: `school-${i % 3}`,
    providerId: i % 3 === 2 ? 'provider-b' : 'provider-a',
    mentorId: `mentor-${i}`,
  })),
});

export type WorldTrainee = (typeof PROGRESS_WORLD.trainees)[number];

/** The world's provider requires its lead mentor at the development review point only. */
export const WORLD_POLICY = createReviewPolicy(PROGRESS_WORLD.stages, ['development']);

/** One command for one aggregate of the world. Review points are named by id, as callers do. */
export type ProgressStep =
  | { readonly kind: 'reviewPoint'; readonly id: string; readonly command: ReviewPointCommand }
  | { readonly kind: 'target'; readonly id: string; readonly command: ByReviewPointId<TargetCommand> }
  | { readonly kind: 'leadMentorQa'; readonly id: string; readonly command: ByReviewPointId<LeadMentorQaCommand> }
  | { readonly kind: 'irp'; readonly id: string; readonly command: ByReviewPointId<IrpCommand> }
  | { readonly kind: 'welfare'; readonly id: string; readonly command: WelfareCommand };

/** The aggregates as they stand, so a generated command can aim at something that exists. */
export interface WorldView {
  reviewPoint(reviewPointId: string): ReviewPointState;
  target(targetId: string): TargetState;
  leadMentorQa(placementId: string): LeadMentorQaState;
  irp(traineeId: string): IrpState;
  welfare(traineeId: string): WelfareState;
}

/** A command still to be made: on `day`, from the world as it then stands. */
export type StepTemplate = (day: LocalDate, view: WorldView) => ProgressStep;

export interface DatedTemplate {
  readonly day: LocalDate;
  /** Days after `day` the step is recorded: most steps the same day, some late. */
  readonly recordedLate: number;
  readonly next: StepTemplate;
}

export interface DatedStep {
  readonly day: LocalDate;
  readonly recordedLate: number;
  readonly step: ProgressStep;
}

export const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
export const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** Mostly `valid`, now and then `other`: random sequences reach deep into a lifecycle and still meet its refusals. */
export const mostly = <T>(valid: fc.Arbitrary<T>, other: fc.Arbitrary<T>) => fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: other });
export const optional = <K extends string, T>(key: K, value: T | undefined): { [P in K]?: T } => (value === undefined ? {} : ({ [key]: value } as { [P in K]: T }));
/** The `n`th of `items`, round and round; undefined when there are none. */
export const choose = <T>(items: readonly T[], n: number): T | undefined => (items.length === 0 ? undefined : items[n % items.length]);

export const reviewPointIdOf = (t: WorldTrainee, k: number) => `${t.traineeId}-rp-${k}`;
export const REVIEW_POINT_SLOTS = [0, 1, 2] as const;
