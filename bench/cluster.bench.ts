/**
 * @module bench:cluster — clusters a JSONL file (`id, title, body?, date, cluster_id`, maybe
 * `split`) in time order with the linker, one article at a time, and prints B-cubed precision,
 * recall and F1, docs/s and peak RSS. Writes `{id, cluster}` lines for the reference scorer.
 *
 *   npm run bench:cluster -- --file F.jsonl[.gz] [--field title|title+body] [--split dev]
 *     [--from ISO --to ISO | --window-days 10 --window 0,3,7] [--out PRED.jsonl]
 *     [--gold-out GOLD.jsonl] [--check] [--set name=value ...] [--no-time] [--json]
 *     [--stream-report [--top N] [--groups GROUPS.jsonl]]
 *
 * `--stream-report` prints the shape of the clustered stream (bench/stream-report.ts): stories,
 * how many of size ≥ 5, the largest, how many span more than 30 / 90 days, the largest stories
 * with their dates and headlines. For a stream without gold (the Wikinews demo set, whose lines
 * have `text` and no `cluster_id`), `--groups` scores against groups of ids instead (weak gold:
 * each group one cluster, every other article alone).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { seededRandom, shuffle } from '../src/core/index.js'
import { createLinker, type LinkerOptions } from '../src/link/index.js'
import {
  type AnnotationCache,
  annotateDocs,
  type ClusterDoc,
  docTime,
  readJsonl,
  type Scores,
  score,
  select,
} from './cluster-data.js'
import { parseCli } from './lib/cli.js'
import { formatStreamReport, groupGold, readGroups, streamReport } from './stream-report.js'

const here = dirname(fileURLToPath(import.meta.url))
// The reference scorer beside the data: ../shared from the repository (or from a worktree one level deeper).
const SCORER =
  [
    resolve(here, '../../shared/scorers/bcubed.mjs'),
    resolve(here, '../../../shared/scorers/bcubed.mjs'),
  ].find((p) => existsSync(p)) ?? resolve(here, '../../shared/scorers/bcubed.mjs')

const { values } = parseCli(
  {
    options: {
      file: { type: 'string' },
      field: { type: 'string', default: 'title+body' },
      out: { type: 'string' },
      'gold-out': { type: 'string' },
      split: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'window-days': { type: 'string' },
      window: { type: 'string' },
      set: { type: 'string', multiple: true },
      check: { type: 'boolean', default: false },
      'no-time': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      explain: { type: 'string' },
      'prime-df': { type: 'boolean', default: false },
      'jitter-minutes': { type: 'string' },
      'shuffle-undated': { type: 'string' },
      scorer: { type: 'string', default: SCORER },
      analyze: { type: 'boolean', default: false },
      'annotations-cache': { type: 'string' },
      'stream-report': { type: 'boolean', default: false },
      top: { type: 'string', default: '10' },
      groups: { type: 'string' },
    },
  },
  import.meta.url,
)

if (!values.file) {
  console.error(
    'usage: npm run bench:cluster -- --file F.jsonl[.gz] [--field title|title+body] [--split S] [--from ISO --to ISO | --window-days N --window I[,J..]] [--out PRED.jsonl] [--check]',
  )
  process.exit(2)
}
if (values.field !== 'title' && values.field !== 'title+body') {
  console.error('--field is title or title+body')
  process.exit(2)
}

/** `--set name=value` overrides of the story options (numbers). */
function overrides(): Record<string, number> {
  const o: Record<string, number> = {}
  for (const kv of values.set ?? []) {
    const [k, v] = kv.split('=')
    if (!k || v === undefined || !Number.isFinite(Number(v))) {
      console.error(`bad --set ${kv}`)
      process.exit(2)
    }
    o[k] = Number(v)
  }
  return o
}

interface Run {
  label: string
  scores: Scores
  seconds: number
  /** CPU time of the clustering loop (user + system): fair when the machine is shared. */
  cpuSeconds: number
  docsPerSecond: number
  pred: { id: string; cluster: string }[]
  docs: ClusterDoc[]
  reasons: string[]
}

function runOne(docs: ClusterDoc[], label: string, annotations?: AnnotationCache): Run {
  const options: LinkerOptions = {
    stories: overrides(),
    copies: true,
    related: false,
  }
  const linker = createLinker(options)
  const useBody = values.field === 'title+body'
  if (values['prime-df']) {
    // Diagnostic only: document frequencies of the whole selection known up front.
    for (const d of docs) {
      const f = linker.stories.features({
        id: d.id,
        title: d.title,
        text: useBody ? (d.body ?? '') : '',
      })
      linker.stories.df.add(f.counts.keys())
    }
  }
  const pred: { id: string; cluster: string }[] = []
  const reasons: string[] = []
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  for (const d of docs) {
    const input: Parameters<typeof linker.add>[0] = { id: String(d.id), title: d.title ?? '' }
    if (useBody && d.body) input.text = d.body
    if (!values['no-time'] && d.date) input.publishedAt = d.date
    if (d.url) input.url = d.url
    if (d.source) input.siteName = d.source
    const ann = annotations?.get(String(d.id))
    if (ann) input.annotations = ann
    const r = linker.add(input)
    pred.push({ id: String(d.id), cluster: r.assignment.storyId })
    if (values.explain)
      reasons.push(JSON.stringify({ ...r.assignment, gold: d.cluster_id, title: d.title }))
  }
  const seconds = (performance.now() - t0) / 1000
  const cpu = process.cpuUsage(cpu0)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  // Stories may have been merged or moved: read the final story of each article.
  for (const p of pred) p.cluster = linker.storyOf(p.id) ?? p.cluster
  const scores = score(
    docs.map((d) => String(d.cluster_id)),
    pred.map((p) => p.cluster),
  )
  return {
    label,
    scores,
    seconds,
    cpuSeconds,
    docsPerSecond: docs.length / seconds,
    pred,
    docs,
    reasons,
  }
}

function check(run: Run): void {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cluster-'))
  try {
    const gold = join(dir, 'gold.jsonl')
    const pred = join(dir, 'pred.jsonl')
    writeFileSync(
      gold,
      run.docs.map((d) => JSON.stringify({ id: d.id, cluster_id: d.cluster_id })).join('\n'),
    )
    writeFileSync(pred, run.pred.map((p) => JSON.stringify(p)).join('\n'))
    const ref = JSON.parse(execFileSync('node', [values.scorer, gold, pred], { encoding: 'utf8' }))
    const same = (['b3_p', 'b3_r', 'b3_f1', 'pair_p', 'pair_r', 'pair_f1'] as const).every(
      (k) => ref[k] === run.scores[k],
    )
    console.log(
      `  reference scorer: ${JSON.stringify(ref)} → ${same ? 'same numbers' : 'DIFFERENT'}`,
    )
    if (!same) process.exitCode = 1
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const all = readJsonl(values.file)
if (values.groups) {
  const gold = groupGold(all, readGroups(values.groups))
  all.forEach((d, i) => {
    d.cluster_id = gold[i]!
  })
}
const windows = values.window !== undefined ? values.window.split(',').map(Number) : [undefined]
const runs: Run[] = []
for (const w of windows) {
  const sel: Parameters<typeof select>[1] = {}
  if (values.split) sel.split = values.split
  if (values.from) sel.from = values.from
  if (values.to) sel.to = values.to
  if (values['window-days'] !== undefined) {
    sel.windowDays = Number(values['window-days'])
    sel.window = w ?? 0
  }
  let docs = select(all, sel)
  const jitter = Number(values['jitter-minutes'] ?? 0)
  if (jitter > 0) {
    // Robustness check: move each time by up to ±jitter minutes (seeded) and re-sort, so that
    // no result can lean on the exact order of articles inside a crawl batch.
    const rand = seededRandom(12345)
    docs = docs
      .map((d) => {
        const t = d.date ? Date.parse(d.date) : Number.NaN
        if (!Number.isFinite(t)) return d
        return { ...d, date: new Date(t + (rand() * 2 - 1) * jitter * 60_000).toISOString() }
      })
      .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
  }
  if (values['shuffle-undated'] !== undefined) {
    // Robustness check: the undated documents come first in file order (ECB+ files them by
    // topic); a seeded shuffle of that backfill shows how much a result leans on that order.
    const rand = seededRandom(Number(values['shuffle-undated']) || 1)
    const undated = shuffle(
      docs.filter((d) => docTime(d) === undefined),
      rand,
    )
    docs = [...undated, ...docs.filter((d) => docTime(d) !== undefined)]
  }
  if (docs.length === 0) {
    console.error(`no documents selected${w !== undefined ? ` in window ${w}` : ''}`)
    continue
  }
  const label = w !== undefined ? `window ${w}` : (values.split ?? 'all')
  let annotations: AnnotationCache | undefined
  if (values.analyze) {
    const a = annotateDocs(docs, values.field, values['annotations-cache'])
    annotations = a.annotations
    const s = a.stats
    if (s.analysed > 0)
      console.log(
        `${label.padEnd(10)} analyze() ${s.analysed} docs: ${Math.round(s.analysed / s.seconds)} docs/s (${s.seconds.toFixed(1)} s, CPU ${s.cpuSeconds.toFixed(1)} s)${s.cached ? `, ${s.cached} from the cache` : ''}`,
      )
    else console.log(`${label.padEnd(10)} analyze(): ${s.cached} docs from the cache`)
  }
  const run = runOne(docs, label, annotations)
  runs.push(run)
  const s = run.scores
  const rss = process.resourceUsage().maxRSS / 1024
  if (values.json) {
    console.log(
      JSON.stringify({
        label,
        ...s,
        seconds: run.seconds,
        docs_per_s: Math.round(run.docsPerSecond),
        peak_rss_mb: Math.round(rss),
      }),
    )
  } else {
    console.log(
      `${label.padEnd(10)} docs ${String(s.docs).padStart(6)}  gold ${String(s.gold_clusters).padStart(5)}  pred ${String(s.pred_clusters).padStart(5)}  B3 P ${s.b3_p.toFixed(4)} R ${s.b3_r.toFixed(4)} F1 ${s.b3_f1.toFixed(4)}  pair F1 ${s.pair_f1.toFixed(4)}  ${Math.round(run.docsPerSecond)} docs/s  ${run.seconds.toFixed(1)} s (CPU ${run.cpuSeconds.toFixed(1)} s)  peak RSS ${Math.round(rss)} MB`,
    )
  }
  if (values.check) check(run)
  if (values['stream-report']) {
    const report = streamReport(
      run.docs,
      run.pred.map((p) => p.cluster),
      Number(values.top),
    )
    for (const line of formatStreamReport(report)) console.log(line)
  }
}

if (runs.length > 1) {
  const mean = (k: 'b3_p' | 'b3_r' | 'b3_f1') =>
    runs.reduce((a, r) => a + r.scores[k], 0) / runs.length
  console.log(
    `mean of ${runs.length}: B3 P ${mean('b3_p').toFixed(4)} R ${mean('b3_r').toFixed(4)} F1 ${mean('b3_f1').toFixed(4)}`,
  )
}

if (values.out) {
  const lines = runs.flatMap((r) =>
    r.pred.map((p) =>
      JSON.stringify({
        id: p.id,
        cluster: runs.length > 1 ? `${r.label}:${p.cluster}` : p.cluster,
      }),
    ),
  )
  writeFileSync(values.out, `${lines.join('\n')}\n`)
}
if (values.explain) writeFileSync(values.explain, `${runs.flatMap((r) => r.reasons).join('\n')}\n`)
if (values['gold-out']) {
  const lines = runs.flatMap((r) =>
    r.docs.map((d) => JSON.stringify({ id: d.id, cluster_id: d.cluster_id })),
  )
  writeFileSync(values['gold-out'], `${lines.join('\n')}\n`)
}
