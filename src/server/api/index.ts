/**
 * @module server/api: the JSON API under /api/v1 — articles, stories, entities, quotes, search,
 * sources and ingest — with its OpenAPI 3.1 document at /api/v1/openapi.json.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../context.js'
import { articleRoutes } from './articles.js'
import { entityRoutes } from './entities.js'
import { ingestRoutes } from './ingest.js'
import { openApiDocument } from './openapi.js'
import { ApiRegistry } from './route.js'
import { searchRoutes } from './search.js'
import { sourceRoutes } from './sources.js'
import { storyRoutes } from './stories.js'

export const API_BASE = '/api/v1'

/** The API's routes, to be mounted at {@link API_BASE}. */
export function createApi(version: string): Hono<AppEnv> {
  const api = new Hono<AppEnv>()
  const registry = new ApiRegistry()
  articleRoutes(api, registry)
  storyRoutes(api, registry)
  entityRoutes(api, registry)
  searchRoutes(api, registry)
  sourceRoutes(api, registry)
  ingestRoutes(api, registry)
  // Made on first request: generating it costs a start-up that only serves pages ~0.1 s.
  let doc: ReturnType<typeof openApiDocument> | undefined
  api.get('/openapi.json', (c) => {
    doc ??= openApiDocument(registry, { title: 'Lede API', version, basePath: API_BASE })
    return c.json(doc)
  })
  return api
}
