import { sessionAcademicYear } from '@itt-ledger/core';
import type { TimelineEntry } from '../output/model.js';
import { dayOf, type LedgerEvent } from './events.js';
import { words } from './options.js';

type Row = { -readonly [K in keyof TimelineEntry]: TimelineEntry[K] };

const beside = (row: Row | undefined, text: string): void => {
  if (row !== undefined) row.correction = row.correction === undefined ? text : `${row.correction}; ${text}`;
};

/**
 * A mentor's own history from the events, one row per fact as first recorded: registration and moves,
 * training sessions and prior learning (corrections and withdrawals beside them), placements mentored, the
 * Mentor Development Review and the lead-mentor role. Free text that is the mentor's personal data (MDR
 * notes, actions and reflections, check-in notes) is left out: the rows say that it happened, and when.
 */
export const mentorRows = (events: readonly LedgerEvent[], mentorId: string, schools: ReadonlyMap<string, string>): Row[] => {
  const rows: Row[] = [];
  const byId = new Map<string, Row>();
  const sessions = new Map<string, { minutes: number; date: string; mode: string }>();
  const areaTitles = new Map<string, string>();
  const add = (event: LedgerEvent, date: string, kind: string, text: string, key?: string): void => {
    const row: Row = { date, recordedAt: event.recordedAt, kind, text };
    rows.push(row);
    if (key !== undefined) byId.set(key, row);
  };
  const school = (id: string) => (schools.has(id) ? `${schools.get(id)} (${id})` : id);
  for (const event of events) {
    const d = event.data as { mentorId?: unknown; leadMentorId?: unknown; jobShareMentorId?: unknown; previousMentorId?: unknown; mentorIds?: unknown; subjectId?: unknown };
    const involved = [d.mentorId, d.leadMentorId, d.jobShareMentorId, d.previousMentorId, d.subjectId].includes(mentorId) || (Array.isArray(d.mentorIds) && d.mentorIds.includes(mentorId));
    // A lead mentor appears in others' MDR reflections; those belong to the other mentor's history.
    if (!involved || (event.type.startsWith('MentorDevelopment') && d.mentorId !== mentorId)) continue;
    switch (event.type) {
      case 'MentorRegistered':
        add(event, dayOf(event.occurredAt), 'mentor registered', `at ${school(event.data.schoolId)}${event.data.providerId === undefined ? '' : `, by ${event.data.providerId}`}`, 'mentor');
        break;
      case 'MentorDetailsCorrected':
        beside(byId.get('mentor'), `details corrected on ${dayOf(event.recordedAt)}: ${(['name', 'email', 'trn'] as const).filter((field) => event.data[field] !== undefined).join(', ')}`);
        break;
      case 'MentorMovedSchool':
        add(event, event.data.effectiveFrom, 'moved school', `${school(event.data.previousSchoolId)} → ${school(event.data.schoolId)}`);
        break;
      case 'MentorTrainingSessionCompleted': {
        const s = event.data;
        sessions.set(s.sessionId, { minutes: s.minutes, date: s.date, mode: s.mode });
        const title = s.title === undefined ? '' : `: ${s.title}`;
        add(event, s.date, 'training session', `${s.sessionId}, ${words(s.mode)}, ${s.minutes} min, ${s.purpose}, with ${s.providerId} for ${sessionAcademicYear(s)}${title}`, `session/${s.sessionId}`);
        break;
      }
      case 'MentorTrainingSessionCorrected': {
        const s = event.data;
        const before = sessions.get(s.sessionId);
        if (before === undefined) break;
        const changes = [
          before.minutes === s.minutes ? undefined : `${before.minutes} → ${s.minutes} min`,
          before.date === s.date ? undefined : `${before.date} → ${s.date}`,
          before.mode === s.mode ? undefined : `${words(before.mode)} → ${words(s.mode)}`,
        ].filter((change) => change !== undefined);
        beside(byId.get(`session/${s.sessionId}`), `corrected ${changes.join(', ') || 'as recorded'} on ${dayOf(event.recordedAt)}: ${s.reason}`);
        sessions.set(s.sessionId, { minutes: s.minutes, date: s.date, mode: s.mode });
        break;
      }
      case 'MentorTrainingSessionWithdrawn':
        beside(byId.get(`session/${event.data.sessionId}`), `withdrawn on ${dayOf(event.recordedAt)}: ${event.data.reason}`);
        break;
      case 'MentorPriorLearningRecognised': {
        const p = event.data;
        add(event, p.recognisedOn, 'prior learning', `${p.recognitionId}, ${words(p.kind)}: ${p.minutes} min recognised by ${p.recognisedBy} (${p.providerId}, ${p.academicYear}); not training, never funded`, `prior/${p.recognitionId}`);
        break;
      }
      case 'MentorPriorLearningWithdrawn':
        beside(byId.get(`prior/${event.data.recognitionId}`), `withdrawn on ${dayOf(event.recordedAt)}: ${event.data.reason}`);
        break;
      case 'PlacementArranged': {
        const p = event.data;
        const role = p.mentorId === mentorId ? 'mentor' : 'job-share mentor';
        add(event, p.startDate, 'placement', `${role} of ${p.traineeId} on ${p.placementId} at ${school(p.schoolId)}, ${p.startDate} to ${p.endDate}`);
        break;
      }
      case 'PlacementMentorChanged': {
        const p = event.data;
        const text = p.mentorId === mentorId ? `joins ${p.placementId}, after ${p.previousMentorId}` : `leaves ${p.placementId} for ${p.mentorId}`;
        if (p.mentorId === mentorId || p.reason !== 'job_share_added') add(event, p.effectiveFrom, 'placement mentor changed', `${text} (${words(p.reason)})`);
        break;
      }
      case 'MentorDevelopmentReviewStarted':
        for (const area of event.data.framework.areas) areaTitles.set(`${event.data.academicYear}/${area.areaId}`, area.title);
        add(event, event.data.startedOn, 'MDR started', `${event.data.academicYear} with ${event.data.providerId}: ${event.data.framework.name}`);
        break;
      case 'MentorDevelopmentSelfRated':
        add(event, event.data.ratedOn, 'MDR self-rating', `${event.data.stage}: ${event.data.ratings.length} statements rated`);
        break;
      case 'MentorDevelopmentPriorityAreaChosen':
        add(event, event.data.chosenOn, 'MDR priority area', areaTitles.get(`${event.data.academicYear}/${event.data.areaId}`) ?? event.data.areaId);
        break;
      case 'MentorDevelopmentActionAdded': {
        const a = event.data;
        add(event, a.addedOn, 'MDR action', `${a.actionId} (${a.origin}) for ${areaTitles.get(`${a.academicYear}/${a.areaId}`) ?? a.areaId}${a.dueBy === undefined ? '' : `, due ${a.dueBy}`}`);
        break;
      }
      case 'MentorDevelopmentActionCompleted':
        add(event, event.data.completedOn, 'MDR action completed', event.data.actionId);
        break;
      case 'MentorDevelopmentReflectionRecorded':
        add(event, event.data.reflectedOn, 'MDR reflection', `with lead mentor ${event.data.leadMentorId}`);
        break;
      case 'MentorDevelopmentReviewCompleted':
        add(event, event.data.completedOn, 'MDR completed', `${event.data.academicYear}${event.data.documentRef === undefined ? '' : `, filed at ${event.data.documentRef}`}`);
        break;
      case 'LeadMentorAppointed':
        add(event, event.data.appointedOn, 'lead mentor appointed', `by ${event.data.providerId}`);
        break;
      case 'LeadMentorAppointmentEnded':
        add(event, event.data.endedOn, 'lead mentor role ended', event.data.reason);
        break;
      case 'LeadMentorSchoolAssigned':
        add(event, event.data.from, 'lead mentor for school', school(event.data.schoolId));
        break;
      case 'LeadMentorSchoolReleased':
        add(event, event.data.releasedOn, 'school released', school(event.data.schoolId));
        break;
      case 'LeadMentorCheckInRecorded': {
        const c = event.data;
        const text = c.leadMentorId === mentorId ? `${words(c.mode)} with ${c.subject} ${c.subjectId}` : `${words(c.mode)} from lead mentor ${c.leadMentorId}`;
        add(event, c.date, 'check-in', `${text} at ${school(c.schoolId)}`, `checkIn/${c.leadMentorId}/${c.checkInId}`);
        break;
      }
      case 'LeadMentorCheckInWithdrawn':
        beside(byId.get(`checkIn/${event.data.leadMentorId}/${event.data.checkInId}`), `withdrawn on ${dayOf(event.recordedAt)}: ${event.data.reason}`);
        break;
      case 'LeadMentorSupervisionRecorded': {
        const s = event.data;
        const text = s.leadMentorId === mentorId ? `${s.kind} of ${s.mentorIds.join(', ')}` : `${s.kind} by lead mentor ${s.leadMentorId}`;
        add(event, s.date, s.kind, `${text}, ${s.minutes} min: ${s.focus}`);
        break;
      }
      default:
        break;
    }
  }
  return rows;
};
