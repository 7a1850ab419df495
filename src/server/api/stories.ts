/** @module server/api/stories: GET /stories and GET /stories/:id (articles, copies, quotes). */
import type { Hono } from 'hono'
import { LedeError } from '../../core/index.js'
import type { AppEnv } from '../context.js'
import type { ApiRegistry } from './route.js'
import { route } from './route.js'
import {
  ErrorSchema,
  IdParamSchema,
  ListQuerySchema,
  pageOf,
  StoryDetailSchema,
  StorySummarySchema,
} from './schemas.js'
import { listQuery } from './util.js'

export function storyRoutes(app: Hono<AppEnv>, registry: ApiRegistry): void {
  route(
    app,
    registry,
    {
      method: 'get',
      path: '/stories',
      tag: 'stories',
      summary: 'Stories, the one with the latest article first',
      query: ListQuerySchema,
      responses: { 200: { description: 'a page of stories', schema: pageOf(StorySummarySchema) } },
    },
    async (c, { query }) => c.json(await c.var.deps.store.listStories(listQuery(query))),
  )

  route(
    app,
    registry,
    {
      method: 'get',
      path: '/stories/:id',
      tag: 'stories',
      summary: 'One story: its articles by time with copies folded, its people and quotes',
      params: IdParamSchema,
      responses: {
        200: { description: 'the story', schema: StoryDetailSchema },
        404: { description: 'no such story', schema: ErrorSchema },
      },
    },
    async (c, { params }) => {
      const story = await c.var.deps.store.getStory(params.id)
      if (!story) throw new LedeError('not_found', `no story ${params.id}`)
      return c.json(story)
    },
  )
}
