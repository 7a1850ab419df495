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

/** The log-odds an ensemble gives a feature row. */
export function margin(model: Ensemble, x: ArrayLike<number>): number {
  let s = model.base
  for (const tree of model.trees) {
    let k = 0
    while (tree.f[k]! >= 0) k = x[tree.f[k]!]! <= tree.t[k]! ? tree.l[k]! : tree.r[k]!
    s += tree.v[k]!
  }
  return s
}

/** The probability an ensemble gives a feature row. */
export function predict(model: Ensemble, x: ArrayLike<number>): number {
  return 1 / (1 + Math.exp(-margin(model, x)))
}
