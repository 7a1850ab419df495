/**
 * Inference for gradient-boosted decision trees (logistic loss), the model format written by
 * scripts/train-text-lines.ts. A tree is flat arrays: node k tests `x[f[k]] <= t[k]` and goes to
 * `l[k]` or `r[k]`; a node with `f[k] === -1` is a leaf worth `v[k]`.
 */

export interface Tree {
  f: number[]
  t: number[]
  l: number[]
  r: number[]
  v: number[]
}

export interface Ensemble {
  /** The log-odds before any tree. */
  base: number
  trees: Tree[]
}

/** An ensemble packed into typed arrays: every tree's nodes end to end, children as offsets. */
export interface Packed {
  base: number
  roots: Int32Array
  f: Int32Array
  t: Float64Array
  l: Int32Array
  r: Int32Array
  v: Float64Array
}

const packs = new WeakMap<Ensemble, Packed>()

/** Packs an ensemble once (cached per ensemble object); typed arrays walk several times faster. */
export function pack(model: Ensemble): Packed {
  const hit = packs.get(model)
  if (hit) return hit
  let size = 0
  for (const tree of model.trees) size += tree.f.length
  const p: Packed = {
    base: model.base,
    roots: new Int32Array(model.trees.length),
    f: new Int32Array(size),
    t: new Float64Array(size),
    l: new Int32Array(size),
    r: new Int32Array(size),
    v: new Float64Array(size),
  }
  let o = 0
  model.trees.forEach((tree, k) => {
    p.roots[k] = o
    for (let i = 0; i < tree.f.length; i++) {
      p.f[o + i] = tree.f[i]!
      p.t[o + i] = tree.t[i]!
      p.l[o + i] = tree.l[i]! + o
      p.r[o + i] = tree.r[i]! + o
      p.v[o + i] = tree.v[i]!
    }
    o += tree.f.length
  })
  packs.set(model, p)
  return p
}

/** The log-odds an ensemble gives a feature row. */
export function margin(model: Ensemble, x: ArrayLike<number>): number {
  const p = pack(model)
  let s = p.base
  const { roots, f, t, l, r, v } = p
  for (let k = 0; k < roots.length; k++) {
    let i = roots[k]!
    while (f[i]! >= 0) i = x[f[i]!]! <= t[i]! ? l[i]! : r[i]!
    s += v[i]!
  }
  return s
}

/** The probability an ensemble gives a feature row. */
export function predict(model: Ensemble, x: ArrayLike<number>): number {
  return 1 / (1 + Math.exp(-margin(model, x)))
}
