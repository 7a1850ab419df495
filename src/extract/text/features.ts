/**
 * Line features for the text-dump classifier: what one line looks like (length, final
 * punctuation, ellipsis, headline capitalisation, label-likeness, furniture wording), how it
 * sits among its neighbours (runs of long lines, repeated lines, comment metadata), and how well
 * it coheres with the page's densest run of prose (shared vocabulary and names). Language-
 * agnostic except for the small multilingual lexicon in lexicon.ts. The training script and the
 * extractor both call `lineFeatures`, so the two can never disagree on what a feature means.
 *
 * Written for speed: one flat Float32Array per page (row-major, `FEATURE_NAMES.length` columns),
 * per-line measurements from lines.ts, word identity as hashes in a reused open-addressing table.
 */
import { commentMeta, furnitureWorded, isSectionHeader } from './lexicon.js'
import type { Dump, Line } from './lines.js'

const DATEISH = /\b(1[89]|20)\d{2}\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/
const BULLET = /^([•·▪◦‣∙*–-]|\d{1,2}[.)])\s/u

/** A line counts as prose for the run features when it is at least this long and punctuated. */
const PROSE_TOKENS = 15 // the median ground-truth paragraph of the dev set has ~40 tokens, furniture lines < 10
/** Words of one line that count towards density (dev set: 95% of article lines are shorter). */
const PROSE_CAP = 80
/** What a non-prose line costs the core span, in words (a subheading ≈ a fifth of a paragraph). */
const GAP_COST = 8

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
  'bullet',
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
  'gluedHeadline',
  'sinceSection',
  'localCohesion',
  'commentMeta',
  'commentNear',
  'sinceComment',
  ...[-2, -1, 1, 2].flatMap((o) => [
    `n${o}.logTok`,
    `n${o}.term`,
    `n${o}.ellipsis`,
    `n${o}.capRatio`,
  ]),
]

/** Number of line features. */
export const N_FEATURES = FEATURE_NAMES.length

// ---- a reused hash table of word hashes -----------------------------------------------------

let cap = 1 << 14
let shift = 18
let keys = new Int32Array(cap)
let gen = new Int32Array(cap)
let coreWord = new Int32Array(cap)
let coreName = new Int32Array(cap)
let win = new Int32Array(cap)
let own = new Int32Array(cap)
let ownName = new Int32Array(cap)
let ownGen = new Int32Array(cap)
let generation = 0
let lineGen = 0

function resize(size: number): void {
  const bits = Math.ceil(Math.log2(size))
  cap = 1 << bits
  shift = 32 - bits
  keys = new Int32Array(cap)
  gen = new Int32Array(cap)
  coreWord = new Int32Array(cap)
  coreName = new Int32Array(cap)
  win = new Int32Array(cap)
  own = new Int32Array(cap)
  ownName = new Int32Array(cap)
  ownGen = new Int32Array(cap)
  generation = 0
  lineGen = 0
}

/** The slot of hash `h` in this page's table, claimed if new. */
function slot(h: number): number {
  const mask = cap - 1
  let s = (Math.imul(h, 0x9e3779b1) >>> shift) & mask
  for (;;) {
    if (gen[s] !== generation) {
      gen[s] = generation
      keys[s] = h
      coreWord[s] = 0
      coreName[s] = 0
      win[s] = 0
      own[s] = 0
      ownName[s] = 0
      ownGen[s] = 0
      return s
    }
    if (keys[s] === h) return s
    s = (s + 1) & mask
  }
}

// ---- features -------------------------------------------------------------------------------

/** A reused open-addressing table of line hashes (its own, apart from the word table). */
let lineKeys = new Int32Array(1 << 12)
let lineCount = new Int32Array(1 << 12)
let lineSlotGen = new Int32Array(1 << 12)
let lineTableGen = 0

/** How many lines of the page have each line's hash (the line itself included). */
function lineRepeats(lines: readonly Line[]): Int32Array {
  const n = lines.length
  if (n * 2 > lineKeys.length) {
    const size = 1 << Math.ceil(Math.log2(n * 2))
    lineKeys = new Int32Array(size)
    lineCount = new Int32Array(size)
    lineSlotGen = new Int32Array(size)
    lineTableGen = 0
  }
  lineTableGen++
  const mask = lineKeys.length - 1
  const at = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const h = lines[i]!.hash
    let s = Math.imul(h, 0x9e3779b1) & mask
    for (;;) {
      if (lineSlotGen[s] !== lineTableGen) {
        lineSlotGen[s] = lineTableGen
        lineKeys[s] = h
        lineCount[s] = 0
        break
      }
      if (lineKeys[s] === h) break
      s = (s + 1) & mask
    }
    lineCount[s]!++
    at[i] = s
  }
  for (let i = 0; i < n; i++) at[i] = lineCount[at[i]!]!
  return at
}

/** Per-line values computed once and read by several features. */
interface Local {
  end: Int8Array
  prose: Uint8Array
  logTok: Float32Array
  capRatio: Float32Array
}

function locals(lines: readonly Line[]): Local {
  const n = lines.length
  const end = new Int8Array(n)
  const prose = new Uint8Array(n)
  const logTok = new Float32Array(n)
  const capRatio = new Float32Array(n)
  for (let i = 0; i < n; i++) {
    const l = lines[i]!
    const e = l.end
    end[i] = e
    prose[i] = l.words >= PROSE_TOKENS && (e === 1 || e === 2) ? 1 : 0
    logTok[i] = Math.log1p(l.words)
    capRatio[i] = l.letterTok > 0 ? l.capTok / l.letterTok : 0
  }
  return { end, prose, logTok, capRatio }
}

/**
 * The features of every line of a page: a flat row-major array, `N_FEATURES` values per line,
 * in FEATURE_NAMES order.
 */
export function lineFeatures(dump: Dump): Float32Array {
  const { lines, hash, kind } = dump
  const n = lines.length
  const F = N_FEATURES
  const out = new Float32Array(n * F)
  if (n === 0) return out
  if (hash.length * 2 > cap) resize(hash.length * 2)
  generation++
  const L = locals(lines)
  const { end, prose } = L

  // How often each line's text occurs in the dump (by hash; a collision is harmless here).
  const repeats = lineRepeats(lines)
  let totalTok = 0
  let maxTok = 1
  for (let i = 0; i < n; i++) {
    const w = lines[i]!.words
    totalTok += w
    if (w > maxTok) maxTok = w
  }

  // Density: prose words in a window of ±3 lines, each line capped at PROSE_CAP words so one
  // giant line (a comment dump, an author box) cannot make the article look thin.
  const proseTok = new Float32Array(n)
  for (let i = 0; i < n; i++) proseTok[i] = prose[i] ? Math.min(lines[i]!.words, PROSE_CAP) : 0
  const density = new Float32Array(n)
  let maxDensity = 1
  {
    let s = 0
    for (let j = 0; j <= Math.min(n - 1, 3); j++) s += proseTok[j]!
    for (let i = 0; i < n; i++) {
      density[i] = s
      if (s > maxDensity) maxDensity = s
      if (i + 4 < n) s += proseTok[i + 4]!
      if (i - 3 >= 0) s -= proseTok[i - 3]!
    }
  }
  // The core span: the run of lines with the largest sum of capped prose words, where every
  // line that is not prose costs GAP_COST. Subheadings and captions between paragraphs cost
  // little; a menu of fifty links costs more than a teaser is worth.
  const [spanStart, spanEnd] = densestRun(n, (i) => (prose[i] ? proseTok[i]! : -GAP_COST))

  // Word slots, and the core span's vocabulary (content words and names) with counts.
  const slots = new Int32Array(hash.length)
  for (let k = 0; k < hash.length; k++) slots[k] = slot(hash[k]!)
  for (let i = spanStart; i <= spanEnd; i++) {
    if (!prose[i]) continue
    const l = lines[i]!
    for (let k = l.hashStart; k < l.hashEnd; k++) {
      const s = slots[k]!
      if (kind[k]! & 1) coreWord[s]!++
      if (kind[k]! & 2) coreName[s]!++
    }
  }

  // Prose lines above and below within windows.
  const proseCum = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) proseCum[i + 1] = proseCum[i]! + prose[i]!
  const proseIn = (a: number, b: number): number => {
    const lo = a < 0 ? 0 : a
    const hi = b > n ? n : b
    return hi > lo ? proseCum[hi]! - proseCum[lo]! : 0
  }

  // Runs: a menu is a long run of short lines; a subheading is a short one between paragraphs.
  const runLen = new Int32Array(n)
  for (let i = 0; i < n; ) {
    let j = i
    while (j + 1 < n && prose[j + 1] === prose[i]) j++
    for (let k = i; k <= j; k++) runLen[k] = j - i + 1
    i = j + 1
  }
  // Lexicon tests, once per line (long lines cannot be furniture labels).
  const furniture = new Uint8Array(n)
  const section = new Uint8Array(n)
  const comment = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const t = lines[i]!.text
    if (t.length <= 200 && furnitureWorded(t)) furniture[i] = 1
    // A section header is furniture-worded (RELATED_HEADER, COMMENTS), so test only those.
    if (furniture[i] && t.length <= 60 && isSectionHeader(t)) section[i] = 1
    if (t.length <= 120 && commentMeta(t)) comment[i] = 1
  }
  dump.furniture = furniture
  const commentCum = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) commentCum[i + 1] = commentCum[i]! + comment[i]!

  // Headline candidates: headline-shaped lines printed more than once (breadcrumb and h1).
  const sinceHeadline = new Float32Array(n).fill(-1)
  const sinceSection = new Float32Array(n).fill(-1)
  const sinceComment = new Float32Array(n).fill(-1)
  {
    let lastHeadline = -1
    let lastSection = -1
    let lastComment = -1
    for (let i = 0; i < n; i++) {
      if (lastHeadline >= 0) sinceHeadline[i] = Math.log1p(i - lastHeadline)
      if (lastSection >= 0) sinceSection[i] = Math.log1p(i - lastSection)
      if (lastComment >= 0) sinceComment[i] = Math.log1p(i - lastComment)
      const w = lines[i]!.words
      if (w >= 4 && w <= 30 && end[i] !== 1 && end[i] !== 2 && repeats[i]! > 1) lastHeadline = i
      if (section[i]) lastSection = i
      if (comment[i]) lastComment = i
    }
  }
  // Lines until the next furniture-worded line (share bar, "Related", copyright).
  const untilFurniture = new Float32Array(n).fill(-1)
  {
    let next = -1
    for (let i = n - 1; i >= 0; i--) {
      if (next >= 0) untilFurniture[i] = Math.log1p(next - i)
      if (furniture[i]) next = i
    }
  }

  // Local cohesion: the share of a line's content words that the lines within ±3 also use
  // (counted over occurrences). Paragraphs of one article repeat each other's words; teasers of
  // a rail do not. `win` holds the window's counts as it slides.
  const cohesion = new Float32Array(n)
  const addLine = (j: number, d: number): void => {
    const l = lines[j]!
    for (let k = l.hashStart; k < l.hashEnd; k++) if (kind[k]! & 1) win[slots[k]!]! += d
  }
  for (let j = 0; j <= Math.min(n - 1, 3); j++) addLine(j, 1)
  for (let i = 0; i < n; i++) {
    const l = lines[i]!
    lineGen++
    let words = 0
    for (let k = l.hashStart; k < l.hashEnd; k++) {
      if (!(kind[k]! & 1)) continue
      const s = slots[k]!
      if (ownGen[s] !== lineGen) {
        ownGen[s] = lineGen
        own[s] = 0
      }
      own[s]!++
      words++
    }
    let hit = 0
    for (let k = l.hashStart; k < l.hashEnd; k++) {
      if (!(kind[k]! & 1)) continue
      const s = slots[k]!
      if (win[s]! > own[s]!) hit++
    }
    cohesion[i] = words > 0 ? hit / words : -1
    if (i + 4 < n) addLine(i + 4, 1)
    if (i - 3 >= 0) addLine(i - 3, -1)
  }

  let massBefore = 0
  for (let i = 0; i < n; i++) {
    const l = lines[i]!
    const t = l.text
    const e = end[i]!
    const o = i * F
    let k = o
    const inSpan = i >= spanStart && i <= spanEnd
    const subtractOwn = inSpan && prose[i] === 1
    // Shares of the line's content words and names that the core span's other lines use.
    lineGen++
    if (subtractOwn) {
      for (let h = l.hashStart; h < l.hashEnd; h++) {
        const s = slots[h]!
        if (ownGen[s] !== lineGen) {
          ownGen[s] = lineGen
          own[s] = 0
          ownName[s] = 0
        }
        if (kind[h]! & 1) own[s]!++
        if (kind[h]! & 2) ownName[s]!++
      }
    }
    let cw = 0
    let cwHit = 0
    let nm = 0
    let nmHit = 0
    for (let h = l.hashStart; h < l.hashEnd; h++) {
      const s = slots[h]!
      const kd = kind[h]!
      if (kd & 1) {
        cw++
        if (coreWord[s]! - (subtractOwn ? own[s]! : 0) > 0) cwHit++
      }
      if (kd & 2) {
        nm++
        if (coreName[s]! - (subtractOwn ? ownName[s]! : 0) > 0) nmHit++
      }
    }
    const nTok = l.words
    out[k++] = L.logTok[i]!
    out[k++] = Math.log1p(t.length)
    out[k++] = e === 1 ? 1 : 0
    out[k++] = e === 2 ? 1 : 0
    out[k++] = e === 3 ? 1 : 0
    const c0 = t.charCodeAt(0)
    out[k++] = (c0 >= 97 && c0 <= 122) || (c0 > 127 && t[0] !== t[0]!.toUpperCase()) ? 1 : 0
    out[k++] = L.capRatio[i]!
    out[k++] = l.letters > 3 && l.upper > 0 && l.lower === 0 ? 1 : 0
    out[k++] = l.digits / t.length
    out[k++] = l.commas / Math.max(1, nTok)
    out[k++] = Math.log1p(l.breaks)
    out[k++] = nTok > 0 ? l.tokChars / nTok : 0
    out[k++] = t.length <= 300 && urlish(t) ? 1 : 0
    out[k++] = t.includes('@') || t.includes('#') ? handle(t) : 0
    out[k++] = l.seps / Math.max(1, nTok)
    out[k++] = furniture[i]!
    out[k++] = nTok <= 12 && DATEISH.test(t) ? 1 : 0
    out[k++] = c0 === 34 || c0 === 0x201c || c0 === 0x2018 || c0 === 0xab || c0 === 0x201e ? 1 : 0
    out[k++] = BULLET.test(t) ? 1 : 0
    out[k++] = l.blankBefore ? 1 : 0
    out[k++] = Math.log(repeats[i]!)
    out[k++] =
      (i > 0 && lines[i - 1]!.hash === l.hash) || (i < n - 1 && lines[i + 1]!.hash === l.hash)
        ? 1
        : 0
    out[k++] = n > 1 ? i / (n - 1) : 0
    out[k++] = totalTok > 0 ? massBefore / totalTok : 0
    out[k++] = nTok / maxTok
    out[k++] = Math.log1p(density[i]!)
    out[k++] = density[i]! / maxDensity
    out[k++] = inSpan ? 0 : Math.log1p(i < spanStart ? spanStart - i : i - spanEnd)
    out[k++] = inSpan ? 1 : 0
    out[k++] = cw > 0 ? cwHit / cw : 0
    out[k++] = nm > 0 ? nmHit / nm : 0
    out[k++] = proseIn(i - 5, i)
    out[k++] = proseIn(i + 1, i + 6)
    out[k++] = proseIn(i - 15, i)
    out[k++] = proseIn(i + 1, i + 16)
    out[k++] = Math.log1p(prose[i] ? 0 : runLen[i]!)
    out[k++] = Math.log1p(prose[i] ? runLen[i]! : 0)
    out[k++] =
      (e === 2 && i > 0 && headlineShape(lines[i - 1]!, end[i - 1]!)) ||
      (i + 1 < n && end[i + 1] === 2 && headlineShape(l, e))
        ? 1
        : 0
    out[k++] = sinceHeadline[i]!
    out[k++] = untilFurniture[i]!
    out[k++] = Math.min(3, l.humps)
    out[k++] = l.gluedHeadline
    out[k++] = sinceSection[i]!
    out[k++] = cohesion[i]!
    out[k++] = comment[i]!
    out[k++] = commentCum[Math.min(n, i + 7)]! - commentCum[Math.max(0, i - 6)]!
    out[k++] = sinceComment[i]!
    for (let d = -2; d <= 2; d++) {
      if (d === 0) continue
      const j = i + d
      if (j >= 0 && j < n) {
        out[k++] = L.logTok[j]!
        out[k++] = end[j] === 1 ? 1 : 0
        out[k++] = end[j] === 2 ? 1 : 0
        out[k++] = L.capRatio[j]!
      } else {
        out[k++] = -1
        out[k++] = -1
        out[k++] = -1
        out[k++] = -1
      }
    }
    massBefore += nTok
  }
  return out
}

/**
 * True when the line holds "http", "www.", ".com", ".org" or ".net": one pass over its
 * characters instead of five substring searches.
 */
function urlish(t: string): boolean {
  const n = t.length
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i)
    if (c === 104) {
      // h: "http"
      if (
        i + 3 < n &&
        t.charCodeAt(i + 1) === 116 &&
        t.charCodeAt(i + 2) === 116 &&
        t.charCodeAt(i + 3) === 112
      )
        return true
    } else if (c === 119) {
      // w: "www."
      if (
        i + 3 < n &&
        t.charCodeAt(i + 1) === 119 &&
        t.charCodeAt(i + 2) === 119 &&
        t.charCodeAt(i + 3) === 46
      )
        return true
    } else if (c === 46 && i + 3 < n) {
      // ".com", ".org", ".net"
      const a = t.charCodeAt(i + 1)
      const b = t.charCodeAt(i + 2)
      const d = t.charCodeAt(i + 3)
      if (
        (a === 99 && b === 111 && d === 109) ||
        (a === 111 && b === 114 && d === 103) ||
        (a === 110 && b === 101 && d === 116)
      )
        return true
    }
  }
  return false
}

function handle(t: string): number {
  for (let i = 0; i < t.length - 1; i++) {
    const c = t.charCodeAt(i)
    if ((c === 64 || c === 35) && (i === 0 || t.charCodeAt(i - 1) === 32)) {
      const d = t.charCodeAt(i + 1)
      if ((d >= 48 && d <= 57) || (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === 95)
        return 1
    }
  }
  return 0
}

function headlineShape(l: Line, e: number): boolean {
  return l.words >= 3 && l.words <= 25 && e !== 1 && e !== 2
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

/** Number of second-stage context features. */
export const N_CONTEXT = CONTEXT_NAMES.length

/**
 * Second-stage features from first-stage probabilities `p` (one per line) and line sizes: a flat
 * row-major array, `N_CONTEXT` values per line — or, given `pick`, per picked line only.
 */
export function contextFeatures(
  p: ArrayLike<number>,
  lines: readonly Line[],
  pick?: readonly number[],
): Float32Array {
  const n = p.length
  const C = N_CONTEXT
  const rows = pick ? pick.length : n
  const out = new Float32Array(rows * C)
  // Token mass the first stage believes is article, above and below each line.
  const massCum = new Float64Array(n + 1)
  for (let i = 0; i < n; i++) massCum[i + 1] = massCum[i]! + p[i]! * lines[i]!.words
  const total = massCum[n]!
  // The segment of lines with the largest sum of (p - 0.3) × words: the first stage's article.
  // 0.3: below the decision threshold, so that weak lines between strong ones join the run.
  const [segStart, segEnd] = densestRun(n, (i) => (p[i]! - 0.3) * (lines[i]!.words + 1))
  for (let r = 0; r < rows; r++) {
    const i = pick ? pick[r]! : r
    let k = r * C
    out[k++] = p[i]!
    for (let d = -3; d <= 3; d++) {
      if (d === 0) continue
      out[k++] = i + d >= 0 && i + d < n ? p[i + d]! : -1
    }
    let s = 0
    let c = 0
    let mx3a = 0
    let mx10a = 0
    for (let j = Math.max(0, i - 10); j < i; j++) {
      const v = p[j]!
      if (j >= i - 5) {
        s += v
        c++
      }
      if (v > mx10a) mx10a = v
      if (j >= i - 3 && v > mx3a) mx3a = v
    }
    out[k++] = c ? s / c : -1
    s = 0
    c = 0
    let mx3b = 0
    let mx10b = 0
    for (let j = i + 1; j <= Math.min(n - 1, i + 10); j++) {
      const v = p[j]!
      if (j <= i + 5) {
        s += v
        c++
      }
      if (v > mx10b) mx10b = v
      if (j <= i + 3 && v > mx3b) mx3b = v
    }
    out[k++] = c ? s / c : -1
    out[k++] = mx10a
    out[k++] = mx10b
    out[k++] = total > 0 ? massCum[i]! / total : 0
    out[k++] = total > 0 ? (total - massCum[i + 1]!) / total : 0
    const inSeg = i >= segStart && i <= segEnd
    out[k++] = inSeg ? 1 : 0
    out[k++] = inSeg ? 0 : Math.log1p(i < segStart ? segStart - i : i - segEnd)
    out[k++] = inSeg ? (i - segStart) / Math.max(1, segEnd - segStart) : i < segStart ? -1 : 2
    out[k++] = Math.min(mx3a, mx3b)
  }
  return out
}

/**
 * The run of items `[start, end]` (inclusive) with the largest sum of `score` (Kadane's maximum
 * subarray; the first such run on ties). `[0, 0]` when there are no items.
 */
function densestRun(n: number, score: (i: number) => number): [number, number] {
  let best = -Infinity
  let start = 0
  let end = 0
  let cur = 0
  let curStart = 0
  for (let i = 0; i < n; i++) {
    const s = score(i)
    if (cur <= 0) {
      cur = s
      curStart = i
    } else cur += s
    if (cur > best) {
      best = cur
      start = curStart
      end = i
    }
  }
  return [start, end]
}
