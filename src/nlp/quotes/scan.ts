/**
 * The quote finder's own view of the text: word and punctuation tokens with word classes,
 * paragraphs, and sentences (the caller's when given, else a small splitter of our own).
 * Kept inside quotes/ so the finder works on bare text; it is not a general tokenizer.
 */
import type { Span } from '../../core/index.js'
import {
  MONTH_ABBREVIATIONS,
  NUMERAL_ABBREVIATIONS,
  OTHER_ABBREVIATIONS,
  TITLE_ABBREVIATIONS,
} from '../lexicons/index.js'
import { listedClass, wordClass } from './words.js'

/** What a quote-mark token can do; `apos` marks are single quotes or apostrophes. */
export type MarkRole = 'open' | 'close' | 'either' | 'none'

export type TokKind = 'word' | 'num' | 'punct' | 'mark' | 'single'

/** Closed word classes used by the phrase rules (see words.ts). */
export type WordClass =
  | 'det'
  | 'pron'
  | 'prep'
  | 'conj'
  | 'aux'
  | 'adv'
  | 'wh'
  | 'time'
  | 'title'
  | 'other'

export interface Tok extends Span {
  text: string
  lower: string
  kind: TokKind
  /** Starts with an upper-case letter. */
  cap: boolean
  /** For quote marks: whether it opens, closes, or may do either. */
  role: MarkRole
  cls: WordClass
  /** Index of the sentence that holds the token. */
  sent: number
  /** Index of the paragraph that holds the token. */
  para: number
  /** Inside angle-bracket markup (`<tweet author="…">`): never a quote mark or a word of prose. */
  markup: boolean
  /** A line break (or more) comes right before this token. */
  breakBefore: boolean
}

export interface Scan {
  text: string
  toks: Tok[]
  /** Sentences as token ranges [first, last+1). */
  sents: { first: number; end: number }[]
  /** Paragraphs as token ranges [first, last+1). */
  paras: { first: number; end: number }[]
}

// Words (with inner apostrophes, hyphens, dots and ampersands: "don't", "U.S", "AT&T"), numbers
// (with thousands separators: "30,000"), doubled apostrophes and backticks used as quote marks
// (''…'' and ``…''), and any other non-space character on its own.
const TOKEN =
  /''|``|[\p{L}\p{M}\p{N}]+(?:(?:['’][\p{L}\p{M}]|[-.&/][\p{L}\p{M}\p{N}]|(?<=\p{N}),(?=\p{N}{3}(?!\p{N}))\p{N})[\p{L}\p{M}\p{N}]*)*|\S/gu

const DOUBLE_MARKS = new Set(['"', '“', '”', '„', '‟', '«', '»', "''", '``', '〝', '〞', '＂'])
const SINGLE_MARKS = new Set(["'", '‘', '’', '‚', '‹', '›'])
const MARKUP = /<\/?[A-Za-z][^<>\n]*>/g
/** Words whose period is theirs: the tokenizer's abbreviations (nlp/lexicons), and days. */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  ...TITLE_ABBREVIATIONS,
  ...MONTH_ABBREVIATIONS,
  ...OTHER_ABBREVIATIONS,
  ...'Mon Tue Tues Wed Thu Thurs Fri Sat Sun Penn Ida Me'.split(' '),
])
/** Initials, letter-period runs ("U.S", "a.m") and party and state tags ("R-Ky", "D-N.Y"). */
const ABBREV_SHAPE =
  /^(?:[A-Z]|[A-Z](?:\.[A-Z])+|[a-z](?:\.[a-z])+|[RDI]-[A-Z][A-Za-z]{0,4}(?:\.[A-Z])*)$/

/** "No. 10", "Vol. 2": a numeral abbreviation keeps its period before a number only. */
function numeral(t: string, text: string, dot: number): boolean {
  return NUMERAL_ABBREVIATIONS.has(t) && /^\s*\d/.test(text.slice(dot + 1, dot + 4))
}

function roleOf(text: string, before: string, after: string): MarkRole {
  // an opening mark typed for a closing one closes: “It's unusual,“ said Noble
  if (text === '“' && before !== '' && !/\s/.test(before) && (after === '' || /\s/.test(after)))
    return 'close'
  if (
    text === '“' ||
    text === '„' ||
    text === '«' ||
    text === '``' ||
    text === '‟' ||
    text === '〝'
  )
    return 'open'
  // and a closing mark typed for an opening one opens: a paragraph that starts ”We will …
  if (text === '”' && (before === '' || /\s/.test(before)) && /[\p{L}\p{N}]/u.test(after))
    return 'open'
  if (text === '”' || text === '»' || text === '〞') return 'close'
  // straight marks (", '') decide by their neighbours
  const spaceBefore = before === '' || /[\s([{—–\-/]/.test(before)
  const spaceAfter = after === '' || /[\s)\]}.,;:!?—–\-/]/.test(after)
  if (spaceBefore && !spaceAfter) return 'open'
  if (spaceAfter && !spaceBefore) return 'close'
  return 'either'
}

/** Tokenizes `text` and lays out paragraphs (from `blocks` or blank lines) and sentences. */
export function scan(text: string, blocks: readonly Span[], sentences: readonly Span[]): Scan {
  const markup: Span[] = []
  for (const m of text.matchAll(MARKUP)) markup.push({ start: m.index, end: m.index + m[0].length })
  let mi = 0
  const toks: Tok[] = []
  let lastEnd = 0
  const re = new RegExp(TOKEN.source, TOKEN.flags)
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index
    let t = m[0]
    let end = start + t.length
    // three straight marks after a word close a single quote, then the double one: 'old-school,'''
    if (t === "''" && text[end] === "'" && start > 0 && !/\s/.test(text[start - 1]!)) {
      t = "'"
      end = start + 1
      re.lastIndex = end
    }
    // attach the dot of an abbreviation or initial ("Mr.", "U.S.", "J.")
    if (
      text[end] === '.' &&
      (ABBREVIATIONS.has(t) || ABBREV_SHAPE.test(t) || numeral(t, text, end))
    ) {
      t += '.'
      end += 1
      re.lastIndex = end
    }
    while (mi < markup.length && markup[mi]!.end <= start) mi++
    const inMarkup = mi < markup.length && markup[mi]!.start <= start
    let breakBefore = toks.length === 0
    for (let k = lastEnd; k < start && !breakBefore; k++)
      if (text.charCodeAt(k) === 10) breakBefore = true
    lastEnd = end
    const c0 = t.charCodeAt(0)
    const isDouble = DOUBLE_MARKS.has(t)
    const isSingle = !isDouble && SINGLE_MARKS.has(t)
    let kind: TokKind
    if (isDouble) kind = 'mark'
    else if (isSingle) kind = 'single'
    else if ((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90)) kind = 'word'
    else if (c0 >= 48 && c0 <= 57) kind = /[a-zA-Z\p{L}]/u.test(t) ? 'word' : 'num'
    else if (c0 < 128) kind = 'punct'
    else kind = /[\p{L}\p{M}]/u.test(t) ? 'word' : /\p{N}/u.test(t) ? 'num' : 'punct'
    const lower = t.toLowerCase()
    const cap = kind === 'word' && (c0 < 128 ? c0 >= 65 && c0 <= 90 : t[0] !== lower[0])
    toks.push({
      start,
      end,
      text: t,
      lower,
      kind,
      cap,
      role:
        isDouble || isSingle
          ? inMarkup
            ? 'none'
            : roleOf(t, text[start - 1] ?? '', text[end] ?? '')
          : 'none',
      cls: kind === 'word' ? wordClass(lower) : 'other',
      sent: 0,
      para: 0,
      markup: inMarkup,
      breakBefore,
    })
  }
  const paras = layParagraphs(text, toks, blocks)
  const sents = sentences.length > 0 ? fromSpans(toks, sentences) : splitSentences(toks)
  for (let s = 0; s < sents.length; s++) {
    for (let i = sents[s]!.first; i < sents[s]!.end; i++) {
      const t = toks[i]!
      t.sent = s
      // a capitalised "-ly" word inside a sentence is a name ("Skelly", "Connolly"), not an adverb
      if (t.cap && t.cls === 'adv' && i > sents[s]!.first && listedClass(t.lower) === undefined)
        t.cls = 'other'
    }
  }
  return { text, toks, sents, paras }
}

function layParagraphs(text: string, toks: Tok[], blocks: readonly Span[]): Scan['paras'] {
  const paras: Scan['paras'] = []
  let first = 0
  let bi = 0
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!
    let boundary = false
    if (i > 0) {
      if (blocks.length > 0) {
        while (bi < blocks.length && blocks[bi]!.end <= tok.start) {
          bi++
          boundary = true
        }
      } else {
        boundary = /\n[ \t\u00a0]*\n/.test(text.slice(toks[i - 1]!.end, tok.start))
      }
    }
    if (boundary && i > first) {
      paras.push({ first, end: i })
      first = i
    }
  }
  if (first < toks.length) paras.push({ first, end: toks.length })
  for (let p = 0; p < paras.length; p++) {
    for (let i = paras[p]!.first; i < paras[p]!.end; i++) toks[i]!.para = p
  }
  return paras
}

/** Maps the caller's sentence spans onto tokens; sentences never cross paragraphs. */
function fromSpans(toks: Tok[], sentences: readonly Span[]): Scan['sents'] {
  const sents: Scan['sents'] = []
  let si = 0
  let first = 0
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!
    let boundary = i > 0 && toks[i - 1]!.para !== tok.para
    while (si < sentences.length && sentences[si]!.end <= tok.start) {
      si++
      boundary = true
    }
    if (boundary && i > first) {
      sents.push({ first, end: i })
      first = i
    }
  }
  if (first < toks.length) sents.push({ first, end: toks.length })
  return sents
}

const CLOSERS = new Set([')', ']', '’', "'"])

/**
 * A small sentence splitter: ends at . ? ! (and any closing marks after them) when the next token
 * starts a sentence (a capital, a digit or an opening mark), and at every line break.
 */
function splitSentences(toks: Tok[]): Scan['sents'] {
  const sents: Scan['sents'] = []
  let first = 0
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!
    if (i > first && tok.breakBefore) {
      sents.push({ first, end: i })
      first = i
    }
    if (tok.kind !== 'punct' || !/^[.?!…]$/.test(tok.text)) continue
    let j = i + 1
    while (j < toks.length && !toks[j]!.breakBefore) {
      const t = toks[j]!
      if (
        (t.kind === 'mark' && t.role !== 'open') ||
        CLOSERS.has(t.text) ||
        /^[.?!…]$/.test(t.text)
      ) {
        j++
        continue
      }
      break
    }
    const next = toks[j]
    if (next === undefined || next.breakBefore) continue
    // “…?” she asked: a lower-case word after the marks continues the sentence
    const starts =
      next.cap || next.kind === 'num' || (next.kind === 'mark' && next.role !== 'close')
    if (!starts) continue
    sents.push({ first, end: j })
    first = j
    i = j - 1
  }
  if (first < toks.length) sents.push({ first, end: toks.length })
  return sents
}
