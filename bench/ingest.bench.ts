/**
 * `npm run bench:ingest`: throughput of the ingest pipeline from local files, per stage, and
 * search latency over a corpus of 400k+ documents. Not a test: it prints a table and writes JSON.
 *
 * Phases (into fresh SQLite files under a temp folder; one thread unless said otherwise):
 * 1. files: Wikinews articles rendered as HTML pages (a plain template of ours, with a nav bar,
 *    share links and a footer), ingested from a folder with analysis on worker threads (one per
 *    core, as `lede ingest`), with analysis on one thread, then without analysis;
 * 2. headlines: all UCI headlines as one JSON-lines file (`.jsonl.gz`), as `lede ingest` reads it;
 * 3. search: the headline corpus plus the Wikinews articles (stored pre-extracted: search speed
 *    does not depend on how the text was extracted), then queries drawn from the data — words,
 *    pairs, phrases, OR, NOT, and filtered by source or date — timed one by one: p50 and p95.
 *
 * Usage: npm run bench:ingest -- [--data DIR] [--only files,headlines,search]
 *          [--articles N] [--headlines N] [--queries N] [--batch N] [--workers N] [--out FILE]
 *          [--corpus FILE]   (the headline corpus is written there and kept; the search phase
 *                             reuses it when it exists and the headlines phase is not asked for)
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import type { Article } from '../src/core/index.js'
import { ARTICLE_SCHEMA, joinBlocks, seededRandom } from '../src/core/index.js'
import { readFiles } from '../src/ingest/files/index.js'
import { analyze } from '../src/nlp/index.js'
import type { RunSummary } from '../src/pipeline/index.js'
import { Pipeline } from '../src/pipeline/index.js'
import type { ArticleWrite, Store } from '../src/store/index.js'
import { openStore } from '../src/store/index.js'
import { parseCli } from './lib/cli.js'

const { values: args } = parseCli(
  {
    options: {
      data: { type: 'string' },
      only: { type: 'string', default: 'files,headlines,search' },
      articles: { type: 'string', default: '1000' },
      headlines: { type: 'string' },
      queries: { type: 'string', default: '500' },
      batch: { type: 'string' },
      workers: { type: 'string' },
      out: { type: 'string', default: 'bench/results/ingest.json' },
      keep: { type: 'boolean', default: false },
      corpus: { type: 'string' },
    },
  },
  import.meta.url,
)

function dataDir(): string {
  if (args.data) return resolve(args.data)
  for (const d of ['../shared/data', '../../shared/data'])
    if (existsSync(resolve(d))) return resolve(d)
  throw new Error('cannot find the shared data folder: pass --data DIR')
}

const DATA = dataDir()
const WIKINEWS = [
  join(DATA, 'demo/wikinews-en-2004-2018.jsonl.gz'),
  join(DATA, 'demo/wikinews-en-2019-2020.jsonl.gz'),
]
const UCI = join(DATA, 'clustering/uci-headlines-dev.jsonl.gz')
const phases = new Set(args.only!.split(','))
const batchSize = args.batch !== undefined ? Number(args.batch) : undefined
/** Analysis workers for the files phase with analysis (as `lede ingest`): one per core. */
const workers = args.workers !== undefined ? Number(args.workers) : availableParallelism()
const work = mkdtempSync(join(tmpdir(), 'lede-bench-'))
const results: { files?: unknown; headlines?: unknown; search?: unknown; [k: string]: unknown } = {
  date: new Date().toISOString(),
  node: process.version,
  note: 'one core; the machine is shared, so figures are pessimistic',
}

interface WikinewsRecord {
  id: string
  title: string
  date: string
  url: string
  text: string
}

function readJsonl<T>(path: string): T[] {
  return gunzipSync(readFileSync(path))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T)
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** Our own rendering of a Wikinews article as a news page, with the usual furniture around it. */
function renderPage(r: WikinewsRecord): string {
  const paras = r.text.split(/\n\s*\n/).map((p) => `<p>${esc(p.trim())}</p>`)
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(r.title)} - Wikinews</title>
<link rel="canonical" href="${esc(r.url)}"><meta property="og:title" content="${esc(r.title)}">
<meta property="article:published_time" content="${esc(r.date)}"></head><body>
<nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/economy">Economy</a></nav>
<article><h1>${esc(r.title)}</h1><time datetime="${esc(r.date)}">${esc(r.date)}</time>
${paras.join('\n')}</article>
<aside class="share"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">Email</a></aside>
<aside class="related"><h2>You May Also Like</h2><ul><li><a href="/a">Another story</a></li></ul></aside>
<footer>This page is Lede's rendering of a Wikinews article (CC BY 2.5), not Wikinews' own.</footer>
</body></html>`
}

const ms = (x: number) => Math.round(x * 1000) / 1000
const freshAt = (path: string): Store => {
  for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true })
  return openStore({ path })
}
const fresh = (name: string): Store => freshAt(join(work, `${name}.db`))

function perStage(s: RunSummary) {
  const n = Math.max(1, s.documents)
  return Object.fromEntries(Object.entries(s.stageMs).map(([k, v]) => [k, ms(v / n)]))
}

type Timed = RunSummary & { cpuSeconds: number; load: [number, number] }

/**
 * Runs a pipeline and measures its CPU time (every thread of the process, workers included) and
 * the machine's 1-minute load average before and after: on a shared machine wall time is
 * pessimistic, and documents per CPU-second is the one-core figure.
 */
async function timed(run: () => Promise<RunSummary>): Promise<Timed> {
  const l0 = loadavg()[0]!
  const c0 = process.cpuUsage()
  const s = await run()
  const c = process.cpuUsage(c0)
  return { ...s, cpuSeconds: (c.user + c.system) / 1e6, load: [l0, loadavg()[0]!] }
}

function report(label: string, s: Timed) {
  const row = {
    cpuSeconds: Math.round(s.cpuSeconds * 100) / 100,
    perCpuSecond: Math.round(s.documents / s.cpuSeconds),
    documents: s.documents,
    stored: s.inserted + s.revised,
    failed: s.failed,
    errors: s.errors,
    seconds: Math.round(s.seconds * 100) / 100,
    perSecond: Math.round(s.documents / s.seconds),
    storedPerSecond: Math.round((s.inserted + s.revised) / s.seconds),
    msPerDocumentByStage: perStage(s),
    loadAverage: s.load.map((x) => Math.round(x * 10) / 10),
  }
  console.log(
    `${label.padEnd(28)} ${String(row.documents).padStart(7)} docs ${String(row.seconds).padStart(7)} s ${String(row.perSecond).padStart(6)}/s (cpu ${row.cpuSeconds} s, ${row.perCpuSecond}/cpu-s)  stored ${row.stored}, failed ${row.failed} ${JSON.stringify(row.errors)}  load ${row.loadAverage.join('→')}`,
  )
  console.log(`${''.padEnd(28)} ms/doc by stage ${JSON.stringify(row.msPerDocumentByStage)}`)
  return row
}

async function filesPhase() {
  const n = Number(args.articles)
  const records = WIKINEWS.flatMap((p) => readJsonl<WikinewsRecord>(p)).slice(0, n)
  const dir = join(work, 'pages')
  mkdirSync(dir, { recursive: true })
  for (const r of records) writeFileSync(join(dir, `${r.id}.html`), renderPage(r))
  const out: Record<string, unknown> = { articles: records.length }
  const runs = [
    { key: 'withAnalysis', label: `files, analysis, ${workers} worker(s)`, analyze: true, workers },
    { key: 'withAnalysisOneThread', label: 'files, analysis, 1 thread', analyze: true, workers: 0 },
    { key: 'withoutAnalysis', label: 'files, without analysis', analyze: false, workers: 0 },
  ].filter((r) => r.workers > 0 || r.key !== 'withAnalysis')
  for (const r of runs) {
    const store = fresh(r.key)
    const p = new Pipeline({
      store,
      ...(r.analyze ? { workers: r.workers } : { analyze: false as const }),
      ...(batchSize !== undefined && { batchSize }),
    })
    const s = await timed(() => p.run(readFiles([dir])))
    out[r.key] = { workers: r.workers, ...report(r.label, s) }
    await p.close()
    await store.close()
  }
  results.files = out
}

async function headlinesPhase(): Promise<string> {
  let input = UCI
  if (args.headlines !== undefined) {
    // A prefix of the file, for quick runs.
    const lines = gunzipSync(readFileSync(UCI))
      .toString('utf8')
      .split('\n')
      .slice(0, Number(args.headlines))
    input = join(work, 'headlines.jsonl')
    writeFileSync(input, `${lines.join('\n')}\n`)
  }
  const store = args.corpus !== undefined ? freshAt(resolve(args.corpus)) : fresh('corpus')
  const p = new Pipeline({ store, ...(batchSize !== undefined && { batchSize }) })
  const s = await timed(() => p.run(readFiles([input])))
  results.headlines = report('UCI headlines (JSON lines)', s)
  await store.close()
  return args.corpus !== undefined ? resolve(args.corpus) : join(work, 'corpus.db')
}

const STOP = new Set(
  'the a an and or not of to in on for with at by from as is are was were be been it its this that after over says said will new into up out about than more has have had his her their they he she we you'.split(
    ' ',
  ),
)

async function searchPhase(dbPath: string | undefined) {
  const path =
    dbPath ?? (args.corpus !== undefined ? resolve(args.corpus) : join(work, 'corpus.db'))
  if (!existsSync(path)) throw new Error('the search phase needs the headlines phase first')
  const store = openStore({ path })
  // Full articles, stored pre-extracted (paragraphs as blocks) with whatever analysis is built.
  const records = WIKINEWS.flatMap((p) => readJsonl<WikinewsRecord>(p))
  const t0 = performance.now()
  const writes: ArticleWrite[] = records.map((r) => {
    const { text, blocks } = joinBlocks(
      r.text.split(/\n\s*\n/).map((p) => ({ kind: 'paragraph' as const, text: p })),
    )
    const article: Article = {
      schema: ARTICLE_SCHEMA,
      url: r.url,
      title: r.title,
      siteName: 'Wikinews',
      publishedAt: r.date,
      language: 'en',
      authors: [],
      text,
      blocks,
      related: [],
      removed: [],
      extraction: { inputFormat: 'text', method: 'bench-preextracted', confidence: 1 },
    }
    return {
      article,
      annotations: analyze(article).annotations,
      source: { kind: 'file', location: 'wikinews' },
      fetchedAt: new Date().toISOString(),
      stages: { extract: { status: 'ok' }, analyze: { status: 'ok' } },
    }
  })
  for (let i = 0; i < writes.length; i += 200) await store.putArticles(writes.slice(i, i + 200))
  const stats = await store.stats()
  console.log(
    `search corpus: ${stats.articles} articles (+${records.length} Wikinews in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  )

  const headlines = gunzipSync(readFileSync(UCI)).toString('utf8').split('\n').filter(Boolean)
  const titles = [
    ...headlines
      .filter((_, i) => i % 97 === 0)
      .map((l) => JSON.parse(l) as { title: string; source: string; date: string }),
    ...records.map((r) => ({ title: r.title, source: 'Wikinews', date: r.date })),
  ]
  const random = seededRandom(42) // the same queries on every run
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
  const wordsOf = (t: string) =>
    t
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 4 && !STOP.has(w))
  const queries: { kind: string; q: string; source?: string; from?: string; to?: string }[] = []
  while (queries.length < Number(args.queries)) {
    const t = pick(titles)
    const w = wordsOf(t.title)
    if (w.length < 2) continue
    const r = random()
    const a = w[0]!
    const b = w[1]!
    if (r < 0.35) queries.push({ kind: 'word', q: pick(w) })
    else if (r < 0.6) queries.push({ kind: 'two words', q: `${a} ${b}` })
    else if (r < 0.7) queries.push({ kind: 'phrase', q: `"${a} ${b}"` })
    else if (r < 0.8) queries.push({ kind: 'OR', q: `${a} OR ${b}` })
    else if (r < 0.85) queries.push({ kind: 'NOT', q: `${a} NOT ${b}` })
    else if (r < 0.92) queries.push({ kind: 'source filter', q: a, source: t.source })
    else {
      const day = t.date.slice(0, 10)
      queries.push({ kind: 'date filter', q: a, from: day, to: day })
    }
  }
  for (const q of queries.slice(0, 20)) await store.search({ ...q, limit: 20 })
  const times: number[] = []
  const byKind = new Map<string, number[]>()
  let hits = 0
  for (const q of queries) {
    const t = performance.now()
    const page = await store.search({ ...q, limit: 20 })
    const dt = performance.now() - t
    hits += page.items.length
    times.push(dt)
    byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), dt])
  }
  const pct = (xs: number[], p: number) => {
    const s = [...xs].sort((x, y) => x - y)
    return ms(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!)
  }
  const row = {
    corpusArticles: stats.articles,
    queries: queries.length,
    meanHits: Math.round((hits / queries.length) * 10) / 10,
    p50ms: pct(times, 50),
    p95ms: pct(times, 95),
    maxMs: ms(Math.max(...times)),
    byKind: Object.fromEntries(
      [...byKind].map(([k, v]) => [k, { n: v.length, p50ms: pct(v, 50), p95ms: pct(v, 95) }]),
    ),
  }
  console.log(
    `search over ${row.corpusArticles} articles, ${row.queries} queries: p50 ${row.p50ms} ms, p95 ${row.p95ms} ms, max ${row.maxMs} ms`,
  )
  for (const [k, v] of Object.entries(row.byKind))
    console.log(`  ${k.padEnd(14)} n=${v.n} p50 ${v.p50ms} ms p95 ${v.p95ms} ms`)
  results.search = row
  await store.close()
}

try {
  let corpus: string | undefined
  if (phases.has('files')) await filesPhase()
  if (phases.has('headlines')) corpus = await headlinesPhase()
  if (phases.has('search')) await searchPhase(corpus)
  mkdirSync(resolve(args.out!, '..'), { recursive: true })
  writeFileSync(args.out!, `${JSON.stringify(results, null, 2)}\n`)
  console.log(`results: ${args.out}`)
} finally {
  if (!args.keep) rmSync(work, { recursive: true, force: true })
  else console.log(`kept: ${work}`)
}
