/**
 * @module nlp/sentences: tokens → sentence spans over `article.text`. A block boundary (heading,
 * paragraph, list item) always ends a sentence, so headings without final punctuation stand
 * alone. Inside a block a sentence ends at . ! ? or an ellipsis, after any quotes and brackets
 * that close after it, when what follows can open a sentence. Abbreviation tokens ("Mr.",
 * "U.S.", "Jan.", initials) end one only when a clear sentence opener follows. Tokens come
 * from nlp/tokens; entities, quotes and the cast read the spans.
 */
import type { Block, Span } from '../../core/index.js'
import { MONTH_ABBREVIATIONS, SENTENCE_OPENERS, TITLE_ABBREVIATIONS } from '../lexicons/index.js'
import type { Token } from '../types.js'

/**
 * The regions inside which sentences are looked for: the article's blocks, or, when there are
 * none, the text's paragraphs (separated by a blank line).
 */
export function sentenceRegions(text: string, blocks: readonly Block[] = []): Span[] {
  if (blocks.length > 0) return blocks.map((b) => ({ start: b.start, end: b.end }))
  const regions: Span[] = []
  const blank = /\n[ \t\r]*\n\s*/g
  let start = 0
  for (let m = blank.exec(text); m !== null; m = blank.exec(text)) {
    if (m.index > start) regions.push({ start, end: m.index })
    start = m.index + m[0].length
  }
  if (start < text.length) regions.push({ start, end: text.length })
  return regions
}

/**
 * Splits the text into sentences.
 * @param tokens the text's tokens, from `tokenize(text)`
 * @param blocks `article.blocks`; each is a hard boundary
 * @example splitSentences(text, tokenize(text), article.blocks)
 */
export function splitSentences(
  text: string,
  tokens: readonly Token[],
  blocks: readonly Block[] = [],
): Span[] {
  const sentences: Span[] = []
  const regions = sentenceRegions(text, blocks)
  let k = 0
  for (const region of regions) {
    while (k < tokens.length && tokens[k]!.start < region.start) k++
    let first = k
    while (k < tokens.length && tokens[k]!.end <= region.end) {
      let last = k
      let boundary = false
      const t = tokens[k]!
      const kind = terminalKind(t.text)
      if (kind !== undefined) {
        // absorb what closes after the terminal: quotes, brackets, more terminals ("?!", '."')
        while (last + 1 < tokens.length && tokens[last + 1]!.end <= region.end) {
          const c = tokens[last + 1]!
          if (c.start !== tokens[last]!.end || !isCloser(text, c)) break
          last++
        }
        const next = last + 1 < tokens.length ? tokens[last + 1] : undefined
        boundary =
          next === undefined || next.start >= region.end || endsSentence(kind, t.text, text, next)
      } else if (k + 1 < tokens.length && tokens[k + 1]!.end <= region.end) {
        boundary = lineBreakBoundary(text, t, tokens[k + 1]!)
      }
      if (boundary) {
        sentences.push({ start: tokens[first]!.start, end: tokens[last]!.end })
        first = last + 1
      }
      k = last + 1
    }
    if (first < k) sentences.push({ start: tokens[first]!.start, end: tokens[k - 1]!.end })
  }
  return sentences
}

/** Groups tokens by sentence: the token lists the entity tagger reads. */
export function tokensBySentence(tokens: readonly Token[], sentences: readonly Span[]): Token[][] {
  const out: Token[][] = []
  let k = 0
  for (const s of sentences) {
    while (k < tokens.length && tokens[k]!.start < s.start) k++
    const group: Token[] = []
    while (k < tokens.length && tokens[k]!.end <= s.end) group.push(tokens[k++]!)
    out.push(group)
  }
  return out
}

type TerminalKind = 'stop' | 'ellipsis' | 'title' | 'month' | 'initial' | 'abbreviation'

function terminalKind(t: string): TerminalKind | undefined {
  if (t === '.' || t === '!' || t === '?') return 'stop'
  if (t === '…' || /^\.{2,}$/.test(t)) return 'ellipsis'
  if (t.length < 2 || t.charCodeAt(t.length - 1) !== 46) return undefined
  const word = t.slice(0, -1)
  if (TITLE_ABBREVIATIONS.has(word)) return 'title'
  if (MONTH_ABBREVIATIONS.has(word)) return 'month'
  if (word.length === 1) return 'initial'
  return 'abbreviation'
}

const CLOSING = new Set([
  '"',
  "'",
  '”',
  '’',
  '»',
  '›',
  ')',
  ']',
  '}',
  '.',
  '!',
  '?',
  '…',
  '“', // some sources close with a mis-encoded opening mark
])

function isCloser(text: string, c: Token): boolean {
  if (!CLOSING.has(c.text) && !/^\.{2,}$/.test(c.text)) return false
  if (c.text === '"' || c.text === "'" || c.text === '“') {
    // a straight quote closes when nothing but space or punctuation follows it
    const after = text.charCodeAt(c.end)
    return Number.isNaN(after) || !/[\p{L}\p{N}]/u.test(String.fromCharCode(after))
  }
  return true
}

const OPENING = new Set(['"', "'", '“', '‘', '«', '„', '‹', '(', '[', '‚', '—', '–', '-', '•', '*'])

function endsSentence(kind: TerminalKind, terminal: string, text: string, next: Token): boolean {
  const c = next.text.charCodeAt(0)
  const ch = next.text[0] ?? ''
  const lower = ch !== ch.toUpperCase()
  const opens = OPENING.has(next.text)
  // "Lee, D-Calif., said": no sentence starts with a comma or a semicolon
  if (next.text === ',' || next.text === ';') return false
  switch (kind) {
    case 'stop':
      // '"Why?" he asked.' goes on; so does "at 5 p.m. local time" (an abbreviation token)
      if (lower) return false
      return true
    case 'ellipsis':
      return !lower && (isUpperStart(ch) || opens)
    case 'title':
      return false
    case 'month':
    case 'initial':
      return isUpperStart(ch) && SENTENCE_OPENERS.has(next.text.toLowerCase())
    case 'abbreviation':
      // "the U.S. “clearly” needed": a quoted word in lower case goes on with the sentence
      if (opens && /\p{Ll}/u.test(text.charAt(next.end))) return false
      if (opens && next.text !== '(' && next.text !== '[') return spaceBefore(text, next)
      if (c >= 48 && c <= 57) return false
      // "etc." ends a sentence more often than not
      if (terminal === 'etc.') return isUpperStart(ch)
      return isUpperStart(ch) && SENTENCE_OPENERS.has(next.text.toLowerCase())
  }
}

function spaceBefore(text: string, t: Token): boolean {
  return t.start > 0 && /\s/.test(text[t.start - 1] ?? '')
}

function isUpperStart(ch: string): boolean {
  return ch !== '' && ch === ch.toUpperCase() && ch !== ch.toLowerCase()
}

// Words that leave a line unfinished: a break after them is a hard wrap, not a boundary.
const CONTINUATIONS = new Set(
  'the a an of to in and or with for by at on from as that than but is are was were be his her their its our'.split(
    ' ',
  ),
)

/**
 * A line break inside a block ends a sentence when the line looks finished (a heading line or
 * a list line) and the next one starts like a sentence; a hard-wrapped line goes on.
 */
function lineBreakBoundary(text: string, t: Token, next: Token): boolean {
  if (next.start - t.end < 1) return false
  const nl = text.indexOf('\n', t.end)
  if (nl === -1 || nl >= next.start) return false
  const ch = next.text[0] ?? ''
  if (ch !== ch.toUpperCase()) return false
  if (/^[,;:\-(&/–—]$/.test(t.text)) return false
  return !CONTINUATIONS.has(t.text.toLowerCase())
}
