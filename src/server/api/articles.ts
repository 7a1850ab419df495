/** @module server/api/articles: GET /articles (latest, filtered, paged) and GET /articles/:id. */
import type { Hono } from 'hono'
import { LedeError } from '../../core/index.js'
import type { AppEnv } from '../context.js'
import type { ApiRegistry } from './route.js'
import { route } from './route.js'
import {
  ArticleDetailSchema,
  ArticleSummarySchema,
  ErrorSchema,
  IdParamSchema,
  ListQuerySchema,
  pageOf,
} from './schemas.js'
import { listQuery } from './util.js'

/** How many related articles an article's detail carries. */
const RELATED_LIMIT = 8

export function articleRoutes(app: Hono<AppEnv>, registry: ApiRegistry): void {
  route(
    app,
    registry,
    {
      method: 'get',
      path: '/articles',
      tag: 'articles',
      summary: 'The latest articles, newest first',
      query: ListQuerySchema,
      responses: {
        200: { description: 'a page of articles', schema: pageOf(ArticleSummarySchema) },
      },
    },
    async (c, { query }) => c.json(await c.var.deps.store.listArticles(listQuery(query))),
  )

  route(
    app,
    registry,
    {
      method: 'get',
      path: '/articles/:id',
      tag: 'articles',
      summary: 'One article: the clean Article, its annotations, cast keys and related articles',
      params: IdParamSchema,
      responses: {
        200: { description: 'the article', schema: ArticleDetailSchema },
        404: { description: 'no such article', schema: ErrorSchema },
      },
    },
    async (c, { params }) => {
      const { store } = c.var.deps
      const stored = await store.getArticle(params.id)
      if (!stored) throw new LedeError('not_found', `no article ${params.id}`)
      return c.json({ ...stored, related: await store.related(stored.id, RELATED_LIMIT) })
    },
  )
}
