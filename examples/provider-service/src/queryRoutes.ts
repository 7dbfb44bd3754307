import {
  behindThisWeek,
  placementEntitlement,
  placementStreamId,
  traineeEntitlement,
  type EntitlementReadModel,
  type LocalDate,
  type RuleBook,
} from '@itt-ledger/core';
import { behindQuery, todayQuery } from './bodies.js';
import { etagOf } from './etag.js';
import { HttpError } from './http.js';
import type { Route } from './router.js';

export interface QueryContext {
  /** The read model, caught up with the store: what every write so far has made of it. */
  readonly readModel: () => Promise<EntitlementReadModel>;
  /** A stream's last revision, or undefined when it has no events. */
  readonly revisionOf: (streamId: string) => Promise<bigint | undefined>;
  /** The service clock's date: "today" when the client does not say. */
  readonly today: () => LocalDate;
  readonly ruleBook: RuleBook;
}

const notFound = (what: string) => new HttpError(404, 'not_found', `no ${what}`);

/** The read side: projections folded from the same events the commands wrote, asked on a `today`. */
export const queryRoutes = (context: QueryContext): Route[] => {
  const { ruleBook } = context;
  const query = (params: URLSearchParams) => Object.fromEntries(params);
  return [
    {
      method: 'GET',
      path: '/placements/:placementId/entitlement',
      handle: async ({ params, query: search }) => {
        const placementId = params.placementId!;
        const { today = context.today() } = todayQuery.parse(query(search));
        // The tag is read before the read model: it may be older than the data (a later If-Match is then a
        // 409 and the client reads again), never newer (a write would pass on data the client never saw).
        const revision = await context.revisionOf(placementStreamId(placementId));
        const entitlement = placementEntitlement(await context.readModel(), placementId, { today, ruleBook });
        if (revision === undefined || entitlement === undefined) throw notFound(`placement ${placementId}`);
        return { status: 200, body: entitlement, headers: { etag: etagOf(revision) } };
      },
    },
    {
      method: 'GET',
      path: '/trainees/:traineeId/entitlement',
      handle: async ({ params, query: search }) => {
        const { today = context.today() } = todayQuery.parse(query(search));
        const entitlement = traineeEntitlement(await context.readModel(), params.traineeId!, { today, ruleBook });
        if (entitlement === undefined) throw notFound(`trainee ${params.traineeId}`);
        return { status: 200, body: entitlement };
      },
    },
    {
      method: 'GET',
      path: '/behind-this-week',
      handle: async ({ query: search }) => {
        const { today = context.today(), by } = behindQuery.parse(query(search));
        return { status: 200, body: { today, by, rows: behindThisWeek(await context.readModel(), { today, by, ruleBook }) } };
      },
    },
  ];
};
