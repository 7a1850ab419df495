/**
 * The line classifier: two stacked boosted-tree ensembles. The first reads each line's own and
 * neighbouring features (features.ts); the second reads them plus the first's probabilities
 * around the line, so a short line inside a run of article prose (a subheading) and a long line
 * inside a rail of teasers are judged by their company. The weights are trained by
 * scripts/train-text-lines.ts and ship in models/text-lines.json.
 */
import { readFileSync } from 'node:fs'
import {
  CONTEXT_NAMES,
  contextFeatures,
  FEATURE_NAMES,
  lineFeatures,
  N_CONTEXT,
  N_FEATURES,
  N_SPAN,
  SPAN_NAMES,
  densestRun,
  spanFeatures,
  applyLexicon,
  type WordLexicon,
} from './features.js'
import { type Ensemble, predictRows } from './gbdt.js'
import type { Dump, Line } from './lines.js'

/** A trained line model as stored in models/text-lines.json. */
export interface LineModel {
  schema: 'lede.text-lines/2'
  features: string[]
  context: string[]
  stage1: Ensemble
  stage2: Ensemble
  /** Probability at or above which a line is article. */
  threshold: number
  /** Stage-1 probabilities outside (band[0], band[1]) skip the second stage. */
  band?: [number, number]
  /**
   * The span model: the probability that a line lies inside the article's span (from its
   * first line to its last), from the line features and the first stage's view around it.
   */
  span?: Ensemble
  spanNames?: string[]
  /** Inside the span, lines whose probability reaches this are kept. */
  spanKeep?: number
  /** A third stage that reads the second's probabilities as the second reads the first's. */
  stage3?: Ensemble
  /** The learned word lexicon the `lex*` features read. */
  lexicon?: WordLexicon
  /** How the weights were made and measured. */
  trainedOn?: unknown
}

let cached: LineModel | undefined

/** The shipped model, read once. Throws if the file is missing or was trained on other features. */
export function shippedModel(): LineModel {
  if (cached) return cached
  const url = new URL('../../../models/text-lines.json', import.meta.url)
  const model = JSON.parse(readFileSync(url, 'utf8')) as LineModel
  checkModel(model)
  cached = model
  return model
}

/** Throws when a model's feature lists differ from the code's (a stale model file). */
export function checkModel(model: LineModel): void {
  if (
    model.schema !== 'lede.text-lines/2' ||
    model.features.join() !== FEATURE_NAMES.join() ||
    model.context.join() !== CONTEXT_NAMES.join() ||
    (model.span !== undefined && model.spanNames?.join() !== SPAN_NAMES.join())
  ) {
    throw new Error('models/text-lines.json does not match the feature code: retrain it')
  }
}

/** First-stage probabilities of a page's feature rows. */
export function stage1(model: Ensemble, rows: Float32Array): Float64Array {
  return predictRows(model, rows, N_FEATURES, new Float64Array(rows.length / N_FEATURES))
}

/** Second-stage rows: a line's own features followed by the first stage's view around it. */
export function stage2Rows(rows: Float32Array, p1: ArrayLike<number>, dump: Dump): Float32Array {
  const ctx = contextFeatures(p1, dump)
  const n = dump.lines.length
  const W = N_FEATURES + N_CONTEXT
  const x = new Float32Array(n * W)
  for (let i = 0; i < n; i++) {
    x.set(rows.subarray(i * N_FEATURES, (i + 1) * N_FEATURES), i * W)
    x.set(ctx.subarray(i * N_CONTEXT, (i + 1) * N_CONTEXT), i * W + N_FEATURES)
  }
  return x
}

/** Second-stage probabilities from second-stage rows. */
export function stage2(model: Ensemble, rows2: Float32Array, n: number): Float64Array {
  return predictRows(model, rows2, N_FEATURES + N_CONTEXT, new Float64Array(n))
}

/**
 * Stage-1 probabilities outside this band are final: the second stage runs only on the lines
 * the first is unsure of, which is most of the speed. The band is chosen by 5-fold CV by page
 * (scripts/train-text-lines.ts --band) and stored with the model.
 */
export const DEFAULT_BAND: readonly [number, number] = [0.02, 0.98]

/**
 * The final probabilities: the second stage's for lines whose first-stage probability lies in
 * the model's band, the first stage's for the rest. `evaluated` counts second-stage lines.
 */
export function stage2For(
  model: LineModel,
  rows: Float32Array,
  p1: Float64Array,
  dump: Dump,
): { p: Float64Array; evaluated: number } {
  const n = dump.lines.length
  const [lo, hi] = model.band ?? DEFAULT_BAND
  const pick: number[] = []
  for (let i = 0; i < n; i++) if (p1[i]! > lo && p1[i]! < hi) pick.push(i)
  const p = Float64Array.from(p1)
  if (pick.length === 0) return { p, evaluated: 0 }
  const ctx = contextFeatures(p1, dump, pick)
  const W = N_FEATURES + N_CONTEXT
  const x = new Float32Array(pick.length * W)
  for (let k = 0; k < pick.length; k++) {
    const i = pick[k]!
    x.set(rows.subarray(i * N_FEATURES, (i + 1) * N_FEATURES), k * W)
    x.set(ctx.subarray(k * N_CONTEXT, (k + 1) * N_CONTEXT), k * W + N_FEATURES)
  }
  const p2 = predictRows(model.stage2, x, W, new Float64Array(pick.length))
  for (let k = 0; k < pick.length; k++) p[pick[k]!] = p2[k]!
  return { p, evaluated: pick.length }
}

/** The probability that each line is part of the article. */
export function classifyLines(model: LineModel, dump: Dump): Float64Array {
  const rows = lineFeatures(dump)
  const p1 = stage1(model.stage1, rows)
  return stage2For(model, rows, p1, dump).p
}

/** Rows of the span model: a line's own features followed by its span features. */
export function spanRows(rows: Float32Array, p1: ArrayLike<number>, dump: Dump): Float32Array {
  const sp = spanFeatures(p1, dump)
  const n = dump.lines.length
  const W = N_FEATURES + N_SPAN
  const x = new Float32Array(n * W)
  for (let i = 0; i < n; i++) {
    x.set(rows.subarray(i * N_FEATURES, (i + 1) * N_FEATURES), i * W)
    x.set(sp.subarray(i * N_SPAN, (i + 1) * N_SPAN), i * W + N_FEATURES)
  }
  return x
}

/** The article's span from span probabilities `q`: the run with the largest sum of (q − ½) × words. */
export function articleSpan(q: ArrayLike<number>, lines: readonly Line[]): [number, number] {
  let any = false
  for (let i = 0; i < q.length; i++) if (q[i]! >= 0.5) any = true
  if (!any) return [0, -1]
  return densestRun(lines.length, (i) => (q[i]! - 0.5) * (lines[i]!.words + 1))
}

/** Probabilities and keep decisions for every line of a dump. */
export function decideLines(
  model: LineModel,
  dump: Dump,
): { p: Float64Array; keep: Uint8Array; q?: Float64Array } {
  if (model.lexicon) applyLexicon(dump, model.lexicon)
  const rows = lineFeatures(dump)
  const p1 = stage1(model.stage1, rows)
  let { p } = stage2For(model, rows, p1, dump)
  if (model.stage3) p = stage2For({ ...model, stage2: model.stage3 }, rows, p, dump).p
  const n = dump.lines.length
  const keep = new Uint8Array(n)
  if (!model.span) {
    for (let i = 0; i < n; i++) keep[i] = p[i]! >= model.threshold ? 1 : 0
    return { p, keep }
  }
  const q = predictRows(
    model.span,
    spanRows(rows, p1, dump),
    N_FEATURES + N_SPAN,
    new Float64Array(n),
  )
  const [a, b] = articleSpan(q, dump.lines)
  const t = model.spanKeep ?? model.threshold
  for (let i = a; i <= b; i++) keep[i] = p[i]! >= t ? 1 : 0
  return { p, keep, q }
}
