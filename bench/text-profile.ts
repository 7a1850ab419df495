/**
 * Where the time of text-dump extraction goes: runs each step of the extractor over every
 * DIR/pages/<id>.txt and prints CPU microseconds per line and per page for each, so a speed
 * change can be judged step by step (the speed bar is measured by `npm run bench:extract`).
 *
 *   npx tsx bench/text-profile.ts [--data ../shared/data/extraction-text] [--rounds 5]
 */
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { decodeText } from '../src/extract/decode/index.js'
import { assemble } from '../src/extract/text/assemble.js'
import { shippedModel, stage1, stage2For } from '../src/extract/text/classify.js'
import { lineFeatures } from '../src/extract/text/features.js'
import { scanDump } from '../src/extract/text/lines.js'
import { parseCli } from './lib/cli.js'

const { values: args } = parseCli(
  {
    options: {
      data: { type: 'string', default: '../shared/data/extraction-text' },
      rounds: { type: 'string', default: '5' },
    },
  },
  import.meta.url,
)

const dir = resolve(args.data!)
const pages = readdirSync(resolve(dir, 'pages'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(resolve(dir, 'pages', f)))
const model = shippedModel()
const steps = ['decode', 'scan', 'features', 'stage1', 'stage2', 'assemble'] as const
const cpu = new Map<string, number>(steps.map((s) => [s, Infinity]))
let nLines = 0
let stage2Lines = 0
const now = (): number => {
  const u = process.cpuUsage()
  return u.user + u.system
}
// Each step runs over all pages between two clock readings (reading the CPU clock per page
// would cost more than the short steps it measures).
for (let r = 0; r < Number(args.rounds) + 1; r++) {
  const t = new Map<string, number>()
  let t0 = now()
  const texts = pages.map((bytes) => decodeText(bytes).text)
  let t1 = now()
  t.set('decode', t1 - t0)
  t0 = t1
  const dumps = texts.map((text) => scanDump(text))
  t1 = now()
  t.set('scan', t1 - t0)
  t0 = t1
  const rows = dumps.map((d) => lineFeatures(d))
  t1 = now()
  t.set('features', t1 - t0)
  t0 = t1
  const p1 = rows.map((x) => stage1(model.stage1, x))
  t1 = now()
  t.set('stage1', t1 - t0)
  t0 = t1
  const p = dumps.map((d, k) => stage2For(model, rows[k]!, p1[k]!, d.lines))
  t1 = now()
  t.set('stage2', t1 - t0)
  t0 = t1
  for (let k = 0; k < dumps.length; k++)
    assemble(dumps[k]!.lines, p[k]!.p, model.threshold, {}, dumps[k]!.furniture)
  t1 = now()
  t.set('assemble', t1 - t0)
  nLines = 0
  stage2Lines = 0
  for (let k = 0; k < dumps.length; k++) {
    nLines += dumps[k]!.lines.length
    stage2Lines += p[k]!.evaluated
  }
  // Round 0 warms the JIT; each step keeps its best later round.
  if (r > 0) for (const s of steps) cpu.set(s, Math.min(cpu.get(s)!, t.get(s)!))
}
let total = 0
console.log(`${pages.length} pages, ${nLines} lines; CPU time, best of ${args.rounds} rounds`)
for (const s of steps) {
  const us = cpu.get(s)!
  total += us
  console.log(
    `${s.padEnd(9)} ${(us / nLines).toFixed(2).padStart(7)} µs/line ${(us / pages.length).toFixed(0).padStart(6)} µs/page`,
  )
}
console.log(
  `total     ${(total / nLines).toFixed(2).padStart(7)} µs/line ${(total / pages.length).toFixed(0).padStart(6)} µs/page = ${((pages.length / total) * 1e6).toFixed(0)} pages per CPU-second`,
)
console.log(`stage 2 ran on ${((100 * stage2Lines) / nLines).toFixed(1)} % of the lines`)
