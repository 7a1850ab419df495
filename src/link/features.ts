/**
 * @module Features of one article for story clustering and related articles: weighted terms
 * from the headline and the lead of the body, names (from annotations, or capitalisation when
 * there are none), and fingerprints of its quotes.
 */
import type { Entity, Value } from '../core/index.js'
import { isTitleCase, tokenize } from './tokens.js'
import type { LinkInput } from './types.js'
import { topKey } from './vectors.js'

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
  /**
   * The annotated cast: cast key → salience (√mentions, more when named in the headline). Compared as its own vector, so shared people and places weigh apart from words.
   */
  cast: Map<string, number>
  /**
   * The article's year: of its publication (`published`), else the latest year (1900–2099) its
   * text names. Two events of one kind years apart (two earthquakes in one region) differ here.
   */
  year: YearEvidence | undefined
  /**
   * The article's protagonist: the cast key of the person it is most about (the most salient
   * person named in the headline or at least twice), if any. Two events of one kind
   * (two players arrested, two hosts named) differ here when their words do not.
   */
  lead: string | undefined
  /** Salience of the people who could lead (cast key → √mentions, doubled in the headline). */
  people: Map<string, number>
  /** The protagonist's name as the article gives it, for explanations. */
  leadName: string | undefined
}

/** A year an article is from: its publication, or (weaker) the latest year its text names. */
export interface YearEvidence {
  year: number
  published: boolean
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
  /**
   * Weight of a normalised value as a term (from annotations): an amount, a count or a
   * percentage (`#value:unit`), or a date mentioned to the day (`@2013-09-17`). 0: off.
   */
  valueWeight: number
  /** Salience factor of an entity named in the headline (cast vector). */
  castTitleBoost: number
  /** Mentions that make a person a possible protagonist when the headline does not name them. */
  leadMentions: number
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
  let year: number | undefined
  const noteYear = (term: string) => {
    if (term.length === 4 && /^(19|20)\d\d$/.test(term)) {
      const y = Number(term)
      if (year === undefined || y > year) year = y
    }
  }
  for (const t of counts.keys()) noteYear(t)
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
      noteYear(tok.term)
    }
  }
  const entities = new Map<string, string>()
  const cast = new Map<string, number>()
  const titleKeyText = ` ${nameKey(title)} `
  const quotes = new Map<string, string>()
  const people = new Map<string, number>()
  const names = new Map<string, string>()
  const ann = input.annotations
  if (ann) {
    for (const e of ann.entities) {
      const mentions = Math.max(1, e.mentions.length)
      const ck = castKey(e)
      if (ck !== undefined) {
        const inTitle = [e.name, ...e.aliases].some((n) => {
          const k = nameKey(n)
          return k.length > 1 && titleKeyText.includes(` ${k} `)
        })
        addCount(cast, ck, Math.sqrt(mentions) * (inTitle ? o.castTitleBoost : 1))
        if (e.type === 'person' && (inTitle || mentions >= o.leadMentions)) {
          addCount(people, ck, Math.sqrt(mentions) * (inTitle ? 2 : 1))
          if (!names.has(ck)) names.set(ck, e.name)
        }
      }
      if (e.type === 'misc') continue
      const key = `e:${input.entityKeys?.[e.id] ?? nameKey(e.name)}`
      if (key === 'e:') continue
      entities.set(key, e.name)
      if (o.entityWeight > 0) addCount(counts, key, o.entityWeight * (1 + Math.log(mentions)))
      surface.set(key, e.name)
    }
    if (o.valueWeight > 0) {
      for (const v of ann.values ?? []) {
        const term = valueTerm(v)
        if (term === undefined) continue
        addCount(counts, term, o.valueWeight)
        if (!surface.has(term)) surface.set(term, v.text)
      }
    }
    for (const q of ann.quotes) {
      const key = quoteKey(q.text)
      if (key !== undefined)
        quotes.set(key, q.text.length > 80 ? `${q.text.slice(0, 77)}…` : q.text)
    }
  }
  // the person the article is most about: the highest salience
  const lead = topKey(people)
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
    cast,
    lead,
    people,
    leadName: lead !== undefined ? names.get(lead) : undefined,
    year:
      time !== undefined
        ? { year: new Date(time).getUTCFullYear(), published: true }
        : year !== undefined
          ? { year, published: false }
          : undefined,
  }
}

const NAME_SUFFIX = /^(jr|sr|ii|iii|iv)$/

/**
 * The key of an entity in the cast vector: a person by surname (so "Fred LaRue" in one article
 * meets "LaRue" in the next), anything else by its normalised name. Types are left out: the
 * tagger may call one name a person here and an organisation there.
 */
export function castKey(e: Pick<Entity, 'type' | 'name'>): string | undefined {
  const k = nameKey(e.name)
  if (k.length < 2) return undefined
  if (e.type === 'person') {
    const words = k.split(' ')
    while (words.length > 1 && NAME_SUFFIX.test(words[words.length - 1]!)) words.pop()
    return `c:${words[words.length - 1]}`
  }
  return `c:${k}`
}

/**
 * A value as a term: amounts, counts and percentages by number and unit; dates written to the
 * day. Small counts (under 10) and bare years say little about which event it is.
 */
export function valueTerm(v: Value): string | undefined {
  if (v.value === undefined) return undefined
  if (v.kind === 'date') {
    return typeof v.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.value)
      ? `@${v.value}`
      : undefined
  }
  if (v.kind === 'time' || typeof v.value !== 'number') return undefined
  if (v.kind !== 'percent' && Math.abs(v.value) < 10) return undefined
  return `#${v.value}${v.unit ? `:${v.unit}` : v.kind === 'percent' ? ':%' : ''}`
}
