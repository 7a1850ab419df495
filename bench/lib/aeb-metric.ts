/**
 * The article-body metric of the article-extraction-benchmark, as ../shared/scorers/aeb-eval.mjs
 * defines it: 4-gram token shingles (a token is a run of letters, digits or `_`), per-page
 * tp/fp/fn normalised so that every page weighs 1, corpus precision and recall as means over the
 * pages that have shingles, F1 as their harmonic mean. `bench/extract.bench.ts --scorer` checks
 * that this port and the reference give the same numbers on the same predictions.
 */

const WORD_RE = /[\p{L}\p{N}_]+/gu

export function tokenize(text: string): string[] {
  if (!text) return []
  return text.match(WORD_RE) ?? []
}

function shingles(tokens: readonly string[], n = 4): Map<string, number> {
  const counts = new Map<string, number>()
  if (tokens.length === 0) return counts
  const last = Math.max(1, tokens.length - n + 1)
  for (let i = 0; i < last; i++) {
    const key = tokens.slice(i, i + n).join('\u0001')
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

export interface PageScore {
  tp: number
  fp: number
  fn: number
  precision: number
  recall: number
  f1: number
  accuracy: number
}

function pagePrecision(tp: number, fp: number, fn: number): number {
  if (fp === 0 && fn === 0) return 1
  if (tp === 0 && fp === 0) return 0
  return tp / (tp + fp)
}

function pageRecall(tp: number, fp: number, fn: number): number {
  if (fp === 0 && fn === 0) return 1
  if (tp === 0 && fn === 0) return 0
  return tp / (tp + fn)
}

export function scorePage(truth: string, pred: string): PageScore {
  const tTok = tokenize(truth)
  const pTok = tokenize(pred)
  const t = shingles(tTok)
  const p = shingles(pTok)
  let tp = 0
  let fp = 0
  let fn = 0
  for (const [k, tc] of t) {
    const pc = p.get(k) ?? 0
    tp += Math.min(tc, pc)
    if (tc > pc) fn += tc - pc
  }
  for (const [k, pc] of p) {
    const tc = t.get(k) ?? 0
    if (pc > tc) fp += pc - tc
  }
  const s = tp + fp + fn
  if (s > 0) {
    tp /= s
    fp /= s
    fn /= s
  }
  const precision = pagePrecision(tp, fp, fn)
  const recall = pageRecall(tp, fp, fn)
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
  let accuracy = tTok.length === pTok.length ? 1 : 0
  for (let i = 0; accuracy === 1 && i < tTok.length; i++) if (tTok[i] !== pTok[i]) accuracy = 0
  return { tp, fp, fn, precision, recall, f1, accuracy }
}

export interface CorpusScore {
  f1: number
  precision: number
  recall: number
  accuracy: number
}

const mean = (xs: number[]): number =>
  xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN

export function aggregate(pages: readonly PageScore[]): CorpusScore {
  const precision = mean(
    pages.filter((r) => r.tp + r.fp > 0).map((r) => pagePrecision(r.tp, r.fp, r.fn)),
  )
  const recall = mean(pages.filter((r) => r.tp + r.fn > 0).map((r) => pageRecall(r.tp, r.fp, r.fn)))
  const f1 = (2 * precision * recall) / (precision + recall)
  const accuracy = mean(pages.map((r) => r.accuracy))
  return { f1, precision, recall, accuracy }
}

/** Scores predictions against the truth; ids missing from `pred` count as empty predictions. */
export function evaluate(
  truth: Record<string, { articleBody: string }>,
  pred: Record<string, { articleBody: string }>,
): { corpus: CorpusScore; pages: (PageScore & { id: string })[] } {
  const pages = Object.keys(truth)
    .sort()
    .map((id) => ({ id, ...scorePage(truth[id]?.articleBody ?? '', pred[id]?.articleBody ?? '') }))
  return { corpus: aggregate(pages), pages }
}
