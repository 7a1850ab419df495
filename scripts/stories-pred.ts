/**
 * Writes the stories `lede ingest` stored for a clustering JSONL file (`id, url, cluster_id`, as
 * in ../shared/data/clustering) as files for the reference scorer: GOLD (`{id, cluster_id}`) and
 * PRED (`{id, cluster}`, the stored story id), matched by URL. Checks that linking inside ingest
 * gives the stories `npm run bench:cluster` gives on the same file.
 *
 * Usage: tsx scripts/stories-pred.ts --db DB --file FILE.jsonl[.gz] --gold GOLD --pred PRED
 *        node ../shared/scorers/bcubed.mjs GOLD PRED
 */
import { createReadStream, writeFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import { parseCli } from '../bench/lib/cli.js'
import { openStore } from '../src/store/index.js'

const { values } = parseCli(
  {
    options: {
      db: { type: 'string' },
      file: { type: 'string' },
      gold: { type: 'string' },
      pred: { type: 'string' },
    },
  },
  import.meta.url,
)
if (!values.db || !values.file || !values.gold || !values.pred) {
  console.error('usage: tsx scripts/stories-pred.ts --db DB --file FILE --gold GOLD --pred PRED')
  process.exit(2)
}
const store = openStore({ path: values.db, readonly: true })
const input = createReadStream(values.file)
const lines = createInterface({
  input: values.file.endsWith('.gz') ? input.pipe(createGunzip()) : input,
})
const gold: string[] = []
const pred: string[] = []
let missing = 0
for await (const line of lines) {
  if (line.trim() === '') continue
  const r = JSON.parse(line) as { id: string; url?: string; cluster_id: string }
  const a = r.url === undefined ? undefined : await store.findArticleByUrl(r.url)
  if (a?.storyId === undefined) {
    missing++
    continue
  }
  gold.push(JSON.stringify({ id: r.id, cluster_id: r.cluster_id }))
  pred.push(JSON.stringify({ id: r.id, cluster: a.storyId }))
}
await store.close()
writeFileSync(values.gold, `${gold.join('\n')}\n`)
writeFileSync(values.pred, `${pred.join('\n')}\n`)
console.log(JSON.stringify({ matched: gold.length, missing }))
