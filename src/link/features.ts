/**
 * @module Features of one article for story clustering and related articles: weighted terms
 * from the headline and the lead of the body, names (from annotations, or capitalisation when
 * there are none), and fingerprints of its quotes.
 */
import type { LinkInput } from './types.js'
import { isTitleCase, tokenize } from './tokens.js'

/** Raw (pre-IDF) features of one article. */
export interface Features {
  /** term → weighted count (headline and lead count more). */
  counts: Map<string, number>
  /** term → how it was written, for explanations. */
  surface: Map<string, string>
  /** Entity keys (`e:` + normalised name) → display name. */
  entities: Map<string, string>
  /** Quote fingerprints → the quote's opening words. */
  quotes: Map<string, string>
  /** Milliseconds since the epoch, or undefined. */
  time: number | undefined
  /** How uncertain `time` is, in milliseconds: a date without a time of day is ±1 day. */
  timeSlack: number
  /** Whether the article has a body (more than a headline). */
  hasBody: boolean
}

export interface FeatureOptions {
  /** Weight of a headline word relative to a body word. */
  titleWeight: number
  /** Body words read (the lead carries the story; the rest adds noise and time). */
  bodyTokens: number
  /** Body words in the lead, which weigh `leadWeight`; the rest weigh 1. */
  leadTokens: number
  leadWeight: number
  /** Extra factor for names (capitalised words mid-sentence, acronyms, annotated entities). */
  nameWeight: number
  /** Weight of an annotated entity feature per article. */
  entityWeight: number
  /** Weight of a word of the URL path (slugs and sections: `/entertainment/mila-kunis-…`). */
  urlWeight: number
}

/** Parses an ISO date or epoch milliseconds; undefined when absent or invalid. */
export function parseTime(value: string | number | undefined): number | undefined {
  if (value === undefined || value === '') return undefined
  const t = typeof value === 'number' ? value : Date.parse(value)
  return Number.isFinite(t) ? t : undefined
}

/** Normalises a name for matching across articles: lower case, no accents or punctuation. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** A fingerprint of a quote: its first eight normalised words. Short quotes have none. */
export function quoteKey(text: string): string | undefined {
  const words = nameKey(text).split(' ').filter(Boolean)
  if (words.length < 5) return undefined
  return `q:${words.slice(0, 8).join(' ')}`
}

function addCount(map: Map<string, number>, term: string, w: number): void {
  map.set(term, (map.get(term) ?? 0) + w)
}

/** Computes the features of one article. */
export function extractFeatures(input: LinkInput, o: FeatureOptions): Features {
  const counts = new Map<string, number>()
  const surface = new Map<string, string>()
  const title = input.title ?? ''
  const titleNames = !isTitleCase(title)
  for (const tok of tokenize(title, { names: titleNames })) {
    addCount(counts, tok.term, o.titleWeight * (tok.name ? o.nameWeight : 1))
    if (!surface.has(tok.term)) surface.set(tok.term, tok.surface)
  }
  if (o.urlWeight > 0 && input.url) {
    let path = ''
    try {
      path = decodeURIComponent(new URL(input.url).pathname)
    } catch {
      path = ''
    }
    // Words of the path only: ids and hashes (with digits) and file suffixes say nothing.
    const words = path
      .split(/[^\p{L}\p{N}]+/u)
      .filter(
        (w) =>
          w.length >= 3 &&
          !/\d/.test(w) &&
          !/^(html?|php|aspx?|story|news|article|index)$/i.test(w),
      )
    for (const tok of tokenize(words.join(' '), { names: false })) {
      addCount(counts, tok.term, o.urlWeight)
      if (!surface.has(tok.term)) surface.set(tok.term, tok.surface)
    }
  }
  const text = input.text ?? ''
  let hasBody = false
  if (text.trim() !== '') {
    // Enough characters for `bodyTokens` words (about 7 characters a word with stop words).
    const body = text.length > o.bodyTokens * 12 ? text.slice(0, o.bodyTokens * 12) : text
    const toks = tokenize(body)
    hasBody = toks.length > 0
    const n = Math.min(toks.length, o.bodyTokens)
    for (let i = 0; i < n; i++) {
      const tok = toks[i]!
      const w = (i < o.leadTokens ? o.leadWeight : 1) * (tok.name ? o.nameWeight : 1)
      addCount(counts, tok.term, w)
      if (!surface.has(tok.term)) surface.set(tok.term, tok.surface)
    }
  }
  const entities = new Map<string, string>()
  const quotes = new Map<string, string>()
  const ann = input.annotations
  if (ann) {
    for (const e of ann.entities) {
      if (e.type === 'misc') continue
      const key = `e:${input.entityKeys?.[e.id] ?? nameKey(e.name)}`
      if (key === 'e:') continue
      entities.set(key, e.name)
      const mentions = Math.max(1, e.mentions.length)
      addCount(counts, key, o.entityWeight * (1 + Math.log(mentions)))
      surface.set(key, e.name)
    }
    for (const q of ann.quotes) {
      const key = quoteKey(q.text)
      if (key !== undefined)
        quotes.set(key, q.text.length > 80 ? `${q.text.slice(0, 77)}…` : q.text)
    }
  }
  const time = parseTime(input.publishedAt)
  const dateOnly =
    typeof input.publishedAt === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(input.publishedAt)
  return {
    counts,
    surface,
    entities,
    quotes,
    time,
    timeSlack: dateOnly ? 86_400_000 : 0,
    hasBody,
  }
}
