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
    model.context.join() !== CONTEXT_NAMES.join()
  ) {
    throw new Error('models/text-lines.json does not match the feature code: retrain it')
  }
}

/** First-stage probabilities of a page's feature rows. */
export function stage1(model: Ensemble, rows: Float32Array): Float64Array {
  return predictRows(model, rows, N_FEATURES, new Float64Array(rows.length / N_FEATURES))
}

/** Second-stage rows: a line's own features followed by the first stage's view around it. */
export function stage2Rows(
  rows: Float32Array,
  p1: ArrayLike<number>,
  lines: readonly Line[],
): Float32Array {
  const ctx = contextFeatures(p1, lines)
  const n = lines.length
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
  lines: readonly Line[],
): { p: Float64Array; evaluated: number } {
  const n = lines.length
  const [lo, hi] = model.band ?? DEFAULT_BAND
  const pick: number[] = []
  for (let i = 0; i < n; i++) if (p1[i]! > lo && p1[i]! < hi) pick.push(i)
  const p = Float64Array.from(p1)
  if (pick.length === 0) return { p, evaluated: 0 }
  const ctx = contextFeatures(p1, lines, pick)
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
  return stage2For(model, rows, p1, dump.lines).p
}
