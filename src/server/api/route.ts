/**
 * @module server/api/route: declare a route once — method, path, zod schemas for its parameters,
 * query, body and responses — and get both the validated handler and its OpenAPI entry. Routes
 * validate and delegate; a failed validation is a ZodError, which server/errors.ts maps to 400.
 */
import type { Context, Hono } from 'hono'
import { z } from 'zod'
import { LedeError } from '../../core/index.js'
import type { AppEnv } from '../context.js'

export interface ResponseSpec {
  description: string
  schema?: z.ZodType
}

export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: 'get' | 'post'
  /** Hono's path syntax, relative to /api/v1: `/articles/:id`. */
  path: string
  summary: string
  tag: string
  params?: P
  query?: Q
  body?: B
  responses: Record<number, ResponseSpec>
}

export interface RouteInput<P, Q, B> {
  params: P
  query: Q
  body: B
}

/** Collects the declared routes for the OpenAPI document. */
export class ApiRegistry {
  readonly routes: RouteSpec[] = []
}

const EMPTY = z.object({})

/** Registers a validated route on `app` and records it in `registry`. */
export function route<
  P extends z.ZodType = typeof EMPTY,
  Q extends z.ZodType = typeof EMPTY,
  B extends z.ZodType = typeof EMPTY,
>(
  app: Hono<AppEnv>,
  registry: ApiRegistry,
  spec: RouteSpec<P, Q, B>,
  handler: (
    c: Context<AppEnv>,
    input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>,
  ) => Response | Promise<Response>,
): void {
  registry.routes.push(spec as unknown as RouteSpec)
  app.on(spec.method.toUpperCase(), spec.path, async (c) => {
    const params = (spec.params ?? EMPTY).parse(c.req.param()) as z.output<P>
    const query = (spec.query ?? EMPTY).parse(c.req.query()) as z.output<Q>
    let body = {} as z.output<B>
    if (spec.body) {
      const type = c.req.header('content-type') ?? ''
      if (!/^application\/json\b/i.test(type))
        throw new LedeError('unsupported_content', 'send the body as application/json')
      let json: unknown
      try {
        json = await c.req.json()
      } catch {
        throw new LedeError('invalid_input', 'the body is not valid JSON')
      }
      body = spec.body.parse(json) as z.output<B>
    }
    return handler(c, { params, query, body })
  })
}
