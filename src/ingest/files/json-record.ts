/**
 * @module ingest/files/json-record: one JSON object → RawDocument. The fields of Lede's JSON-lines
 * input, validated with zod: `{ url?, html? | text?, title?, publishedAt?, authors?, siteName?,
 * language?, description? }`, plus common aliases (`body` for text, `date` for publishedAt,
 * `source`/`site` for siteName, `lang`, `author`, `headline`), so exports of other tools and
 * data sets load as they are. A record with neither html nor text is a headline: the pipeline
 * stores its metadata without extraction.
 */
import { z } from 'zod'
import type { RawDocument, Result, SourceKind } from '../../core/index.js'
import { err, ok } from '../../core/index.js'

const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v === null || v === undefined || v.trim() === '' ? undefined : v))

const authorsSchema = z
  .union([z.string(), z.array(z.string())])
  .nullish()
  .transform((v) => (v === null || v === undefined ? undefined : Array.isArray(v) ? v : [v]))

/** The JSON-lines record. Unknown fields are allowed and ignored. */
export const JsonRecordSchema = z.looseObject({
  url: optionalText,
  html: optionalText,
  text: optionalText,
  body: optionalText,
  title: optionalText,
  headline: optionalText,
  publishedAt: optionalText,
  date: optionalText,
  authors: authorsSchema,
  author: authorsSchema,
  siteName: optionalText,
  site: optionalText,
  source: z.unknown().optional(),
  language: optionalText,
  lang: optionalText,
  description: optionalText,
})

export type JsonRecord = z.input<typeof JsonRecordSchema>

type ParsedRecord = z.output<typeof JsonRecordSchema>

const TEXT_FIELDS = [
  'url',
  'html',
  'text',
  'body',
  'title',
  'headline',
  'publishedAt',
  'date',
  'siteName',
  'site',
  'language',
  'lang',
  'description',
] as const

/**
 * What `JsonRecordSchema` gives for the common record whose fields are strings (or null, or
 * absent), without zod; undefined for anything else, which zod then parses (and explains). zod's
 * safeParse was ~15% of the CPU of importing the UCI headlines (a profile of 50k lines); the
 * table test in json-record.test.ts checks that both paths agree.
 */
export function plainRecord(value: unknown): ParsedRecord | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const v = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const k of TEXT_FIELDS) {
    const x = v[k]
    if (x === undefined || x === null) continue
    if (typeof x !== 'string') return undefined
    if (x.trim() !== '') out[k] = x
  }
  for (const k of ['authors', 'author'] as const) {
    const x = v[k]
    if (x === undefined || x === null) continue
    if (typeof x === 'string') out[k] = [x]
    else if (Array.isArray(x) && x.every((a) => typeof a === 'string')) out[k] = x
    else return undefined
  }
  if (v['source'] !== undefined) out['source'] = v['source']
  return out as ParsedRecord
}

/** ISO 8601 when a date parses, else undefined (a date we cannot read is no hint). */
function isoDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}

/** Turns one parsed JSON value into a RawDocument, or says why it cannot. */
export function recordToDocument(
  value: unknown,
  context: { location: string; kind: SourceKind; fetchedAt: string },
): Result<RawDocument, { code: 'invalid_input'; message: string }> {
  const fast = plainRecord(value)
  const parsed = fast ? { success: true as const, data: fast } : JsonRecordSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return err({
      code: 'invalid_input',
      message: `not a document record: ${issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'invalid'}`,
    })
  }
  const r = parsed.data
  const text = r.text ?? r.body
  const title = r.title ?? r.headline
  if (r.html === undefined && text === undefined && title === undefined) {
    return err({ code: 'invalid_input', message: 'a record needs html, text or at least a title' })
  }
  const siteName =
    r.siteName ??
    r.site ??
    (typeof r.source === 'string' && r.source.trim() !== '' ? r.source : undefined)
  const authors = r.authors ?? r.author
  const publishedAt = isoDate(r.publishedAt ?? r.date)
  const language = r.language ?? r.lang
  const hints: NonNullable<RawDocument['hints']> = {
    ...(title !== undefined && { title }),
    ...(publishedAt !== undefined && { publishedAt }),
    ...(authors !== undefined && authors.length > 0 && { authors }),
    ...(siteName !== undefined && { siteName }),
    ...(language !== undefined && { language }),
    ...(r.description !== undefined && { description: r.description }),
  }
  return ok({
    body: r.html ?? text ?? '',
    ...(r.url !== undefined && { url: r.url }),
    ...(r.html !== undefined ? { format: 'html' as const } : { format: 'text' as const }),
    source: { kind: context.kind, location: context.location },
    fetchedAt: context.fetchedAt,
    ...(Object.keys(hints).length > 0 && { hints }),
  })
}
