/** @module server/api/entities: people, organisations and places; what they said. */
import type { Hono } from 'hono'
import { LedeError } from '../../core/index.js'
import type { AppEnv } from '../context.js'
import type { ApiRegistry } from './route.js'
import { route } from './route.js'
import {
  EntityDetailSchema,
  EntityListQuerySchema,
  EntitySummarySchema,
  ErrorSchema,
  KeyParamSchema,
  ListQuerySchema,
  pageOf,
  StoredQuoteSchema,
} from './schemas.js'
import { defined, listQuery } from './util.js'

export function entityRoutes(app: Hono<AppEnv>, registry: ApiRegistry): void {
  route(
    app,
    registry,
    {
      method: 'get',
      path: '/entities',
      tag: 'entities',
      summary: 'People, organisations and places, the most covered first',
      query: EntityListQuerySchema,
      responses: {
        200: { description: 'a page of entities', schema: pageOf(EntitySummarySchema) },
      },
    },
    async (c, { query }) =>
      c.json(
        await c.var.deps.store.listEntities(
          defined({ limit: query.limit, cursor: query.cursor, type: query.type, q: query.q }),
        ),
      ),
  )

  route(
    app,
    registry,
    {
      method: 'get',
      path: '/entities/:key',
      tag: 'entities',
      summary: 'One entity: names, descriptions, articles over time, who they appear with',
      params: KeyParamSchema,
      responses: {
        200: { description: 'the entity', schema: EntityDetailSchema },
        404: { description: 'no such entity', schema: ErrorSchema },
      },
    },
    async (c, { params }) => {
      const entity = await c.var.deps.store.getEntity(params.key)
      if (!entity) throw new LedeError('not_found', `no entity ${params.key}`)
      return c.json(entity)
    },
  )

  route(
    app,
    registry,
    {
      method: 'get',
      path: '/entities/:key/quotes',
      tag: 'quotes',
      summary: 'What an entity said, newest first',
      params: KeyParamSchema,
      query: ListQuerySchema,
      responses: { 200: { description: 'a page of quotes', schema: pageOf(StoredQuoteSchema) } },
    },
    async (c, { params, query }) =>
      c.json(await c.var.deps.store.quotesBy(params.key, listQuery(query))),
  )
}
