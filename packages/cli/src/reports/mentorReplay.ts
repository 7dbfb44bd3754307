import {
  createClaimsRegister,
  describeDfeMinimum,
  formatHours,
  formatPence,
  formatPenceDifference,
  mentorPortfolio,
  mentorPortfolioProjection,
  runProjection,
  trainingCompliance,
  trainingComplianceProjection,
  type ClaimsRegisterState,
  type LocalDate,
  type RegisterClaim,
  type RuleBook,
  type StoredEvent,
} from '@itt-ledger/core';
import type { Report, Table, TimelineEntry } from '../output/model.js';
import { dayOf, inDateOrder, schoolNames, shown, type LedgerEvent } from './events.js';
import { mentorRows } from './mentorRows.js';
import { words } from './options.js';

export interface MentorReplayQuery {
  readonly mentorId: string;
  /** The day compliance is judged on: the rules and requirements in force then. */
  readonly today: LocalDate;
  readonly ruleBook: RuleBook;
}

const mentorClaims = (register: ClaimsRegisterState, mentorId: string): RegisterClaim[] =>
  (register.byMentor.get(mentorId) ?? []).flatMap((claimId) => register.claims.get(claimId) ?? []);

/** Each claim line's amounts as the register derived them: the first as claimed, each re-derivation beside it. */
const claimRows = (claims: readonly RegisterClaim[], mentorId: string): TimelineEntry[] =>
  claims.flatMap((claim) => {
    const line = claim.lines.get(mentorId);
    const [first, ...later] = line?.history ?? [];
    const lineRow: TimelineEntry[] =
      first === undefined
        ? []
        : [
            {
              date: dayOf(first.recordedAt),
              recordedAt: first.recordedAt,
              kind: 'claim line',
              text: `${claim.claimId} (${claim.schoolId}, ${claim.academicYear}): ${first.hours} h × ${formatPence(first.ratePence)} = ${formatPence(first.amountPence)} (${first.reason})`,
              ...(later.length === 0
                ? {}
                : {
                    correction: later
                      .map((c) => `${c.hours} h × ${formatPence(c.ratePence)} = ${formatPence(c.amountPence)} (${formatPenceDifference(c.amountPence - (c.previousAmountPence ?? c.amountPence))}) on ${dayOf(c.recordedAt)}: ${c.reason} [${c.source}]`)
                      .join('; '),
                  }),
            },
          ];
    const statusRows = claim.statusHistory.map((s) => ({ date: dayOf(s.recordedAt), recordedAt: s.recordedAt, kind: 'claim status', text: `${claim.claimId}: ${words(s.status)}${s.note === undefined ? '' : ` (${s.note})`}` }));
    return [...lineRow, ...statusRows];
  });

const claimsTable = (claims: readonly RegisterClaim[], mentorId: string): Table => ({
  name: 'claims',
  title: 'Funding claims',
  columns: [
    { key: 'claim', label: 'claim' },
    { key: 'school', label: 'school' },
    { key: 'year', label: 'year' },
    { key: 'status', label: 'status' },
    { key: 'hours', label: 'hours', align: 'right' },
    { key: 'rate', label: 'rate/h', align: 'right' },
    { key: 'amount', label: 'amount', align: 'right' },
    { key: 'notAssured', label: 'not assured' },
  ],
  rows: claims.map((claim) => {
    const line = claim.lines.get(mentorId);
    return {
      claim: claim.claimId,
      school: claim.schoolId,
      year: claim.academicYear,
      status: words(claim.status),
      hours: line?.hours,
      rate: formatPence(claim.rate.pence),
      amount: line === undefined ? undefined : formatPence(line.amountPence),
      notAssured: line?.notAssured,
    };
  }),
});

/**
 * One mentor's history: their own facts (`mentorRows`), and from the domain's read models the training
 * compliance in force on `today` (`trainingCompliance`), the MDR ratings over time and the trainees mentored
 * (`mentorPortfolio`), and every claim line for them with how its amount was reached (the claims register).
 */
export const replayMentor = (events: readonly LedgerEvent[], query: MentorReplayQuery): Report => {
  const { mentorId, today, ruleBook } = query;
  const stored = events as readonly StoredEvent<never>[];
  const claims = mentorClaims(runProjection(createClaimsRegister(ruleBook), stored), mentorId);
  const rows = [...mentorRows(events, mentorId, schoolNames(events)), ...claimRows(claims, mentorId)];
  const timeline = inDateOrder(rows);
  const compliance = trainingCompliance(runProjection(trainingComplianceProjection, stored), { today, mentorId, ruleBook });
  const portfolio = mentorPortfolio(runProjection(mentorPortfolioProjection, stored), mentorId);
  const name = portfolio?.name === undefined ? undefined : shown(portfolio.name);
  const tables: Table[] = [
    {
      name: 'training',
      title: `Training compliance on ${today}`,
      columns: [
        { key: 'provider', label: 'provider' },
        { key: 'year', label: 'year' },
        { key: 'purpose', label: 'purpose' },
        { key: 'trained', label: 'trained', align: 'right' },
        { key: 'sessions', label: 'sessions', align: 'right' },
        { key: 'priorLearning', label: 'prior learning', align: 'right' },
        { key: 'required', label: 'required' },
        { key: 'remaining', label: 'remaining', align: 'right' },
        { key: 'deadline', label: 'deadline' },
        { key: 'status', label: 'status' },
        { key: 'dfeMinimum', label: 'DfE minimum' },
      ],
      rows: compliance.map((r) => ({
        provider: r.providerId,
        year: r.academicYear,
        purpose: r.purpose,
        trained: formatHours(r.trainedMinutes),
        sessions: r.sessionCount,
        priorLearning: formatHours(r.priorLearningMinutes),
        required: r.requiredMinutes === undefined ? 'none' : `${formatHours(r.requiredMinutes.minutes)} (${r.requiredMinutes.basis === 'provider' ? 'provider' : 'DfE'})`,
        remaining: r.remainingMinutes === undefined ? undefined : formatHours(r.remainingMinutes),
        deadline: r.deadline.date,
        status: words(r.status),
        dfeMinimum: describeDfeMinimum(r),
      })),
    },
    {
      name: 'mdr',
      title: 'Mentor Development Review: mean rating per area',
      columns: [
        { key: 'year', label: 'year' },
        { key: 'area', label: 'area' },
        { key: 'stage', label: 'stage' },
        { key: 'ratedOn', label: 'rated on' },
        { key: 'mean', label: 'mean', align: 'right' },
      ],
      rows: (portfolio?.years ?? []).flatMap((year) =>
        (year.review?.areas ?? []).flatMap((area) => area.means.map((m) => ({ year: year.academicYear, area: area.title, stage: m.stage, ratedOn: m.ratedOn, mean: Number(m.mean.toFixed(2)) }))),
      ),
    },
    {
      name: 'trainees',
      title: 'Trainees mentored',
      columns: ['year', 'trainee', 'placement', 'school', 'provider'].map((key) => ({ key, label: key })),
      rows: (portfolio?.years ?? []).flatMap((year) => year.trainees.map((t) => ({ year: year.academicYear, trainee: t.traineeId, placement: t.placementId, school: t.schoolId, provider: t.providerId }))),
    },
    claimsTable(claims, mentorId),
  ];
  return {
    title: `Mentor ${mentorId}${name === undefined ? '' : ` (${name})`}: history`,
    timeline,
    tables,
    summary: {
      'judged on': today,
      ...(timeline.length === 0 ? { recorded: 'nothing yet' } : {}),
      'MDR years': portfolio?.years.filter((y) => y.review !== undefined).length ?? 0,
      'claim lines': claims.length,
    },
  };
};
