/**
 * @module server/app: createApp(deps) — the reader, the JSON API and the Atom feeds on one Hono
 * app, with no globals: everything comes through `deps`. Middleware, outermost first: one log
 * line per request, security headers, compression, ETags, then the routes with their
 * Cache-Control. Errors go through server/errors.ts, the one mapping to HTTP.
 */
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { compress } from 'hono/compress'
import { csrf } from 'hono/csrf'
import { etag } from 'hono/etag'
import { silentLogger } from '../log/index.js'
import { API_BASE, createApi } from './api/index.js'
import type { AppDeps, AppEnv } from './context.js'
import { ApiError, toHttpError } from './errors.js'
import { feedRoutes } from './feeds/index.js'
import { cacheControl } from './middleware/cache.js'
import { requestLog } from './middleware/request-log.js'
import { responseCache } from './middleware/response-cache.js'
import { securityHeaders } from './middleware/security.js'
import type { Assets } from './web/assets.js'
import { loadAssets } from './web/assets.js'
import { renderError, webRoutes } from './web/index.js'

/** Largest request body: a posted HTML page, as large as the fetcher's own cap. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024

export interface CreateAppOptions {
  /** The version shown in the OpenAPI document. @default '0.0.0' */
  version?: string
  /** Compress responses (gzip/deflate). @default true */
  compress?: boolean
  /** Preloaded assets (tests share one copy). */
  assets?: Assets
  /**
   * How long a finished page, feed or API answer may be reused, in ms; 0 turns the cache off.
   * Emptied whenever the corpus changes (docs/decisions/0092). @default 300_000
   */
  cacheTtlMs?: number
}

/** Builds the web application. */
export function createApp(deps: AppDeps, options: CreateAppOptions = {}): Hono<AppEnv> {
  const assets = options.assets ?? loadAssets()
  const logger = deps.logger ?? silentLogger()
  const resolved = { ...deps, siteName: deps.siteName ?? 'Lede', logger }
  const app = new Hono<AppEnv>()
  const isApi = (path: string) => path === API_BASE || path.startsWith(`${API_BASE}/`)

  const cache = responseCache({
    ...(options.cacheTtlMs !== undefined && { ttlMs: options.cacheTtlMs }),
    version: () => deps.store.changeToken(),
    // Progress and health change by the second; posts are never cached anyway.
    skip: (path) =>
      path.startsWith('/sources') || path.startsWith(`${API_BASE}/ingest`) || path === '/healthz',
  })
  deps.ingest?.subscribe(() => cache.clear())

  app.use(requestLog(logger))
  app.use(securityHeaders())
  app.use(async (c, next) => {
    c.set('deps', resolved)
    await next()
    if (!/accept-encoding/i.test(c.res.headers.get('vary') ?? ''))
      c.res.headers.append('Vary', 'Accept-Encoding')
  })
  app.use(cache.middleware)
  if (options.compress !== false) app.use(compress())
  app.use(etag({ weak: true }))
  // Forms post only from this origin (the API takes JSON, which a cross-site form cannot send).
  app.use(csrf())
  app.use(
    `${API_BASE}/*`,
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError('invalid_input', `the body is larger than ${MAX_BODY_BYTES} bytes`)
      },
    }),
  )

  app.get('/healthz', (c) => c.json({ ok: true }))
  for (const asset of [assets.css, assets.js]) {
    app.get(asset.path, cacheControl('asset'), (c) =>
      c.body(asset.body, 200, { 'Content-Type': asset.type }),
    )
  }

  app.use(`${API_BASE}/*`, cacheControl('api'))
  app.route(API_BASE, createApi(options.version ?? '0.0.0'))
  app.use('/feeds/*', cacheControl('feed'))
  const feeds = new Hono<AppEnv>()
  feedRoutes(feeds)
  app.route('/', feeds)
  app.use('*', cacheControl('page'))
  const web = new Hono<AppEnv>()
  webRoutes(web, assets)
  app.route('/', web)

  app.notFound((c) => {
    if (isApi(c.req.path))
      return c.json(
        { error: { code: 'not_found', message: `no route ${c.req.method} ${c.req.path}` } },
        404,
      )
    return renderError(c, assets, 404, 'There is no page at this address.')
  })

  app.onError((e, c) => {
    const out = toHttpError(e)
    if (out.unexpected)
      logger.error({ event: 'http_error', path: c.req.path, err: e }, 'request failed')
    if (isApi(c.req.path) || c.req.path.startsWith('/feeds/')) return c.json(out.body, out.status)
    return renderError(c, assets, out.status, out.body.error.message)
  })
  return app
}
