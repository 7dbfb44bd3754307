import {
  describeDfeMinimum,
  formatHours,
  leadMentorCaseload,
  leadMentorCaseloadProjection,
  mentorPortfolio,
  mentorPortfolioProjection,
  notYetCompliant,
  runProjection,
  trainingCompliance,
  trainingComplianceProjection,
  type StoredEvent,
} from '@itt-ledger/core';
import type { ReportCommand } from '../report.js';
import { ledgerEvents } from './events.js';
import { PROVIDER_OPTION, SCHOOL_OPTION, STANDARD_RULES, TODAY_OPTION, YEAR_OPTION, academicYearOption, stringOption, todayOf, words, type ReportRules } from './options.js';

/**
 * `itt-ledger mentors`: training compliance on a date (`trainingCompliance`), each mentor's Mentor
 * Development Review for the year (`mentorPortfolio`), and the lead mentors' caseloads (`leadMentorCaseload`).
 */
export const mentorsReport = ({ ruleBook }: ReportRules = STANDARD_RULES): ReportCommand => ({
  name: 'mentors',
  summary: 'mentors: training against the requirement in force, Mentor Development Reviews, lead mentors',
  access: { audience: ['provider_leadership', 'lead_mentor'], personalFields: [] },
  options: { ...PROVIDER_OPTION, ...SCHOOL_OPTION, ...YEAR_OPTION, ...TODAY_OPTION },
  run: async (context) => {
    const today = todayOf(context);
    const academicYear = academicYearOption(context, today);
    const providerId = stringOption(context, 'provider');
    const school = stringOption(context, 'school');
    const events = (await ledgerEvents(context)) as readonly StoredEvent<never>[];
    const compliance = trainingCompliance(runProjection(trainingComplianceProjection, events), { today, ruleBook, academicYear, ...(providerId === undefined ? {} : { providerId }) }).filter(
      (row) => school === undefined || row.schoolId === school,
    );
    const portfolios = runProjection(mentorPortfolioProjection, events);
    const mentorIds = [...new Set(compliance.map((row) => row.mentorId))];
    const caseloadState = runProjection(leadMentorCaseloadProjection, events);
    const caseloads = [...caseloadState.leadMentors.keys()]
      .sort()
      .flatMap((id) => leadMentorCaseload(caseloadState, id, { today, ruleBook }) ?? [])
      .filter((c) => (providerId === undefined || c.providerId === providerId) && (school === undefined || c.schools.some((s) => s.schoolId === school)));
    return {
      title: `Mentors${providerId === undefined ? '' : `: ${providerId}`}${school === undefined ? '' : `, ${school}`}, ${academicYear}, judged on ${today}`,
      tables: [
        {
          name: 'training',
          title: 'Training against the requirement in force',
          columns: [
            { key: 'mentor', label: 'mentor' },
            { key: 'school', label: 'school' },
            { key: 'provider', label: 'provider' },
            { key: 'purpose', label: 'purpose' },
            { key: 'trained', label: 'trained', align: 'right' },
            { key: 'priorLearning', label: 'prior learning', align: 'right' },
            { key: 'required', label: 'required' },
            { key: 'remaining', label: 'remaining', align: 'right' },
            { key: 'deadline', label: 'deadline' },
            { key: 'status', label: 'status' },
          ],
          rows: compliance.map((r) => ({
            mentor: r.mentorId,
            school: r.schoolId,
            provider: r.providerId,
            purpose: r.purpose,
            trained: formatHours(r.trainedMinutes),
            priorLearning: formatHours(r.priorLearningMinutes),
            required: r.requiredMinutes === undefined ? 'none' : `${formatHours(r.requiredMinutes.minutes)} (${r.requiredMinutes.basis === 'provider' ? 'provider' : 'DfE'})`,
            remaining: r.remainingMinutes === undefined ? undefined : formatHours(r.remainingMinutes),
            deadline: r.deadline.date,
            status: words(r.status),
          })),
        },
        {
          name: 'mdr',
          title: `Mentor Development Reviews, ${academicYear}`,
          columns: [
            { key: 'mentor', label: 'mentor' },
            { key: 'status', label: 'review' },
            { key: 'priorityArea', label: 'priority area' },
            { key: 'actions', label: 'actions done' },
            { key: 'reflection', label: 'reflection' },
            { key: 'completed', label: 'completed' },
          ],
          rows: mentorIds.map((mentorId) => {
            const review = mentorPortfolio(portfolios, mentorId)?.years.find((y) => y.academicYear === academicYear)?.review;
            return {
              mentor: mentorId,
              status: review?.status ?? 'not started',
              priorityArea: review?.priorityArea?.title,
              actions: review === undefined ? undefined : `${review.actions.filter((a) => a.completedOn !== undefined).length} of ${review.actions.length}`,
              reflection: review?.reflection?.reflectedOn,
              completed: review?.completed?.completedOn,
            };
          }),
        },
        {
          name: 'leadMentors',
          title: 'Lead mentors',
          columns: [
            { key: 'leadMentor', label: 'lead mentor' },
            { key: 'schools', label: 'schools' },
            { key: 'mentors', label: 'mentors', align: 'right' },
            { key: 'trainees', label: 'trainees', align: 'right' },
            { key: 'overdue', label: 'check-ins overdue' },
          ],
          rows: caseloads.map((c) => ({
            leadMentor: c.leadMentorId,
            schools: c.schools.map((s) => s.schoolId).join(', '),
            mentors: c.schools.reduce((n, s) => n + s.mentors.length, 0),
            trainees: c.schools.reduce((n, s) => n + s.trainees.length, 0),
            overdue: c.overdue.map((o) => `${o.subject} ${o.id} (${o.daysOverdue} days)`).join('; '),
          })),
        },
      ],
      summary: {
        mentors: mentorIds.length,
        'not yet compliant': notYetCompliant(compliance).length,
        // The same for every mentor of a purpose on that day: one line per purpose.
        ...Object.fromEntries(compliance.map((row) => [`DfE minimum (${row.purpose})`, describeDfeMinimum(row)])),
      },
    };
  },
});
