import { plural } from '../format.js'

/**
 * @module server/web/components/chart: articles over time as a small inline SVG bar chart — no
 * script, no third-party library — with a text alternative for screen readers.
 */

const WIDTH = 560
const HEIGHT = 120
const PAD_BOTTOM = 18

/** Groups per-day counts by month when they span more than ~3 months, so bars stay readable. */
export function bucket(
  timeline: { day: string; count: number }[],
): { label: string; count: number }[] {
  if (timeline.length === 0) return []
  const days = [...timeline].sort((a, b) => a.day.localeCompare(b.day))
  const first = Date.parse(days[0]!.day)
  const last = Date.parse(days[days.length - 1]!.day)
  // 92 days: beyond about a quarter, daily bars get thinner than a pixel or two on a phone.
  const byMonth = last - first > 92 * 86_400_000
  const out = new Map<string, number>()
  for (const d of days) {
    const label = byMonth ? d.day.slice(0, 7) : d.day.slice(0, 10)
    out.set(label, (out.get(label) ?? 0) + d.count)
  }
  return [...out].map(([label, count]) => ({ label, count }))
}

export function TimelineChart(props: { timeline: { day: string; count: number }[]; name: string }) {
  const bars = bucket(props.timeline)
  if (bars.length === 0) return <p class="muted">No dated articles yet.</p>
  const max = Math.max(...bars.map((b) => b.count))
  // At most 40 units a bar, so a day or two does not fill the chart with one slab.
  const w = Math.min(WIDTH / bars.length, 40)
  const total = bars.reduce((s, b) => s + b.count, 0)
  const summary = `${plural(total, 'article')} mentioning ${props.name} from ${bars[0]!.label} to ${bars[bars.length - 1]!.label}; the busiest ${bars.length > 1 ? 'period' : 'day'} had ${max}.`
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={summary}
        xmlns="http://www.w3.org/2000/svg"
      >
        {bars.map((b, i) => {
          const h = Math.max(1, ((HEIGHT - PAD_BOTTOM) * b.count) / max)
          return (
            <rect
              x={(i * w + w * 0.1).toFixed(1)}
              y={(HEIGHT - PAD_BOTTOM - h).toFixed(1)}
              width={Math.max(1, w * 0.8).toFixed(1)}
              height={h.toFixed(1)}
            >
              <title>{`${b.label}: ${b.count}`}</title>
            </rect>
          )
        })}
        <text x="0" y={HEIGHT - 4}>
          {bars[0]!.label}
        </text>
        <text x={Math.max(w * bars.length, 120)} y={HEIGHT - 4} text-anchor="end">
          {bars[bars.length - 1]!.label}
        </text>
      </svg>
      <figcaption class="meta">{summary}</figcaption>
    </figure>
  )
}
