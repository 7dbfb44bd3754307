import type { IncomingMessage } from 'node:http';

export interface RouteRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly request: IncomingMessage;
  /** One per request: in the events' metadata and the `X-Correlation-Id` header. */
  readonly correlationId: string;
}

/** What a route answers: a status, a JSON body, and headers (an ETag). */
export interface RouteResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface Route {
  readonly method: 'GET' | 'POST';
  /** Segments; `:name` captures one. */
  readonly path: string;
  readonly handle: (request: RouteRequest) => Promise<RouteResponse>;
}

export type Match = { readonly route: Route; readonly params: Record<string, string> } | { readonly allowed: readonly string[] } | undefined;

const segments = (path: string) => path.split('/').filter((segment) => segment !== '');

const capture = (pattern: readonly string[], actual: readonly string[]): Record<string, string> | undefined => {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of pattern.entries()) {
    const value = actual[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = value;
    else if (part !== value) return undefined;
  }
  return params;
};

/**
 * A table of routes, matched segment by segment: the route and its decoded parameters; the methods the
 * path allows when the method is not one of them (a 405); or nothing (a 404).
 */
export const createRouter = (routes: readonly Route[]) => {
  const compiled = routes.map((route) => ({ route, pattern: segments(route.path) }));
  return (method: string, pathname: string): Match => {
    let actual: string[];
    try {
      actual = segments(pathname).map((segment) => decodeURIComponent(segment));
    } catch {
      return undefined;
    }
    const allowed: string[] = [];
    for (const { route, pattern } of compiled) {
      const params = capture(pattern, actual);
      if (params === undefined) continue;
      if (route.method === method) return { route, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { allowed } : undefined;
  };
};
