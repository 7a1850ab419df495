/**
 * Dev benchmark for text-dump extraction, until bench/extract.bench.ts runs `.txt` pages:
 * runs Lede's text extractor and, in the same run, the whole dump as the baseline, over
 * DIR/pages/<id>.txt, and scores both with the reference metric (imported from aeb-eval.mjs, so
 * the numbers are the reference scorer's own).
 *
 *   npx tsx bench/text-dev.ts [--data ../shared/data/extraction-text]
 *                             [--scorer ../shared/scorers/aeb-eval.mjs] [--out preds.json]
 *
 * `--out` writes Lede's predictions as {id: {articleBody}}; `node aeb-eval.mjs --truth
 * DIR/ground-truth.json preds.json` then prints the same F1, P and R.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { extractArticle } from '../src/extract/index.js'

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/extraction-text' },
    scorer: { type: 'string', default: '../shared/scorers/aeb-eval.mjs' },
    out: { type: 'string' },
    repeat: { type: 'string', default: '3' },
  },
})

interface Scorer {
  scorePage(truth: string, pred: string): object
  aggregate(pages: object[]): { f1: number; precision: number; recall: number }
}

const dir = resolve(args.data!)
const scorer = (await import(pathToFileURL(resolve(args.scorer!)).href)) as Scorer
const truth = JSON.parse(readFileSync(resolve(dir, 'ground-truth.json'), 'utf8')) as Record<
  string,
  { articleBody: string }
>
const files = readdirSync(resolve(dir, 'pages')).filter((f) => f.endsWith('.txt'))
const pages = files.map((f) => ({
  id: f.replace(/\.txt$/, ''),
  bytes: readFileSync(resolve(dir, 'pages', f)),
}))

const preds: Record<string, { articleBody: string }> = {}
const times: number[] = []
let failures = 0
// Warm-up (model load, JIT), then the timed passes: pages/s is the best of `--repeat` passes.
extractArticle(pages[0]!.bytes)
let best = Infinity
let bestCpu = Infinity
for (let r = 0; r < Number(args.repeat); r++) {
  const t0 = process.hrtime.bigint()
  const c0 = process.cpuUsage()
  for (const page of pages) {
    const s = process.hrtime.bigint()
    const result = extractArticle(page.bytes)
    if (r === 0) {
      times.push(Number(process.hrtime.bigint() - s) / 1e6)
      if (!result.ok) failures++
      preds[page.id] = { articleBody: result.ok ? result.value.text : '' }
    }
  }
  best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9)
  const c = process.cpuUsage(c0)
  bestCpu = Math.min(bestCpu, (c.user + c.system) / 1e6)
}

const score = (get: (id: string) => string) =>
  scorer.aggregate(
    Object.keys(truth)
      .sort()
      .map((id) => scorer.scorePage(truth[id]!.articleBody, get(id))),
  )
const lede = score((id) => preds[id]?.articleBody ?? '')
const whole = score((id) => pages.find((p) => p.id === id)?.bytes.toString('utf8') ?? '')
times.sort((a, b) => a - b)
const p95 = times[Math.floor(times.length * 0.95)] ?? 0
const row = (name: string, m: { f1: number; precision: number; recall: number }, pps: string) =>
  `${name.padEnd(12)} ${m.f1.toFixed(3).padEnd(7)} ${m.precision.toFixed(3).padEnd(7)} ${m.recall.toFixed(3).padEnd(7)} ${pps}`
console.log(`${pages.length} pages from ${dir}`)
console.log(`${'system'.padEnd(12)} ${'F1'.padEnd(7)} ${'P'.padEnd(7)} ${'R'.padEnd(7)} pages/s`)
console.log(row('lede', lede, (pages.length / best).toFixed(0)))
console.log(row('whole dump', whole, '-'))
console.log(
  `lede: ${(pages.length / bestCpu).toFixed(0)} pages per CPU-second (wall-clock pages/s suffers when other jobs share the cores)`,
)
console.log(
  `lede: p95 ${p95.toFixed(2)} ms, max ${times[times.length - 1]?.toFixed(2)} ms, ${failures} pages without an article`,
)
if (args.out) writeFileSync(args.out, `${JSON.stringify(preds)}\n`)
