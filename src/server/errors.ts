/**
 * The one place errors become HTTP answers: {error: {code, message}}. A UserError (bad input, a
 * missing id, a busy server) gets a 4xx or 503 with its own message; anything else is a bug,
 * logged on the server and answered 500 with a generic message: no stack, no internals.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HTTPException } from 'hono/http-exception';
import { UserError } from '../errors.js';

/** A UserError whose code has its own status; any other UserError is a 400. */
const STATUS_BY_CODE: Record<string, ContentfulStatusCode> = {
  not_found: 404,
  ambiguous: 409,
  too_large: 413,
  unsupported_media_type: 415,
  busy: 503,
  timeout: 503,
  store: 500,
};

export function notFound(what: string): UserError {
  return new UserError('not_found', `${what}: not found`);
}

export function badRequest(message: string): UserError {
  return new UserError('bad_request', message);
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** Logs only what a bug needs (never request bodies: they are users' articles). */
export type ErrorLog = (line: string) => void;

export function makeErrorHandler(log: ErrorLog) {
  return (err: Error, c: Context): Response => {
    if (err instanceof UserError) {
      const status = STATUS_BY_CODE[err.code] ?? 400;
      if (status >= 500 && err.code === 'store') {
        log(`storytrace serve: store error: ${err.message}`);
        return c.json(errorBody('store', 'the database could not be read or written'), 500);
      }
      return c.json(errorBody(err.code, err.message), status);
    }
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      const code = status === 413 ? 'too_large' : status === 408 || status === 504 ? 'timeout' : 'bad_request';
      return c.json(errorBody(code, err.message || 'bad request'), status);
    }
    log(`storytrace serve: internal error: ${err.stack ?? err.message}`);
    return c.json(errorBody('internal', 'internal server error'), 500);
  };
}
