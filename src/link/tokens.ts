/**
 * @module Tokens for linking: words of a headline or body, lower-cased, stop words dropped,
 * stemmed (Porter), acronyms kept whole. Shared by stories, related articles and copies.
 */
import { stemmer } from 'stemmer'

/**
 * English function words plus a few words that headlines use for every story ("says", "report",
 * "update", "watch", "video"). IDF down-weights common words anyway; this list only saves work
 * and keeps explanations readable.
 */
const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are aren't as at be because been
  before being below between both but by can can't cannot could couldn't did didn't do does doesn't
  doing don't down during each few for from further had hadn't has hasn't have haven't having he
  he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in
  into is isn't it it's its itself just let's may me might more most must mustn't my myself no nor
  not now of off on once only or other ought our ours ourselves out over own same shan't she she'd
  she'll she's should shouldn't so some such than that that's the their theirs them themselves then
  there there's these they they'd they'll they're they've this those through to too under until up
  upon us very via was wasn't we we'd we'll we're we've were weren't what what's when when's where
  where's which while who who's whom why why's will with won't would wouldn't you you'd you'll
  you're you've your yours yourself yourselves yet s t said says say told according also just
  get gets got one two three new news report reports reported update updated updates watch video
  photos photo read more latest today week year years first last day days time ago amid`
    .split(/\s+/)
    .filter((w) => w !== ''),
)

/** Letters and digits, with inner apostrophes, dots, ampersands or hyphens (U.S., AT&T, MH-370). */
const WORD = /[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*\.?/gu

/** A token: its normalised form and what it looked like. */
export interface Token {
  /** Stemmed lower-case form, or the acronym as written without dots. */
  term: string
  /** The word as written (for explanations and diffs). */
  surface: string
  /** Offset of the word in the input. */
  start: number
  /** Capitalised mid-sentence, or an acronym: a proxy for a name when no annotations exist. */
  name: boolean
}

const stemCache = new Map<string, string>()
const STEM_CACHE_MAX = 200_000

function stem(word: string): string {
  let s = stemCache.get(word)
  if (s === undefined) {
    s = stemmer(word)
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear()
    stemCache.set(word, s)
  }
  return s
}

/** Whether most words of the text start with a capital: headlines in Title Case. */
export function isTitleCase(text: string): boolean {
  let words = 0
  let caps = 0
  for (const m of text.matchAll(/\p{L}[\p{L}'’-]*/gu)) {
    const w = m[0]
    if (w.length < 4) continue
    words++
    if (w[0] !== w[0]!.toLowerCase()) caps++
  }
  return words >= 3 && caps / words > 0.6
}

/**
 * Splits text into content tokens. `names: false` disables the capitalisation cue (for Title
 * Case headlines, where every word is capitalised).
 */
export function tokenize(text: string, options: { names?: boolean } = {}): Token[] {
  const names = options.names ?? true
  const out: Token[] = []
  let sentenceStart = true
  let last = 0
  for (const m of text.matchAll(WORD)) {
    const start = m.index
    // A sentence boundary between the previous word and this one.
    const gap = text.slice(last, start)
    if (/[.!?:;"“”\n]/.test(gap)) sentenceStart = true
    last = start + m[0].length
    let surface = m[0]
    const endsWithDot = surface.endsWith('.')
    if (endsWithDot) surface = surface.slice(0, -1)
    surface = surface.replace(/['’]s$/i, '')
    if (surface === '') continue
    const first = surface[0]!
    const isUpper = first !== first.toLowerCase()
    const letters = surface.replace(/[^\p{L}]/gu, '')
    // All capitals: an acronym when short or dotted (NATO, U.S.); longer words are shouted.
    const acronym =
      letters.length >= 2 &&
      (letters.length <= 5 || surface.includes('.')) &&
      letters === letters.toUpperCase() &&
      /\p{Lu}/u.test(letters)
    const wasSentenceStart = sentenceStart
    sentenceStart = endsWithDot && !acronym && surface.length > 1
    if (acronym) {
      const term = surface.replace(/[.]/g, '').toLowerCase()
      if (term.length >= 2) out.push({ term, surface, start, name: names })
      continue
    }
    const lower = surface.toLowerCase()
    if (STOP_WORDS.has(lower)) continue
    if (/^\p{N}+$/u.test(lower)) {
      // Bare numbers: keep years and longer figures, which can tell events apart; a year
      // (1900–2099) dates the event and weighs like a name.
      if (lower.length >= 3) {
        const year = /^(19|20)\d\d$/.test(lower)
        out.push({ term: lower, surface, start, name: names && year })
      }
      continue
    }
    for (const part of lower.split(/[-.&'’]/)) {
      if (part.length < 2 || STOP_WORDS.has(part)) continue
      const term = /\p{N}/u.test(part) ? part : stem(part)
      if (term.length < 2) continue
      out.push({ term, surface, start, name: names && isUpper && !wasSentenceStart })
    }
  }
  return out
}
