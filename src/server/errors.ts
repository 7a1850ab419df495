/**
 * @module server/errors: the one place where an error becomes an HTTP status and a body. Every
 * route throws a LedeError (or lets zod's validation fail); the app's error handler calls
 * `toHttpError` and renders `{ error: { code, message } }` for the API, an error page for the reader.
 */
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ZodError } from 'zod'
import type { ErrorCode } from '../core/index.js'
import { isLedeError } from '../core/index.js'

/** The codes the API answers with: the core codes and a few of HTTP's own. */
export type ApiErrorCode = ErrorCode | 'method_not_allowed' | 'unavailable' | 'internal'

/** The HTTP status of each code. */
export const STATUS_OF: Record<ApiErrorCode, ContentfulStatusCode> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  // The input was understood but holds no article: the request is fine, its content is not.
  no_main_content: 422,
  unsupported_content: 415,
  invalid_feed: 422,
  // The server was asked to fetch something it must not or could not: a gateway's failure.
  blocked_address: 403,
  robots_disallowed: 403,
  fetch_failed: 502,
  http_status: 502,
  too_many_redirects: 502,
  fetch_timeout: 504,
  too_large: 413,
  storage_failed: 503,
  method_not_allowed: 405,
  unavailable: 503,
  internal: 500,
}

/** An error of the HTTP layer itself, for codes that are not the core's (e.g. `unavailable`). */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message)
  }
}

export interface HttpError {
  status: ContentfulStatusCode
  body: { error: { code: ApiErrorCode; message: string } }
  /** True when the error is a bug or an outage worth logging at error level. */
  unexpected: boolean
}

/** Maps anything thrown by a route to a status and the `{ error: { code, message } }` body. */
export function toHttpError(e: unknown): HttpError {
  if (isLedeError(e)) return make(e.code, e.message, STATUS_OF[e.code] >= 500)
  if (e instanceof ApiError) return make(e.code, e.message, e.code === 'internal')
  if (e instanceof ZodError) {
    const issue = e.issues[0]
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
    return make('invalid_input', `${where}${issue?.message ?? 'invalid input'}`, false)
  }
  if (e instanceof HTTPException) {
    const code: ApiErrorCode =
      e.status === 404
        ? 'not_found'
        : e.status === 405
          ? 'method_not_allowed'
          : e.status === 413
            ? 'too_large'
            : e.status < 500
              ? 'invalid_input'
              : 'internal'
    return {
      status: e.status as ContentfulStatusCode,
      body: { error: { code, message: e.message || 'request refused' } },
      unexpected: e.status >= 500,
    }
  }
  return make('internal', 'internal error', true)
}

function make(code: ApiErrorCode, message: string, unexpected: boolean): HttpError {
  return { status: STATUS_OF[code], body: { error: { code, message } }, unexpected }
}
