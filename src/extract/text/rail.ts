/**
 * Related rails in a dump: a header ("You May Also Like", "Lesen Sie auch") or a bare run of
 * teasers, each an optional image caption, a headline, and an excerpt cut off with "…". The
 * structure is what identifies a rail, not a site: excerpts end in an ellipsis and are preceded
 * by a headline-shaped line; a line between the previous teaser and the headline is a caption.
 */
import type { RelatedTeaser } from '../../core/index.js'
import { type LineWording, lineWording } from './lexicon.js'
import { ENDS_ELLIPSIS, ENDS_SENTENCE, type Line } from './lines.js'

/** Lines worded as these kinds end a rail: the page's footer, a sign-up box, an ad, comments. */
const ENDS_RAIL = new Set(['footer', 'newsletter', 'ad', 'comments', 'share'])

/** A rail found in the dump: the lines it covers and the teasers parsed from them. */
export interface Rail {
  /** Index of the header line, when the rail has one. */
  header?: number
  /** First and last line index covered (inclusive). */
  start: number
  end: number
  teasers: (RelatedTeaser & { lines: number[] })[]
}

/** A headline-shaped line: short, not a sentence-ending period, not itself an excerpt. */
function headlineLike(l: Line): boolean {
  const n = l.nTok
  if (n < 2 || n > 30 || l.end === ENDS_ELLIPSIS) return false
  return l.last !== 46 || n <= 14
}

/** An excerpt: prose cut off with an ellipsis. */
function excerptLike(l: Line): boolean {
  return l.end === ENDS_ELLIPSIS && l.nTok >= 4
}

/** A caption-shaped line: short text that is neither an excerpt nor a rail header. */
function captionLike(l: Line, railHeader: boolean): boolean {
  return l.nTok >= 1 && l.nTok <= 40 && !excerptLike(l) && !railHeader
}

/**
 * Parses teasers from `start` on, in the lines `free` allows. Returns the teasers and the index
 * after the last line used. With excerpts: [caption] headline excerpt, repeated. Without any
 * excerpt right after the header: a list of headline-only teasers.
 */
function parseTeasers(
  lines: readonly Line[],
  start: number,
  free: (i: number) => boolean,
  headed: boolean,
  wording: LineWording,
): { teasers: Rail['teasers']; next: number } {
  const teasers: Rail['teasers'] = []
  let i = start
  const n = lines.length
  const ok = (k: number): boolean =>
    k < n && free(k) && !wording.railHeader(k) && !ENDS_RAIL.has(wording.kind(k)?.kind ?? '')
  for (;;) {
    // headline + excerpt
    if (ok(i) && ok(i + 1) && headlineLike(lines[i]!) && excerptLike(lines[i + 1]!)) {
      teasers.push({
        title: lines[i]!.text,
        excerpt: lines[i + 1]!.text,
        lines: [i, i + 1],
      })
      i += 2
      continue
    }
    // caption + headline + excerpt
    if (
      ok(i) &&
      ok(i + 1) &&
      ok(i + 2) &&
      captionLike(lines[i]!, wording.railHeader(i)) &&
      headlineLike(lines[i + 1]!) &&
      excerptLike(lines[i + 2]!)
    ) {
      teasers.push({
        title: lines[i + 1]!.text,
        excerpt: lines[i + 2]!.text,
        caption: lines[i]!.text,
        lines: [i, i + 1, i + 2],
      })
      i += 3
      continue
    }
    break
  }
  if (teasers.length === 0 && headed) {
    // A headed list of headlines without excerpts ("Most Read": one headline per line).
    while (
      ok(i) &&
      headlineLike(lines[i]!) &&
      lines[i]!.end !== ENDS_SENTENCE &&
      lines[i]!.nTok >= 3
    ) {
      teasers.push({ title: lines[i]!.text, lines: [i] })
      i++
    }
  }
  return { teasers, next: i }
}

/**
 * Finds the rails of a dump among the lines `free` allows (lines not taken as article).
 * A headed rail needs one teaser; a headless run needs two teasers with excerpts, so that two
 * stray lines ending in "…" are not taken for a rail.
 */
export function findRails(
  lines: readonly Line[],
  free: (i: number) => boolean,
  wording: LineWording = lineWording(lines),
): Rail[] {
  const rails: Rail[] = []
  let i = 0
  while (i < lines.length) {
    if (!free(i)) {
      i++
      continue
    }
    if (wording.railHeader(i)) {
      // After a header, the teaser grammar alone decides, whatever the classifier said.
      const { teasers, next } = parseTeasers(lines, i + 1, () => true, true, wording)
      if (teasers.length > 0) {
        rails.push({ header: i, start: i, end: next - 1, teasers })
        i = next
        continue
      }
      i++
      continue
    }
    // A headless run opens with an excerpt one or two lines down ([caption] headline excerpt);
    // most lines fail this test, so the parse (and its allocations) is skipped for them.
    const opens =
      (i + 1 < lines.length && excerptLike(lines[i + 1]!)) ||
      (i + 2 < lines.length && excerptLike(lines[i + 2]!))
    if (!opens) {
      i++
      continue
    }
    const { teasers, next } = parseTeasers(lines, i, free, false, wording)
    if (teasers.length >= 2) {
      rails.push({ start: i, end: next - 1, teasers })
      i = next
      continue
    }
    i++
  }
  return rails
}
