/** @module server/api/sources: feeds and their health; follow a new one. */
import type { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../context.js'
import { ApiError } from '../errors.js'
import type { ApiRegistry } from './route.js'
import { route } from './route.js'
import { ErrorSchema, FeedSourceSchema, IngestJobSchema, SourceBodySchema } from './schemas.js'

export function sourceRoutes(app: Hono<AppEnv>, registry: ApiRegistry): void {
  route(
    app,
    registry,
    {
      method: 'get',
      path: '/sources',
      tag: 'sources',
      summary: 'Followed feeds with their health',
      responses: {
        200: { description: 'the sources', schema: z.object({ items: z.array(FeedSourceSchema) }) },
      },
    },
    async (c) => c.json({ items: await c.var.deps.store.listSources() }),
  )

  route(
    app,
    registry,
    {
      method: 'post',
      path: '/sources',
      tag: 'sources',
      summary:
        'Follow a feed (or a site that declares one); its entries are read in the background',
      body: SourceBodySchema,
      responses: {
        202: { description: 'the job reading it', schema: IngestJobSchema },
        400: { description: 'not an http(s) URL', schema: ErrorSchema },
        503: { description: 'this server does not ingest', schema: ErrorSchema },
      },
    },
    async (c, { body }) => {
      const ingest = c.var.deps.ingest
      if (!ingest) throw new ApiError('unavailable', 'this server does not ingest')
      const job = ingest.submit({ url: body.url, follow: true })
      c.header('Location', `/api/v1/ingest/jobs/${job.id}`)
      return c.json(job, 202)
    },
  )
}
