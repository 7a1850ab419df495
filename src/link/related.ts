/**
 * @module Related articles: an inverted index over each article's heaviest TF-IDF terms and
 * cast, answering "what else should I read" in milliseconds over ~10^5 articles; and the
 * page's own related rail (`Article.related`) matched to stored articles by URL or title.
 */
import { nameKey } from './features.js'
import type { SparseVector } from './vectors.js'

export interface RelatedOptions {
  /** Terms indexed per article (the heaviest). */
  indexTerms: number
  /** Query terms with more postings than this share of the corpus are skipped (no signal). */
  maxPostingShare: number
}

/** One related article and why. */
export interface Related {
  id: string
  /** Cosine of the two articles' indexed vectors, 0..1. */
  score: number
  /** The heaviest shared terms. */
  terms: string[]
}

interface Doc {
  id: string
  terms: string[]
  weights: number[]
  /** Display forms of the terms. */
  surface: string[]
}

/** Serialisable state. */
export interface RelatedIndexState {
  docs: { id: string; terms: string[]; weights: number[]; surface: string[] }[]
}

export class RelatedIndex {
  private readonly docs: Doc[] = []
  private readonly byId = new Map<string, number>()
  private readonly postings = new Map<string, { doc: number[]; w: number[] }>()
  /** Scratch scores by document index, zero between queries. */
  private scores = new Float64Array(0)

  constructor(readonly options: RelatedOptions) {}

  get size(): number {
    return this.docs.length
  }

  /** Indexes an article's vector (unit length) with the display form of its terms. */
  add(id: string, vector: SparseVector, surface: (term: string) => string | undefined): void {
    if (this.byId.has(id)) return
    const entries = [...vector].sort((a, b) => b[1] - a[1]).slice(0, this.options.indexTerms)
    let n = 0
    for (const [, w] of entries) n += w * w
    n = Math.sqrt(n) || 1
    const doc: Doc = {
      id,
      terms: entries.map(([t]) => t),
      weights: entries.map(([, w]) => w / n),
      surface: entries.map(([t]) => surface(t) ?? t),
    }
    this.insert(doc)
  }

  private insert(doc: Doc): void {
    const idx = this.docs.length
    this.docs.push(doc)
    this.byId.set(doc.id, idx)
    doc.terms.forEach((t, i) => {
      let p = this.postings.get(t)
      if (!p) {
        p = { doc: [], w: [] }
        this.postings.set(t, p)
      }
      p.doc.push(idx)
      p.w.push(doc.weights[i]!)
    })
  }

  /** Whether an article is indexed. */
  has(id: string): boolean {
    return this.byId.has(id)
  }

  /**
   * The `k` articles most like `id`, best first, skipping those `keep` rejects (its copies,
   * its own story). Ties go to the later article.
   */
  related(id: string, k: number, keep: (otherId: string) => boolean = () => true): Related[] {
    const idx = this.byId.get(id)
    if (idx === undefined) return []
    const doc = this.docs[idx]!
    const maxPostings = Math.max(50, this.options.maxPostingShare * this.docs.length)
    if (this.scores.length < this.docs.length) {
      this.scores = new Float64Array(Math.max(1024, this.docs.length * 2))
    }
    const scores = this.scores
    const touched: number[] = []
    for (let i = 0; i < doc.terms.length; i++) {
      const p = this.postings.get(doc.terms[i]!)
      if (!p || p.doc.length > maxPostings) continue
      const w = doc.weights[i]!
      const pd = p.doc
      const pw = p.w
      for (let j = 0; j < pd.length; j++) {
        const d = pd[j]!
        if (scores[d] === 0) touched.push(d)
        scores[d]! += w * pw[j]!
      }
    }
    scores[idx] = 0
    // The best few, by a bounded min-heap (filtered ones are replaced from further down).
    let want = k * 4 + 16
    let out: Related[] = []
    for (;;) {
      const heap = topN(touched, scores, want)
      out = []
      for (const d of heap) {
        if (out.length >= k) break
        const other = this.docs[d]!
        if (d === idx || !keep(other.id)) continue
        out.push({
          id: other.id,
          score: Math.round(scores[d]! * 1000) / 1000,
          terms: sharedTerms(doc, other),
        })
      }
      if (out.length >= k || heap.length < want) break
      want *= 4
    }
    for (const d of touched) scores[d] = 0
    return out
  }

  toJSON(): RelatedIndexState {
    return { docs: this.docs.map((d) => ({ ...d })) }
  }

  restore(state: RelatedIndexState): void {
    this.docs.length = 0
    this.byId.clear()
    this.postings.clear()
    for (const d of state.docs) this.insert({ ...d })
  }
}

/** The `n` best of `items` by `score`, best first (ties: the later document). */
function topN(items: readonly number[], score: Float64Array, n: number): number[] {
  const heap: number[] = []
  const worse = (a: number, b: number) => score[a]! < score[b]! || (score[a] === score[b] && a < b)
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r
      if (m === i) return
      ;[heap[i], heap[m]] = [heap[m]!, heap[i]!]
      i = m
    }
  }
  for (const x of items) {
    if (heap.length < n) {
      heap.push(x)
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1
        if (!worse(heap[i]!, heap[p]!)) break
        ;[heap[i], heap[p]] = [heap[p]!, heap[i]!]
        i = p
      }
    } else if (worse(heap[0]!, x)) {
      heap[0] = x
      down(0)
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0))
}

function sharedTerms(a: Doc, b: Doc): string[] {
  const bw = new Map(b.terms.map((t, i) => [t, b.weights[i]!]))
  const shared: [string, number][] = []
  a.terms.forEach((t, i) => {
    const w = bw.get(t)
    if (w !== undefined) shared.push([a.surface[i]!, w * a.weights[i]!])
  })
  return shared
    .sort((x, y) => y[1] - x[1])
    .slice(0, 5)
    .map(([s]) => s)
}

// ---- the page's related rail ----

/** A URL reduced to what identifies the page: host without `www.`, path, meaningful query. */
export function urlKey(url: string): string | undefined {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return undefined
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined
  const host = u.hostname.toLowerCase().replace(/^(www|m|amp)\./, '')
  let path = u.pathname.replace(/\/(index\.html?|amp)?$/i, '').replace(/\.amp$/i, '')
  if (path === '') path = '/'
  const params = [...u.searchParams]
    .filter(([k]) => !/^(utm_|fbclid|gclid|ref$|src$|amp$|cmp$|ito$|share)/i.test(k))
    .sort(([a], [b]) => (a < b ? -1 : 1))
  const q = params.length ? `?${params.map(([k, v]) => `${k}=${v}`).join('&')}` : ''
  return `${host}${path}${q}`
}

/** A headline reduced for matching: lower case, no punctuation, no " | Site" suffix. */
export function titleKey(title: string): string | undefined {
  const parts = title.split(/\s+[|–—-]\s+/)
  const main = parts.length > 1 && parts[0]!.length >= 20 ? parts[0]! : title
  const k = nameKey(main)
  return k.split(' ').length >= 3 ? k : undefined
}
