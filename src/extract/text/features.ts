/**
 * Line features for the text-dump classifier: what one line looks like (length, final
 * punctuation, ellipsis, headline capitalisation, label-likeness, furniture wording), how it
 * sits among its neighbours (runs of long lines, repeated lines), and how well it coheres with
 * the page's densest run of prose (shared vocabulary and names). Language-agnostic except for
 * the small multilingual lexicon in lexicon.ts. The training script and the extractor both call
 * `lineFeatures`, so the two can never disagree on what a feature means.
 */
import { furnitureWorded, isSectionHeader } from './lexicon.js'
import type { Line } from './lines.js'

const TERMINAL = /[.!?。！？؟](["'”’»)\]」』]*)$/u
const ELLIPSIS = /(…|\.\.\.|\.\s\.\s\.)(["'”’»)\]]*)$/u
const SENTENCE_BREAK = /[.!?]["'”’)]?\s+["“‘]?\p{Lu}/gu
const SEPARATOR_CODES = new Set([...'|•·»›►▸→←«‹/'].map((c) => c.charCodeAt(0)))
const URLISH = /https?:\/\/|www\.|\.(com|org|net|co\.uk|de|fr)\b/i
const HANDLE = /(^|\s)[@#]\w/
const DATEISH = /\b(1[89]|20)\d{2}\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/
/** A lower-case letter glued to a capital: a teaser's headline run into its excerpt. */
const GLUED = /\p{Ll}[.!?]?\p{Lu}\p{Ll}/gu
const QUOTE_START = /^["“‘«„]/
const UPPER_START = /^\p{Lu}/u
const LOWER_START = /^\p{Ll}/u
const LETTER = /\p{L}/u
const HAS_UPPER = /\p{Lu}/u
const HAS_LOWER = /\p{Ll}/u

/** A line counts as prose for the run features when it is at least this long and punctuated. */
const PROSE_TOKENS = 15 // the median ground-truth paragraph of the dev set has ~40 tokens, furniture lines < 10

/** Local measurements of one line, before context. */
interface Local {
  nTok: number
  term: number
  ellipsis: number
  colon: number
  capRatio: number
  prose: number
}

function local(line: Line): Local {
  // End-anchored patterns are tried at every offset of a string: test only the line's tail.
  const t = line.text.length > 24 ? line.text.slice(-24) : line.text
  const words = line.tokens.filter((w) => LETTER.test(w))
  let caps = 0
  for (const w of words) {
    const c = w.charCodeAt(0)
    if ((c >= 65 && c <= 90) || (c > 127 && UPPER_START.test(w))) caps++
  }
  const ellipsis = ELLIPSIS.test(t) ? 1 : 0
  const term = !ellipsis && TERMINAL.test(t) ? 1 : 0
  const nTok = line.words
  return {
    nTok,
    term,
    ellipsis,
    colon: /[:：]$/.test(t) ? 1 : 0,
    capRatio: words.length > 0 ? caps / words.length : 0,
    prose: nTok >= PROSE_TOKENS && (term || ellipsis) ? 1 : 0,
  }
}

/** The names of the features, in the order `lineFeatures` writes them. */
export const FEATURE_NAMES: readonly string[] = [
  'logTok',
  'logChar',
  'term',
  'ellipsis',
  'colon',
  'startLower',
  'capRatio',
  'allCaps',
  'digitRatio',
  'commaDensity',
  'sentences',
  'avgTokLen',
  'url',
  'handle',
  'separators',
  'furnitureWords',
  'dateish',
  'quoteStart',
  'blankBefore',
  'repeats',
  'dupNeighbour',
  'relPos',
  'massBefore',
  'relTok',
  'density',
  'relDensity',
  'coreDist',
  'inCoreSpan',
  'vocabShare',
  'nameShare',
  'proseAbove5',
  'proseBelow5',
  'proseAbove15',
  'proseBelow15',
  'shortRun',
  'proseRun',
  'teaserShape',
  'sinceHeadline',
  'untilFurniture',
  'glued',
  'sinceSection',
  'localCohesion',
  ...[-2, -1, 1, 2].flatMap((o) => [
    `n${o}.logTok`,
    `n${o}.term`,
    `n${o}.ellipsis`,
    `n${o}.capRatio`,
  ]),
]

/** Words of one line that count towards density (dev set: 95% of article lines are shorter). */
const PROSE_CAP = 80
/** What a non-prose line costs the core span, in words (a subheading ≈ a fifth of a paragraph). */
const GAP_COST = 8

const CONTENT_WORD_MIN = 4 // shorter words are mostly function words in the dev set's languages

/** The features of every line of a page, one row per line, in FEATURE_NAMES order. */
export function lineFeatures(lines: readonly Line[]): Float64Array[] {
  const n = lines.length
  const loc = lines.map(local)
  const counts = new Map<string, number>()
  for (const l of lines) counts.set(l.text, (counts.get(l.text) ?? 0) + 1)
  let totalTok = 0
  let maxTok = 1
  for (const l of loc) {
    totalTok += l.nTok
    if (l.nTok > maxTok) maxTok = l.nTok
  }

  // Density: prose words in a window of ±3 lines, each line capped at PROSE_CAP words so one
  // giant line (a comment dump, an author box) cannot make the article look thin.
  const proseTok = loc.map((l) => (l.prose ? Math.min(l.nTok, PROSE_CAP) : 0))
  const density = new Float64Array(n)
  let maxDensity = 1
  for (let i = 0; i < n; i++) {
    let s = 0
    for (let j = Math.max(0, i - 3); j <= Math.min(n - 1, i + 3); j++) s += proseTok[j]!
    density[i] = s
    if (s > maxDensity) maxDensity = s
  }
  // The core span: the run of lines with the largest sum of capped prose words, where every
  // line that is not prose costs GAP_COST. Subheadings and captions between paragraphs cost
  // little; a menu of fifty links costs more than a teaser is worth.
  let best = -Infinity
  let spanStart = 0
  let spanEnd = 0
  let cur = 0
  let curStart = 0
  for (let i = 0; i < n; i++) {
    const s = loc[i]!.prose ? proseTok[i]! : -GAP_COST
    if (cur <= 0) {
      cur = s
      curStart = i
    } else cur += s
    if (cur > best) {
      best = cur
      spanStart = curStart
      spanEnd = i
    }
  }

  // Vocabulary of the core span: content words and capitalised words (names), with counts, so a
  // line's own words can be subtracted when asking whether the rest of the article shares them.
  const vocab = new Map<string, number>()
  const names = new Map<string, number>()
  const lineWords: string[][] = []
  const lineNames: string[][] = []
  for (let i = 0; i < n; i++) {
    const ws: string[] = []
    const ns: string[] = []
    const toks = lines[i]!.tokens
    for (let k = 0; k < toks.length; k++) {
      const w = toks[k]!
      if (w.length >= CONTENT_WORD_MIN && LETTER.test(w)) ws.push(w.toLowerCase())
      if (k > 0 && w.length >= 2 && UPPER_START.test(w)) ns.push(w)
    }
    lineWords.push(ws)
    lineNames.push(ns)
    if (i >= spanStart && i <= spanEnd && loc[i]!.prose) {
      for (const w of ws) vocab.set(w, (vocab.get(w) ?? 0) + 1)
      for (const w of ns) names.set(w, (names.get(w) ?? 0) + 1)
    }
  }
  const share = (ws: string[], m: Map<string, number>, own: boolean): number => {
    if (ws.length === 0) return 0
    const mine = new Map<string, number>()
    if (own) for (const w of ws) mine.set(w, (mine.get(w) ?? 0) + 1)
    let hit = 0
    for (const w of ws) if ((m.get(w) ?? 0) - (mine.get(w) ?? 0) > 0) hit++
    return hit / ws.length
  }

  // Prose lines above and below within windows.
  const proseCum = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) proseCum[i + 1] = proseCum[i]! + loc[i]!.prose
  const proseIn = (a: number, b: number): number => {
    const lo = Math.max(0, a)
    const hi = Math.min(n, b)
    return hi > lo ? proseCum[hi]! - proseCum[lo]! : 0
  }

  // Runs: a menu is a long run of short lines; a subheading is a short one between paragraphs.
  const runLen = new Int32Array(n)
  for (let i = 0; i < n; ) {
    let j = i
    while (j + 1 < n && loc[j + 1]!.prose === loc[i]!.prose) j++
    for (let k = i; k <= j; k++) runLen[k] = j - i + 1
    i = j + 1
  }
  // Headline candidates: headline-shaped lines printed more than once (breadcrumb and h1).
  const sinceHeadline = new Float64Array(n).fill(-1)
  let lastHeadline = -1
  for (let i = 0; i < n; i++) {
    if (lastHeadline >= 0) sinceHeadline[i] = Math.log1p(i - lastHeadline)
    const l = loc[i]!
    if (
      l.nTok >= 4 &&
      l.nTok <= 30 &&
      !l.term &&
      !l.ellipsis &&
      (counts.get(lines[i]!.text) ?? 0) > 1
    )
      lastHeadline = i
  }
  // Lines since the last header of a rail or comment section.
  const sinceSection = new Float64Array(n).fill(-1)
  let lastSection = -1
  for (let i = 0; i < n; i++) {
    if (lastSection >= 0) sinceSection[i] = Math.log1p(i - lastSection)
    if (isSectionHeader(lines[i]!.text)) lastSection = i
  }
  // Lines until the next furniture-worded line (share bar, "Related", copyright).
  const untilFurniture = new Float64Array(n).fill(-1)
  let nextFurniture = -1
  for (let i = n - 1; i >= 0; i--) {
    if (nextFurniture >= 0) untilFurniture[i] = Math.log1p(nextFurniture - i)
    if (furnitureWorded(lines[i]!.text)) nextFurniture = i
  }
  // Local cohesion: the share of a line's content words that the lines within ±3 also use.
  // Paragraphs of one article repeat each other's words; teasers of a rail do not.
  const lineSets = lineWords.map((ws) => new Set(ws))
  const cohesion = (i: number): number => {
    const ws = lineSets[i]!
    if (ws.size === 0) return -1
    let hit = 0
    for (const w of ws) {
      for (let j = Math.max(0, i - 3); j <= Math.min(n - 1, i + 3); j++) {
        if (j !== i && lineSets[j]!.has(w)) {
          hit++
          break
        }
      }
    }
    return hit / ws.size
  }
  const headlineShape = (i: number): boolean => {
    const l = loc[i]
    return l !== undefined && l.nTok >= 3 && l.nTok <= 25 && !l.term && !l.ellipsis
  }

  const rows: Float64Array[] = []
  let massBefore = 0
  for (let i = 0; i < n; i++) {
    const line = lines[i]!
    const l = loc[i]!
    const t = line.text
    const f = new Float64Array(FEATURE_NAMES.length)
    let k = 0
    const letters = t.length <= 200 ? t.replace(/[^\p{L}]/gu, '') : ''
    const inSpan = i >= spanStart && i <= spanEnd
    f[k++] = Math.log1p(l.nTok)
    f[k++] = Math.log1p(t.length)
    f[k++] = l.term
    f[k++] = l.ellipsis
    f[k++] = l.colon
    f[k++] = LOWER_START.test(t) ? 1 : 0
    f[k++] = l.capRatio
    f[k++] = letters.length > 3 && HAS_UPPER.test(letters) && !HAS_LOWER.test(letters) ? 1 : 0
    let digits = 0
    let commas = 0
    let seps = 0
    for (let c = 0; c < t.length; c++) {
      const code = t.charCodeAt(c)
      if (code >= 48 && code <= 57) digits++
      else if (code === 44 || code === 59) commas++
      else if (SEPARATOR_CODES.has(code)) seps++
    }
    f[k++] = digits / t.length
    f[k++] = commas / Math.max(1, l.nTok)
    f[k++] = Math.log1p(t.match(SENTENCE_BREAK)?.length ?? 0)
    f[k++] = l.nTok > 0 ? line.tokens.reduce((a, w) => a + w.length, 0) / l.nTok : 0
    f[k++] = URLISH.test(t) ? 1 : 0
    f[k++] = HANDLE.test(t) ? 1 : 0
    f[k++] = seps / Math.max(1, l.nTok)
    f[k++] = furnitureWorded(t) ? 1 : 0
    f[k++] = l.nTok <= 12 && DATEISH.test(t) ? 1 : 0
    f[k++] = QUOTE_START.test(t) ? 1 : 0
    f[k++] = line.blankBefore ? 1 : 0
    f[k++] = Math.log(counts.get(t) ?? 1)
    f[k++] = (i > 0 && lines[i - 1]!.text === t) || (i < n - 1 && lines[i + 1]!.text === t) ? 1 : 0
    f[k++] = n > 1 ? i / (n - 1) : 0
    f[k++] = totalTok > 0 ? massBefore / totalTok : 0
    f[k++] = l.nTok / maxTok
    f[k++] = Math.log1p(density[i]!)
    f[k++] = density[i]! / maxDensity
    f[k++] = inSpan ? 0 : Math.log1p(i < spanStart ? spanStart - i : i - spanEnd)
    f[k++] = inSpan ? 1 : 0
    f[k++] = share(lineWords[i]!, vocab, inSpan && l.prose === 1)
    f[k++] = share(lineNames[i]!, names, inSpan && l.prose === 1)
    f[k++] = proseIn(i - 5, i)
    f[k++] = proseIn(i + 1, i + 6)
    f[k++] = proseIn(i - 15, i)
    f[k++] = proseIn(i + 1, i + 16)
    f[k++] = Math.log1p(l.prose ? 0 : runLen[i]!)
    f[k++] = Math.log1p(l.prose ? runLen[i]! : 0)
    f[k++] =
      (l.ellipsis && headlineShape(i - 1)) || (headlineShape(i) && loc[i + 1]?.ellipsis === 1)
        ? 1
        : 0
    f[k++] = sinceHeadline[i]!
    f[k++] = untilFurniture[i]!
    f[k++] = Math.min(3, t.match(GLUED)?.length ?? 0)
    f[k++] = sinceSection[i]!
    f[k++] = cohesion(i)
    for (const o of [-2, -1, 1, 2]) {
      const m = loc[i + o]
      f[k++] = m ? Math.log1p(m.nTok) : -1
      f[k++] = m ? m.term : -1
      f[k++] = m ? m.ellipsis : -1
      f[k++] = m ? m.capRatio : -1
    }
    massBefore += l.nTok
    rows.push(f)
  }
  return rows
}

/** Names of the second-stage features: the first stage's probabilities around the line. */
export const CONTEXT_NAMES: readonly string[] = [
  'p0',
  ...[-3, -2, -1, 1, 2, 3].map((o) => `p${o}`),
  'pMeanAbove5',
  'pMeanBelow5',
  'pMaxAbove10',
  'pMaxBelow10',
  'pMassAbove',
  'pMassBelow',
  'inSegment',
  'segDistance',
  'segRelPos',
  'sandwich',
]

/** Second-stage features from first-stage probabilities `p` (one per line) and line sizes. */
export function contextFeatures(p: ArrayLike<number>, lines: readonly Line[]): Float64Array[] {
  const n = p.length
  // Token mass the first stage believes is article, above and below each line.
  const massCum = new Float64Array(n + 1)
  let total = 0
  for (let i = 0; i < n; i++) {
    const m = p[i]! * lines[i]!.words
    massCum[i + 1] = massCum[i]! + m
    total += m
  }
  // The segment of lines with the largest sum of (p - 0.3) × words: the first stage's article.
  // 0.3: below the decision threshold, so that weak lines between strong ones join the run.
  let best = -Infinity
  let segStart = 0
  let segEnd = 0
  let cur = 0
  let curStart = 0
  for (let i = 0; i < n; i++) {
    const s = (p[i]! - 0.3) * (lines[i]!.words + 1)
    if (cur <= 0) {
      cur = s
      curStart = i
    } else cur += s
    if (cur > best) {
      best = cur
      segStart = curStart
      segEnd = i
    }
  }
  const rows: Float64Array[] = []
  for (let i = 0; i < n; i++) {
    const f = new Float64Array(CONTEXT_NAMES.length)
    let k = 0
    f[k++] = p[i]!
    for (const o of [-3, -2, -1, 1, 2, 3]) f[k++] = i + o >= 0 && i + o < n ? p[i + o]! : -1
    let s = 0
    let c = 0
    for (let j = Math.max(0, i - 5); j < i; j++) {
      s += p[j]!
      c++
    }
    f[k++] = c ? s / c : -1
    s = 0
    c = 0
    for (let j = i + 1; j <= Math.min(n - 1, i + 5); j++) {
      s += p[j]!
      c++
    }
    f[k++] = c ? s / c : -1
    let mx = 0
    for (let j = Math.max(0, i - 10); j < i; j++) mx = Math.max(mx, p[j]!)
    f[k++] = mx
    mx = 0
    for (let j = i + 1; j <= Math.min(n - 1, i + 10); j++) mx = Math.max(mx, p[j]!)
    f[k++] = mx
    f[k++] = total > 0 ? massCum[i]! / total : 0
    f[k++] = total > 0 ? (total - massCum[i + 1]!) / total : 0
    const inSeg = i >= segStart && i <= segEnd
    f[k++] = inSeg ? 1 : 0
    f[k++] = inSeg ? 0 : Math.log1p(i < segStart ? segStart - i : i - segEnd)
    f[k++] = inSeg ? (i - segStart) / Math.max(1, segEnd - segStart) : i < segStart ? -1 : 2
    let above = 0
    let below = 0
    for (let j = Math.max(0, i - 3); j < i; j++) above = Math.max(above, p[j]!)
    for (let j = i + 1; j <= Math.min(n - 1, i + 3); j++) below = Math.max(below, p[j]!)
    f[k++] = Math.min(above, below)
    rows.push(f)
  }
  return rows
}
