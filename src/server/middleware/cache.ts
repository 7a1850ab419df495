/**
 * @module server/middleware/cache: Cache-Control by kind of response. Pages and API answers
 * change as news arrives, so clients revalidate them with their ETag (`no-cache`); feeds may be
 * cached a few minutes; static files carry their content hash in the URL and never change.
 */
import type { MiddlewareHandler } from 'hono'

/** Cache-Control for each kind of response. */
export const CACHE_CONTROL = {
  page: 'no-cache',
  api: 'no-cache',
  // Feed readers poll; five minutes keeps a busy reader's load bounded without hiding news long.
  feed: 'public, max-age=300',
  asset: 'public, max-age=31536000, immutable',
  none: 'no-store',
} as const

/** Sets Cache-Control unless the route set its own; errors are never cached. */
export function cacheControl(kind: keyof typeof CACHE_CONTROL): MiddlewareHandler {
  return async (c, next) => {
    await next()
    if (c.res.status >= 400) c.res.headers.set('Cache-Control', CACHE_CONTROL.none)
    else if (!c.res.headers.has('Cache-Control'))
      c.res.headers.set('Cache-Control', CACHE_CONTROL[kind])
  }
}
