/**
 * @module How long real stories last, from a clustering file's gold: for each gold story, the
 * days from its first to its last member and between consecutive members, by the file's `date`
 * and by the date in each member's URL (`/2014/03/10/`, the publisher's own day). Prints
 * percentiles and the share of stories and gaps over 1, 3, 7, 14, 30 and 90 days. A member
 * whose URL date is far from the rest is often an old page a story links to (an evergreen
 * archive path), so the robust span (5th to 95th percentile of the members' days, stories of
 * five or more) is printed too.
 *
 *   npx tsx bench/story-spans.ts --file ../shared/data/clustering/uci-headlines-dev.jsonl.gz
 */

import { dateFromUrl } from '../src/extract/metadata/index.js'
import { docTime, readJsonl } from './cluster-data.js'
import { parseCli } from './lib/cli.js'

const DAY_MS = 86_400_000

/** The q-th quantile (0–1) of sorted values, linearly interpolated. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo)
}

/** Spans, robust spans and consecutive gaps (days) of stories given as lists of times (ms). */
export function spansOf(stories: Iterable<number[]>): {
  spans: number[]
  robust: number[]
  gaps: number[]
} {
  const spans: number[] = []
  const robust: number[] = []
  const gaps: number[] = []
  for (const times of stories) {
    if (times.length < 2) continue
    const t = [...times].sort((a, b) => a - b)
    spans.push((t[t.length - 1]! - t[0]!) / DAY_MS)
    if (t.length >= 5) robust.push((quantile(t, 0.95) - quantile(t, 0.05)) / DAY_MS)
    for (let i = 1; i < t.length; i++) gaps.push((t[i]! - t[i - 1]!) / DAY_MS)
  }
  for (const a of [spans, robust, gaps]) a.sort((x, y) => x - y)
  return { spans, robust, gaps }
}

function print(label: string, stories: Map<string, number[]>): void {
  const { spans, robust, gaps } = spansOf(stories.values())
  const qs = [0.5, 0.9, 0.95, 0.99]
  const over = [1, 3, 7, 14, 30, 90]
  const row = (name: string, v: number[]) =>
    `  ${name.padEnd(26)} n ${String(v.length).padStart(7)}  ${qs
      .map((q) => `p${q * 100} ${quantile(v, q).toFixed(2)}`)
      .join('  ')}  | ${over
      .map(
        (d) => `>${d} d ${((100 * v.filter((x) => x > d).length) / (v.length || 1)).toFixed(2)}%`,
      )
      .join('  ')}`
  console.log(`${label}:`)
  console.log(row('span (first to last)', spans))
  console.log(row('robust span (5–95%, ≥ 5)', robust))
  console.log(row('gap between consecutive', gaps))
}

const { values } = parseCli(
  {
    options: {
      file: { type: 'string', default: '../shared/data/clustering/uci-headlines-dev.jsonl.gz' },
    },
  },
  import.meta.url,
)
const docs = readJsonl(values.file!)
const byDate = new Map<string, number[]>()
const byUrl = new Map<string, number[]>()
let urlDated = 0
for (const d of docs) {
  const t = docTime(d)
  if (t !== undefined)
    (byDate.get(d.cluster_id) ?? byDate.set(d.cluster_id, []).get(d.cluster_id)!).push(t)
  const u = dateFromUrl(d.url ?? undefined)
  if (u !== undefined) {
    urlDated++
    ;(byUrl.get(d.cluster_id) ?? byUrl.set(d.cluster_id, []).get(d.cluster_id)!).push(Date.parse(u))
  }
}
console.log(
  `${docs.length} docs, ${new Set(docs.map((d) => d.cluster_id)).size} gold stories, ${urlDated} with a date in the URL`,
)
print('by the file date', byDate)
print('by the URL date', byUrl)
