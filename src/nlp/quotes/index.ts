/**
 * @module nlp/quotes: every quote with its speaker. Direct quotes in all their marks and shapes,
 * partial quotes inside reported speech, and reported speech itself ("X said (that) …", "according
 * to X"), each with its cue and the words that name the speaker, resolved to a cast entity when
 * the cast is given. Pure and synchronous; works on bare text and uses sentences and the cast
 * when they are there.
 */
import type { Block, Entity, Quote, QuoteKind, Span } from '../../core/index.js'
import { type Attribution, attribute, type Pattern } from './attribute.js'
import { pairMarks, tokRange } from './marks.js'
import { scan } from './scan.js'
import { readSpeaker, SpeakerResolver } from './speaker.js'

export interface QuoteInput {
  text: string
  blocks: readonly Block[]
  sentences: readonly Span[]
  /** The cast: entities with all their mentions, pronouns included where resolved. */
  entities: readonly Entity[]
}

export interface QuoteOptions {
  /** Diagnostics; a no-op unless given. */
  debug?: (message: string) => void
}

/**
 * Confidence by how an attribution was found, before the cue's tier is applied. Set by hand from
 * the share of each pattern's predictions that matched a gold attribution on PolNeAR train
 * (bench:quotes --file train.jsonl --debug), rounded; the order matters more than the values.
 */
const PATTERN_CONFIDENCE: Record<Pattern, number> = {
  'quote-after': 0.95,
  'quote-before': 0.9,
  'quote-colon': 0.75,
  'quote-continued': 0.85,
  svc: 0.8,
  csv: 0.8,
  cvs: 0.8,
  parenthetical: 0.85,
  according: 0.85,
  chained: 0.7,
}
/** Cue strength scales reported speech: saying verbs keep the pattern's confidence. */
const TIER_FACTOR = { 1: 1, 2: 0.85, 3: 0.65 } as const

/** Finds the quotes of a text, in text order. */
export function findQuotes(input: QuoteInput, options: QuoteOptions = {}): Quote[] {
  const sc = scan(input.text, input.blocks, input.sentences)
  const marked = pairMarks(sc)
  const found = attribute(sc, marked)
  const resolver = new SpeakerResolver(input.entities, input.text)
  const quotes: Quote[] = []
  for (const a of found) {
    const q = toQuote(input.text, sc, a, resolver, quotes.length + 1)
    if (q !== null) quotes.push(q)
  }
  options.debug?.(`quotes: ${marked.length} marked spans, ${quotes.length} quotes`)
  return quotes
}

function toQuote(
  text: string,
  sc: ReturnType<typeof scan>,
  a: Attribution,
  resolver: SpeakerResolver,
  n: number,
): Quote | null {
  const { toks } = sc
  const quoteRanges = a.quotes.map((m) => ({ m, r: tokRange(m, toks) }))
  const segments: Span[] = []
  let allQuoted = true
  for (const seg of a.segments) {
    const exact = quoteRanges.find(({ r }) => r.first === seg.first && r.last === seg.last)
    if (exact !== undefined) {
      // the comma before the attribution ("“We will win,” she said") is not part of the words
      for (const p of exact.m.pieces) segments.push(trimSpan(text, p.start, p.end))
    } else {
      allQuoted = false
      segments.push({ start: toks[seg.first]!.start, end: toks[seg.last]!.end })
    }
  }
  segments.sort((x, y) => x.start - y.start)
  const kind: QuoteKind = allQuoted ? 'direct' : a.quotes.length > 0 ? 'partial' : 'indirect'
  const start = segments[0]!.start
  const end = segments[segments.length - 1]!.end
  if (end <= start) return null
  const quote: Quote = {
    id: `q${n}`,
    kind,
    text: segments.map((s) => text.slice(s.start, s.end)).join(' … '),
    start,
    end,
    confidence: confidence(a),
  }
  if (segments.length > 1) quote.segments = segments
  if (a.speaker !== null) quote.speaker = resolver.resolve(readSpeaker(sc, a.speaker))
  if (a.cue !== null) {
    const cs = toks[a.cue.first]!.start
    const ce = toks[a.cue.last]!.end
    quote.cue = { start: cs, end: ce, text: text.slice(cs, ce) }
  }
  return quote
}

function trimSpan(text: string, start: number, end: number): Span {
  let s = start
  let e = end
  while (s < e && /\s/.test(text[s]!)) s++
  while (e > s && /[\s,]/.test(text[e - 1]!)) e--
  return { start: s, end: e }
}

function confidence(a: Attribution): number {
  let c = PATTERN_CONFIDENCE[a.pattern]
  if (!a.pattern.startsWith('quote') && a.cue !== null) c *= TIER_FACTOR[a.cue.info.tier]
  if (a.speaker === null) c *= 0.8
  return Math.round(c * 100) / 100
}
