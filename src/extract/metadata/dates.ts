/**
 * Date strings as pages write them → ISO 8601, keeping the page's own time zone when it gives one
 * (`2019-11-18T09:32:00-05:00`), a bare date when there is no time (`2019-11-18`), and a local
 * time without offset when the zone is unknown. Nothing is shifted to UTC: the zone is information.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
}

/** Zone abbreviations common on news pages (US zones, UTC/GMT, central Europe, India). */
const ZONES: Record<string, string> = {
  z: 'Z',
  utc: 'Z',
  gmt: 'Z',
  ut: 'Z',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  mst: '-07:00',
  mdt: '-06:00',
  pst: '-08:00',
  pdt: '-07:00',
  akst: '-09:00',
  akdt: '-08:00',
  hst: '-10:00',
  bst: '+01:00',
  cet: '+01:00',
  cest: '+02:00',
  eet: '+02:00',
  eest: '+03:00',
  ist: '+05:30',
  jst: '+09:00',
  kst: '+09:00',
  aest: '+10:00',
  aedt: '+11:00',
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

function valid(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || h > 24 || mi > 59 || s > 60)
    return false
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate()
  return d <= days
}

function offset(raw: string | undefined): string | undefined | null {
  if (raw === undefined || raw === '') return undefined
  const r = raw.trim()
  const z = ZONES[r.toLowerCase()]
  if (z !== undefined) return z
  const m = /^(?:gmt|utc)?\s*([+-])(\d{1,2}):?(\d{2})?$/i.exec(r)
  if (!m) return null
  const h = Number(m[2])
  const mi = Number(m[3] ?? '0')
  if (h > 14 || mi > 59) return null
  if (h === 0 && mi === 0) return m[1] === '-' ? '+00:00' : 'Z'
  return `${m[1]}${pad(h)}:${pad(mi)}`
}

function build(
  y: number,
  mo: number,
  d: number,
  time?: { h: number; mi: number; s: number; zone: string | undefined },
): string | undefined {
  if (!valid(y, mo, d, time?.h, time?.mi, time?.s)) return undefined
  const date = `${y}-${pad(mo)}-${pad(d)}`
  if (time === undefined) return date
  return `${date}T${pad(time.h)}:${pad(time.mi)}:${pad(time.s)}${time.zone ?? ''}`
}

function hour12(h: number, ampm: string | undefined): number {
  if (ampm === undefined) return h
  const pm = /^p/i.test(ampm)
  if (h === 12) return pm ? 12 : 0
  return pm ? h + 12 : h
}

const ISO_RE =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{1,2}|[A-Za-z]{1,5})?)?$/
const RFC_RE =
  /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*([a-z]{1,5}|[+-]\d{2}:?\d{2})?)?$/i
const US_RE =
  /^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:(?:\s*(?:at|,|-|\||@|·))?\s+(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*(?:\(?([a-z]{1,5}|[+-]\d{2}:?\d{2})\)?)?)?$/i

/**
 * Normalises a date string to ISO 8601, or returns undefined when it is not a date.
 * @example normalizeDate('Mon, 18 Nov 2019 14:32:00 GMT') // '2019-11-18T14:32:00Z'
 * @example normalizeDate('November 18, 2019 9:32 AM EST') // '2019-11-18T09:32:00-05:00'
 */
export function normalizeDate(input: string | undefined | null): string | undefined {
  if (input === undefined || input === null) return undefined
  const s = input
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^(?:published|posted|updated|modified|last updated|date)\s*(?:on|:)?\s*/i, '')
  if (s === '' || s.length > 80) return undefined
  let m = ISO_RE.exec(s)
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    if (m[4] === undefined) return build(y, mo, d)
    const zone = offset(m[7])
    if (zone === null)
      return build(y, mo, d, {
        h: Number(m[4]),
        mi: Number(m[5]),
        s: Number(m[6] ?? 0),
        zone: undefined,
      })
    return build(y, mo, d, { h: Number(m[4]), mi: Number(m[5]), s: Number(m[6] ?? 0), zone })
  }
  m = RFC_RE.exec(s)
  if (m) {
    const mo = MONTHS[m[2]!.toLowerCase()]
    if (mo === undefined) return undefined
    const [d, y] = [Number(m[1]), Number(m[3])]
    if (m[4] === undefined) return build(y, mo, d)
    const zone = offset(m[8])
    return build(y, mo, d, {
      h: hour12(Number(m[4]), m[7]),
      mi: Number(m[5]),
      s: Number(m[6] ?? 0),
      zone: zone ?? undefined,
    })
  }
  m = US_RE.exec(s)
  if (m) {
    const mo = MONTHS[m[1]!.toLowerCase()]
    if (mo === undefined) return undefined
    const [d, y] = [Number(m[2]), Number(m[3])]
    if (m[4] === undefined) return build(y, mo, d)
    const zone = offset(m[8])
    return build(y, mo, d, {
      h: hour12(Number(m[4]), m[7]),
      mi: Number(m[5] ?? 0),
      s: Number(m[6] ?? 0),
      zone: zone ?? undefined,
    })
  }
  // Unix time in seconds or milliseconds (some meta tags carry it).
  if (/^\d{10}(?:\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000
    const dt = new Date(ms)
    const y = dt.getUTCFullYear()
    if (y < 1990 || y > 2100) return undefined
    return dt.toISOString().replace(/\.\d{3}Z$/, 'Z')
  }
  return undefined
}

/**
 * A date from a URL path: `/2019/11/18/`, `/2019-11-18-slug`, `/20191118/`. Months and days must
 * be in range; a year and month alone (`/2019/11/`) gives no date.
 */
export function dateFromUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined
  let path: string
  try {
    path = new URL(url).pathname
  } catch {
    return undefined
  }
  const m =
    /\/((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_-]|$)/.exec(path) ??
    /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/.exec(path)
  if (!m) return undefined
  return build(Number(m[1]), Number(m[2]), Number(m[3]))
}
