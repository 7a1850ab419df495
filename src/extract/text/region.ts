/**
 * The structural prior: an article is one region of the dump, possibly interrupted by short
 * furniture (a caption, an ad label, an inline "Read more"). Given each line's probability of
 * being article, a four-state Viterbi decode (before → article ⇄ interlude → after) finds the
 * best such region, so a stray line that looks like prose far from the article, or a
 * subheading with a middling score between two paragraphs, is judged by where it stands.
 *
 * Scores: a line in the article earns (p − THRESHOLD) × (words + 1) — the metric counts tokens —
 * and every line of an interlude costs GAP, opening one costs OPEN; lines before or after the
 * article cost nothing. Chosen on out-of-fold probabilities of the 134 dev pages (5-fold CV by
 * page; grid THRESHOLD 0.3–0.6 × OPEN 0–16 × GAP 0–1): F1 0.930 against 0.920 for a plain 0.5
 * threshold. The best ten settings of the grid lie within 0.002 of each other, so the choice
 * is not a sharp optimum.
 */

/** Probability above which a line adds to the article's score (dev OOF grid: 0.3 best). */
export const THRESHOLD = 0.3
/** Cost of opening an interlude of furniture inside the article, in words. */
const OPEN = 2
/** Cost of each line of an interlude, in words. */
const GAP = 0.3

const NEG = -1e300

/**
 * Marks the lines of the best article region: `keep[i]` is true for lines decoded as article.
 * `words[i]` is the line's length in words. Returns false when no line is worth keeping.
 */
export function decodeRegion(
  p: ArrayLike<number>,
  words: ArrayLike<number>,
  keep: Uint8Array,
): boolean {
  const n = p.length
  // back[i * 4 + s]: the state before line i when line i is in state s (0 B, 1 A, 2 X, 3 E).
  const back = new Uint8Array(n * 4)
  let b = 0
  let a = NEG
  let x = NEG
  let e = NEG
  for (let i = 0; i < n; i++) {
    const gain = (p[i]! - THRESHOLD) * (words[i]! + 1)
    const o = i * 4
    // article: from before, article or interlude
    let na = b
    let fa = 0
    if (a > na) {
      na = a
      fa = 1
    }
    if (x > na) {
      na = x
      fa = 2
    }
    // interlude: opened from the article, or continued
    let nx = a - OPEN
    let fx = 1
    if (x > nx) {
      nx = x
      fx = 2
    }
    // after: from the article, an interlude, or continued
    let ne = a
    let fe = 1
    if (x > ne) {
      ne = x
      fe = 2
    }
    if (e > ne) {
      ne = e
      fe = 3
    }
    back[o] = 0
    back[o + 1] = fa
    back[o + 2] = fx
    back[o + 3] = fe
    a = na + gain
    x = nx - GAP
    e = ne
  }
  let s = 0
  let best = b
  if (a > best) {
    best = a
    s = 1
  }
  if (x > best) {
    best = x
    s = 2
  }
  if (e > best) {
    best = e
    s = 3
  }
  let any = false
  for (let i = n - 1; i >= 0; i--) {
    keep[i] = s === 1 ? 1 : 0
    if (s === 1) any = true
    s = back[i * 4 + s]!
  }
  return any
}
