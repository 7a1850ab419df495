/**
 * @module The shape of a clustered stream, for a dated stream without event gold (Wikinews):
 * how many stories, how many of five articles or more, the largest, how many whose dated
 * members span more than 30 or 90 days, and the largest stories with their first and last
 * dates and some headlines. A story is one event or one developing story: a story whose members
 * span many months is a topic chain unless its headlines show one developing story.
 */
import { readFileSync } from 'node:fs'
import { type ClusterDoc, docTime } from './cluster-data.js'

const DAY_MS = 86_400_000

/** One predicted story of the report. */
export interface ReportStory {
  cluster: string
  size: number
  /** First and last dated member (ISO day), when any is dated. */
  first?: string
  last?: string
  /** Days between the first and the last dated member (0 below two). */
  spanDays: number
  /** Headlines of the first, middle and last member (arrival order). */
  titles: string[]
}

export interface StreamReport {
  docs: number
  stories: number
  /** Stories of five articles or more. */
  size5: number
  largest: number
  /** Stories whose dated members span more than 30 / 90 days. */
  span30: number
  span90: number
  top: ReportStory[]
}

/** The report of docs (in clustering order) and their predicted clusters. */
export function streamReport(
  docs: readonly ClusterDoc[],
  clusters: readonly string[],
  top = 10,
): StreamReport {
  const by = new Map<string, ClusterDoc[]>()
  docs.forEach((d, i) => {
    const c = clusters[i]!
    let list = by.get(c)
    if (!list) {
      list = []
      by.set(c, list)
    }
    list.push(d)
  })
  const stories: ReportStory[] = []
  for (const [cluster, members] of by) {
    let lo = Number.POSITIVE_INFINITY
    let hi = Number.NEGATIVE_INFINITY
    for (const d of members) {
      const t = docTime(d)
      if (t === undefined) continue
      if (t < lo) lo = t
      if (t > hi) hi = t
    }
    const dated = lo <= hi
    const picks = [...new Set([0, Math.floor((members.length - 1) / 2), members.length - 1])]
    stories.push({
      cluster,
      size: members.length,
      ...(dated && { first: isoDay(lo), last: isoDay(hi) }),
      spanDays: dated ? Math.round((hi - lo) / DAY_MS) : 0,
      titles: picks.map((i) => members[i]!.title),
    })
  }
  stories.sort(
    (a, b) => b.size - a.size || b.spanDays - a.spanDays || (a.cluster < b.cluster ? -1 : 1),
  )
  return {
    docs: docs.length,
    stories: stories.length,
    size5: stories.filter((s) => s.size >= 5).length,
    largest: stories[0]?.size ?? 0,
    span30: stories.filter((s) => s.spanDays > 30).length,
    span90: stories.filter((s) => s.spanDays > 90).length,
    top: stories.slice(0, top),
  }
}

/** The report as lines of text. */
export function formatStreamReport(r: StreamReport): string[] {
  const lines = [
    `stream: ${r.docs} docs, ${r.stories} stories, ${r.size5} of size ≥ 5, largest ${r.largest}; dated members spanning > 30 days: ${r.span30}, > 90 days: ${r.span90}`,
  ]
  for (const s of r.top) {
    const when = s.first !== undefined ? `${s.first} → ${s.last} (${s.spanDays} d)` : 'undated'
    lines.push(`  ${String(s.size).padStart(4)}  ${when}  ${s.titles.map(clip).join(' | ')}`)
  }
  return lines
}

/**
 * Weak gold from groups of ids (`{ids: [...]}` lines): each group is one cluster, every other
 * article is its own.
 */
export function groupGold(
  docs: readonly ClusterDoc[],
  groups: readonly { ids: readonly string[] }[],
): string[] {
  const of = new Map<string, string>()
  groups.forEach((g, i) => {
    for (const id of g.ids) of.set(id, `group-${i}`)
  })
  return docs.map((d) => of.get(String(d.id)) ?? `doc-${d.id}`)
}

/** Reads groups of ids, one JSON object (`{ids: [...]}`) a line. */
export function readGroups(file: string): { ids: string[] }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { ids: string[] })
}

function isoDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10)
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s
}
