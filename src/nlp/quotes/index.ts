/**
 * @module nlp/quotes: every quote with its speaker. Direct quotes in all their marks and shapes,
 * partial quotes inside reported speech, and reported speech itself ("X said (that) …", "according
 * to X"), each with its cue and the words that name the speaker, resolved to a cast entity when
 * the cast is given. Pure and synchronous; works on bare text and uses sentences and the cast
 * when they are there.
 */
import type { Block, Entity, Quote, QuoteKind, Span } from '../../core/index.js'
import { type Attribution, attribute } from './attribute.js'
import { featuresOf, score } from './confidence.js'
import { WEIGHTS } from './confidence-weights.js'
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
  /**
   * Quotes below this confidence are left out.
   * @default the threshold chosen with the weights (confidence-weights.ts)
   */
  minConfidence?: number
  /** Diagnostics; a no-op unless given. */
  debug?: (message: string) => void
}

/** Finds the quotes of a text, in text order. */
export function findQuotes(input: QuoteInput, options: QuoteOptions = {}): Quote[] {
  const min = options.minConfidence ?? WEIGHTS.threshold
  const quotes = scoredQuotes(input)
    .filter((s) => s.quote.confidence >= min)
    .map((s) => s.quote)
  quotes.forEach((q, i) => {
    q.id = `q${i + 1}`
  })
  options.debug?.(`quotes: ${quotes.length} quotes at confidence ≥ ${min}`)
  return quotes
}

/**
 * Every candidate quote with its feature vector (see confidence.ts), before the confidence
 * threshold. For the confidence training script; `findQuotes` is the interface.
 */
export function scoredQuotes(input: QuoteInput): { quote: Quote; features: number[] }[] {
  const sc = scan(input.text, input.blocks, input.sentences)
  const marked = pairMarks(sc)
  const found = attribute(sc, marked)
  const resolver = new SpeakerResolver(input.entities, input.text, input.sentences)
  const out: { quote: Quote; features: number[] }[] = []
  for (const a of found) {
    const q = toQuote(input.text, sc, a, resolver, out.length + 1)
    if (q !== null) out.push(q)
  }
  return out
}

function toQuote(
  text: string,
  sc: ReturnType<typeof scan>,
  a: Attribution,
  resolver: SpeakerResolver,
  n: number,
): { quote: Quote; features: number[] } | null {
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
  const local = a.speaker === null ? null : readSpeaker(sc, a.speaker)
  const features = featuresOf(sc, a, local, allQuoted)
  const quote: Quote = {
    id: `q${n}`,
    kind,
    text: segments.map((s) => text.slice(s.start, s.end)).join(' … '),
    start,
    end,
    confidence: Math.round(score(features) * 1000) / 1000,
  }
  if (segments.length > 1) quote.segments = segments
  if (local !== null) quote.speaker = resolver.resolve(local)
  if (a.cue !== null) {
    const cs = toks[a.cue.first]!.start
    const ce = toks[a.cue.last]!.end
    quote.cue = { start: cs, end: ce, text: text.slice(cs, ce) }
  }
  return { quote, features }
}

function trimSpan(text: string, start: number, end: number): Span {
  let s = start
  let e = end
  while (s < e && /\s/.test(text[s]!)) s++
  while (e > s && /[\s,]/.test(text[e - 1]!)) e--
  return { start: s, end: e }
}
