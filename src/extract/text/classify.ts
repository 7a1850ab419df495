/**
 * The line classifier: two stacked boosted-tree ensembles. The first reads each line's own and
 * neighbouring features (features.ts); the second reads the first's probabilities around the
 * line, so a short line inside a run of article prose (a subheading) and a long line inside a
 * rail of teasers are judged by their company. The weights are trained by
 * scripts/train-text-lines.ts and ship in models/text-lines.json.
 */
import { readFileSync } from 'node:fs'
import { CONTEXT_NAMES, contextFeatures, FEATURE_NAMES, lineFeatures } from './features.js'
import { type Ensemble, predict } from './gbdt.js'
import type { Line } from './lines.js'

/** A trained line model as stored in models/text-lines.json. */
export interface LineModel {
  schema: 'lede.text-lines/1'
  features: string[]
  context: string[]
  stage1: Ensemble
  stage2: Ensemble
  /** Probability at or above which a line is article. */
  threshold: number
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
    model.schema !== 'lede.text-lines/1' ||
    model.features.join() !== FEATURE_NAMES.join() ||
    model.context.join() !== CONTEXT_NAMES.join()
  ) {
    throw new Error('models/text-lines.json does not match the feature code: retrain it')
  }
}

/** First-stage probabilities of feature rows. */
export function stage1(model: Ensemble, rows: readonly Float64Array[]): Float64Array {
  const p = new Float64Array(rows.length)
  for (let i = 0; i < rows.length; i++) p[i] = predict(model, rows[i]!)
  return p
}

/** Second-stage rows: a line's own features followed by the first stage's view around it. */
export function stage2Rows(
  rows: readonly Float64Array[],
  p1: ArrayLike<number>,
  lines: readonly Line[],
): Float64Array[] {
  const ctx = contextFeatures(p1, lines)
  return rows.map((r, i) => {
    const x = new Float64Array(r.length + ctx[i]!.length)
    x.set(r)
    x.set(ctx[i]!, r.length)
    return x
  })
}

/** The probability that each line is part of the article. */
export function classifyLines(model: LineModel, lines: readonly Line[]): Float64Array {
  const rows = lineFeatures(lines)
  const p1 = stage1(model.stage1, rows)
  return stage1(model.stage2, stage2Rows(rows, p1, lines))
}
