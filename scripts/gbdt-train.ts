/**
 * Gradient-boosted decision trees for the training scripts (the model format of
 * src/extract/text/gbdt.ts): logistic loss, histogram splits, seeded and deterministic.
 */
import { seededRandom } from '../src/core/index.js'
import type { Ensemble, Tree } from '../src/extract/text/gbdt.js'

const LAMBDA = 1
const MIN_HESS = 1
const BINS = 48
const SUBSAMPLE = 0.8

interface Binned {
  /** Per feature: ascending cut points; bin b holds values <= cuts[b] (last bin: above all). */
  cuts: Float64Array[]
  /** Row-major bin codes. */
  codes: Uint8Array
  nFeat: number
}

function binRows(rows: Float32Array, nFeat: number): Binned {
  const nRows = rows.length / nFeat
  const cuts: Float64Array[] = []
  for (let f = 0; f < nFeat; f++) {
    const vals = new Float64Array(nRows)
    for (let i = 0; i < nRows; i++) vals[i] = rows[i * nFeat + f]!
    vals.sort()
    const uniq: number[] = []
    for (let i = 0; i < vals.length; i++)
      if (i === 0 || vals[i] !== vals[i - 1]) uniq.push(vals[i]!)
    let c: number[]
    if (uniq.length <= BINS) c = uniq.slice(0, -1).map((v, i) => (v + uniq[i + 1]!) / 2)
    else {
      const set = new Set<number>()
      for (let b = 1; b < BINS; b++) {
        const v = vals[Math.floor((b * vals.length) / BINS)]!
        const idx = uniq.indexOf(v)
        if (idx >= 0 && idx < uniq.length - 1) set.add((v + uniq[idx + 1]!) / 2)
      }
      c = [...set].sort((a, b) => a - b)
    }
    cuts.push(Float64Array.from(c))
  }
  const codes = new Uint8Array(nRows * nFeat)
  for (let i = 0; i < nRows; i++) {
    for (let f = 0; f < nFeat; f++) {
      const cs = cuts[f]!
      const x = rows[i * nFeat + f]!
      let lo = 0
      let hi = cs.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (x <= cs[mid]!) hi = mid
        else lo = mid + 1
      }
      codes[i * nFeat + f] = lo
    }
  }
  return { cuts, codes, nFeat }
}

export interface GbdtOptions {
  seed: number
  rounds: number
  depth: number
  learningRate: number
}

/**
 * Trains gradient-boosted trees on a flat row-major matrix (`nCols` values a row): logistic
 * loss, 48-bin histogram splits, L2 1 on leaf values, 80 % row sampling per round, weights
 * rescaled to mean 1.
 */
export function trainGbdt(
  rows: Float32Array,
  nCols: number,
  y: ArrayLike<number>,
  weights: ArrayLike<number>,
  { seed, rounds, depth: DEPTH, learningRate: LEARNING_RATE }: GbdtOptions,
): Ensemble {
  let w: ArrayLike<number> = weights
  const n = rows.length / nCols
  const bin = binRows(rows, nCols)
  const { nFeat, codes, cuts } = bin
  let sw = 0
  let sy = 0
  for (let i = 0; i < n; i++) {
    sw += w[i]!
    sy += w[i]! * y[i]!
  }
  // Weights are rescaled to mean 1, so LAMBDA and MIN_HESS mean the same whatever the data size.
  const scale = n / sw
  w = Float64Array.from(w, (x) => x * scale)
  const prior = Math.min(0.99, Math.max(0.01, sy / sw))
  const base = Math.log(prior / (1 - prior))
  const score = new Float64Array(n).fill(base)
  const g = new Float64Array(n)
  const h = new Float64Array(n)
  const rnd = seededRandom(seed)
  const trees: Tree[] = []
  const histG = new Float64Array(nFeat * 64)
  const histH = new Float64Array(nFeat * 64)
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-score[i]!))
      g[i] = (p - y[i]!) * w[i]!
      h[i] = Math.max(1e-6, p * (1 - p)) * w[i]!
    }
    const sample: number[] = []
    for (let i = 0; i < n; i++) if (rnd() < SUBSAMPLE) sample.push(i)
    const tree: Tree = { f: [], t: [], l: [], r: [], v: [] }
    const nodeBin: number[] = []
    const grow = (idx: number[], depth: number): number => {
      const node = tree.f.length
      tree.f.push(-1)
      tree.t.push(0)
      tree.l.push(-1)
      tree.r.push(-1)
      tree.v.push(0)
      nodeBin.push(-1)
      let G = 0
      let H = 0
      for (const i of idx) {
        G += g[i]!
        H += h[i]!
      }
      const leafValue = (-G / (H + LAMBDA)) * LEARNING_RATE
      tree.v[node] = leafValue
      if (depth >= DEPTH || idx.length < 4 || H < 2 * MIN_HESS) return node
      histG.fill(0)
      histH.fill(0)
      for (const i of idx) {
        const o = i * nFeat
        const gi = g[i]!
        const hi = h[i]!
        for (let f = 0; f < nFeat; f++) {
          const b = f * 64 + codes[o + f]!
          histG[b]! += gi
          histH[b]! += hi
        }
      }
      const parent = (G * G) / (H + LAMBDA)
      let best = 0
      let bestF = -1
      let bestB = -1
      for (let f = 0; f < nFeat; f++) {
        const nb = cuts[f]!.length
        let gl = 0
        let hl = 0
        for (let b = 0; b < nb; b++) {
          gl += histG[f * 64 + b]!
          hl += histH[f * 64 + b]!
          const gr = G - gl
          const hr = H - hl
          if (hl < MIN_HESS || hr < MIN_HESS) continue
          const gain = (gl * gl) / (hl + LAMBDA) + (gr * gr) / (hr + LAMBDA) - parent
          if (gain > best) {
            best = gain
            bestF = f
            bestB = b
          }
        }
      }
      if (bestF < 0) return node
      const left: number[] = []
      const right: number[] = []
      for (const i of idx) (codes[i * nFeat + bestF]! <= bestB ? left : right).push(i)
      tree.f[node] = bestF
      tree.t[node] = cuts[bestF]![bestB]!
      nodeBin[node] = bestB
      tree.l[node] = grow(left, depth + 1)
      tree.r[node] = grow(right, depth + 1)
      return node
    }
    grow(sample, 0)
    trees.push(tree)
    // Update every row's score through the new tree (sampled or not).
    for (let i = 0; i < n; i++) {
      let k = 0
      const o = i * nFeat
      while (tree.f[k]! >= 0) k = codes[o + tree.f[k]!]! <= nodeBin[k]! ? tree.l[k]! : tree.r[k]!
      score[i]! += tree.v[k]!
    }
  }
  return { base, trees }
}
