import { describe, expect, it } from 'vitest';
import { CommandRejectedError } from '../kernel/errors.js';
import { createRuleBook } from '../rules/ruleBook.js';
import { standardRuleSets } from '../rules/standardRuleSets.js';
import { deciderSpec } from '../testing/givenWhenThen.js';
import type { ArrangePlacement, ArrangementContext } from './commands.js';
import { createPlacementDecider, placementDecider } from './decider.js';
import type { PlacementEvent } from './events.js';

const spec = deciderSpec(placementDecider);
const context: ArrangementContext = { trainee: { providerId: 'prov' }, schoolRegistered: true, traineePlacements: [] };
const arrange: ArrangePlacement = {
  type: 'ArrangePlacement',
  placementId: 'p1',
  traineeId: 't1',
  schoolId: 's1',
  providerId: 'prov',
  academicYear: '2024/25',
  mentorId: 'm1',
  startDate: '2024-09-09',
  endDate: '2024-11-29',
  context,
};
const { type: _, context: __, ...arrangedData } = arrange;
const arranged: PlacementEvent = { type: 'PlacementArranged', data: arrangedData };
const paused: PlacementEvent = { type: 'PlacementPaused', data: { placementId: 'p1', pausedFrom: '2024-10-01', reason: 'trainee_absence' } };
const resumed: PlacementEvent = { type: 'PlacementResumed', data: { placementId: 'p1', resumedOn: '2024-10-08' } };
const endedEarly: PlacementEvent = { type: 'PlacementEndedEarly', data: { placementId: 'p1', lastDay: '2024-10-18', reason: 'trainee_withdrew' } };
const completed: PlacementEvent = { type: 'PlacementCompleted', data: { placementId: 'p1', completedOn: '2024-11-29' } };
const refused = (reason: string, field: string) => [CommandRejectedError, { reason, field }] as const;

describe('arranging a placement', () => {
  it('arranges it, with a job-share mentor and its own calendar', () => {
    spec.given().when(arrange).then([arranged]);
    const calendar = { terms: [{ from: '2024-09-02', to: '2024-12-20' }], closures: [] };
    const state = spec.given().when({ ...arrange, jobShareMentorId: 'm2', calendar }).then([{ type: 'PlacementArranged', data: { ...arrangedData, jobShareMentorId: 'm2', calendar } }]);
    expect(state.placement?.mentors.map((spell) => `${spell.mentorId}:${spell.role}`)).toEqual(['m1:mentor', 'm2:job_share']);
  });

  it('refuses what cannot be arranged, saying why', () => {
    const given = spec.given();
    spec.given([arranged]).when(arrange).thenThrows(...refused('placement.already-arranged', 'placementId'));
    given.when({ ...arrange, endDate: '2024-09-01' }).thenThrows(...refused('placement.dates-reversed', 'endDate'));
    given.when({ ...arrange, startDate: '2024-08-30' }).thenThrows(...refused('placement.outside-academic-year', 'startDate'));
    given.when({ ...arrange, endDate: '2025-09-01' }).thenThrows(...refused('placement.outside-academic-year', 'endDate'));
    given.when({ ...arrange, academicYear: '2030/31', startDate: '2030-09-09', endDate: '2030-10-01' }).thenThrows(...refused('placement.no-rules-for-year', 'academicYear'));
    given.when({ ...arrange, jobShareMentorId: 'm1' }).thenThrows(...refused('placement.job-share-is-mentor', 'jobShareMentorId'));
    given.when({ ...arrange, calendar: { terms: [{ from: '2025-09-01', to: '2025-10-01' }], closures: [] } }).thenThrows(...refused('calendar.term-outside-year', 'calendar.terms[0]'));
    given.when({ ...arrange, context: { ...context, trainee: null } }).thenThrows(...refused('placement.trainee-not-registered', 'traineeId'));
    given.when({ ...arrange, context: { ...context, trainee: { providerId: 'other' } } }).thenThrows(...refused('placement.trainee-other-provider', 'providerId'));
    given.when({ ...arrange, context: { ...context, schoolRegistered: false } }).thenThrows(...refused('placement.school-not-registered', 'schoolId'));
    given.when({ ...arrange, startDate: '2024-13-01' }).thenThrows(...refused('placement.invalid', 'startDate'));
    given.when({ ...arrange, mentorId: '' }).thenThrows(...refused('placement.invalid', 'mentorId'));
  });

  it('refuses a second placement on overlapping dates, unless the rules allow it', () => {
    const other = { placementId: 'p0', startDate: '2024-11-29', lastDay: '2024-12-13' };
    const withOther = { ...arrange, context: { ...context, traineePlacements: [other] } };
    const error = spec.given().when(withOther).thenThrows(...refused('placement.overlaps-another', 'startDate'));
    expect(error.message).toContain('2024-11-29 to 2024-12-13 (placement p0)');
    spec.given().when({ ...withOther, context: { ...context, traineePlacements: [{ ...other, startDate: '2024-11-30' }] } }).then([arranged]);
    const lenient = createRuleBook(
      standardRuleSets.map((rules) => ({ ...rules, placements: { ...rules.placements, overlappingPlacementsAllowed: { ...rules.placements.overlappingPlacementsAllowed, value: true } } })),
    );
    deciderSpec(createPlacementDecider(lenient)).given().when(withOther).then([arranged]);
  });
});

describe('changing the mentor', () => {
  const change = { type: 'ChangePlacementMentor', placementId: 'p1', mentorId: 'm3', previousMentorId: 'm1', effectiveFrom: '2024-10-14', reason: 'mentor_withdrew' } as const;
  const changed: PlacementEvent = { type: 'PlacementMentorChanged', data: { placementId: 'p1', mentorId: 'm3', previousMentorId: 'm1', effectiveFrom: '2024-10-14', reason: 'mentor_withdrew' } };

  it('replaces a mentor from a date, or adds a job share beside them', () => {
    const state = spec.given([arranged]).when(change).then([changed]);
    expect(state.placement?.mentors).toEqual([
      { mentorId: 'm1', role: 'mentor', from: '2024-09-09', to: '2024-10-13' },
      { mentorId: 'm3', role: 'mentor', from: '2024-10-14' },
    ]);
    const share = { ...change, reason: 'job_share_added' } as const;
    const shared = spec.given([arranged]).when(share).then([{ type: 'PlacementMentorChanged', data: { ...changed.data, reason: 'job_share_added' } }]);
    expect(shared.placement?.mentors.map((spell) => spell.mentorId)).toEqual(['m1', 'm3']);
  });

  it('refuses a change that does not fit the placement', () => {
    const given = spec.given([arranged]);
    spec.given().when(change).thenThrows(...refused('placement.not-arranged', 'placementId'));
    given.when({ ...change, placementId: 'p2' }).thenThrows(...refused('placement.wrong-placement', 'placementId'));
    given.when({ ...change, effectiveFrom: '2024-12-02' }).thenThrows(...refused('placement.date-outside', 'effectiveFrom'));
    given.when({ ...change, previousMentorId: 'm9' }).thenThrows(...refused('placement.not-current-mentor', 'previousMentorId'));
    given.when({ ...change, mentorId: 'm1' }).thenThrows(...refused('placement.already-mentor', 'mentorId'));
    spec.given([arranged, changed]).when({ ...change, mentorId: 'm4', previousMentorId: 'm3', effectiveFrom: '2024-10-01' }).thenThrows(...refused('placement.mentor-change-out-of-order', 'effectiveFrom'));
    const shared: PlacementEvent = { type: 'PlacementMentorChanged', data: { ...changed.data, reason: 'job_share_added' } };
    spec.given([arranged, shared]).when({ ...change, mentorId: 'm4', reason: 'job_share_added' }).thenThrows(...refused('placement.job-share-exists', 'mentorId'));
    given.when({ ...change, reason: 'fired' as never }).thenThrows(...refused('placement.invalid', 'reason'));
  });
});

describe('extending, pausing, resuming, ending', () => {
  const extend = { type: 'ExtendPlacement', placementId: 'p1', endDate: '2024-12-13', reason: 'absence to make up', context: { traineePlacements: [] } } as const;

  it('extends to a later date', () => {
    spec.given([arranged]).when(extend).then([{ type: 'PlacementExtended', data: { placementId: 'p1', previousEndDate: '2024-11-29', endDate: '2024-12-13', reason: 'absence to make up' } }]);
    spec.given([arranged]).when({ ...extend, endDate: '2024-11-29' }).thenThrows(...refused('placement.not-later', 'endDate'));
    spec.given([arranged]).when({ ...extend, endDate: '2025-09-02' }).thenThrows(...refused('placement.outside-academic-year', 'endDate'));
    const next = { placementId: 'p2', startDate: '2024-12-09', lastDay: '2025-02-14' };
    spec.given([arranged]).when({ ...extend, context: { traineePlacements: [next] } }).thenThrows(...refused('placement.overlaps-another', 'endDate'));
  });

  it('pauses and resumes', () => {
    spec.given([arranged]).when({ type: 'PausePlacement', placementId: 'p1', pausedFrom: '2024-10-01', reason: 'trainee_absence' }).then([paused]);
    const state = spec.given([arranged, paused]).when({ type: 'ResumePlacement', placementId: 'p1', resumedOn: '2024-10-08' }).then([resumed]);
    expect(state.placement?.pauses).toEqual([{ from: '2024-10-01', until: '2024-10-08', reason: 'trainee_absence' }]);
    expect(state.placement?.status).toBe('active');
  });

  it('refuses a pause or resume that does not fit', () => {
    const pause = { type: 'PausePlacement', placementId: 'p1', pausedFrom: '2024-10-01', reason: 'school_closure' } as const;
    spec.given([arranged, paused]).when(pause).thenThrows(...refused('placement.already-paused', 'pausedFrom'));
    spec.given([arranged]).when({ ...pause, pausedFrom: '2024-09-06' }).thenThrows(...refused('placement.date-outside', 'pausedFrom'));
    spec.given([arranged, paused, resumed]).when({ ...pause, pausedFrom: '2024-10-07' }).thenThrows(...refused('placement.pause-before-resume', 'pausedFrom'));
    const resume = { type: 'ResumePlacement', placementId: 'p1', resumedOn: '2024-10-08' } as const;
    spec.given([arranged]).when(resume).thenThrows(...refused('placement.not-paused', 'placementId'));
    spec.given([arranged, paused]).when({ ...resume, resumedOn: '2024-10-01' }).thenThrows(...refused('placement.resume-before-pause', 'resumedOn'));
    spec.given([arranged, paused]).when({ ...resume, resumedOn: '2024-12-02' }).thenThrows(...refused('placement.date-outside', 'resumedOn'));
  });

  it('ends early, or completes, and then refuses every change', () => {
    const endEarly = { type: 'EndPlacementEarly', placementId: 'p1', lastDay: '2024-10-18', reason: 'trainee_withdrew' } as const;
    spec.given([arranged, paused]).when(endEarly).then([endedEarly]);
    spec.given([arranged]).when({ ...endEarly, lastDay: '2024-11-29' }).thenThrows(...refused('placement.not-early', 'lastDay'));
    spec.given([arranged]).when({ ...endEarly, lastDay: '2024-09-01' }).thenThrows(...refused('placement.date-outside', 'lastDay'));
    const complete = { type: 'CompletePlacement', placementId: 'p1', completedOn: '2024-11-29' } as const;
    spec.given([arranged]).when(complete).then([completed]);
    spec.given([arranged]).when({ ...complete, completedOn: '2024-11-28' }).thenThrows(...refused('placement.not-yet-ended', 'completedOn'));
    spec.given([arranged, paused]).when(complete).thenThrows(...refused('placement.paused', 'placementId'));
    for (const ended of [endedEarly, completed]) {
      spec.given([arranged, ended]).when(complete).thenThrows(...refused('placement.ended', 'placementId'));
      spec.given([arranged, ended]).when(extend).thenThrows(...refused('placement.ended', 'placementId'));
      spec.given([arranged, ended]).when({ type: 'PausePlacement', placementId: 'p1', pausedFrom: '2024-10-01', reason: 'trainee_absence' }).thenThrows(...refused('placement.ended', 'placementId'));
    }
  });

  it('refuses to end early before a record that still stands', () => {
    const meeting: PlacementEvent = {
      type: 'MentoringContactRecorded',
      data: { placementId: 'p1', recordId: 'r1', traineeId: 't1', mentorId: 'm1', date: '2024-10-21', minutes: 60, kind: 'joint_planning' },
    };
    const endEarly = { type: 'EndPlacementEarly', placementId: 'p1', lastDay: '2024-10-18', reason: 'trainee_withdrew' } as const;
    spec.given([arranged, meeting]).when(endEarly).thenThrows(...refused('placement.records-after-last-day', 'lastDay'));
    const withdrawn: PlacementEvent = { type: 'MentoringRecordWithdrawn', data: { placementId: 'p1', recordId: 'r1', traineeId: 't1', reason: 'wrong placement' } };
    spec.given([arranged, meeting, withdrawn]).when(endEarly).then([endedEarly]);
  });
});
