/**
 * @module nlp/cast/doc: the text facts the cast reads again and again: which sentence a token
 * or offset is in, and which stretches are inside quotation marks.
 */
import type { Span } from '../../core/index.js'
import type { Token } from '../types.js'

/** Tokens and sentences with fast lookups. */
export interface Doc {
  text: string
  tokens: readonly Token[]
  /** Each token's text, and in lower case. */
  words: readonly string[]
  lower: readonly string[]
  sentences: readonly Span[]
  /** The sentence of each token (-1 when outside every sentence). */
  tokenSentence: Int32Array
  /** The first token of each sentence. */
  sentenceFirstToken: Int32Array
  /** Spans inside quotation marks (the marks excluded), in order. */
  quoted: readonly Span[]
}

/** Indexes tokens and sentences for the cast. */
export function makeDoc(text: string, tokens: readonly Token[], sentences: readonly Span[]): Doc {
  const tokenSentence = new Int32Array(tokens.length).fill(-1)
  const sentenceFirstToken = new Int32Array(sentences.length).fill(tokens.length)
  let s = 0
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    while (s < sentences.length && sentences[s]!.end <= t.start) s++
    if (s < sentences.length && sentences[s]!.start <= t.start) {
      tokenSentence[i] = s
      if (sentenceFirstToken[s] === tokens.length) sentenceFirstToken[s] = i
    }
  }
  const words = tokens.map((t) => t.text)
  const lower = words.map((w) => w.toLowerCase())
  return {
    text,
    tokens,
    words,
    lower,
    sentences,
    tokenSentence,
    sentenceFirstToken,
    quoted: quotedSpans(text),
  }
}

/** The index of the first token that starts at or after `offset`. */
export function tokenIndexAt(doc: Doc, offset: number): number {
  let lo = 0
  let hi = doc.tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (doc.tokens[mid]!.start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The sentence containing `offset`, or the last one before it. */
export function sentenceAt(sentences: readonly Span[], offset: number): number {
  let lo = 0
  let hi = sentences.length - 1
  let best = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (sentences[mid]!.start <= offset) {
      best = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return best
}

/** Whether an offset lies inside quotation marks. */
export function isQuoted(quoted: readonly Span[], offset: number): boolean {
  const i = sentenceAt(quoted, offset)
  return i >= 0 && offset < quoted[i]!.end
}

/**
 * Finds the spans inside quotation marks: curly pairs, guillemets, and straight double quotes
 * paired in order within a paragraph (an unclosed mark runs to the paragraph's end, as a quote
 * that goes on in the next paragraph does).
 */
export function quotedSpans(text: string): Span[] {
  const out: Span[] = []
  let open = -1
  let closer = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (open === -1) {
      if (c === 0x201c || c === 0xab || c === 0x201e) {
        open = i + 1
        closer = c === 0xab ? 0xbb : 0x201d
      } else if (c === 34) {
        open = i + 1
        closer = 34
      }
    } else if (
      c === closer ||
      (closer === 0x201d && c === 0x201c && text.charCodeAt(i - 1) !== 32)
    ) {
      out.push({ start: open, end: i })
      open = -1
    } else if (c === 10 && text.charCodeAt(i + 1) === 10) {
      out.push({ start: open, end: i })
      open = -1
    }
  }
  if (open !== -1) out.push({ start: open, end: text.length })
  return out
}
