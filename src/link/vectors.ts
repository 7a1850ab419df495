/**
 * @module Sparse term vectors and online document frequencies: the TF-IDF space in which
 * stories and related articles are compared. Frequencies grow as articles arrive, optionally
 * on top of a background table shipped with the package.
 */

/** A sparse vector: term → weight. */
export type SparseVector = Map<string, number>

/** Dot product of two sparse vectors (iterates the smaller). */
export function dot(a: SparseVector, b: SparseVector): number {
  if (a.size > b.size) [a, b] = [b, a]
  let s = 0
  for (const [t, w] of a) {
    const v = b.get(t)
    if (v !== undefined) s += w * v
  }
  return s
}

/** Euclidean norm. */
export function norm(a: SparseVector): number {
  let s = 0
  for (const w of a.values()) s += w * w
  return Math.sqrt(s)
}

/** Keeps the `k` heaviest entries (all of them when there are fewer). */
export function topTerms(a: SparseVector, k: number): [string, number][] {
  const entries = [...a]
  entries.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
  return entries.slice(0, k)
}

/** A background document-frequency table: `n` documents, `df` per term. */
/** The key with the largest value above 0 (the first on a tie), if any. */
export function topKey(a: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined
  let top = 0
  for (const [k, w] of a) {
    if (w > top) {
      top = w
      best = k
    }
  }
  return best
}

export interface BackgroundFrequencies {
  n: number
  df: Record<string, number>
}

/** The serialisable state of a {@link DocFrequencies}. */
export interface DocFrequenciesState {
  n: number
  df: [string, number][]
}

/**
 * Online document frequencies. IDF is `ln((N + 1) / (df + 1)) + 1` over the articles seen so
 * far plus an optional background table scaled to weigh as `backgroundWeight` articles.
 */
export class DocFrequencies {
  n = 0
  readonly df = new Map<string, number>()
  private readonly bgScale: number
  private readonly bgN: number

  constructor(
    private readonly background?: BackgroundFrequencies,
    backgroundWeight = 0,
  ) {
    this.bgScale = background && background.n > 0 ? backgroundWeight / background.n : 0
    this.bgN = background ? backgroundWeight : 0
  }

  /** Counts one document's distinct terms. */
  add(terms: Iterable<string>): void {
    this.n++
    for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1)
  }

  /** Inverse document frequency of a term. */
  idf(term: string): number {
    let df = this.df.get(term) ?? 0
    let n = this.n
    if (this.bgScale > 0) {
      df += (this.background!.df[term] ?? 0) * this.bgScale
      n += this.bgN
    }
    return Math.log((n + 1) / (df + 1)) + 1
  }

  /** Document frequency seen online (without the background). */
  count(term: string): number {
    return this.df.get(term) ?? 0
  }

  toJSON(): DocFrequenciesState {
    return { n: this.n, df: [...this.df] }
  }

  restore(state: DocFrequenciesState): void {
    this.n = state.n
    this.df.clear()
    for (const [t, c] of state.df) this.df.set(t, c)
  }
}
