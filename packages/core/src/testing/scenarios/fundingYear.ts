import { createClaimService } from '../../funding/claimService.js';
import { claimDecider } from '../../funding/claim/decider.js';
import { fundingEventDefinitions } from '../../funding/events.js';
import { formatClaimsRegister } from '../../funding/format.js';
import { fundingInputs } from '../../funding/fundingInputs.js';
import { createClaimsRegister } from '../../funding/register.js';
import { providerClaimsRegister, type RegisterView } from '../../funding/registerViews.js';
import type { ManualClock } from '../../kernel/clock.js';
import { createCommandHandler } from '../../kernel/commandHandler.js';
import type { DomainEvent, NewEvent } from '../../kernel/envelope.js';
import type { Instant } from '../../kernel/instant.js';
import { createProjectionRunner, withInlineProjections } from '../../kernel/projectionRunner.js';
import type { EventStore } from '../../kernel/store.js';
import { mentorEventDefinitions, mentorStreamId } from '../../mentor/events.js';
import { mentorTrainingEventDefinitions, mentorTrainingStreamId, type TrainingMode } from '../../mentorTraining/events.js';
import { placementEventDefinitions, placementStreamId } from '../../placement/events.js';
import { standardRuleBook, type RuleBook } from '../../rules/ruleBook.js';
import { schoolEventDefinitions, schoolStreamId } from '../../school/events.js';

/** Every event type the funding year appends or reads: build the store's registry from these. */
export const fundingYearEventDefinitions = [
  ...schoolEventDefinitions,
  ...mentorEventDefinitions,
  ...placementEventDefinitions,
  ...mentorTrainingEventDefinitions,
  ...fundingEventDefinitions,
] as const;

export const FUNDING_YEAR = Object.freeze({
  providerId: 'provider-northants',
  schoolId: 'school-oakfield',
  academicYear: '2024/25',
  claimId: 'claim-oakfield-2024',
  /** Compliant: 20 hours of training, funded in full. */
  fullMentorId: 'mentor-amara',
  /** Part-way: 10 hours of training, funded pro rata. */
  partMentorId: 'mentor-tom',
} as const);

export interface FundingYearResult {
  readonly register: RegisterView;
  /** The provider's claims register as plain text (`formatClaimsRegister`). */
  readonly text: string;
}

const at = (day: string): Instant => `${day}T16:00:00.000Z`;

/**
 * One provider's funding year, end to end on any store whose registry knows `fundingYearEventDefinitions`:
 * a school in the rest of England, two mentors each with a trainee, one trained for 20 hours and one for
 * 10, then one claim through draft, submission and payment. Amara's line comes to £876, Tom's to £438
 * (seed 003). Deterministic: the clock is set for every step and ids are fixed.
 */
export const runFundingYear = async (deps: { readonly store: EventStore; readonly clock: ManualClock; readonly ruleBook?: RuleBook }): Promise<FundingYearResult> => {
  const { store, clock } = deps;
  const ruleBook = deps.ruleBook ?? standardRuleBook;
  const { providerId, schoolId, academicYear, claimId, fullMentorId, partMentorId } = FUNDING_YEAR;
  const register = createClaimsRegister(ruleBook);
  const runner = createProjectionRunner({ store, projections: [fundingInputs, register] });
  await runner.catchUp();
  const inline = withInlineProjections(store, runner);

  // Facts other aggregates own, appended as they would stand in their streams.
  const given = async (day: string, streamId: string, events: readonly DomainEvent[]) => {
    clock.set(at(day));
    await inline.appendToStream(streamId, events.map((event): NewEvent => ({ ...event, occurredAt: at(day) })));
  };
  await given('2024-07-01', schoolStreamId(schoolId), [
    { type: 'SchoolRegistered', data: { schoolId, providerId, name: 'Oakfield Primary', phase: 'primary', region: 'rest_of_england', setting: 'urban' } },
  ]);
  for (const [mentorId, name] of [[fullMentorId, 'Amara Okafor'], [partMentorId, 'Tom Hughes']] as const) {
    await given('2024-07-02', mentorStreamId(mentorId), [{ type: 'MentorRegistered', data: { mentorId, schoolId, providerId, name } }]);
    await given('2024-07-03', placementStreamId(`placement-${mentorId}`), [
      {
        type: 'PlacementArranged',
        data: { placementId: `placement-${mentorId}`, traineeId: `trainee-of-${mentorId}`, schoolId, providerId, academicYear, mentorId, startDate: '2024-09-09', endDate: '2025-02-07' },
      },
    ]);
  }
  const sessions: readonly [string, string, number, TrainingMode][] = [
    [fullMentorId, '2024-09-12', 360, 'full_day_conference'],
    [fullMentorId, '2024-10-03', 360, 'full_day_conference'],
    [fullMentorId, '2024-11-14', 120, 'synchronous_online_twilight'],
    [fullMentorId, '2025-01-16', 120, 'synchronous_online_twilight'],
    [fullMentorId, '2025-02-06', 150, 'asynchronous_self_paced'],
    [fullMentorId, '2025-03-13', 90, 'placement_specific_support'],
    [partMentorId, '2024-09-12', 360, 'full_day_conference'],
    [partMentorId, '2024-11-14', 120, 'synchronous_online_twilight'],
    [partMentorId, '2025-03-13', 125, 'placement_specific_support'],
  ];
  for (const [i, [mentorId, date, minutes, mode]] of sessions.entries()) {
    await given(date, mentorTrainingStreamId(mentorId), [
      { type: 'MentorTrainingSessionCompleted', data: { sessionId: `session-${i + 1}`, mentorId, providerId, date, minutes, mode, purpose: 'initial', academicYear } },
    ]);
  }

  const handle = createCommandHandler({ store: inline, decider: claimDecider, clock });
  const claims = createClaimService({ handle, inputs: () => runner.state(fundingInputs), register: () => runner.state(register), ruleBook });
  const step = (day: string) => {
    clock.set(at(day));
    return { occurredAt: at(day) };
  };
  await claims.draft({ claimId, schoolId, providerId, academicYear }, step('2025-06-02'));
  await claims.addMentor(claimId, fullMentorId, undefined, step('2025-06-02'));
  await claims.addMentor(claimId, partMentorId, undefined, step('2025-06-02'));
  await claims.submit(claimId, 'headteacher-oakfield', step('2025-06-03'));
  await claims.send(claimId, { type: 'StartClaimPayment' }, step('2025-07-31'));
  await claims.pay(claimId, 'PAY-2025-0917', step('2025-09-17'));

  const view = providerClaimsRegister(runner.state(register), providerId, academicYear);
  return { register: view, text: formatClaimsRegister(`Funding claims register: ${providerId}, ${academicYear}`, view) };
};
