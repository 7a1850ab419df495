/**
 * Extraction benchmark: `npm run bench:extract -- --data DIR [--out FILE]`.
 *
 * DIR holds `pages/<id>.html` (or `.html.gz`) and `ground-truth.json` ({id: {articleBody, url?}}),
 * as ../shared/data/extraction-html does; or `pages/<id>.txt` plain-text dumps, as
 * ../shared/data/extraction-text does. Lede and its peer (Readability on linkedom for HTML, the
 * whole dump for text) run in the same invocation, each in its own child process so that its
 * peak RSS is its own. Prints precision, recall and F1 (the metric of aeb-eval.mjs), pages/s,
 * p95 and max ms per page, and peak RSS.
 *
 * Options:
 *   --out FILE       write Lede's predictions as {id: {articleBody}}
 *   --scorer PATH    also score with the reference aeb-eval.mjs and check the numbers agree
 *   --warmup N       untimed passes over all pages before the timed one (default 1)
 *   --rounds N       timed rounds, alternating the systems; each page's time is its fastest
 *                    round, which damps the noise of a shared machine (default 3)
 *   --clock KIND     wall (default) or cpu: time pages by the process's CPU time, a steadier
 *                    estimate of the unloaded wall time when other jobs share the machine
 *   --worst N        list Lede's N worst pages by F1
 *   --csv FILE       per-page scores of every system
 *   --parser NAME    run Lede with this HTML parser (htmlparser2 | parse5)
 *   --systems LIST   comma-separated subset (lede,readability,dump)
 */
import { fork } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { ParserName } from '../src/extract/html/index.js'
import { evaluate, type PageScore } from './lib/aeb-metric.js'
import { parseCli } from './lib/cli.js'
import { loadPages, loadTruth } from './lib/pages.js'
import { makeSystem, type SystemName } from './lib/systems.js'

interface RunResult {
  system: SystemName
  preds: Record<string, { articleBody: string }>
  ms: number[]
  maxRssMb: number
}

const { values } = parseCli(
  {
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      scorer: { type: 'string' },
      warmup: { type: 'string', default: '1' },
      rounds: { type: 'string', default: '3' },
      clock: { type: 'string', default: 'wall' },
      worst: { type: 'string' },
      csv: { type: 'string' },
      parser: { type: 'string' },
      systems: { type: 'string' },
      child: { type: 'string' },
      result: { type: 'string' },
    },
  },
  import.meta.url,
)

if (values.data === undefined) {
  process.stderr.write('usage: npm run bench:extract -- --data DIR [--out FILE] [--scorer PATH]\n')
  process.exit(2)
}
const dataDir = values.data
const parser = values.parser as ParserName | undefined

if (values.child !== undefined) {
  runChild(values.child as SystemName, values.result!)
} else {
  await runParent()
}

/** One system over every page, in this process; the result goes to a JSON file. */
function runChild(system: SystemName, resultPath: string): void {
  const truth = loadTruth(dataDir)
  const pages = loadPages(dataDir, truth)
  const run = makeSystem(system, parser !== undefined ? { parser } : {})
  for (let w = 0; w < Number(values.warmup); w++) for (const p of pages) run(p)
  const preds: Record<string, { articleBody: string }> = {}
  const ms: number[] = []
  const cpuMs = () => {
    const u = process.cpuUsage()
    return (u.user + u.system) / 1000
  }
  const clock = values.clock === 'cpu' ? cpuMs : () => performance.now()
  for (const p of pages) {
    const t0 = clock()
    const text = run(p)
    ms.push(clock() - t0)
    preds[p.id] = { articleBody: text }
  }
  const maxRssMb = process.resourceUsage().maxRSS / 1024
  writeFileSync(resultPath, JSON.stringify({ system, preds, ms, maxRssMb } satisfies RunResult))
}

async function runParent(): Promise<void> {
  const truth = loadTruth(dataDir)
  const pages = loadPages(dataDir, truth)
  if (pages.length === 0) throw new Error(`no pages in ${join(dataDir, 'pages')}`)
  const textMode = pages.every((p) => p.format === 'text')
  const systems: SystemName[] = values.systems
    ? (values.systems.split(',') as SystemName[])
    : ['lede', textMode ? 'dump' : 'readability']
  const tmp = mkdtempSync(join(tmpdir(), 'lede-bench-'))
  const results: RunResult[] = []
  try {
    // Rounds alternate the systems, so that a busy spell on a shared machine hits both.
    for (let round = 0; round < Math.max(1, Number(values.rounds)); round++) {
      for (const [i, system] of systems.entries()) {
        const r = await forkSystem(system, tmp)
        const prev = results[i]
        if (prev === undefined) results[i] = r
        else {
          prev.ms = prev.ms.map((m, k) => Math.min(m, r.ms[k] ?? m))
          prev.maxRssMb = Math.max(prev.maxRssMb, r.maxRssMb)
        }
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }

  const rows = results.map((r) => {
    const { corpus, pages: scored } = evaluate(truth, r.preds)
    const total = r.ms.reduce((a, b) => a + b, 0)
    const sorted = [...r.ms].sort((a, b) => a - b)
    return {
      r,
      corpus,
      scored,
      pagesPerS: (r.ms.length / total) * 1000,
      p95: sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? 0,
      max: sorted[sorted.length - 1] ?? 0,
    }
  })

  const label = (s: SystemName) =>
    s === 'lede'
      ? `lede${parser ? ` (${parser})` : ''}${textMode ? ' (text)' : ''}`
      : s === 'readability'
        ? 'readability-linkedom'
        : 'whole dump'
  const head = ['system', 'F1', 'P', 'R', 'pages/s', 'p95 ms', 'max ms', 'RSS MB']
  // NaN: the system returned nothing on any page (precision has no page to average over).
  const num = (v: number) => (Number.isNaN(v) ? 'n/a' : v.toFixed(4))
  const lines = rows.map((x) => [
    label(x.r.system),
    num(x.corpus.f1),
    num(x.corpus.precision),
    num(x.corpus.recall),
    x.pagesPerS.toFixed(1),
    x.p95.toFixed(1),
    x.max.toFixed(1),
    x.r.maxRssMb.toFixed(0),
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)))
  const fmt = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`
  console.log(
    `${pages.length} pages from ${dataDir}${textMode ? ' (plain-text dumps)' : ''}; ${values.clock} clock, best of ${values.rounds} rounds per page`,
  )
  console.log(fmt(head))
  console.log(
    `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  )
  for (const l of lines) console.log(fmt(l))
  const lede = rows.find((x) => x.r.system === 'lede')
  const peer = rows.find((x) => x.r.system !== 'lede')
  if (lede && peer)
    console.log(
      `lede throughput = ${(lede.pagesPerS / peer.pagesPerS).toFixed(2)}x ${label(peer.r.system)}`,
    )

  if (values.scorer !== undefined) await checkScorer(values.scorer, truth, rows)
  if (values.out !== undefined && lede) {
    writeFileSync(values.out, `${JSON.stringify(lede.r.preds, null, 1)}\n`)
    console.log(`wrote Lede's predictions to ${values.out}`)
  }
  if (values.worst !== undefined && lede) {
    const worst = [...lede.scored].sort((a, b) => a.f1 - b.f1).slice(0, Number(values.worst))
    for (const w of worst)
      console.log(
        `${w.id.slice(0, 12)} F1 ${w.f1.toFixed(3)} P ${w.precision.toFixed(3)} R ${w.recall.toFixed(3)} ${truth[w.id]?.url ?? ''}`,
      )
  }
  if (values.csv !== undefined) {
    const out = ['system,id,precision,recall,f1']
    for (const x of rows)
      for (const p of x.scored as (PageScore & { id: string })[])
        out.push(`${x.r.system},${p.id},${p.precision},${p.recall},${p.f1}`)
    writeFileSync(values.csv, `${out.join('\n')}\n`)
  }
}

function forkSystem(system: SystemName, tmp: string): Promise<RunResult> {
  const resultPath = join(tmp, `${system}.json`)
  const args = ['--data', dataDir, '--child', system, '--result', resultPath]
  args.push('--warmup', values.warmup!, '--clock', values.clock!)
  if (parser !== undefined) args.push('--parser', parser)
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), args, { execArgv: process.execArgv })
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${system} run exited with ${code}`))
      resolve(JSON.parse(readFileSync(resultPath, 'utf8')) as RunResult)
    })
  })
}

/** Scores the same predictions with the reference scorer and fails loudly if the numbers differ. */
async function checkScorer(
  path: string,
  truth: Record<string, { articleBody: string }>,
  rows: { r: RunResult; corpus: { f1: number; precision: number; recall: number } }[],
): Promise<void> {
  const ref = (await import(pathToFileURL(resolve(path)).href)) as {
    evaluateSystem: (t: unknown, p: unknown) => { pages: unknown[] }
    aggregate: (pages: unknown[]) => { f1: number; precision: number; recall: number }
  }
  for (const x of rows) {
    const m = ref.aggregate(ref.evaluateSystem(truth, x.r.preds).pages)
    // Both NaN (nothing predicted) counts as agreement.
    const gap = (a: number, b: number) => (Number.isNaN(a) && Number.isNaN(b) ? 0 : Math.abs(a - b))
    const d = Math.max(
      gap(m.f1, x.corpus.f1),
      gap(m.precision, x.corpus.precision),
      gap(m.recall, x.corpus.recall),
    )
    console.log(
      `reference scorer on ${x.r.system}: F1 ${m.f1.toFixed(4)} P ${m.precision.toFixed(4)} R ${m.recall.toFixed(4)} (max |difference| ${d.toExponential(1)})`,
    )
    if (!(d <= 1e-12)) {
      process.exitCode = 1
      console.log('  MISMATCH with the reference scorer')
    }
  }
}
