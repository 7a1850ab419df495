/**
 * @module server/api/openapi: the OpenAPI 3.1 document, generated from the routes' own zod
 * schemas with zod's JSON Schema output (draft 2020-12, the dialect OpenAPI 3.1 uses).
 */
import { z } from 'zod'
import type { ApiRegistry } from './route.js'

type Json = Record<string, unknown>

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as Json
  return rest
}

/** `/articles/:id` → `/articles/{id}`. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z_]+)/g, '{$1}')

/** Builds the document for the routes in `registry`, mounted at `basePath`. */
export function openApiDocument(
  registry: ApiRegistry,
  info: { title: string; version: string; basePath: string },
): Json {
  const paths: Record<string, Json> = {}
  for (const r of registry.routes) {
    const parameters: Json[] = []
    for (const [where, schema] of [
      ['path', r.params],
      ['query', r.query],
    ] as const) {
      if (!schema) continue
      const json = toSchema(schema, 'input') as {
        properties?: Record<string, Json>
        required?: string[]
      }
      for (const [name, prop] of Object.entries(json.properties ?? {})) {
        const { description, ...propSchema } = prop
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (json.required ?? []).includes(name),
          ...(typeof description === 'string' && { description }),
          schema: propSchema,
        })
      }
    }
    const responses: Json = {}
    for (const [status, res] of Object.entries(r.responses)) {
      responses[status] = {
        description: res.description,
        ...(res.schema && {
          content: { 'application/json': { schema: toSchema(res.schema, 'output') } },
        }),
      }
    }
    const path = `${info.basePath}${openApiPath(r.path)}`
    paths[path] = {
      ...paths[path],
      [r.method]: {
        operationId: `${r.method}${r.path.replace(/[/:]+(\w)/g, (_m, ch: string) => ch.toUpperCase())}`,
        summary: r.summary,
        tags: [r.tag],
        ...(parameters.length > 0 && { parameters }),
        ...(r.body && {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toSchema(r.body, 'input') } },
          },
        }),
        responses,
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
  }
}
