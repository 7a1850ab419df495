/**
 * @module server/middleware/request-log: one JSON line per request (pino), with fixed keys:
 * `event: "http_request"`, `method`, `path`, `status`, `duration_ms`, `request_id`.
 */
import { randomUUID } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import type { Logger } from '../../log/index.js'

export interface RequestLogEvent {
  event: 'http_request'
  request_id: string
  method: string
  path: string
  status: number
  duration_ms: number
  /** `hit` or `miss` when the response cache was asked. */
  cache?: string
}

/** Logs each request once, when its response is ready. */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now()
    const requestId = c.req.header('x-request-id')?.slice(0, 64) || randomUUID()
    c.header('X-Request-Id', requestId)
    await next()
    const line: RequestLogEvent = {
      event: 'http_request',
      request_id: requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      duration_ms: Math.round((performance.now() - started) * 100) / 100,
      ...(c.res.headers.has('x-cache') && { cache: c.res.headers.get('x-cache')! }),
    }
    if (c.res.status >= 500) logger.error(line, 'request failed')
    else logger.info(line, 'request')
  }
}
