import type { TimelineEntry } from '../output/model.js';
import { dayOf, ofTypes, shown, type LedgerEvent } from './events.js';
import { words } from './options.js';

type Row = { -readonly [K in keyof TimelineEntry]: TimelineEntry[K] };

const joined = (earlier: string | undefined, next: string): string => (earlier === undefined ? next : `${earlier}; ${next}`);

/**
 * A trainee's registration, placements and mentoring records as timeline rows, one per event as it was
 * first recorded. A record's corrections and withdrawal are written beside it ("corrected 45 → 90 min on
 * 2024-09-20: …"), never over it: what the minutes now count for is the entitlement's to say.
 */
export const placementRows = (events: readonly LedgerEvent[], traineeId: string, schools: ReadonlyMap<string, string>): Row[] => {
  const placementIds = new Set(ofTypes(events, 'PlacementArranged').filter((e) => e.data.traineeId === traineeId).map((e) => e.data.placementId));
  const rows: Row[] = [];
  const records = new Map<string, { row: Row; date: string; minutes: number }>();
  const add = (event: LedgerEvent, date: string, kind: string, text: string): Row => {
    const row: Row = { date, recordedAt: event.recordedAt, kind, text };
    rows.push(row);
    return row;
  };
  for (const event of events) {
    if (event.type === 'TraineeRegistered') {
      if (event.data.traineeId !== traineeId) continue;
      const { route } = event.data;
      const mode = route.mode === 'part_time' ? `part time (${route.fte} FTE)` : 'full time';
      add(event, dayOf(event.occurredAt), 'trainee registered', `${shown(event.data.name)}: ${route.phase}, ${mode}, ${words(route.programme)}; ${event.data.providerId}, ${event.data.academicYear}`);
      continue;
    }
    if (!('placementId' in event.data) || !placementIds.has(event.data.placementId)) continue;
    const placement = event.data.placementId;
    switch (event.type) {
      case 'PlacementArranged': {
        const d = event.data;
        const school = schools.get(d.schoolId);
        const jobShare = d.jobShareMentorId === undefined ? '' : ` and job-share mentor ${d.jobShareMentorId}`;
        add(event, dayOf(event.occurredAt), 'placement arranged', `${placement} at ${school === undefined ? d.schoolId : `${school} (${d.schoolId})`}, ${d.startDate} to ${d.endDate}, mentor ${d.mentorId}${jobShare}`);
        break;
      }
      case 'PlacementMentorChanged':
        add(event, event.data.effectiveFrom, 'mentor changed', `${placement}: ${event.data.previousMentorId} → ${event.data.mentorId} (${words(event.data.reason)})`);
        break;
      case 'PlacementExtended':
        add(event, dayOf(event.occurredAt), 'placement extended', `${placement}: end ${event.data.previousEndDate} → ${event.data.endDate}: ${event.data.reason}`);
        break;
      case 'PlacementPaused':
        add(event, event.data.pausedFrom, 'placement paused', `${placement}: ${words(event.data.reason)}`);
        break;
      case 'PlacementResumed':
        add(event, event.data.resumedOn, 'placement resumed', placement);
        break;
      case 'PlacementEndedEarly':
        add(event, event.data.lastDay, 'placement ended early', `${placement}: last day ${event.data.lastDay} (${words(event.data.reason)})`);
        break;
      case 'PlacementCompleted':
        add(event, event.data.completedOn, 'placement completed', placement);
        break;
      case 'MentorMeetingRecorded':
      case 'MentoringContactRecorded': {
        const d = event.data;
        const what = event.type === 'MentorMeetingRecorded' ? 'mentor meeting' : `mentoring contact`;
        const how = 'kind' in d ? `${words(d.kind)}, ` : '';
        const row = add(event, d.date, what, `${how}${d.minutes} min with ${d.mentorId} (${d.recordId})`);
        records.set(`${placement}/${d.recordId}`, { row, date: d.date, minutes: d.minutes });
        break;
      }
      case 'MentoringRecordCorrected': {
        const record = records.get(`${placement}/${event.data.recordId}`);
        if (record === undefined) break;
        const d = event.data;
        const moved = d.date === record.date ? '' : `, ${record.date} → ${d.date}`;
        record.row.correction = joined(record.row.correction, `corrected ${record.minutes} → ${d.minutes} min${moved} on ${dayOf(event.recordedAt)}: ${d.reason}`);
        record.date = d.date;
        record.minutes = d.minutes;
        break;
      }
      case 'MentoringRecordWithdrawn': {
        const record = records.get(`${placement}/${event.data.recordId}`);
        if (record !== undefined) record.row.correction = joined(record.row.correction, `withdrawn on ${dayOf(event.recordedAt)}: ${event.data.reason}`);
        break;
      }
      default:
        break;
    }
  }
  return rows;
};
