/** @module server/api/util: validated queries → the Store's query objects (absent stays absent). */
import type { ListQuery, SearchQuery } from '../../store/index.js'

type Defined<T> = { [K in keyof T]: Exclude<T[K], undefined> }

/** Drops undefined fields, as `exactOptionalPropertyTypes` wants. */
export function defined<T extends object>(o: T): Partial<Defined<T>> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v
  return out as Partial<Defined<T>>
}

export function listQuery(q: {
  limit?: number | undefined
  cursor?: string | undefined
  source?: string | undefined
  from?: string | undefined
  to?: string | undefined
}): ListQuery {
  return defined({ limit: q.limit, cursor: q.cursor, source: q.source, from: q.from, to: q.to })
}

export function searchQuery(q: {
  q?: string | undefined
  limit?: number | undefined
  cursor?: string | undefined
  source?: string | undefined
  from?: string | undefined
  to?: string | undefined
  language?: string | undefined
  entity?: string | undefined
  speaker?: string | undefined
  hasQuotes?: boolean | undefined
}): SearchQuery {
  return {
    ...defined({
      limit: q.limit,
      cursor: q.cursor,
      source: q.source,
      from: q.from,
      to: q.to,
      language: q.language,
      entity: q.entity,
      speaker: q.speaker,
      hasQuotes: q.hasQuotes,
    }),
    q: q.q ?? '',
  }
}
