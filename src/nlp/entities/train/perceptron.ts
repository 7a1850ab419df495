/**
 * Structured averaged perceptron (Collins 2002) over hashed features, with Viterbi decoding under
 * BILOU constraints. Features are interned to dense ids once; updates are sparse; averaging uses the
 * lazy trick (keep w and Σ c·Δw; the average is w − Σ c·Δw / c), so an update costs only the
 * features of the tokens whose label was wrong. Used by scripts/train-ner.ts.
 */
import type { DocumentFeatures } from '../features.js'
import { LABEL_COUNT } from '../labels.js'
import { constrainTransitions, TRANSITION_SIZE, viterbi } from '../linear-model.js'
import { seededRandom, shuffle } from '../../../core/index.js'

const L = LABEL_COUNT
const W = L + 1

/** A training document: its features, sentence boundaries and gold BILOU labels. */
export interface TrainingDocument {
  features: DocumentFeatures
  sentenceStarts: readonly number[]
  gold: Uint8Array
}

export interface TrainOptions {
  epochs: number
  seed: number
  /**
   * Called after each epoch with the number of sentences that had a mistake; `snapshot()` gives
   * the averaged weights so far (for choosing the number of epochs on held-out data).
   */
  onEpoch?: (
    epoch: number,
    mistakes: number,
    sentences: number,
    snapshot: () => TrainedWeights,
  ) => void
}

/** The trained weights: one row per kept feature key. */
export interface TrainedWeights {
  keys: Uint32Array
  weights: Float32Array
  transitions: Float32Array
}

/** Trains a linear BILOU tagger on documents. */
export function trainPerceptron(
  docs: readonly TrainingDocument[],
  options: TrainOptions,
): TrainedWeights {
  // Intern feature keys to dense ids.
  const ids = new Map<number, number>()
  const keyList: number[] = []
  const docIds = docs.map((d) => {
    const out = new Int32Array(d.features.keys.length)
    const keys = d.features.keys
    for (let f = 0; f < keys.length; f++) {
      const k = keys[f]!
      let id = ids.get(k)
      if (id === undefined) {
        id = keyList.push(k) - 1
        ids.set(k, id)
      }
      out[f] = id
    }
    return out
  })
  const F = keyList.length
  const w = new Float64Array(F * L)
  const u = new Float64Array(F * L)
  const trans = constrainTransitions(new Float64Array(TRANSITION_SIZE))
  const transU = new Float64Array(TRANSITION_SIZE)

  const instances: [number, number][] = []
  docs.forEach((d, di) => {
    for (let s = 0; s + 1 < d.sentenceStarts.length; s++) {
      if (d.sentenceStarts[s + 1]! > d.sentenceStarts[s]!) instances.push([di, s])
    }
  })
  const random = seededRandom(options.seed)
  let c = 1
  let pred = new Uint8Array(256)
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(instances, random)
    let mistakes = 0
    for (const [di, s] of instances) {
      const doc = docs[di]!
      const fid = docIds[di]!
      const { offsets } = doc.features
      const start = doc.sentenceStarts[s]!
      const end = doc.sentenceStarts[s + 1]!
      const n = end - start
      if (n > pred.length) pred = new Uint8Array(n * 2)
      const em = new Float64Array(n * L)
      for (let i = start; i < end; i++) {
        const base = (i - start) * L
        for (let f = offsets[i]!; f < offsets[i + 1]!; f++) {
          const r = fid[f]! * L
          for (let y = 0; y < L; y++) em[base + y]! += w[r + y]!
        }
      }
      viterbi(em, n, trans, pred)
      let wrong = false
      for (let i = 0; i < n; i++) {
        if (pred[i] !== doc.gold[start + i]) {
          wrong = true
          break
        }
      }
      if (wrong) {
        mistakes++
        for (let i = 0; i < n; i++) {
          const g = doc.gold[start + i]!
          const p = pred[i]!
          if (g !== p) {
            for (let f = offsets[start + i]!; f < offsets[start + i + 1]!; f++) {
              const r = fid[f]! * L
              w[r + g]! += 1
              u[r + g]! += c
              w[r + p]! -= 1
              u[r + p]! -= c
            }
          }
          const gPrev = i === 0 ? L : doc.gold[start + i - 1]!
          const pPrev = i === 0 ? L : pred[i - 1]!
          if (gPrev !== pPrev || g !== p) {
            trans[gPrev * W + g]! += 1
            transU[gPrev * W + g]! += c
            trans[pPrev * W + p]! -= 1
            transU[pPrev * W + p]! -= c
          }
        }
        const gLast = doc.gold[end - 1]!
        const pLast = pred[n - 1]!
        if (gLast !== pLast) {
          trans[gLast * W + L]! += 1
          transU[gLast * W + L]! += c
          trans[pLast * W + L]! -= 1
          transU[pLast * W + L]! -= c
        }
      }
      c++
    }
    options.onEpoch?.(epoch, mistakes, instances.length, () => average(c))
  }
  return average(c)

  function average(c: number): TrainedWeights {
    return averageWeights(keyList, w, u, trans, transU, c)
  }
}

/** The averaged weights (w − Σ c·Δw / c), keeping only features with a non-negligible weight. */
function averageWeights(
  keyList: readonly number[],
  w: Float64Array,
  u: Float64Array,
  trans: Float64Array,
  transU: Float64Array,
  c: number,
): TrainedWeights {
  const F = keyList.length
  const keptKeys: number[] = []
  const kept: number[] = []
  for (let f = 0; f < F; f++) {
    let max = 0
    for (let y = 0; y < L; y++) {
      const a = Math.abs(w[f * L + y]! - u[f * L + y]! / c)
      if (a > max) max = a
    }
    if (max >= 1e-3) {
      keptKeys.push(keyList[f]!)
      kept.push(f)
    }
  }
  const weights = new Float32Array(kept.length * L)
  kept.forEach((f, row) => {
    for (let y = 0; y < L; y++) weights[row * L + y] = w[f * L + y]! - u[f * L + y]! / c
  })
  const transitions = new Float32Array(TRANSITION_SIZE)
  for (let i = 0; i < TRANSITION_SIZE; i++) {
    transitions[i] = trans[i]! < -1e29 ? 0 : trans[i]! - transU[i]! / c
  }
  return { keys: Uint32Array.from(keptKeys), weights, transitions }
}
