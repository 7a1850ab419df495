/**
 * Fits the quote finder's confidence: a logistic regression over the hand-designed, non-lexical
 * features of nlp/quotes/confidence.ts, on PolNeAR-format training data, and writes the weights
 * and the confidence threshold to src/nlp/quotes/confidence-weights.ts.
 *
 *   npm run train:quotes -- [--file ../shared/data/quotes-polnear/train.jsonl] [--folds 5] [--bare]
 *
 * The candidates are the finder's on what `analyze()` gives it (sentences and the cast); --bare
 * trains on the text alone.
 * A candidate is a positive when the reference scorer's matching pairs it with a gold attribution
 * (content Jaccard ≥ 0.5) and its speaker overlaps the gold speaker. The threshold is the one that
 * maximises the sum of end-to-end F1 over all attributions and quote-marked content F1 on held-out
 * folds (articles split by index, so the run is deterministic); the printed figures are those
 * cross-validated ones.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { parseCli } from '../bench/lib/cli.js'
import { blocksOf, loadPolnear, type PolnearArticle, toPolnear } from '../bench/polnear.js'
import { type Doc, scoreQuotes } from '../bench/score-quotes.js'
import { ARTICLE_SCHEMA, type Entity, type Quote, type Span } from '../src/core/index.js'
import { analyze } from '../src/nlp/index.js'
import { FEATURE_NAMES } from '../src/nlp/quotes/confidence.js'
import { scoredQuotes } from '../src/nlp/quotes/index.js'

const { values } = parseCli(
  {
    options: {
      file: { type: 'string', default: '../shared/data/quotes-polnear/train.jsonl' },
      folds: { type: 'string', default: '5' },
      l2: { type: 'string', default: '1' },
      out: { type: 'string', default: 'src/nlp/quotes/confidence-weights.ts' },
      bare: { type: 'boolean', default: false },
      /** A JSON file of analyze()'s sentences and entities per article: read if it exists, else written. */
      cache: { type: 'string' },
    },
  },
  import.meta.url,
)

const articles = loadPolnear(values.file!)
const folds = Number(values.folds)
const l2 = Number(values.l2)

interface Cand {
  doc: number
  quote: Quote
  x: number[]
  y: number
}

// 1. candidates and their labels
const cands: Cand[] = []
type Annotated = { sentences: Span[]; entities: Entity[] }
const cached: Annotated[] | null =
  values.cache !== undefined && existsSync(values.cache)
    ? (JSON.parse(readFileSync(values.cache, 'utf8')) as Annotated[])
    : null
const fresh: Annotated[] = []
articles.forEach((a, doc) => {
  // the finder sees what analyze() gives it: the sentences and the cast
  const blocks = blocksOf(a.text)
  const annotations: Annotated = values.bare
    ? { sentences: [], entities: [] }
    : (cached?.[doc] ??
      analyze({
        schema: ARTICLE_SCHEMA,
        text: a.text,
        blocks,
        authors: [],
        related: [],
        removed: [],
        extraction: { inputFormat: 'text', method: 'polnear', confidence: 1 },
      }).annotations)
  fresh.push({ sentences: annotations.sentences, entities: annotations.entities })
  const scored = scoredQuotes({
    text: a.text,
    blocks,
    sentences: annotations.sentences,
    entities: annotations.entities,
  })
  const pred = toPolnear(
    a,
    scored.map((s) => s.quote),
  )
  const labels = label(a, pred)
  scored.forEach((s, i) => {
    cands.push({ doc, quote: s.quote, x: s.features, y: labels[i]! })
  })
})
if (values.cache !== undefined && cached === null)
  writeFileSync(values.cache, JSON.stringify(fresh))
const dim = FEATURE_NAMES.length
console.log(
  `${articles.length} articles, ${cands.length} candidates, ${cands.filter((c) => c.y).length} positive, ${dim} features`,
)

/** 1 for each prediction that the scorer matches (Jaccard ≥ 0.5) with a lenient speaker. */
function label(a: PolnearArticle, pred: Doc): number[] {
  const cs = (q: { start: number; end: number; segments?: { start: number; end: number }[] }) => {
    const s = new Set<number>()
    for (const g of q.segments?.length ? q.segments : [q])
      for (let i = g.start; i < g.end; i++) s.add(i)
    return s
  }
  const G = a.quotes.map(cs)
  const P = pred.quotes.map(cs)
  const pairs: [number, number, number][] = []
  G.forEach((g, i) => {
    P.forEach((p, j) => {
      let inter = 0
      for (const x of p) if (g.has(x)) inter++
      const jac = inter / (g.size + p.size - inter || 1)
      if (jac >= 0.5) pairs.push([jac, i, j])
    })
  })
  pairs.sort((x, y) => y[0] - x[0])
  const gUsed = new Set<number>()
  const out = pred.quotes.map(() => 0)
  const pUsed = new Set<number>()
  for (const [, i, j] of pairs) {
    if (gUsed.has(i) || pUsed.has(j)) continue
    gUsed.add(i)
    pUsed.add(j)
    const g = a.quotes[i]!
    const p = pred.quotes[j]!
    const gs = g.speaker_start == null ? null : [g.speaker_start, g.speaker_end!]
    const ps = p.speaker_start == null ? null : [p.speaker_start, p.speaker_end!]
    const ok =
      (gs === null && ps === null) ||
      (gs !== null && ps !== null && gs[0]! < ps[1]! && ps[0]! < gs[1]!)
    out[j] = ok ? 1 : 0
  }
  return out
}

// 2. L2-regularised logistic regression by Newton's method (a few iterations; deterministic)
function fitModel(train: Cand[]): { bias: number; w: number[] } {
  const n = dim + 1
  let beta = new Array<number>(n).fill(0)
  for (let iter = 0; iter < 25; iter++) {
    const grad = new Array<number>(n).fill(0)
    const H = Array.from({ length: n }, () => new Array<number>(n).fill(0))
    for (const c of train) {
      const xi = [1, ...c.x]
      let z = 0
      for (let k = 0; k < n; k++) z += beta[k]! * xi[k]!
      const p = 1 / (1 + Math.exp(-z))
      const r = c.y - p
      const wgt = p * (1 - p)
      for (let k = 0; k < n; k++) {
        if (xi[k] === 0) continue
        grad[k]! += r * xi[k]!
        const hk = H[k]!
        for (let l = 0; l < n; l++) if (xi[l] !== 0) hk[l]! += wgt * xi[k]! * xi[l]!
      }
    }
    for (let k = 1; k < n; k++) {
      grad[k]! -= l2 * beta[k]!
      H[k]![k]! += l2
    }
    H[0]![0]! += 1e-6
    const step = solve(H, grad)
    beta = beta.map((b, k) => b + step[k]!)
    if (Math.max(...step.map(Math.abs)) < 1e-6) break
  }
  return { bias: beta[0]!, w: beta.slice(1) }
}

/** Solves A x = b by Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length
  const M = A.map((row, i) => [...row, b[i]!])
  for (let c = 0; c < n; c++) {
    let p = c
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r
    ;[M[c], M[p]] = [M[p]!, M[c]!]
    const piv = M[c]![c]! || 1e-12
    for (let r = c + 1; r < n; r++) {
      const f = M[r]![c]! / piv
      if (f === 0) continue
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!
    }
  }
  const x = new Array<number>(n).fill(0)
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r]![n]!
    for (let k = r + 1; k < n; k++) s -= M[r]![k]! * x[k]!
    x[r] = s / (M[r]![r]! || 1e-12)
  }
  return x
}

const prob = (m: { bias: number; w: number[] }, x: number[]) => {
  let z = m.bias
  for (let k = 0; k < x.length; k++) z += m.w[k]! * x[k]!
  return 1 / (1 + Math.exp(-z))
}

// 3. held-out probabilities, then the threshold that maximises F1 over all attributions
const held = new Array<number>(cands.length).fill(0)
for (let f = 0; f < folds; f++) {
  const m = fitModel(cands.filter((c) => c.doc % folds !== f))
  cands.forEach((c, i) => {
    if (c.doc % folds === f) held[i] = prob(m, c.x)
  })
}

/** Scores with one threshold for quote-marked candidates (direct, partial), one for the rest. */
function scoresAt(quoted: number, indirect: number, p: number[]) {
  const byDoc = new Map<number, Quote[]>()
  cands.forEach((c, i) => {
    if (p[i]! < (c.quote.kind === 'indirect' ? indirect : quoted)) return
    const list = byDoc.get(c.doc) ?? []
    list.push(c.quote)
    byDoc.set(c.doc, list)
  })
  const gold = new Map(articles.map((a) => [a.id, a]))
  const pred = new Map(articles.map((a, d) => [a.id, toPolnear(a, byDoc.get(d) ?? [])]))
  return {
    all: scoreQuotes(gold, pred).attribution_end_to_end.F1,
    marked: scoreQuotes(gold, pred, { types: ['direct', 'mixed'] }).content_jaccard50.F1,
  }
}

// both bars count: the sum of end-to-end F1 over all attributions and quote-marked content F1,
// by coordinate ascent over the two thresholds (quote-marked F1 depends on the first alone)
const grid: number[] = []
for (let t = 0; t <= 0.6001; t += 0.025) grid.push(Math.round(t * 1000) / 1000)
let best = { quoted: 0.225, indirect: 0.225, all: 0, marked: 0 }
for (let round = 0; round < 2; round++) {
  for (const which of ['quoted', 'indirect'] as const) {
    for (const t of grid) {
      const q = which === 'quoted' ? t : best.quoted
      const i = which === 'indirect' ? t : best.indirect
      const s = scoresAt(q, i, held)
      console.log(
        `thresholds ${q.toFixed(3)} / ${i.toFixed(3)}: all attributions e2e F1 ${s.all}, quote-marked content F1 ${s.marked}`,
      )
      if (s.all + s.marked > best.all + best.marked) best = { quoted: q, indirect: i, ...s }
    }
  }
}
console.log(
  `cross-validated (${folds} folds): thresholds ${best.quoted} (quote-marked) / ${best.indirect} (indirect) → all e2e F1 ${best.all}, quote-marked F1 ${best.marked}`,
)

// 4. the final weights, fitted on everything
const final = fitModel(cands)
const round = (v: number) => Math.round(v * 10000) / 10000
const body = `/**
 * Generated by \`npm run train:quotes\` (scripts/train-quote-confidence.ts) from ${values.file!.split('/').slice(-2).join('/')}:
 * L2 = ${l2}, ${cands.length} candidates from ${articles.length} articles. The thresholds (one for
 * quote-marked candidates, one for indirect ones) maximised end-to-end F1 over all attributions
 * plus quote-marked content F1 on ${folds} held-out folds (${best.all} and ${best.marked} at those
 * thresholds). Do not edit by hand.
 */
export const WEIGHTS = {
  bias: ${round(final.bias)},
  // ${FEATURE_NAMES.join(', ')}
  weights: [${final.w.map(round).join(', ')}] as number[],
  threshold: ${best.indirect},
  quotedThreshold: ${best.quoted},
}
`
writeFileSync(values.out!, body)
console.log(`wrote ${values.out}`)
for (let k = 0; k < dim; k++) console.log(`  ${FEATURE_NAMES[k]!.padEnd(24)} ${round(final.w[k]!)}`)
