import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import {
  createProgressService,
  createProjectionRunner,
  defaultReviewPolicy,
  entitlementProjections,
  entitlementReadModel,
  localDateOf,
  placementCommands,
  StreamNotFoundError,
  standardRuleBook,
  type Clock,
  type DomainEvent,
  type EventStore,
  type IdGenerator,
  type ReviewPolicy,
  type RuleBook,
} from '@itt-ledger/core';
import { commandRoutes } from './commandRoutes.js';
import { expectedRevisionFrom } from './etag.js';
import { errorResponse } from './errors.js';
import { DEFAULT_BODY_LIMIT_BYTES, HttpError, readJsonBody, sendJson } from './http.js';
import { queryRoutes } from './queryRoutes.js';
import { createRouter } from './router.js';

export interface ProviderServiceDeps<SE extends DomainEvent> {
  /** A store whose registry knows the placements and progress events (e.g. `createIttLedgerRegistry()`). */
  readonly store: EventStore<SE>;
  readonly clock: Clock;
  /** Correlation ids, one per request: in each event's metadata and the `X-Correlation-Id` header. */
  readonly ids: IdGenerator;
  readonly ruleBook?: RuleBook;
  /** The provider's review stages; by default the rule set's, with the lead mentor at each. */
  readonly reviewPolicy?: ReviewPolicy;
  readonly bodyLimitBytes?: number;
  /** Where unexpected errors go, with their stack; the client only gets a 500 and the correlation id. */
  readonly log?: (line: string) => void;
}

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * The library embedded in an HTTP service: commands in through the domain's application services, the
 * entitlement projections out, each request a function of the store, the clock and its own headers.
 */
export const createProviderService = <SE extends DomainEvent>(deps: ProviderServiceDeps<SE>): RequestListener => {
  const { store, clock, ids, ruleBook = standardRuleBook, bodyLimitBytes = DEFAULT_BODY_LIMIT_BYTES } = deps;
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const runner = createProjectionRunner({ store, projections: entitlementProjections });

  const route = createRouter([
    ...commandRoutes({
      placements: placementCommands({ store, clock, ruleBook }),
      progress: createProgressService({ store, clock, ruleBook }),
      reviewPolicy: (year) => deps.reviewPolicy ?? defaultReviewPolicy(ruleBook.ruleSetFor(year)),
      readBody: ({ request }) => readJsonBody(request, bodyLimitBytes),
      handleOptions: ({ request, correlationId }, occurredAt) => {
        const key = header(request, 'idempotency-key');
        if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw new HttpError(400, 'invalid_header', 'Idempotency-Key: 1 to 200 visible ASCII characters', 'idempotency-key');
        const expectedRevision = expectedRevisionFrom(header(request, 'if-match'));
        return {
          ...(expectedRevision === undefined ? {} : { expectedRevision }),
          ...(key === undefined ? {} : { commandId: key }),
          ...(occurredAt === undefined ? {} : { occurredAt }),
          metadata: { correlationId },
        };
      },
    }),
    ...queryRoutes({
      readModel: async () => {
        await runner.catchUp();
        return entitlementReadModel(runner);
      },
      revisionOf: async (streamId) => {
        try {
          const [last] = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
          return last?.streamRevision;
        } catch (error) {
          if (error instanceof StreamNotFoundError) return undefined;
          throw error;
        }
      },
      today: () => localDateOf(clock.now()),
      ruleBook,
    }),
  ]);

  const handle = async (request: IncomingMessage, response: ServerResponse, correlationId: string) => {
    const method = request.method ?? 'GET';
    const { pathname, searchParams } = new URL(request.url ?? '/', 'http://service.invalid');
    const match = route(method, pathname);
    if (match === undefined) throw new HttpError(404, 'not_found', `no route for ${method} ${pathname}`);
    if ('allowed' in match) throw new HttpError(405, 'method_not_allowed', `${pathname} allows ${match.allowed.join(', ')}`, undefined, { allow: match.allowed.join(', ') });
    const answer = await match.route.handle({ params: match.params, query: searchParams, request, correlationId });
    sendJson(response, answer.status, answer.body, { ...answer.headers, 'x-correlation-id': correlationId });
  };

  return (request, response) => {
    const correlationId = ids.eventId();
    handle(request, response, correlationId).catch((error: unknown) => {
      const known = errorResponse(error);
      if (known === undefined) log(`${correlationId} ${request.method} ${request.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      const { status, body, headers = {} } = known ?? { status: 500, body: { error: 'internal', message: 'internal error; the log has it under this correlation id' } };
      if (response.headersSent) return void response.destroy();
      sendJson(response, status, { ...body, correlationId }, { ...headers, 'x-correlation-id': correlationId });
    });
  };
};
