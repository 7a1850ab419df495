/**
 * From classified lines to the Article: the body (subheadings as `heading` blocks, bullets as
 * `list-item`), the headline, authors from a byline, the related rails as teasers, and every
 * other line reported in `removed` with its kind and why.
 */
import {
  ARTICLE_SCHEMA,
  type Article,
  type BlockKind,
  err,
  joinBlocks,
  ok,
  type Removed,
  type RemovedKind,
} from '../../core/index.js'
import type { ExtractOptions, ExtractResult } from '../types.js'
import { type LineWording, lineWording } from './lexicon.js'
import { ENDS_COLON, ENDS_ELLIPSIS, ENDS_SENTENCE, type Line } from './lines.js'
import { findRails } from './rail.js'

const BULLET = /^([•·▪◦‣∙*–-]|\d{1,2}[.)])\s+/u
const DATEISH = /\b(1[89]|20)\d{2}\b|\b\d{1,2}:\d{2}\b/
const BYLINE_LEAD = /^(?:by|von|par|por|di|door|oleh|przez|av)\s+/i
const NAME = "\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,3}"
const JOIN = '(?:\\s*,\\s*|\\s+(?:and|und|et|y|e|en|dan|i|och|&)\\s+)'
const BYLINE_NAMES = new RegExp(`^(${NAME}(?:${JOIN}${NAME})*)`, 'u')

/** How far above the body a headline may stand, in lines (dev set: always within 12). */
const TITLE_WINDOW = 15
/** A subheading is at most this many tokens (dev set subheadings: 1–12 tokens). */
const HEADING_MAX_TOKENS = 15

/** A line shaped like a headline: a few words, no sentence-final period, not furniture. */
function headlineShaped(l: Line, wording: LineWording): boolean {
  const n = l.nTok
  if (n < 3 || n > 30) return false
  // Ends in . … : ; or , (a question or an exclamation may be a headline).
  const c = l.last
  if (c === 46 || c === 0x2026 || c === 58 || c === 59 || c === 44) return false
  if (wording.railHeader(l.index) || wording.kind(l.index)) return false
  return /^["“‘'(]?\p{Lu}|^\p{N}/u.test(l.text)
}

/** Ends like a sentence or a clause: . ! ? … : ; , (and their full-width forms). */
function punctuatedEnd(l: Line): boolean {
  const e = l.end
  return (
    e === ENDS_SENTENCE || e === ENDS_ELLIPSIS || e === ENDS_COLON || l.last === 59 || l.last === 44
  )
}

function headingShaped(l: Line): boolean {
  return l.nTok > 0 && l.nTok <= HEADING_MAX_TOKENS && !punctuatedEnd(l) && !BULLET.test(l.text)
}

/** The names in a byline ("By Ann Lee and Bo Chan" → two names), or none. */
export function bylineNames(text: string): string[] {
  const lead = BYLINE_LEAD.exec(text)
  if (!lead || text.length > 120) return []
  const m = BYLINE_NAMES.exec(text.slice(lead[0].length))
  if (!m) return []
  return m[1]!
    .split(/\s*,\s*|\s+(?:and|und|et|y|e|en|dan|i|och|&)\s+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 1)
}

/** Builds the Article (or `no_main_content` with a partial) from line probabilities. */
export function assemble(
  lines: readonly Line[],
  p: ArrayLike<number>,
  threshold: number,
  options: ExtractOptions,
  furniture?: Uint8Array,
): ExtractResult {
  const n = lines.length
  const keep: boolean[] = new Array(n)
  for (let i = 0; i < n; i++) keep[i] = p[i]! >= threshold
  // No fallback when no line reaches the threshold: the dump is `no_main_content` (decision
  // 0021). A fallback (the best run of lines above half the top probability) was tried: in
  // 5-fold CV it fired on 2 dev pages and picked the wrong text on both (a copyright line, an
  // archive link), F1 0.9157 against 0.9225 without it.
  const wording = lineWording(lines, furniture)

  // Related rails: headed ones may override the classifier, headless ones only use free lines.
  const rails = findRails(lines, (i) => !keep[i], wording)
  const railOf = new Int32Array(n).fill(-1)
  rails.forEach((r, k) => {
    for (let i = r.start; i <= r.end; i++) {
      railOf[i] = k
      keep[i] = false
    }
  })

  let first = keep.indexOf(true)
  const last = keep.lastIndexOf(true)

  // The headline: the nearest headline-shaped line above the body; a repeated one is likelier
  // (pages print the headline in the breadcrumb or the share text too).
  let titleLine = -1
  if (first >= 0) {
    // A body that opens on a short headline-shaped line opens on its own headline. Not when
    // it is long, all capitals or a question: in 5-fold CV on the dev pages the first kept
    // line, headline-shaped with no kept line above it, belonged to the body 7 times in 9, and
    // 5 of those 7 were a lead-in of 20+ words, an all-caps subheading or a question (the 2
    // right ones, 27 and 30 words long, are now missed). Words, not tokens: a Japanese
    // paragraph is a few long tokens.
    const f = lines[first]!
    if (
      headlineShaped(f, wording) &&
      f.words <= 20 &&
      !(f.upper > 0 && f.lower === 0) &&
      f.last !== 63 &&
      f.last !== 33 &&
      first < last &&
      !keep[first - 1]
    ) {
      titleLine = first
      keep[first] = false
      first = keep.indexOf(true)
    } else {
      // Repeats of each line, counted only when a headline is looked for above the body.
      const counts = new Map<number, number>()
      for (const l of lines) counts.set(l.hash, (counts.get(l.hash) ?? 0) + 1)
      let best = -Infinity
      for (let i = first - 1; i >= Math.max(0, first - TITLE_WINDOW); i--) {
        const l = lines[i]!
        if (railOf[i]! >= 0 || !headlineShaped(l, wording)) continue
        const s =
          -(first - i) +
          (counts.get(l.hash)! > 1 ? 3 : 0) +
          (l.nTok >= 5 ? 3 : 0) +
          Math.min(l.nTok, 15) / 5
        if (s > best) {
          best = s
          titleLine = i
        }
      }
    }
  }
  const title = titleLine >= 0 ? lines[titleLine]!.text : undefined

  // Authors from byline lines above the body.
  const authors: string[] = []
  for (let i = Math.max(0, first - TITLE_WINDOW); i < Math.max(first, 0); i++) {
    for (const name of bylineNames(lines[i]!.text)) if (!authors.includes(name)) authors.push(name)
  }

  // The body.
  const parts: { kind: BlockKind; text: string }[] = []
  const lastKept = keep.lastIndexOf(true)
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue
    const l = lines[i]!
    const nextKept = i < lastKept
    let kind: BlockKind = 'paragraph'
    if (BULLET.test(l.text)) kind = 'list-item'
    else if (nextKept && headingShaped(l)) kind = 'heading'
    parts.push({ kind, text: l.text })
  }
  const { text, blocks } = joinBlocks(parts)

  // The furniture report: each run of lines of one kind and reason is one removed block.
  const removed: Removed[] = []
  let lastRemoved = -2
  const push = (i: number, kind: RemovedKind, reason: string, line: string): void => {
    const prev = removed[removed.length - 1]
    if (prev && lastRemoved === i - 1 && prev.kind === kind && prev.reason === reason)
      prev.text += `\n${line}`
    else removed.push({ kind, text: line, reason })
    lastRemoved = i
  }
  for (let i = 0; i < n; i++) {
    if (keep[i] || i === titleLine) continue
    const l = lines[i]!
    const { kind, reason } = furnitureKind(lines, i, wording, {
      first,
      last,
      title,
      inRail: railOf[i]! >= 0,
      railHeader: railOf[i]! >= 0 && rails[railOf[i]!]!.header === i,
    })
    push(i, kind, reason, l.text)
  }

  const related = rails.flatMap((r) =>
    r.teasers.map(({ title: t, excerpt, caption }) => ({
      title: t,
      ...(excerpt !== undefined && { excerpt }),
      ...(caption !== undefined && { caption }),
    })),
  )

  // Confidence: how far from undecided the classifier was, weighted by tokens.
  let certain = 0
  let mass = 0
  for (let i = 0; i < n; i++) {
    const w = lines[i]!.nTok
    certain += w * Math.abs(2 * p[i]! - 1)
    mass += w
  }
  const article: Article = {
    schema: ARTICLE_SCHEMA,
    ...(options.url !== undefined && { url: options.url }),
    ...(title !== undefined && { title }),
    authors,
    text,
    blocks,
    related,
    removed,
    extraction: {
      inputFormat: 'text',
      method: 'text-lines',
      confidence: mass > 0 ? Number((certain / mass).toFixed(3)) : 0,
    },
  }
  if (blocks.length === 0) {
    return err({
      code: 'no_main_content',
      message: related.length > 0 ? 'the dump holds a related rail but no article' : 'no article',
      partial: article,
    })
  }
  return ok(article)
}

interface Where {
  first: number
  last: number
  title: string | undefined
  inRail: boolean
  railHeader: boolean
}

/** The kind of a furniture line and why: rail, then wording, then where it stands. */
function furnitureKind(
  lines: readonly Line[],
  i: number,
  wording: LineWording,
  w: Where,
): { kind: RemovedKind; reason: string } {
  const l = lines[i]!
  if (w.railHeader) return { kind: 'related', reason: 'related-rail header' }
  if (w.inRail) return { kind: 'related', reason: 'teaser of a related rail' }
  if (w.title !== undefined && l.text === w.title)
    return { kind: 'other', reason: 'repeat of the headline' }
  const worded = wording.kind(i)
  // A rail header with no teasers after it ("Latest", "Popular" in a menu) is navigation.
  if (worded && worded.kind !== 'related') return worded
  const before = w.first < 0 || i < w.first
  const inside = !before && i < w.last
  if (before && bylineNames(l.text).length > 0) return { kind: 'byline', reason: 'byline' }
  if (l.nTok <= 12 && DATEISH.test(l.text) && (before || i - w.last <= 3))
    return { kind: 'byline', reason: 'date line' }
  if (inside) {
    return l.nTok >= 3
      ? { kind: 'caption', reason: 'inside the article but not its prose (caption or credit)' }
      : { kind: 'other', reason: 'short line inside the article' }
  }
  if (l.nTok <= 6) {
    return before
      ? { kind: 'navigation', reason: 'short link-like line above the article' }
      : { kind: 'navigation', reason: 'short link-like line below the article' }
  }
  return before
    ? { kind: 'other', reason: 'text above the article, not its prose' }
    : { kind: 'other', reason: 'text below the article, not its prose' }
}
