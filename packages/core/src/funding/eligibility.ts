import type { AcademicYear } from '../calendar/academicYear.js';
import type { MentorChangeReason } from '../placement/events.js';

/**
 * Who a placement can fund. One funded mentor per trainee, unless the mentor withdraws (then both) or a
 * job-share (both) (domain.md, "one funded mentor per trainee"): a mentor moved off by reallocation is not
 * funded for this trainee; the mentor who took over is.
 */
export interface PlacementFunding {
  readonly placementId: string;
  readonly providerId: string;
  readonly schoolId: string;
  readonly academicYear: AcademicYear;
  readonly mentorId: string;
  readonly jobShareMentorIds: readonly string[];
  readonly withdrawnMentorIds: readonly string[];
}

export const placementFunding = (arranged: {
  readonly placementId: string;
  readonly providerId: string;
  readonly schoolId: string;
  readonly academicYear: AcademicYear;
  readonly mentorId: string;
  readonly jobShareMentorId?: string | undefined;
}): PlacementFunding => ({
  placementId: arranged.placementId,
  providerId: arranged.providerId,
  schoolId: arranged.schoolId,
  academicYear: arranged.academicYear,
  mentorId: arranged.mentorId,
  jobShareMentorIds: arranged.jobShareMentorId === undefined ? [] : [arranged.jobShareMentorId],
  withdrawnMentorIds: [],
});

const without = (ids: readonly string[], id: string) => ids.filter((other) => other !== id);

/** The placement after a change of mentor; `previousMentorId` may be the main or a job-share mentor. */
export const changeMentor = (
  placement: PlacementFunding,
  change: { readonly mentorId: string; readonly previousMentorId: string; readonly reason: MentorChangeReason },
): PlacementFunding => {
  const { mentorId, previousMentorId, reason } = change;
  if (reason === 'job_share_added') {
    return { ...placement, jobShareMentorIds: [...without(placement.jobShareMentorIds, mentorId), mentorId] };
  }
  const wasMain = placement.mentorId === previousMentorId;
  const jobShareMentorIds = wasMain ? placement.jobShareMentorIds : without(placement.jobShareMentorIds, previousMentorId).concat(mentorId);
  return {
    ...placement,
    mentorId: wasMain ? mentorId : placement.mentorId,
    jobShareMentorIds,
    withdrawnMentorIds:
      reason === 'mentor_withdrew' ? [...without(placement.withdrawnMentorIds, previousMentorId), previousMentorId] : placement.withdrawnMentorIds,
  };
};

export const fundsMentor = (placement: PlacementFunding, mentorId: string): boolean =>
  placement.mentorId === mentorId || placement.jobShareMentorIds.includes(mentorId) || placement.withdrawnMentorIds.includes(mentorId);
