/**
 * @module server/web/format: small helpers every page uses — dates, paths, and snippets whose
 * match markers become <mark> elements (text stays text: JSX escapes it).
 */
import type { Child } from 'hono/jsx'
import type { EntityKey } from '../../store/index.js'
import { MATCH_END, MATCH_START } from '../../store/index.js'

// en-GB's short month names, as Intl.DateTimeFormat gives them. Written out rather than asking
// Intl: building a DateTimeFormat loads ICU data, 60-80 ms of a later start on this machine.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec']

/** "4 Jan 2019" (UTC), or '' for a missing or unreadable date. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return ''
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return ''
  const d = new Date(t)
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`
}

/** "4–9 Jan 2019"-like span of two dates, or one date when they fall on the same day. */
export function formatSpan(first: string, last: string): string {
  const a = formatDate(first)
  const b = formatDate(last)
  return a === b ? a : `${a} – ${b}`
}

export const articlePath = (id: string) => `/article/${encodeURIComponent(id)}`
export const storyPath = (id: string) => `/story/${encodeURIComponent(id)}`
export const entityPath = (key: EntityKey) => `/entity/${encodeURIComponent(key)}`

/** A query string from the defined, non-empty values. */
export function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const u = new URLSearchParams()
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== '' && v !== false) u.set(k, String(v))
  const s = u.toString()
  return s === '' ? '' : `?${s}`
}

/** A store snippet (matches between MATCH_START and MATCH_END) as text and <mark> nodes. */
export function Snippet({ text }: { text: string }) {
  const out: Child[] = []
  let rest = text
  while (rest.length > 0) {
    const s = rest.indexOf(MATCH_START)
    if (s < 0) {
      out.push(strip(rest))
      break
    }
    const e = rest.indexOf(MATCH_END, s + 1)
    out.push(strip(rest.slice(0, s)))
    if (e < 0) {
      out.push(strip(rest.slice(s + 1)))
      break
    }
    out.push(<mark>{strip(rest.slice(s + 1, e))}</mark>)
    rest = rest.slice(e + 1)
  }
  return <>{out}</>
}

const strip = (s: string) => s.replaceAll(MATCH_START, '').replaceAll(MATCH_END, '')

/** The host of a URL without `www.`, or undefined. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return undefined
  }
}

/** Only http(s) URLs may become links; anything else (javascript:, data:) stays text. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const u = new URL(url)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined
  } catch {
    return undefined
  }
}

/** "1 article" / "3 articles". */
export const plural = (n: number, one: string, many = `${one}s`) =>
  `${thousands(n)} ${n === 1 ? one : many}`

/** 12345 → "12,345" (as `toLocaleString('en-US')` writes it, without loading ICU). */
export const thousands = (n: number): string =>
  String(n).replace(/^(-?\d+)/, (int) => int.replace(/\B(?=(\d{3})+$)/g, ','))
