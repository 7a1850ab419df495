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
    const acc = new Map<number, number>()
    for (let i = 0; i < doc.terms.length; i++) {
      const p = this.postings.get(doc.terms[i]!)
      if (!p || p.doc.length > maxPostings) continue
      const w = doc.weights[i]!
      for (let j = 0; j < p.doc.length; j++) {
        const d = p.doc[j]!
        if (d !== idx) acc.set(d, (acc.get(d) ?? 0) + w * p.w[j]!)
      }
    }
    const ranked = [...acc].sort((a, b) => b[1] - a[1] || b[0] - a[0])
    const out: Related[] = []
    for (const [d, score] of ranked) {
      if (out.length >= k) break
      const other = this.docs[d]!
      if (!keep(other.id)) continue
      out.push({
        id: other.id,
        score: Math.round(score * 1000) / 1000,
        terms: sharedTerms(doc, other),
      })
    }
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
