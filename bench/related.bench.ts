/**
 * @module bench:related — times related-article queries over a large index. The file's articles
 * (`id, title, text`) are linked once (their TF-IDF vectors), then their vectors are indexed
 * again and again under new ids until `--size` articles are indexed: postings as long as a real
 * corpus of that size (pessimistic: every term is as common as in the file), without the cost
 * of linking 10^5 full texts. Then `--queries` random articles ask for their top 10.
 *
 *   npm run bench:related -- --file ../shared/data/demo/wikinews-en-2004-2018.jsonl.gz [--size 100000]
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { seededRandom } from '../src/core/index.js'
import { createLinker, RELATED_DEFAULTS } from '../src/link/index.js'
import { RelatedIndex } from '../src/link/related.js'
import { parseCli } from './lib/cli.js'

const { values } = parseCli(
  {
    options: {
      file: { type: 'string' },
      size: { type: 'string', default: '100000' },
      queries: { type: 'string', default: '1000' },
    },
  },
  import.meta.url,
)
if (!values.file) {
  console.error(
    'usage: npm run bench:related -- --file ARTICLES.jsonl[.gz] [--size N] [--queries Q]',
  )
  process.exit(2)
}
const buf = readFileSync(values.file)
const docs: { id: string; title: string; text: string }[] = (
  values.file.endsWith('.gz') ? gunzipSync(buf) : buf
)
  .toString('utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))
const size = Number(values.size)
const linker = createLinker({ copies: false, related: false })
docs.forEach((d, i) => {
  // One article a minute, so stories close as in a live feed.
  linker.add({ id: d.id, title: d.title, text: d.text, publishedAt: i * 60_000 })
})
const index = new RelatedIndex(RELATED_DEFAULTS)
const t0 = performance.now()
for (let i = 0; i < size; i++) {
  const d = docs[i % docs.length]!
  index.add(
    `${d.id}~${Math.floor(i / docs.length)}`,
    linker.stories.vectorOf(d.id)!,
    () => undefined,
  )
}
const indexSeconds = (performance.now() - t0) / 1000
const times: number[] = []
const random = seededRandom(1)
for (let q = 0; q < Number(values.queries); q++) {
  const i = Math.floor(random() * size)
  const d = docs[i % docs.length]!
  const t = performance.now()
  index.related(`${d.id}~${Math.floor(i / docs.length)}`, 10)
  times.push(performance.now() - t)
}
times.sort((a, b) => a - b)
const pct = (p: number) => times[Math.floor(p * (times.length - 1))]!.toFixed(2)
console.log(
  `indexed ${size} articles in ${indexSeconds.toFixed(1)} s; related top-10 over ${size}: p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
)
