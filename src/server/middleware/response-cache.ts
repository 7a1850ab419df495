/**
 * @module server/middleware/response-cache: an in-memory cache of finished GET responses (already
 * compressed, with their ETag) — the cache news sites put in front of their pages. It is emptied
 * as soon as the corpus changes: when this server stores news (`clear()`), and when the store's
 * change token moves (checked at most once a second, so a write by another process shows within
 * a second). Entries also expire after a TTL, as a backstop. The key includes the encoding the
 * client accepts, so a gzip answer never reaches a client that did not ask for it.
 */
import type { MiddlewareHandler } from 'hono'

export interface ResponseCacheOptions {
  /** How long an entry is served at most. 0 turns the cache off. @default 300_000 */
  ttlMs?: number
  /** The corpus's change token (Store.changeToken): when it moves, every entry is dropped. */
  version?: () => Promise<string>
  /** How often the token is read, at most. @default 1000 */
  checkEveryMs?: number
  /** Entries kept (least recently used dropped first). @default 2000 */
  maxEntries?: number
  /** Larger bodies are not kept. @default 512 KiB */
  maxBodyBytes?: number
  /** Paths never cached (progress pages, health). */
  skip?: (path: string) => boolean
  now?: () => number
}

interface Entry {
  at: number
  status: number
  headers: [string, string][]
  body: Uint8Array
  etag: string | null
}

export interface ResponseCache {
  middleware: MiddlewareHandler
  /** Drops every entry (the corpus changed). */
  clear(): void
  readonly size: number
}

/**
 * Defaults: the corpus's change token keeps pages fresh to the second; the TTL is a backstop for
 * stores without a cheap token. A few thousand pages of a few kB each.
 */
export const RESPONSE_CACHE_DEFAULTS = {
  ttlMs: 300_000,
  checkEveryMs: 1000,
  maxEntries: 2000,
  maxBodyBytes: 512 * 1024,
} as const

export function responseCache(options: ResponseCacheOptions = {}): ResponseCache {
  const o = { ...RESPONSE_CACHE_DEFAULTS, ...options }
  const now = o.now ?? Date.now
  const entries = new Map<string, Entry>()
  let token: string | undefined
  let checkedAt = Number.NEGATIVE_INFINITY
  let checking: Promise<void> | undefined
  /** Reads the change token (at most once per interval) and drops everything if it moved. */
  const revalidate = async () => {
    if (!o.version || now() - checkedAt < o.checkEveryMs) return
    checking ??= o
      .version()
      .then((t) => {
        if (token !== undefined && t !== token) entries.clear()
        token = t
        checkedAt = now()
      })
      .finally(() => {
        checking = undefined
      })
    await checking
  }

  const middleware: MiddlewareHandler = async (c, next) => {
    const method = c.req.method
    if (o.ttlMs <= 0 || (method !== 'GET' && method !== 'HEAD') || o.skip?.(c.req.path)) {
      await next()
      return
    }
    await revalidate()
    const gzip = /\bgzip\b/i.test(c.req.header('accept-encoding') ?? '')
    const url = new URL(c.req.url)
    const key = `${gzip ? 'gz' : 'id'} ${url.pathname}${url.search}`
    const hit = entries.get(key)
    if (hit && now() - hit.at < o.ttlMs) {
      // Most recently used last.
      entries.delete(key)
      entries.set(key, hit)
      const inm = c.req.header('if-none-match')
      if (inm && hit.etag && inm.split(/\s*,\s*/).includes(hit.etag)) {
        c.res = new Response(null, { status: 304, headers: { ETag: hit.etag } })
        return
      }
      c.res = new Response(method === 'HEAD' ? null : hit.body, {
        status: hit.status,
        headers: hit.headers,
      })
      c.res.headers.set('X-Cache', 'hit')
      return
    }
    await next()
    const res = c.res
    if (res.status !== 200 || res.headers.has('set-cookie')) return
    const body = new Uint8Array(await res.arrayBuffer())
    const headers = [...res.headers.entries()]
    c.res = new Response(method === 'HEAD' ? null : body, { status: res.status, headers })
    c.res.headers.set('X-Cache', 'miss')
    if (body.byteLength > o.maxBodyBytes || method === 'HEAD') return
    entries.set(key, {
      at: now(),
      status: res.status,
      headers,
      body,
      etag: res.headers.get('etag'),
    })
    while (entries.size > o.maxEntries) entries.delete(entries.keys().next().value!)
  }

  return {
    middleware,
    clear: () => entries.clear(),
    get size() {
      return entries.size
    },
  }
}
