/**
 * Trains the text-dump line classifier (models/text-lines.json) from a folder of dumps with
 * ground truth (default ../shared/data/extraction-text: pages/<id>.txt, ground-truth.json), and
 * reports k-fold cross-validated scores by page with the reference metric (aeb-eval.mjs).
 *
 *   npx tsx scripts/train-text-lines.ts [--data DIR] [--scorer FILE] [--folds 5] [--cv-only]
 *
 * Labels: each dump line is article when at least half of its word tokens align (longest common
 * subsequence over tokens) with the ground-truth body. Weights: a line counts in proportion to
 * its tokens over the page's ground-truth size, as the page-normalised metric does.
 * The model: gradient-boosted trees (logistic loss, histogram splits), in two stacked stages;
 * the second stage is trained on out-of-fold first-stage probabilities.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import {
  DEFAULT_BAND,
  decideLines,
  type LineModel,
  spanRows,
  stage1,
  stage2For,
  stage2Rows,
} from '../src/extract/text/classify.js'
import {
  CONTEXT_NAMES,
  applyLexicon,
  FEATURE_NAMES,
  lineFeatures,
  densestRun,
  N_CONTEXT,
  N_FEATURES,
  N_SPAN,
  SPAN_NAMES,
  type WordLexicon,
} from '../src/extract/text/features.js'
import type { Ensemble } from '../src/extract/text/gbdt.js'
import { type GbdtOptions, trainGbdt } from './gbdt-train.js'
import { extractTextWithModel } from '../src/extract/text/index.js'
import { type Dump, type Line, scanDump, tokenize } from '../src/extract/text/lines.js'
import { seededRandom } from '../src/core/index.js'

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/extraction-text' },
    scorer: { type: 'string', default: '../shared/scorers/aeb-eval.mjs' },
    folds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '7' },
    seeds: { type: 'string' },
    'cv-only': { type: 'boolean', default: false },
    out: { type: 'string', default: 'models/text-lines.json' },
    'dump-errors': { type: 'string' },
    rounds: { type: 'string', default: '60' },
    depth: { type: 'string', default: '6' },
    'learning-rate': { type: 'string', default: '0.25' },
    rounds2: { type: 'string', default: '150' },
    band: { type: 'string', default: DEFAULT_BAND.join(',') },
    span: { type: 'boolean', default: false },
    augment: { type: 'string', default: '0' },
    bag: { type: 'string', default: '1' },
    stage3: { type: 'boolean', default: false },
    'label-min': { type: 'string', default: '0.5' },
    lexicon: { type: 'boolean', default: false },
    'lex-min-pages': { type: 'string', default: '5' },
    drop: { type: 'string' },
    'rounds-span': { type: 'string', default: '60' },
    'span-keep': { type: 'string', default: '0.5' },
  },
})

// Chosen for speed at little cost, by 5-fold CV by page (seed 7), classifier alone (lines >=
// 0.5): stage 1 depth 5 × 300 rounds × lr 0.1 gave F1 0.927 but costs 8 µs a line; depth 6 × 100
// × 0.15 0.917; depth 6 × 60 × 0.25 (stage 2: 150 rounds on the band's lines) 0.923 at 1.7 µs a
// line. Runs differ by about ±0.01 (134 pages), so only the speed difference is clear
// (docs/decisions/0023-*.md).
const ROUNDS = Number(args.rounds)
const DEPTH = Number(args.depth)
const LEARNING_RATE = Number(args['learning-rate'])
const ROUNDS2 = Number(args.rounds2)
const BAND = args.band!.split(',').map(Number) as [number, number]
const SPAN = args.span!
const ROUNDS_SPAN = Number(args['rounds-span'])
const SPAN_KEEP = Number(args['span-keep'])
const AUGMENT = Number(args.augment)
const BAG = Number(args.bag)
const STAGE3 = args.stage3!
const LABEL_MIN = Number(args['label-min'])
const LEXICON = args.lexicon!
/** A word enters the lexicon when it is on this many training pages. */
const LEX_MIN_PAGES = Number(args['lex-min-pages'])
const LEX_FOLDS = 5
const MODEL_SHELL = {
  schema: 'lede.text-lines/2' as const,
  features: [...FEATURE_NAMES],
  context: [...CONTEXT_NAMES],
  threshold: 0.5,
}
const opts1 = (seed: number): GbdtOptions => ({
  seed,
  rounds: ROUNDS,
  depth: DEPTH,
  learningRate: LEARNING_RATE,
})

interface Page {
  id: string
  truth: string
  truthTokens: number
  dump: string
  dumpScan: Dump
  lines: Line[]
  labels: Uint8Array
  /** 1 for the lines inside the article's span (`spanLabels`). */
  inSpan: Uint8Array
  weights: Float64Array
  rows: Float32Array
}

/** Marks which tokens of `a` take part in a longest common subsequence with `b`. */
function lcsMatched(a: string[], b: string[]): Uint8Array {
  const n = a.length
  const m = b.length
  const dp: Uint16Array[] = []
  for (let i = 0; i <= n; i++) dp.push(new Uint16Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    const r = dp[i]!
    const r1 = dp[i + 1]!
    const ai = a[i]
    for (let j = m - 1; j >= 0; j--) {
      r[j] = ai === b[j] ? r1[j + 1]! + 1 : Math.max(r1[j]!, r[j + 1]!)
    }
  }
  const out = new Uint8Array(n)
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out[i] = 1
      i++
      j++
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++
    else j++
  }
  return out
}

/**
 * The article's span: the run of lines with the largest sum of (tokens + 1), article lines
 * counting plus and the others minus SPAN_COST times. A stray article-labelled line far away (a
 * repeated headline, a copyright line the body quotes) cannot stretch it. 0.5: taking every line
 * of this span scores F1 0.980 on the dev pages, first-to-last labelled line 0.966; costs 0.2–1
 * give 0.979–0.980, 2 gives 0.977.
 */
const SPAN_COST = 0.5

function spanLabels(lines: readonly Line[], labels: Uint8Array): Uint8Array {
  const out = new Uint8Array(lines.length)
  if (!labels.includes(1)) return out
  const [a, b] = densestRun(
    lines.length,
    (i) => (labels[i] ? 1 : -SPAN_COST) * (lines[i]!.nTok + 1),
  )
  out.fill(1, a, b + 1)
  return out
}

function loadPages(dir: string): Page[] {
  const truth = JSON.parse(readFileSync(resolve(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string }
  >
  const pages: Page[] = []
  for (const id of Object.keys(truth).sort()) {
    const dump = readFileSync(resolve(dir, 'pages', `${id}.txt`), 'utf8')
    const dumpScan = scanDump(dump)
    const lines = dumpScan.lines
    const toks: string[] = []
    const owner: number[] = []
    lines.forEach((l, k) => {
      for (const t of tokenize(l.text)) {
        toks.push(t)
        owner.push(k)
      }
    })
    const body = truth[id]!.articleBody
    const gt = tokenize(body)
    const matched = lcsMatched(toks, gt)
    const hit = new Float64Array(lines.length)
    matched.forEach((mt, i) => {
      hit[owner[i]!]! += mt
    })
    const labels = new Uint8Array(lines.length)
    const weights = new Float64Array(lines.length)
    lines.forEach((l, k) => {
      labels[k] = l.nTok > 0 && hit[k]! / l.nTok >= LABEL_MIN ? 1 : 0
      weights[k] = (l.nTok + 1) / (gt.length + 50)
    })
    pages.push({
      id,
      truth: body,
      truthTokens: gt.length,
      dump,
      dumpScan,
      lines,
      labels,
      inSpan: spanLabels(lines, labels),
      weights,
      rows: lineFeatures(dumpScan),
    })
  }
  return pages
}

// ---- stacking and cross-validation ---------------------------------------------------------

function concat<T>(parts: T[][]): T[] {
  return ([] as T[]).concat(...parts)
}

function concatF(parts: Float32Array[]): Float32Array {
  let size = 0
  for (const p of parts) size += p.length
  const out = new Float32Array(size)
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

/**
 * A synthetic training page: page `a`'s furniture (the lines above and below its article span)
 * around page `b`'s article span, labels carried over. Both pages come from the same training
 * fold, so nothing of a test fold leaks.
 */
function synthesize(a: Page, b: Page): Page {
  const [a0, a1] = spanOf(a)
  const [b0, b1] = spanOf(b)
  const parts: { page: Page; i: number }[] = []
  for (let i = 0; i < a0; i++) parts.push({ page: a, i })
  for (let i = b0; i <= b1; i++) parts.push({ page: b, i })
  for (let i = a1 + 1; i < a.lines.length; i++) parts.push({ page: a, i })
  const dump = parts
    .map(
      ({ page, i }, k) => (k > 0 && page.lines[i]!.blankBefore ? '\n' : '') + page.lines[i]!.text,
    )
    .join('\n')
  const dumpScan = scanDump(dump)
  const lines = dumpScan.lines
  const labels = Uint8Array.from(parts, ({ page, i }) => (page === b ? b.labels[i]! : 0))
  const gt = b.truthTokens
  const weights = Float64Array.from(lines, (l) => (l.nTok + 1) / (gt + 50))
  return {
    id: `${a.id}+${b.id}`,
    truth: b.truth,
    truthTokens: gt,
    dump,
    dumpScan,
    lines,
    labels,
    inSpan: spanLabels(lines, labels),
    weights,
    rows: lineFeatures(dumpScan),
  }
}

function spanOf(p: Page): [number, number] {
  const a = p.inSpan.indexOf(1)
  return a < 0 ? [p.lines.length, p.lines.length - 1] : [a, p.inSpan.lastIndexOf(1)]
}

/**
 * The first stage: one ensemble, or with BAG > 1 the average of BAG ensembles each trained on
 * a bootstrap sample of the pages (packed as one ensemble: leaf values and base divided by BAG).
 */
function trainStage1(pages: Page[], seed: number): Ensemble {
  const fit = (ps: Page[], s: number): Ensemble =>
    trainGbdt(
      concatF(ps.map((p) => p.rows)),
      N_FEATURES,
      concat(ps.map((p) => [...p.labels])),
      concat(ps.map((p) => [...p.weights])),
      opts1(s),
    )
  if (BAG <= 1) return fit(pages, seed)
  const rnd = seededRandom(seed + 700)
  let base = 0
  const trees: Ensemble['trees'] = []
  for (let b = 0; b < BAG; b++) {
    const sample = pages.map(() => pages[Math.floor(rnd() * pages.length)]!)
    const m = fit(sample, seed + 7919 * (b + 1))
    base += m.base / BAG
    for (const t of m.trees) trees.push({ ...t, v: t.v.map((v) => v / BAG) })
  }
  return { base, trees }
}

function trainStack(real: Page[], seed: number): LineModel {
  // Inner folds for the out-of-fold first-stage probabilities; synthetic pages are made within
  // an inner fold, so that an inner model never saw a line of the pages it predicts.
  const inner = 4
  const group = new Map<Page, number>()
  real.forEach((p, i) => {
    group.set(p, i % inner)
  })
  const pages = [...real]
  if (AUGMENT > 0) {
    const rnd = seededRandom(seed + 500)
    for (let k = 0; k < inner; k++) {
      const g = real.filter((_, i) => i % inner === k)
      for (const b of g) {
        if (!b.inSpan.includes(1)) continue
        for (let r = 0; r < AUGMENT; r++) {
          const a = g[Math.floor(rnd() * g.length)]!
          if (a === b) continue
          const syn = synthesize(a, b)
          group.set(syn, k)
          pages.push(syn)
        }
      }
    }
  }
  const w = concat(pages.map((p) => [...p.weights]))
  const s1 = trainStage1(pages, seed)
  // Out-of-fold first-stage probabilities for training the second stage.
  const oof = new Map<Page, Float64Array>()
  for (let k = 0; k < inner; k++) {
    const m = trainStage1(
      pages.filter((p) => group.get(p) !== k),
      seed + k + 1,
    )
    for (const p of pages.filter((p) => group.get(p) === k)) oof.set(p, stage1(m, p.rows))
  }
  // The second stage sees only the lines it will be asked about: those whose out-of-fold
  // first-stage probability lies inside the band (the rest keep their first-stage answer).
  const W = N_FEATURES + N_CONTEXT
  // Rows of the lines whose probability `pr` lies in the band, with their context from `pr`.
  const bandRows = (ps: Page[], prOf: (p: Page) => Float64Array) => {
    const parts: Float32Array[] = []
    const yb: number[] = []
    const wb: number[] = []
    for (const p of ps) {
      const pr = prOf(p)
      const r2 = stage2Rows(p.rows, pr, p.dumpScan)
      for (let i = 0; i < p.lines.length; i++) {
        if (!(pr[i]! > BAND[0] && pr[i]! < BAND[1])) continue
        parts.push(r2.subarray(i * W, (i + 1) * W))
        yb.push(p.labels[i]!)
        wb.push(p.weights[i]!)
      }
    }
    return { rows: concatF(parts), y: yb, w: wb }
  }
  const { rows: rows2, y: y2, w: w2 } = bandRows(pages, (p) => oof.get(p)!)
  const s2 = trainGbdt(rows2, W, y2, w2, { ...opts1(seed + 100), rounds: ROUNDS2 })
  let stage3: { stage3?: Ensemble } = {}
  if (STAGE3) {
    // Out-of-fold second-stage probabilities (inner folds as for the first stage), then a
    // third stage that reads them as the second read the first's.
    const oof2 = new Map<Page, Float64Array>()
    for (let k = 0; k < inner; k++) {
      const tr = bandRows(
        pages.filter((p) => group.get(p) !== k),
        (p) => oof.get(p)!,
      )
      const m2 = trainGbdt(tr.rows, W, tr.y, tr.w, { ...opts1(seed + 300 + k), rounds: ROUNDS2 })
      const mk: LineModel = { ...MODEL_SHELL, stage1: s1, stage2: m2, band: BAND }
      for (const p of pages.filter((p) => group.get(p) === k))
        oof2.set(p, stage2For(mk, p.rows, oof.get(p)!, p.dumpScan).p)
    }
    const r3 = bandRows(pages, (p) => oof2.get(p)!)
    stage3 = {
      stage3: trainGbdt(r3.rows, W, r3.y, r3.w, { ...opts1(seed + 400), rounds: ROUNDS2 }),
    }
  }
  let span: { span?: Ensemble; spanNames?: string[]; spanKeep?: number } = {}
  if (SPAN) {
    // The span model reads every line, with the out-of-fold first-stage probabilities.
    const rowsS = concatF(pages.map((p) => spanRows(p.rows, oof.get(p)!, p.dumpScan)))
    const yS = concat(pages.map((p) => [...p.inSpan]))
    const m = trainGbdt(rowsS, N_FEATURES + N_SPAN, yS, w, {
      ...opts1(seed + 200),
      rounds: ROUNDS_SPAN,
    })
    span = { span: m, spanNames: [...SPAN_NAMES], spanKeep: SPAN_KEEP }
  }
  return {
    ...span,
    ...stage3,
    schema: 'lede.text-lines/2',
    features: [...FEATURE_NAMES],
    context: [...CONTEXT_NAMES],
    stage1: s1,
    stage2: s2,
    threshold: 0.5,
    band: BAND,
  }
}

interface PageScore {
  f1: number
  precision: number
  recall: number
}

interface Scorer {
  scorePage(truth: string, pred: string): PageScore
  aggregate(pages: object[]): { f1: number; precision: number; recall: number }
}

interface CvRun {
  seed: number
  f1: number
  precision: number
  recall: number
  /** The classifier alone: lines at or above the threshold, before rails and the headline. */
  rawF1: number
  scored: ({ id: string } & PageScore)[]
  preds: Record<string, string>
  probs: Record<string, number[]>
  spanProbs: Record<string, number[]>
}

/**
 * The learned word lexicon: for each content word (by hash) found on at least LEX_MIN_PAGES of
 * the pages, log((pages where it is in furniture + ½) / (pages where it is in the article + ½)).
 * Counting pages, not lines, keeps a site's own words (its name, its menu) out.
 */
function learnLexicon(pages: Page[]): WordLexicon {
  const art = new Map<number, number>()
  const furn = new Map<number, number>()
  for (const p of pages) {
    const a = new Set<number>()
    const f = new Set<number>()
    const { hash, kind } = p.dumpScan
    p.lines.forEach((l, i) => {
      for (let k = l.hashStart; k < l.hashEnd; k++)
        if (kind[k]! & 1) (p.labels[i] ? a : f).add(hash[k]!)
    })
    for (const h of a) art.set(h, (art.get(h) ?? 0) + 1)
    for (const h of f) furn.set(h, (furn.get(h) ?? 0) + 1)
  }
  const hashes: number[] = []
  const scores: number[] = []
  for (const h of new Set([...art.keys(), ...furn.keys()])) {
    const na = art.get(h) ?? 0
    const nf = furn.get(h) ?? 0
    if (na + nf < LEX_MIN_PAGES) continue
    hashes.push(h)
    scores.push(Number(Math.log((nf + 0.5) / (na + 0.5)).toFixed(3)))
  }
  return { hashes, scores }
}

/**
 * Fills the pages' `lex*` features without leaking their own labels: each page's lexicon is
 * learnt from the other pages of `pages` (in LEX_FOLDS groups). Returns the lexicon of all.
 */
function lexiconFeatures(pages: Page[]): WordLexicon | undefined {
  if (!LEXICON) return undefined
  for (let g = 0; g < LEX_FOLDS; g++) {
    const lex = learnLexicon(pages.filter((_, i) => i % LEX_FOLDS !== g))
    for (const p of pages.filter((_, i) => i % LEX_FOLDS === g)) {
      applyLexicon(p.dumpScan, lex)
      p.rows = lineFeatures(p.dumpScan)
    }
  }
  return learnLexicon(pages)
}

/** One k-fold cross-validation by page, the folds drawn with `seed`. */
function crossValidate(pages: Page[], folds: number, seed: number, scorer: Scorer): CvRun {
  const rnd = seededRandom(seed)
  const order = pages.map((p) => ({ p, r: rnd() })).sort((a, b) => a.r - b.r)
  const preds: Record<string, string> = {}
  const raw: Record<string, string> = {}
  const probs: Record<string, number[]> = {}
  const spanProbs: Record<string, number[]> = {}
  for (let k = 0; k < folds; k++) {
    const test = order.filter((_, i) => i % folds === k).map((o) => o.p)
    const train = order.filter((_, i) => i % folds !== k).map((o) => o.p)
    const lexicon = lexiconFeatures(train)
    const model = trainStack(train, seed + k * 1000)
    if (lexicon) model.lexicon = lexicon
    for (const p of test) {
      const r = extractTextWithModel(p.dump, {}, model)
      preds[p.id] = r.ok ? r.value.text : ''
      const { p: pr, keep, q } = decideLines(model, p.dumpScan)
      probs[p.id] = [...pr].map((x) => Number(x.toFixed(3)))
      if (q) spanProbs[p.id] = [...q].map((x) => Number(x.toFixed(3)))
      raw[p.id] = p.lines
        .filter((_, i) => keep[i])
        .map((l) => l.text)
        .join('\n')
    }
  }
  const scored = pages.map((p) => ({ ...scorer.scorePage(p.truth, preds[p.id] ?? ''), id: p.id }))
  const m = scorer.aggregate(scored)
  const mr = scorer.aggregate(pages.map((p) => scorer.scorePage(p.truth, raw[p.id] ?? '')))
  return { seed, ...m, rawF1: mr.f1, scored, preds, probs, spanProbs }
}

const round4 = (x: number): number => Number(x.toFixed(4))

function meanSd(xs: number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length
  const sd =
    xs.length > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1)) : 0
  return { mean, sd }
}

async function main(): Promise<void> {
  const dir = resolve(args.data!)
  const scorer = (await import(pathToFileURL(resolve(args.scorer!)).href)) as Scorer
  const t0 = Date.now()
  const pages = loadPages(dir)
  process.stderr.write(`loaded ${pages.length} pages in ${Date.now() - t0} ms\n`)
  if (args.drop) {
    // Ablation: the named features (a regex over FEATURE_NAMES) are constant in training, so no
    // tree splits on them and their values at prediction time do not matter.
    const re = new RegExp(args.drop)
    const cols = FEATURE_NAMES.flatMap((f, i) => (re.test(f) ? [i] : []))
    process.stderr.write(`dropping ${cols.map((c) => FEATURE_NAMES[c]).join(', ')}\n`)
    for (const p of pages)
      for (let r = 0; r < p.lines.length; r++) for (const c of cols) p.rows[r * N_FEATURES + c] = 0
  }
  const folds = Number(args.folds)
  // Repeated CV: one run per seed (each seed draws other folds and other tree samples).
  const seeds = (args.seeds ?? args.seed!).split(',').map(Number)
  const runs: CvRun[] = []
  for (const seed of seeds) {
    const run = crossValidate(pages, folds, seed, scorer)
    runs.push(run)
    console.log(
      `${folds}-fold CV by page, seed ${seed}: F1 ${run.f1.toFixed(4)}  P ${run.precision.toFixed(4)}  R ${run.recall.toFixed(4)}  (classifier alone ${run.rawF1.toFixed(4)}; ${Date.now() - t0} ms)`,
    )
  }
  const f = meanSd(runs.map((r) => r.f1))
  const pr = meanSd(runs.map((r) => r.precision))
  const rc = meanSd(runs.map((r) => r.recall))
  const cv = {
    folds,
    seeds,
    pages: pages.length,
    f1: round4(f.mean),
    f1Sd: round4(f.sd),
    precision: round4(pr.mean),
    recall: round4(rc.mean),
    runs: runs.map((r) => ({ seed: r.seed, f1: round4(r.f1) })),
  }
  if (runs.length > 1) {
    console.log(
      `${runs.length} × ${folds}-fold CV: F1 ${cv.f1} ± ${cv.f1Sd} (sd)  P ${cv.precision}  R ${cv.recall}`,
    )
  }
  if (args['dump-errors']) {
    // Pages by their mean F1 over the runs, worst first; predictions and probabilities of the first.
    const worst = pages
      .map((p, i) => ({
        id: p.id,
        f1: meanSd(runs.map((r) => r.scored[i]!.f1)).mean,
        p: meanSd(runs.map((r) => r.scored[i]!.precision)).mean,
        r: meanSd(runs.map((r) => r.scored[i]!.recall)).mean,
        runs: runs.map((r) => round4(r.scored[i]!.f1)),
      }))
      .sort((a, b) => a.f1 - b.f1)
    writeFileSync(
      args['dump-errors'],
      JSON.stringify(
        {
          worst,
          preds: runs[0]!.preds,
          probs: runs[0]!.probs,
          runProbs: runs.map((r) => r.probs),
          runSpanProbs: runs.map((r) => r.spanProbs),
          labels: Object.fromEntries(pages.map((p) => [p.id, [...p.labels]])),
        },
        null,
        1,
      ),
    )
  }
  if (args['cv-only']) return
  const lexicon = lexiconFeatures(pages)
  const model = trainStack(pages, Number(args.seed))
  if (lexicon) model.lexicon = lexicon
  model.trainedOn = {
    data: 'extraction-text (134 dev pages)',
    labels: 'LCS token alignment with the ground-truth body, >= half of a line aligned',
    rounds: ROUNDS,
    rounds2: ROUNDS2,
    band: BAND,
    depth: DEPTH,
    learningRate: LEARNING_RATE,
    cv,
  }
  writeFileSync(args.out!, `${JSON.stringify(model)}\n`)
  process.stderr.write(`wrote ${args.out}\n`)
}

await main()
