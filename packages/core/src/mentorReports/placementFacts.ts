import type { AcademicYear } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import type { StoredEvent } from '../kernel/envelope.js';
import type { PlacementEvent } from '../placement/events.js';

/** What the mentor read models need of a placement: who, where, for whom, and when. */
export interface PlacementFacts {
  readonly placementId: string;
  readonly traineeId: string;
  readonly schoolId: string;
  readonly providerId: string;
  readonly academicYear: AcademicYear;
  readonly startDate: LocalDate;
  /** The last day: the end date, a later one after an extension, or the day it ended early. */
  lastDay: LocalDate;
  /** Mentors now: the dedicated mentor, and a job-share mentor if there is one. */
  mentorIds: string[];
  /** Everyone who has mentored the trainee on this placement. */
  everMentorIds: string[];
  ended: boolean;
}

export type PlacementFactEvent = Extract<
  PlacementEvent,
  { type: 'PlacementArranged' | 'PlacementMentorChanged' | 'PlacementExtended' | 'PlacementEndedEarly' | 'PlacementCompleted' }
>;

/**
 * Keeps the facts of each placement in `placements` (a map owned by the fold, changed in place) and returns
 * the placement the event concerned, or undefined when it names one never arranged.
 */
export const applyPlacementEvent = (placements: Map<string, PlacementFacts>, event: StoredEvent<PlacementFactEvent>): PlacementFacts | undefined => {
  if (event.type === 'PlacementArranged') {
    const { data } = event;
    const mentorIds = data.jobShareMentorId === undefined ? [data.mentorId] : [data.mentorId, data.jobShareMentorId];
    const facts: PlacementFacts = {
      placementId: data.placementId,
      traineeId: data.traineeId,
      schoolId: data.schoolId,
      providerId: data.providerId,
      academicYear: data.academicYear,
      startDate: data.startDate,
      lastDay: data.endDate,
      mentorIds,
      everMentorIds: [...mentorIds],
      ended: false,
    };
    placements.set(data.placementId, facts);
    return facts;
  }
  const facts = placements.get(event.data.placementId);
  if (facts === undefined) return undefined;
  switch (event.type) {
    case 'PlacementMentorChanged': {
      const { mentorId, previousMentorId, reason } = event.data;
      // A job-share mentor joins; otherwise the new mentor takes the previous one's place.
      const kept = reason === 'job_share_added' ? facts.mentorIds : facts.mentorIds.filter((id) => id !== previousMentorId);
      facts.mentorIds = kept.includes(mentorId) ? kept : [...kept, mentorId];
      if (!facts.everMentorIds.includes(mentorId)) facts.everMentorIds.push(mentorId);
      break;
    }
    case 'PlacementExtended':
      facts.lastDay = event.data.endDate;
      break;
    case 'PlacementEndedEarly':
      facts.lastDay = event.data.lastDay;
      facts.ended = true;
      break;
    case 'PlacementCompleted':
      facts.ended = true;
      break;
  }
  return facts;
};

/** Whether the trainee is on the placement on `day`. */
export const onPlacement = (facts: PlacementFacts, day: LocalDate): boolean => facts.startDate <= day && day <= facts.lastDay;
