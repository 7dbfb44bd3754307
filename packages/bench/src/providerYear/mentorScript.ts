import {
  mentorDevelopmentReviewStreamId,
  mentorStreamId,
  mentorSupportStreamId,
  mentorTrainingStreamId,
  providerTrainingRequirementStreamId,
  type MdrFramework,
} from '@itt-ledger/core';
import type { Cast, Mentor } from './cast.js';
import { YEAR, dateOf, day, inTerm, mondayOf, type Day } from './dates.js';
import { eventOn, flat, type Generated, type Script } from './emit.js';
import { lastDayOf } from './placementScript.js';
import { rng, seedFor } from './random.js';

/** The provider's own requirement (set by the provider, not a DfE rule): what the mentors' training plans aim at. */
export const PROVIDER_REQUIREMENT = { initialMinutes: 1200, refresherMinutes: 360 } as const;

/** The first and last day the mentor is on a placement. */
const mentoringSpan = (m: Mentor): readonly [Day, Day] | undefined => {
  if (m.placements.length === 0) return undefined;
  let from = Infinity;
  let to = -Infinity;
  for (const p of m.placements) {
    from = Math.min(from, p.change?.mentor === m ? p.change.on : p.start);
    to = Math.max(to, lastDayOf(p));
  }
  return [from, to];
};

/** The provider's requirement, set once the DfE minimum was removed. */
export const requirementScript = (cast: Cast): Script => ({
  start: day('2024-11-20'),
  run: () =>
    [
      eventOn(day('2024-11-20'), 600, flat(providerTrainingRequirementStreamId(cast.providerId)), cast.metadata, 'ProviderTrainingRequirementSet', {
        providerId: cast.providerId,
        academicYear: YEAR,
        ...PROVIDER_REQUIREMENT,
        effectiveFrom: '2024-11-13',
        completeBy: '2025-05-31',
      }),
    ][Symbol.iterator](),
});

/** Registration, a few corrections and moves, and the school's protected time for mentoring and its use. */
function* mentorRecord(cast: Cast, m: Mentor): Generator<Generated> {
  const r = rng(seedFor(cast.seed, cast.provider, m.index, 8));
  const stream = flat(mentorStreamId(m.id));
  yield eventOn(m.registeredOn, 600, stream, cast.metadata, 'MentorRegistered', {
    mentorId: m.id,
    schoolId: m.school.id,
    providerId: cast.providerId,
    name: m.name,
    ...(r.chance(0.5) ? { email: flat(`${m.id}@school.example`) } : {}),
    ...(r.chance(0.5) ? { trn: String(1_000_000 + ((m.index * 7919 + cast.provider) % 9_000_000)) } : {}),
  });
  if (r.chance(0.02)) yield eventOn(m.registeredOn + 10, 600, stream, cast.metadata, 'MentorDetailsCorrected', { mentorId: m.id, name: flat(`${m.name}-Smith`) });
  if (!m.refresher && m.sessions.length > 0 && r.chance(0.05)) {
    yield eventOn(m.registeredOn + 12, 600, flat(mentorTrainingStreamId(m.id)), cast.metadata, 'MentorPriorLearningRecognised', {
      recognitionId: flat(`${m.id}-pl0`),
      mentorId: m.id,
      providerId: cast.providerId,
      academicYear: YEAR,
      kind: r.pick(['ecf_mentor_training', 'npqltd'] as const),
      minutes: 240,
      recognisedBy: flat(`${cast.providerId}-itt-lead`),
      recognisedOn: dateOf(m.registeredOn + 12),
    });
  }
  const span = mentoringSpan(m);
  if (span === undefined) return;
  const support = flat(mentorSupportStreamId(m.id));
  const [from, to] = span;
  const allocated = Math.max(from - 3, m.registeredOn + 13);
  yield eventOn(allocated, 610, support, m.school.leadMentor!.mentor.metadata, 'MentorProtectedTimeAllocated', {
    mentorId: m.id,
    schoolId: m.school.id,
    academicYear: YEAR,
    minutesPerWeek: r.pick([60, 90, 120]),
    effectiveFrom: dateOf(from),
  });
  const offset = r.int(0, 7);
  for (let monday = mondayOf(from), w = 0; monday <= to; monday += 7, w++) {
    if (w % 8 !== offset || !inTerm(monday + 2) || monday + 4 < allocated) continue;
    yield eventOn(monday + 4, 960, support, m.metadata, 'MentorProtectedTimeUseRecorded', {
      mentorId: m.id,
      weekOf: dateOf(monday),
      minutesUsed: r.pick([30, 60, 90]),
      ...(r.chance(0.3) ? { minutesFromPpa: r.pick([15, 30]) } : {}),
    });
  }
  if (r.chance(0.2)) {
    const recognitionId = flat(`${m.id}-rc0`);
    yield eventOn(day('2025-07-15'), 600, support, cast.metadata, 'MentorRecognitionAwarded', { recognitionId, mentorId: m.id, kind: 'training_certificate', title: 'Mentor training certificate', awardedOn: '2025-07-15', awardedBy: cast.providerId, academicYear: YEAR });
    if (r.chance(0.05)) yield eventOn(day('2025-07-22'), 600, support, cast.metadata, 'MentorRecognitionRevoked', { recognitionId, mentorId: m.id, reason: 'awarded to the wrong mentor' });
  }
  if (r.chance(0.005)) {
    const other = cast.schools[(cast.schools.indexOf(m.school) + 1) % cast.schools.length]!;
    yield eventOn(day('2025-07-24'), 600, stream, cast.metadata, 'MentorMovedSchool', { mentorId: m.id, schoolId: other.id, previousSchoolId: m.school.id, effectiveFrom: '2025-09-01' });
  }
}

/** The sessions in date order, each correction or withdrawal a week after its session, merged in order. */
function* mentorTraining(cast: Cast, m: Mentor): Generator<Generated> {
  const stream = flat(mentorTrainingStreamId(m.id));
  const followUps: Generated[] = [];
  const meta = cast.metadata;
  for (const s of m.sessions) {
    while (followUps.length > 0 && followUps[0]!.day <= s.day) yield followUps.shift()!;
    yield eventOn(s.day, 1080, stream, meta, 'MentorTrainingSessionCompleted', {
      sessionId: s.id,
      mentorId: m.id,
      providerId: cast.providerId,
      date: dateOf(s.day),
      minutes: s.minutes,
      mode: s.mode,
      purpose: m.refresher ? 'refresher' : 'initial',
      academicYear: YEAR,
    });
    if (s.correctedMinutes !== undefined) {
      followUps.push(eventOn(s.day + 7, 600, stream, meta, 'MentorTrainingSessionCorrected', { sessionId: s.id, mentorId: m.id, date: dateOf(s.day), minutes: s.correctedMinutes, mode: s.mode, reason: 'left early' }));
    } else if (s.withdrawn) {
      followUps.push(eventOn(s.day + 7, 600, stream, meta, 'MentorTrainingSessionWithdrawn', { sessionId: s.id, mentorId: m.id, reason: 'did not attend' }));
    }
  }
  yield* followUps;
}

const MDR_FRAMEWORK: MdrFramework = {
  name: 'Mentor Development Review',
  ratingScale: ['not yet', 'emerging', 'secure', 'confident'],
  areas: ['knowledge', 'coaching', 'relationships'].map((areaId) => ({
    areaId,
    title: `${areaId[0]!.toUpperCase()}${areaId.slice(1)}`,
    statements: [1, 2, 3].map((k) => ({ statementId: `${areaId}-${k}`, text: `I can show ${areaId} in practice (${k}).` })),
    suggestedActions: [1, 2].map((k) => ({ actionId: `${areaId}-a${k}`, text: `Suggested action ${k} for ${areaId}.` })),
  })),
};
const STATEMENTS = MDR_FRAMEWORK.areas.flatMap((area) => area.statements.map((s) => s.statementId));

/** A Mentor Development Review from September's induction ratings to June's reflection and the filed document. */
function* mentorDevelopmentReview(cast: Cast, m: Mentor): Generator<Generated> {
  const r = rng(seedFor(cast.seed, cast.provider, m.index, 9));
  const stream = flat(mentorDevelopmentReviewStreamId(m.id, YEAR));
  const cycle = { mentorId: m.id, academicYear: YEAR };
  const meta = m.metadata;
  const lead = m.school.leadMentor!.mentor;
  const on = (date: string) => day(date) + r.int(0, 4);
  const rate = (d: Day, stage: 'induction' | 'revisit' | 'reflection', statements: readonly string[]) =>
    eventOn(d, 1000, stream, meta, 'MentorDevelopmentSelfRated', { ...cycle, stage, ratedOn: dateOf(d), ratings: statements.map((statementId) => ({ statementId, level: r.int(1, 4) })) });
  const started = on('2024-09-23');
  yield eventOn(started, 1000, stream, meta, 'MentorDevelopmentReviewStarted', { ...cycle, providerId: cast.providerId, startedOn: dateOf(started), framework: MDR_FRAMEWORK });
  yield rate(started + 7, 'induction', STATEMENTS);
  const areaId = r.pick(MDR_FRAMEWORK.areas).areaId;
  const chosen = started + 14;
  yield eventOn(chosen, 1000, stream, meta, 'MentorDevelopmentPriorityAreaChosen', { ...cycle, areaId, chosenOn: dateOf(chosen) });
  for (const k of [1, 2]) {
    yield eventOn(chosen, 1010, stream, meta, 'MentorDevelopmentActionAdded', { ...cycle, actionId: flat(`${m.id}-a${k}`), areaId, origin: 'suggested', suggestedActionId: `${areaId}-a${k}`, text: `Suggested action ${k} for ${areaId}.`, addedOn: dateOf(chosen) });
  }
  const firstDone = on('2024-12-02');
  yield eventOn(firstDone, 1000, stream, meta, 'MentorDevelopmentActionCompleted', { ...cycle, actionId: flat(`${m.id}-a1`), completedOn: dateOf(firstDone) });
  yield rate(on('2025-01-20'), 'revisit', STATEMENTS.slice(0, 3));
  const secondDone = on('2025-03-03');
  yield eventOn(secondDone, 1000, stream, meta, 'MentorDevelopmentActionCompleted', { ...cycle, actionId: flat(`${m.id}-a2`), completedOn: dateOf(secondDone) });
  yield rate(day('2025-06-16'), 'reflection', STATEMENTS);
  yield eventOn(day('2025-06-20'), 1000, stream, meta, 'MentorDevelopmentReflectionRecorded', { ...cycle, leadMentorId: lead.id, reflectedOn: '2025-06-20', reflection: 'More precise targets this year.' });
  yield eventOn(day('2025-06-27'), 1000, stream, meta, 'MentorDevelopmentReviewCompleted', { ...cycle, completedOn: '2025-06-27', documentRef: flat(`canvas:${m.id}`) });
}

/** Every script of one mentor: the record and support, training, and (for some autumn mentors) the MDR. */
export const mentorScripts = (cast: Cast, m: Mentor): Script[] => {
  const scripts: Script[] = [{ start: m.registeredOn, run: () => mentorRecord(cast, m) }];
  if (m.sessions.length > 0) scripts.push({ start: m.sessions[0]!.day, run: () => mentorTraining(cast, m) });
  if (m.placements.length > 0 && m.registeredOn < day('2024-09-01') && rng(seedFor(cast.seed, cast.provider, m.index, 10)).chance(0.3)) {
    scripts.push({ start: day('2024-09-23'), run: () => mentorDevelopmentReview(cast, m) });
  }
  return scripts;
};
