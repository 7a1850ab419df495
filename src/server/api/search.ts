/** @module server/api/search: GET /search (articles) and GET /quotes (who said what about X). */
import type { Hono } from 'hono'
import type { AppEnv } from '../context.js'
import type { ApiRegistry } from './route.js'
import { route } from './route.js'
import {
  ErrorSchema,
  pageOf,
  QuoteHitSchema,
  SearchHitSchema,
  SearchQuerySchema,
} from './schemas.js'
import { searchQuery } from './util.js'

export function searchRoutes(app: Hono<AppEnv>, registry: ApiRegistry): void {
  route(
    app,
    registry,
    {
      method: 'get',
      path: '/search',
      tag: 'search',
      summary: 'Full-text search over articles (BM25), with filters and highlighted snippets',
      query: SearchQuerySchema,
      responses: {
        200: { description: 'a page of hits', schema: pageOf(SearchHitSchema) },
        400: { description: 'an invalid query', schema: ErrorSchema },
      },
    },
    async (c, { query }) => c.json(await c.var.deps.store.search(searchQuery(query))),
  )

  route(
    app,
    registry,
    {
      method: 'get',
      path: '/quotes',
      tag: 'quotes',
      summary: 'Quote search: `speaker` X and `q` Y answer "what did X say about Y"',
      query: SearchQuerySchema,
      responses: {
        200: { description: 'a page of quotes', schema: pageOf(QuoteHitSchema) },
        400: { description: 'an invalid query', schema: ErrorSchema },
      },
    },
    async (c, { query }) => c.json(await c.var.deps.store.searchQuotes(searchQuery(query))),
  )
}
