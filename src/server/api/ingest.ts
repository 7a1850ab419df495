/**
 * @module server/api/ingest: POST /ingest — a URL (read in the background, 202 with a job) or a
 * whole document as HTML or text (processed now, 201 with the article's id) — and the jobs.
 */
import type { Hono } from 'hono'
import { z } from 'zod'
import type { RawDocument } from '../../core/index.js'
import { LedeError } from '../../core/index.js'
import type { AppEnv } from '../context.js'
import { ApiError } from '../errors.js'
import type { ApiRegistry } from './route.js'
import { route } from './route.js'
import {
  DocumentOutcomeSchema,
  ErrorSchema,
  IdParamSchema,
  IngestBodySchema,
  IngestJobSchema,
} from './schemas.js'

export function ingestRoutes(app: Hono<AppEnv>, registry: ApiRegistry): void {
  route(
    app,
    registry,
    {
      method: 'post',
      path: '/ingest',
      tag: 'ingest',
      summary: 'Ingest a URL (in the background) or a posted HTML or text document (now)',
      body: IngestBodySchema,
      responses: {
        201: { description: 'the document was stored', schema: DocumentOutcomeSchema },
        202: { description: 'the URL is being read', schema: IngestJobSchema },
        400: { description: 'invalid input', schema: ErrorSchema },
        422: { description: 'no article in the document', schema: ErrorSchema },
        503: { description: 'this server does not ingest', schema: ErrorSchema },
      },
    },
    async (c, { body }) => {
      const ingest = c.var.deps.ingest
      if (!ingest) throw new ApiError('unavailable', 'this server does not ingest')
      if ('html' in body || 'text' in body) {
        const doc: RawDocument = {
          body: 'html' in body ? body.html : body.text,
          format: 'html' in body ? 'html' : 'text',
          ...(body.url !== undefined && { url: body.url }),
          source: { kind: 'api', location: body.url ?? 'api' },
          fetchedAt: (c.var.deps.now?.() ?? new Date()).toISOString(),
        }
        const outcome = await ingest.processDocument(doc)
        if (outcome.outcome === 'failed') {
          const code = outcome.code === 'no_main_content' ? 'no_main_content' : 'invalid_input'
          throw new LedeError(code, outcome.message)
        }
        c.header('Location', `/api/v1/articles/${outcome.id}`)
        return c.json(outcome, 201)
      }
      const job = ingest.submit({ url: body.url, follow: body.follow ?? false })
      c.header('Location', `/api/v1/ingest/jobs/${job.id}`)
      return c.json(job, 202)
    },
  )

  route(
    app,
    registry,
    {
      method: 'get',
      path: '/ingest/jobs',
      tag: 'ingest',
      summary: 'Recent ingestion jobs, newest first',
      responses: {
        200: { description: 'the jobs', schema: z.object({ items: z.array(IngestJobSchema) }) },
      },
    },
    (c) => c.json({ items: c.var.deps.ingest?.list() ?? [] }),
  )

  route(
    app,
    registry,
    {
      method: 'get',
      path: '/ingest/jobs/:id',
      tag: 'ingest',
      summary: 'One job and its progress',
      params: IdParamSchema,
      responses: {
        200: { description: 'the job', schema: IngestJobSchema },
        404: { description: 'no such job', schema: ErrorSchema },
      },
    },
    (c, { params }) => {
      const job = c.var.deps.ingest?.get(params.id)
      if (!job) throw new LedeError('not_found', `no job ${params.id}`)
      return c.json(job)
    },
  )
}
