/**
 * A linear sequence model: one weight row (a score per BILOU label) per feature hash, plus label
 * transition scores, decoded exactly with Viterbi under BILOU's transition constraints. Trained by
 * train/perceptron.ts; stored by model-file.ts.
 */
import type { DocumentFeatures } from './features.js'
import { KeyTable } from './hash.js'
import { allowedTransition, LABEL_COUNT } from './labels.js'

const L = LABEL_COUNT
const FORBIDDEN = -1e30

/**
 * Transition scores are laid out (L + 1) × (L + 1): row L is the sentence start, column L the
 * sentence end, so `transitions[from * (L + 1) + to]`.
 */
export const TRANSITION_SIZE = (L + 1) * (L + 1)

/** Adds BILOU's hard constraints to learnt transition scores. */
export function constrainTransitions(transitions: Float32Array | Float64Array): Float64Array {
  const out = new Float64Array(TRANSITION_SIZE)
  for (let from = 0; from <= L; from++) {
    for (let to = 0; to <= L; to++) {
      const ok = allowedTransition(from === L ? -1 : from, to === L ? -1 : to)
      // start → end is never scored (empty sentences are not decoded)
      out[from * (L + 1) + to] = ok ? transitions[from * (L + 1) + to]! : FORBIDDEN
    }
  }
  return out
}

/** For each label, the labels that may precede it (under constraints already in `transitions`). */
const predecessorCache = new WeakMap<Float64Array, Int32Array[]>()
function predecessors(transitions: Float64Array): Int32Array[] {
  let p = predecessorCache.get(transitions)
  if (!p) {
    p = []
    for (let y = 0; y < L; y++) {
      const from: number[] = []
      for (let x = 0; x < L; x++) if (transitions[x * (L + 1) + y]! > FORBIDDEN / 2) from.push(x)
      p.push(Int32Array.from(from))
    }
    predecessorCache.set(transitions, p)
  }
  return p
}

/** Viterbi over `emissions[i * L + label]` for `length` tokens; writes `out[outOffset + i]`. */
export function viterbi(
  emissions: Float64Array,
  length: number,
  transitions: Float64Array,
  out: Uint8Array | number[],
  outOffset = 0,
): void {
  if (length === 0) return
  const W = L + 1
  const from = predecessors(transitions)
  const score = new Float64Array(length * L)
  const back = new Uint8Array(length * L)
  for (let y = 0; y < L; y++) score[y] = emissions[y]! + transitions[L * W + y]!
  for (let i = 1; i < length; i++) {
    const base = i * L
    const prevBase = base - L
    for (let y = 0; y < L; y++) {
      const xs = from[y]!
      let best = -Infinity
      let arg = 0
      for (let k = 0; k < xs.length; k++) {
        const x = xs[k]!
        const s = score[prevBase + x]! + transitions[x * W + y]!
        if (s > best) {
          best = s
          arg = x
        }
      }
      score[base + y] = best + emissions[base + y]!
      back[base + y] = arg
    }
  }
  let best = -Infinity
  let arg = 0
  const lastBase = (length - 1) * L
  for (let y = 0; y < L; y++) {
    const s = score[lastBase + y]! + transitions[y * W + L]!
    if (s > best) {
      best = s
      arg = y
    }
  }
  for (let i = length - 1; i >= 0; i--) {
    out[outOffset + i] = arg
    arg = back[i * L + arg]!
  }
}

/** A trained linear model, ready to score. */
export class LinearModel {
  private readonly table: KeyTable
  /** rows × L label weights. */
  private readonly weights: Float32Array
  readonly transitions: Float64Array

  constructor(keys: Uint32Array, weights: Float32Array, transitions: Float32Array | Float64Array) {
    this.table = new KeyTable(keys)
    this.weights = weights
    this.transitions = constrainTransitions(transitions)
  }

  /** Emission scores of tokens start..end (exclusive), `length × L`, summed over feature sets. */
  emissions(features: readonly DocumentFeatures[], start: number, end: number): Float64Array {
    const out = new Float64Array((end - start) * L)
    const w = this.weights
    for (const { keys, offsets } of features) {
      for (let i = start; i < end; i++) {
        const base = (i - start) * L
        for (let f = offsets[i]!; f < offsets[i + 1]!; f++) {
          const row = this.table.get(keys[f]!)
          if (row < 0) continue
          const r = row * L
          for (let y = 0; y < L; y++) out[base + y]! += w[r + y]!
        }
      }
    }
    return out
  }

  /**
   * Decodes every sentence of a document; returns one BILOU label per token. With `confidence`,
   * also writes each token's softmax probability of its label's type (the four types and O,
   * from the emission scores) — a rough confidence, not a calibrated one.
   */
  decode(
    features: readonly DocumentFeatures[],
    sentenceStarts: readonly number[],
    confidence?: Float32Array,
  ): Uint8Array {
    const n = sentenceStarts[sentenceStarts.length - 1]!
    const labels = new Uint8Array(n)
    for (let s = 0; s + 1 < sentenceStarts.length; s++) {
      const start = sentenceStarts[s]!
      const end = sentenceStarts[s + 1]!
      const em = this.emissions(features, start, end)
      viterbi(em, end - start, this.transitions, labels, start)
      if (confidence) {
        for (let i = start; i < end; i++)
          confidence[i] = typeProbability(em, (i - start) * L, labels[i]!)
      }
    }
    return labels
  }
}

/** Softmax over labels, summed by type (O alone), of the type of `label`. */
export function typeProbability(em: Float64Array, base: number, label: number): number {
  let max = -Infinity
  for (let y = 0; y < L; y++) max = Math.max(max, em[base + y]!)
  let total = 0
  let mine = 0
  const type = label === 0 ? -1 : (label - 1) >> 2
  for (let y = 0; y < L; y++) {
    const e = Math.exp(em[base + y]! - max)
    total += e
    if ((y === 0 ? -1 : (y - 1) >> 2) === type) mine += e
  }
  return mine / total
}
