import { describe, expect, it } from 'vitest';
import { changeMentor, fundsMentor, placementFunding } from './eligibility.js';

const placement = placementFunding({ placementId: 'p', providerId: 'prov', schoolId: 's', academicYear: '2024/25', mentorId: 'main', jobShareMentorId: 'share' });

describe('one funded mentor per trainee (domain.md)', () => {
  it('funds both when a job-share mentor withdraws, and the one who takes over', () => {
    const next = changeMentor(placement, { mentorId: 'new', previousMentorId: 'share', reason: 'mentor_withdrew' });
    expect(next).toMatchObject({ mentorId: 'main', jobShareMentorIds: ['new'], withdrawnMentorIds: ['share'] });
    expect(['main', 'share', 'new'].map((id) => fundsMentor(next, id))).toEqual([true, true, true]);
  });

  it('stops funding a job-share mentor reallocated away', () => {
    const next = changeMentor(placement, { mentorId: 'new', previousMentorId: 'share', reason: 'reallocated' });
    expect(['main', 'share', 'new'].map((id) => fundsMentor(next, id))).toEqual([true, false, true]);
  });

  it('adds a job-share mentor once', () => {
    const twice = changeMentor(changeMentor(placement, { mentorId: 'x', previousMentorId: 'main', reason: 'job_share_added' }), { mentorId: 'x', previousMentorId: 'main', reason: 'job_share_added' });
    expect(twice.jobShareMentorIds).toEqual(['share', 'x']);
  });
});
