/**
 * @module Helpers of the clustering benchmark: read a JSONL(.gz) clustering file, select a
 * split and a time window, order by time, and score B-cubed exactly as
 * `../shared/scorers/bcubed.mjs` does.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { gunzipSync, gzipSync } from 'node:zlib'
import { ARTICLE_SCHEMA, type Annotations, type Article, joinBlocks } from '../src/core/index.js'
import { analyze } from '../src/nlp/index.js'

/** One line of a clustering benchmark file. */
export interface ClusterDoc {
  id: string
  title: string
  body?: string | null
  date?: string | null
  cluster_id: string
  split?: string | null
  source?: string | null
  url?: string | null
}

/**
 * Reads a JSONL file, gzipped when its name ends in `.gz`. A line without `body` but with `text`
 * (the Wikinews demo sets) takes the text as its body; a line without `cluster_id` is its own
 * cluster (a stream without gold, measured by its shape: `--stream-report`).
 */
export function readJsonl(file: string): ClusterDoc[] {
  const buf = readFileSync(file)
  const text = (file.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8')
  const out: ClusterDoc[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    const d = JSON.parse(line) as ClusterDoc & { text?: string }
    if (d.body === undefined && typeof d.text === 'string') d.body = d.text
    if (d.cluster_id === undefined) d.cluster_id = String(d.id)
    out.push(d)
  }
  return out
}

export interface Selection {
  split?: string
  /** ISO date or datetime, inclusive. */
  from?: string
  /** ISO date or datetime, exclusive. */
  to?: string
  /** Window length in days and index (0-based), counted from midnight UTC of the first date. */
  windowDays?: number
  window?: number
}

const DAY_MS = 86_400_000

/** The time of a document, or undefined. */
export function docTime(d: ClusterDoc): number | undefined {
  if (!d.date) return undefined
  const t = Date.parse(d.date)
  return Number.isFinite(t) ? t : undefined
}

/** Selects documents by split and time, then orders them by time (undated first, in file order). */
export function select(docs: ClusterDoc[], sel: Selection): ClusterDoc[] {
  let out = sel.split ? docs.filter((d) => d.split === sel.split) : docs
  let from = sel.from ? Date.parse(sel.from) : undefined
  let to = sel.to ? Date.parse(sel.to) : undefined
  if (sel.windowDays !== undefined) {
    let first = Number.POSITIVE_INFINITY
    for (const d of out) {
      const t = docTime(d)
      if (t !== undefined && t < first) first = t
    }
    const origin = Math.floor(first / DAY_MS) * DAY_MS
    from = origin + (sel.window ?? 0) * sel.windowDays * DAY_MS
    to = from + sel.windowDays * DAY_MS
  }
  if (from !== undefined || to !== undefined) {
    out = out.filter((d) => {
      const t = docTime(d)
      if (t === undefined) return false
      return (from === undefined || t >= from) && (to === undefined || t < to)
    })
  }
  const indexed = out.map((d, i) => ({ d, i, t: docTime(d) }))
  indexed.sort((a, b) => {
    if (a.t === undefined || b.t === undefined) {
      if (a.t === b.t) return a.i - b.i
      return a.t === undefined ? -1 : 1
    }
    return a.t - b.t || a.i - b.i
  })
  return indexed.map((x) => x.d)
}

export interface Scores {
  docs: number
  gold_clusters: number
  pred_clusters: number
  b3_p: number
  b3_r: number
  b3_f1: number
  pair_p: number
  pair_r: number
  pair_f1: number
}

/** B-cubed and pairwise scores, computed and rounded as the reference scorer does. */
export function score(gold: string[], pred: string[]): Scores {
  const n = gold.length
  const gc = new Map<string, number>()
  const pc = new Map<string, number>()
  const joint = new Map<string, number>()
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1)
  for (let i = 0; i < n; i++) {
    inc(gc, gold[i]!)
    inc(pc, pred[i]!)
    inc(joint, `${gold[i]}\u0001${pred[i]}`)
  }
  let bp = 0
  let br = 0
  for (let i = 0; i < n; i++) {
    const j = joint.get(`${gold[i]}\u0001${pred[i]}`)!
    bp += j / pc.get(pred[i]!)!
    br += j / gc.get(gold[i]!)!
  }
  bp /= n
  br /= n
  const pairs = (m: Map<string, number>) => {
    let s = 0
    for (const v of m.values()) s += (v * (v - 1)) / 2
    return s
  }
  const tp = pairs(joint)
  const pp = pairs(pc)
  const gp = pairs(gc)
  const f = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0)
  const r4 = (x: number) => Math.round(x * 10000) / 10000
  const pairP = pp ? tp / pp : 0
  const pairR = gp ? tp / gp : 0
  return {
    docs: n,
    gold_clusters: gc.size,
    pred_clusters: pc.size,
    b3_p: r4(bp),
    b3_r: r4(br),
    b3_f1: r4(f(bp, br)),
    pair_p: r4(pairP),
    pair_r: r4(pairR),
    pair_f1: r4(f(pairP, pairR)),
  }
}

/** What the linker reads of one article's annotations. */
export type LinkAnnotations = Pick<Annotations, 'entities' | 'quotes' | 'values'>

/** Annotations by document id (and field), as `--annotations-cache` keeps them. */
export type AnnotationCache = Map<string, LinkAnnotations>

/** Time spent analysing (the documents not found in the cache). */
export interface AnnotateStats {
  analysed: number
  cached: number
  seconds: number
  cpuSeconds: number
}

/**
 * Runs the real `analyze()` (src/nlp) on each document — the headline as the first block, then
 * the body's lines as paragraphs (`field: 'title'`: the headline alone) — as the pipeline does
 * before linking. With `cacheFile`, annotations found there are reused and new ones added.
 */
export function annotateDocs(
  docs: readonly ClusterDoc[],
  field: 'title' | 'title+body',
  cacheFile?: string,
): { annotations: AnnotationCache; stats: AnnotateStats } {
  const annotations: AnnotationCache = new Map()
  const key = (d: ClusterDoc) => `${field}\u0001${d.id}`
  const cache = new Map<string, LinkAnnotations>()
  if (cacheFile && existsSync(cacheFile)) {
    const text = gunzipSync(readFileSync(cacheFile)).toString('utf8')
    for (const line of text.split('\n')) {
      if (line === '') continue
      const [k, v] = JSON.parse(line) as [string, LinkAnnotations]
      cache.set(k, v)
    }
  }
  let analysed = 0
  let cached = 0
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  for (const d of docs) {
    const k = key(d)
    let a = cache.get(k)
    if (a) cached++
    else {
      const paras = [d.title ?? '']
      if (field === 'title+body' && d.body) paras.push(...d.body.split('\n'))
      const { text, blocks } = joinBlocks(
        paras.map((p) => ({ kind: 'paragraph' as const, text: p })),
      )
      const article: Article = {
        schema: ARTICLE_SCHEMA,
        ...(d.title && { title: d.title }),
        ...(d.date && { publishedAt: d.date }),
        authors: [],
        text,
        blocks,
        related: [],
        removed: [],
        extraction: { inputFormat: 'text', method: 'bench', confidence: 1 },
      }
      const r = analyze(article).annotations
      a = { entities: r.entities, quotes: r.quotes, values: r.values ?? [] }
      cache.set(k, a)
      analysed++
    }
    annotations.set(String(d.id), a)
  }
  const cpu = process.cpuUsage(cpu0)
  const stats: AnnotateStats = {
    analysed,
    cached,
    seconds: (performance.now() - t0) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  }
  if (cacheFile && analysed > 0) {
    const lines = [...cache].map((e) => JSON.stringify(e))
    writeFileSync(cacheFile, gzipSync(`${lines.join('\n')}\n`))
  }
  return { annotations, stats }
}
