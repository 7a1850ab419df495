/**
 * @module bench:copies — builds a corpus of syndicated copies by rules (test/helpers/copy-corpus.ts)
 * from a JSONL(.gz) file of originals (`id, title, text, date?, url?`), runs the linker over it in
 * time order, and prints pairwise precision and recall of the copy groups, and articles/s.
 *
 *   npm run bench:copies -- --file ../shared/data/demo/wikinews-en-2004-2018.jsonl.gz [--limit N] [--seed S]
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { createLinker } from '../src/link/index.js'
import { buildCopyCorpus, type Original, scoreCopyGroups } from '../test/helpers/copy-corpus.js'
import { parseCli } from './lib/cli.js'

const { values } = parseCli(
  {
    options: {
      file: { type: 'string' },
      limit: { type: 'string' },
      seed: { type: 'string', default: '7' },
      errors: { type: 'boolean', default: false },
    },
  },
  import.meta.url,
)
if (!values.file) {
  console.error('usage: npm run bench:copies -- --file ORIGINALS.jsonl[.gz] [--limit N] [--seed S]')
  process.exit(2)
}
const buf = readFileSync(values.file)
const text = (values.file.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8')
let originals: Original[] = text
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))
  .filter((d) => typeof d.text === 'string' && d.text.length > 200)
if (values.limit) originals = originals.slice(0, Number(values.limit))
const corpus = buildCopyCorpus(originals, { seed: Number(values.seed) })
const linker = createLinker({ related: false })
const t0 = performance.now()
for (const a of corpus) linker.add(a)
const seconds = (performance.now() - t0) / 1000
const s = scoreCopyGroups(corpus, (id) => linker.originOf(id))
console.log(
  `articles ${corpus.length} (originals ${originals.length})  copy pairs ${s.truePairs}  predicted ${s.predictedPairs}  precision ${s.precision.toFixed(4)}  recall ${s.recall.toFixed(4)}  ${Math.round(corpus.length / seconds)} articles/s  peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
)
if (values.errors) {
  for (const a of corpus) {
    const o = linker.originOf(a.id)
    const predGroup = corpus.find((x) => x.id === o)?.group
    if (a.group !== a.id && predGroup !== a.group)
      console.log(`missed ${a.id} rules=${a.rules.join(',')}`)
    if (predGroup !== undefined && predGroup !== a.group) console.log(`wrong ${a.id} → ${o}`)
  }
}
