/**
 * @module server/middleware/response-cache: a small in-memory cache of finished GET responses
 * (already compressed, with their ETag), kept for a few seconds — the "micro-cache" news sites
 * put in front of their pages. Under load most readers ask for the same pages, and a page that is
 * a few seconds old is as good as a fresh one; when this server stores news itself the cache is
 * emptied at once, so a reader never waits for their own addition. The key includes the
 * encoding the client accepts, so a gzip answer never reaches a client that did not ask for it.
 */
import type { MiddlewareHandler } from 'hono'

export interface ResponseCacheOptions {
  /** How long an entry is served. 0 turns the cache off. @default 10_000 */
  ttlMs?: number
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

/** Defaults: ten seconds of staleness at most, a few thousand pages of a few kB each. */
export const RESPONSE_CACHE_DEFAULTS = {
  ttlMs: 10_000,
  maxEntries: 2000,
  maxBodyBytes: 512 * 1024,
} as const

export function responseCache(options: ResponseCacheOptions = {}): ResponseCache {
  const o = { ...RESPONSE_CACHE_DEFAULTS, ...options }
  const now = o.now ?? Date.now
  const entries = new Map<string, Entry>()

  const middleware: MiddlewareHandler = async (c, next) => {
    const method = c.req.method
    if (o.ttlMs <= 0 || (method !== 'GET' && method !== 'HEAD') || o.skip?.(c.req.path)) {
      await next()
      return
    }
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
      return
    }
    await next()
    const res = c.res
    if (res.status !== 200 || res.headers.has('set-cookie')) return
    const body = new Uint8Array(await res.arrayBuffer())
    const headers = [...res.headers.entries()]
    c.res = new Response(method === 'HEAD' ? null : body, { status: res.status, headers })
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
