/**
 * @module bench:related — indexes articles for related-article queries and times the queries.
 * The file's articles (`id, title, text, date?`) are repeated with new ids until `--size` are
 * indexed (repeats make postings as long as a real corpus of that size, a pessimistic case:
 * every term is as common as the file makes it), then `--queries` random articles are asked
 * for their top 10.
 *
 *   npm run bench:related -- --file ../shared/data/demo/wikinews-en-2004-2018.jsonl.gz [--size 100000]
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { gunzipSync } from 'node:zlib'
import { createLinker } from '../src/link/index.js'

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    size: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '1000' },
  },
})
if (!values.file) {
  console.error(
    'usage: npm run bench:related -- --file ARTICLES.jsonl[.gz] [--size N] [--queries Q]',
  )
  process.exit(2)
}
const buf = readFileSync(values.file)
const docs: { id: string; title: string; text: string; date?: string }[] = (
  values.file.endsWith('.gz') ? gunzipSync(buf) : buf
)
  .toString('utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))
const size = Number(values.size)
// Stories and copies are not needed to index; stories still run (the index uses their vectors).
const linker = createLinker({ copies: false })
const t0 = performance.now()
for (let i = 0; i < size; i++) {
  const d = docs[i % docs.length]!
  const input: Parameters<typeof linker.add>[0] = {
    id: `${d.id}~${Math.floor(i / docs.length)}`,
    title: d.title,
    text: d.text,
  }
  linker.add(input)
}
const indexSeconds = (performance.now() - t0) / 1000
const times: number[] = []
let seed = 1
for (let q = 0; q < Number(values.queries); q++) {
  seed = (seed * 1103515245 + 12345) % 2 ** 31
  const i = seed % size
  const d = docs[i % docs.length]!
  const id = `${d.id}~${Math.floor(i / docs.length)}`
  const t = performance.now()
  linker.related(id, { k: 10 })
  times.push(performance.now() - t)
}
times.sort((a, b) => a - b)
const pct = (p: number) => times[Math.floor(p * (times.length - 1))]!.toFixed(2)
console.log(
  `indexed ${size} articles in ${indexSeconds.toFixed(1)} s (${Math.round(size / indexSeconds)}/s); related top-10: p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
)
