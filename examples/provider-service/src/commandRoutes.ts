import {
  placementStreamId,
  reviewPointStreamId,
  schoolStreamId,
  traineeStreamId,
  type AcademicYear,
  type DomainEvent,
  type HandleOptions,
  type HandleResult,
  type PlacementCommands,
  type ProgressService,
  type ReviewPolicy,
} from '@itt-ledger/core';
import type { z } from 'zod';
import {
  arrangePlacementBody,
  correctRecordBody,
  holdReviewPointBody,
  publishCalendarBody,
  recordContactBody,
  recordMeetingBody,
  registerSchoolBody,
  registerTraineeBody,
  scheduleReviewPointBody,
  withdrawRecordBody,
} from './bodies.js';
import { etagOf } from './etag.js';
import type { Route, RouteRequest, RouteResponse } from './router.js';

export interface CommandContext {
  readonly placements: PlacementCommands;
  readonly progress: ProgressService;
  /** The provider's review stages for a year (where the lead mentor must join). */
  readonly reviewPolicy: (academicYear: AcademicYear) => ReviewPolicy;
  readonly readBody: (request: RouteRequest) => Promise<unknown>;
  /** If-Match, Idempotency-Key and the correlation id, as the kernel's handle options. */
  readonly handleOptions: (request: RouteRequest, occurredAt: string | undefined) => HandleOptions;
}

interface Handled {
  readonly streamId: string;
  readonly result: HandleResult<DomainEvent, unknown>;
}

type Params = Readonly<Record<string, string>>;

/** What every command answers: the stream, its revision now (also the ETag), and what was appended. */
const answer = ({ streamId, result }: Handled): RouteResponse => ({
  status: 200,
  body: { streamId, revision: result.nextExpectedRevision, appended: result.events.map((event) => event.type), alreadyHandled: result.alreadyHandled },
  ...(result.nextExpectedRevision >= 0n ? { headers: { etag: etagOf(result.nextExpectedRevision) } } : {}),
});

/** Leaves out an optional field the client did not send (the domain's types are exact about absence). */
const ifGiven = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } => (value === undefined ? {} : ({ [key]: value } as { [P in K]: V }));

export const commandRoutes = (context: CommandContext): Route[] => {
  const { placements, progress } = context;
  const post = <B extends { readonly occurredAt?: string | undefined }>(
    path: string,
    schema: z.ZodType<B, unknown>,
    run: (body: Omit<B, 'occurredAt'>, params: Params, options: HandleOptions) => Promise<Handled>,
  ): Route => ({
    method: 'POST',
    path,
    handle: async (request) => {
      const { occurredAt, ...body } = schema.parse(await context.readBody(request));
      return answer(await run(body, request.params, context.handleOptions(request, occurredAt)));
    },
  });
  const onPlacement = (placementId: string, result: Promise<HandleResult<DomainEvent, unknown>>) =>
    result.then((done) => ({ streamId: placementStreamId(placementId), result: done }));

  return [
    post('/schools', registerSchoolBody, async (body, _, options) => ({
      streamId: schoolStreamId(body.schoolId),
      result: await placements.school({ type: 'RegisterSchool', ...body }, options),
    })),
    post('/schools/:schoolId/calendars', publishCalendarBody, async (body, { schoolId }, options) => ({
      streamId: schoolStreamId(schoolId!),
      result: await placements.school({ type: 'PublishSchoolCalendar', ...body, schoolId: schoolId! }, options),
    })),
    post('/trainees', registerTraineeBody, async (body, _, options) => ({
      streamId: traineeStreamId(body.traineeId),
      result: await placements.trainee({ type: 'RegisterTrainee', ...body }, options),
    })),
    post('/placements', arrangePlacementBody, async (body, _, options) => onPlacement(body.placementId, placements.arrange(body, options))),
    post('/placements/:placementId/meetings', recordMeetingBody, async (body, { placementId }, options) =>
      onPlacement(placementId!, placements.placement({ type: 'RecordMentorMeeting', ...body, placementId: placementId! }, options)),
    ),
    post('/placements/:placementId/contacts', recordContactBody, async (body, { placementId }, options) =>
      onPlacement(placementId!, placements.placement({ type: 'RecordMentoringContact', ...body, placementId: placementId! }, options)),
    ),
    post('/placements/:placementId/records/:recordId/correction', correctRecordBody, async (body, { placementId, recordId }, options) =>
      onPlacement(placementId!, placements.placement({ type: 'CorrectMentoringRecord', ...body, placementId: placementId!, recordId: recordId! }, options)),
    ),
    post('/placements/:placementId/records/:recordId/withdrawal', withdrawRecordBody, async (body, { placementId, recordId }, options) =>
      onPlacement(placementId!, placements.placement({ type: 'WithdrawMentoringRecord', ...body, placementId: placementId!, recordId: recordId! }, options)),
    ),
    post('/review-points', scheduleReviewPointBody, async ({ leadMentorId, ...body }, _, options) => ({
      streamId: reviewPointStreamId(body.reviewPointId),
      result: await progress.reviewPoint(
        body.reviewPointId,
        { type: 'ScheduleReviewPoint', ...body, ...ifGiven('leadMentorId', leadMentorId), policy: context.reviewPolicy(body.academicYear) },
        options,
      ),
    })),
    post('/review-points/:reviewPointId/held', holdReviewPointBody, async ({ leadMentorId, ...body }, { reviewPointId }, options) => ({
      streamId: reviewPointStreamId(reviewPointId!),
      result: await progress.reviewPoint(reviewPointId!, { type: 'HoldReviewPoint', ...body, ...ifGiven('leadMentorId', leadMentorId) }, options),
    })),
  ];
};
