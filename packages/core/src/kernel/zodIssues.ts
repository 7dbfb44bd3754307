import type { z } from 'zod';
import type { ValidationIssue } from './errors.js';

/** zod's issues as ours, each path under `prefix` (e.g. `['data']` for an event's payload). */
export const toIssues = (error: z.ZodError, prefix: readonly (string | number)[] = []): ValidationIssue[] =>
  error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    code: issue.code,
    message: issue.message,
  }));
