/**
 * @module nlp/values/dates: date and time expressions, resolved against the publication date.
 * A bare weekday or month takes the tense of its sentence: "on Friday" in "talks resumed on
 * Friday" is the Friday before publication, in "talks will resume on Friday" the one after.
 * Values are ISO 8601 at the precision written: a day "2019-01-04", a week "2019-W02", a month
 * "2019-08", a year "2019", a time "06:00" (with its zone when one is given).
 */
import type { Span, Value } from '../../core/index.js'
import { NUMBER, parseNumber } from './numbers.js'

const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
}

const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
}

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
  String.raw`(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)`
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)'
const DAY = String.raw`(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?`
const YEAR = String.raw`(?:1[5-9]\d\d|20\d\d)`
const PART = String.raw`(?:\s+(?:morning|afternoon|evening|night))?`

// Words that make a following bare month ("in May") or year ("in 2019") a date.
const DATE_PREPOSITION =
  /(?:^|[^\p{L}])(?:in|since|by|until|till|from|to|through|during|before|after|of|early|late|mid|around|circa|last|next|this|on|between|and|or|year|season|throughout)[\s-]+$/iu

// Future markers in a sentence: a bare weekday or month then points forward.
const FUTURE =
  /\b(?:will|won['’]t|shall|would|may|might|going to|is to|are to|scheduled|expected|plans?|planned|planning|next|upcoming|due|set to|intends?|to be held|to take place|hopes? to|aims? to|until)\b/i

/** What a token can start: patterns are only tried where their anchor is. */
export type Anchor =
  | 'digit'
  | 'minus'
  | 'currency'
  | 'numword'
  | 'month'
  | 'weekday'
  | 'edge'
  | 'the'
  | 'relative'
  | 'earlier'
  | 'day'
  | 'noon'

/** A value pattern: a sticky regex tried at tokens with one of its anchors. */
export interface Pattern {
  re: RegExp
  kind: Value['kind']
  anchors: readonly Anchor[]
  /** A bare month ("in May") or year ("in 2019") needs a preposition before it. */
  needsPreposition?: boolean
  resolve: (m: RegExpExecArray, ctx: Context) => string | undefined
}

/** The publication date and the tense of the match's sentence. */
export interface Context {
  ref?: Ymd
  future: boolean
}

/** A calendar day. */
export interface Ymd {
  y: number
  m: number
  d: number
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')
const ymd = (t: Ymd): string => `${pad(t.y, 4)}-${pad(t.m)}-${pad(t.d)}`
const ym = (y: number, m: number): string => `${pad(y, 4)}-${pad(m)}`

function toDate(t: Ymd): Date {
  return new Date(Date.UTC(t.y, t.m - 1, t.d))
}

function fromDate(d: Date): Ymd {
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() }
}

function addDays(t: Ymd, days: number): Ymd {
  const d = toDate(t)
  d.setUTCDate(d.getUTCDate() + days)
  return fromDate(d)
}

function addMonths(y: number, m: number, months: number): [number, number] {
  const i = y * 12 + (m - 1) + months
  return [Math.floor(i / 12), (i % 12) + 1]
}

/** ISO 8601 week of a day: "2019-W01". */
export function isoWeek(t: Ymd): string {
  const d = toDate(t)
  const dow = d.getUTCDay() === 0 ? 7 : d.getUTCDay()
  d.setUTCDate(d.getUTCDate() + 4 - dow) // the Thursday of this week decides the year
  const year = d.getUTCFullYear()
  const jan1 = Date.UTC(year, 0, 1)
  const week = Math.floor((d.getTime() - jan1) / 86_400_000 / 7) + 1
  return `${year}-W${pad(week)}`
}

/** Parses the date part of an ISO 8601 timestamp ("2019-01-04T10:00:00Z" → 2019-01-04). */
export function parseReference(iso: string | undefined): Ymd | undefined {
  if (iso === undefined) return undefined
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (m === null) return undefined
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }
}

function weekdayOf(t: Ymd): number {
  return toDate(t).getUTCDay()
}

/** The given weekday nearest the reference in the tense's direction (the same day counts). */
function resolveWeekday(
  dow: number,
  ref: Ymd,
  direction: 'past' | 'future' | 'last' | 'next',
): Ymd {
  const today = weekdayOf(ref)
  if (direction === 'past' || direction === 'last') {
    let back = (today - dow + 7) % 7
    if (direction === 'last' && back === 0) back = 7
    return addDays(ref, -back)
  }
  let ahead = (dow - today + 7) % 7
  if (direction === 'next' && ahead === 0) ahead = 7
  return addDays(ref, ahead)
}

/** The year of a month (and day) written without one, by the tense. */
function yearFor(m: number, d: number | undefined, ctx: Context): number | undefined {
  const ref = ctx.ref
  if (ref === undefined) return undefined
  const after = m > ref.m || (m === ref.m && d !== undefined && d > ref.d)
  const before = m < ref.m || (m === ref.m && d !== undefined && d < ref.d)
  if (ctx.future) return before ? ref.y + 1 : ref.y
  return after ? ref.y - 1 : ref.y
}

function monthOf(s: string | undefined): number | undefined {
  return s === undefined ? undefined : MONTHS[s.replace('.', '').toLowerCase()]
}

function dayOf(s: string | undefined): number | undefined {
  return s === undefined ? undefined : Number.parseInt(s, 10)
}

const ZONES: Readonly<Record<string, string>> = {
  GMT: 'Z',
  UTC: 'Z',
  Z: 'Z',
  BST: '+01:00',
  CET: '+01:00',
  CEST: '+02:00',
  EET: '+02:00',
  EEST: '+03:00',
  MSK: '+03:00',
  IST: '+05:30',
  JST: '+09:00',
  KST: '+09:00',
  AEST: '+10:00',
  AEDT: '+11:00',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
}
const ZONE = String.raw`(?:\s+(GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|JST|KST|AEST|AEDT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|local time)\b)?`

function time(h: number, min: number, zone: string | undefined): string | undefined {
  if (h > 24 || min > 59) return undefined
  return `${pad(h)}:${pad(min)}${zone === undefined ? '' : (ZONES[zone] ?? '')}`
}

/** Date and time patterns, the more specific first. */
export const DATE_PATTERNS: Pattern[] = [
  {
    // 2019-01-04
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/y,
    kind: 'date',
    anchors: ['digit'],
    resolve: (m) => `${m[1]}-${m[2]}-${m[3]}`,
  },
  {
    // (Friday,) January 4(, 2019)
    re: new RegExp(
      String.raw`\b(?:${WEEKDAY},?\s+)?(${MONTH})\s+(${DAY})\b(?:,?\s+(${YEAR})\b)?`,
      'y',
    ),
    kind: 'date',
    anchors: ['month', 'weekday'],
    resolve: (m, ctx) => {
      const month = monthOf(m[1])
      const day = dayOf(m[2])
      if (month === undefined || day === undefined) return undefined
      const y = m[3] !== undefined ? Number(m[3]) : yearFor(month, day, ctx)
      return y === undefined ? undefined : ymd({ y, m: month, d: day })
    },
  },
  {
    // (Friday,) (the) 4(th) (of) January( 2019)
    re: new RegExp(
      String.raw`\b(?:${WEEKDAY},?\s+)?(?:the\s+)?(${DAY})(?:\s+of)?\s+(${MONTH})(?:,?\s+(${YEAR})\b)?`,
      'y',
    ),
    kind: 'date',
    anchors: ['digit', 'weekday', 'the'],
    resolve: (m, ctx) => {
      const month = monthOf(m[2])
      const day = dayOf(m[1])
      if (month === undefined || day === undefined) return undefined
      const y = m[3] !== undefined ? Number(m[3]) : yearFor(month, day, ctx)
      return y === undefined ? undefined : ymd({ y, m: month, d: day })
    },
  },
  {
    // January 2019
    re: new RegExp(String.raw`\b(${MONTH}),?\s+(${YEAR})\b`, 'y'),
    kind: 'date',
    anchors: ['month'],
    resolve: (m) => {
      const month = monthOf(m[1])
      return month === undefined ? undefined : ym(Number(m[2]), month)
    },
  },
  {
    // last/next/this Friday, (this) coming week, last month, next year, this weekend …
    re: new RegExp(
      String.raw`\b([Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast)\s+(week|month|year|weekend|${WEEKDAY}|${MONTH})\b${PART}`,
      'y',
    ),
    kind: 'date',
    anchors: ['relative'],
    resolve: (m, ctx) => relative(m[1]!.toLowerCase(), m[2]!, ctx),
  },
  {
    // earlier/later this week, earlier this month
    re: /\b(?:earlier|later)\s+this\s+(week|month|year)\b/iy,
    kind: 'date',
    anchors: ['earlier'],
    resolve: (m, ctx) => relative('this', m[1]!, ctx),
  },
  {
    re: /\b(yesterday|today|tomorrow|tonight)\b(?:\s+(?:morning|afternoon|evening|night))?/iy,
    kind: 'date',
    anchors: ['day'],
    resolve: (m, ctx) => {
      if (ctx.ref === undefined) return undefined
      const w = m[1]!.toLowerCase()
      return ymd(addDays(ctx.ref, w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0))
    },
  },
  {
    re: /\bthis\s+(?:morning|afternoon|evening)\b/iy,
    kind: 'date',
    anchors: ['relative'],
    resolve: (_m, ctx) => (ctx.ref === undefined ? undefined : ymd(ctx.ref)),
  },
  {
    // three days ago, a year ago
    re: new RegExp(
      String.raw`\b(${NUMBER}|a|an|A|An)\s+(days?|weeks?|months?|years?|decades?)\s+ago\b`,
      'uy',
    ),
    kind: 'date',
    anchors: ['digit', 'numword'],
    resolve: (m, ctx) => {
      const ref = ctx.ref
      const n = parseNumber(m[1]!)
      if (ref === undefined || n === undefined || !Number.isInteger(n)) return undefined
      const unit = m[2]!.toLowerCase().replace(/s$/, '')
      if (unit === 'day') return ymd(addDays(ref, -n))
      if (unit === 'week') return isoWeek(addDays(ref, -7 * n))
      if (unit === 'month') return ym(...addMonths(ref.y, ref.m, -n))
      return String(ref.y - (unit === 'decade' ? 10 * n : n))
    },
  },
  {
    // (on) Friday (morning)
    re: new RegExp(String.raw`\b(${WEEKDAY})\b${PART}`, 'y'),
    kind: 'date',
    anchors: ['weekday'],
    resolve: (m, ctx) => {
      const dow = WEEKDAYS[m[1]!.toLowerCase()]
      if (ctx.ref === undefined || dow === undefined) return undefined
      return ymd(resolveWeekday(dow, ctx.ref, ctx.future ? 'future' : 'past'))
    },
  },
  {
    // (in) August, (in) early March, mid-July
    re: new RegExp(String.raw`\b(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[\s-])?(${MONTH})(?![\p{L}])`, 'uy'),
    kind: 'date',
    anchors: ['month', 'edge'],
    needsPreposition: true,
    resolve: (m, ctx) => {
      const month = monthOf(m[1])
      if (month === undefined) return undefined
      const y = yearFor(month, undefined, ctx)
      return y === undefined ? undefined : ym(y, month)
    },
  },
  {
    // the 1990s
    re: /\b(1[5-9]|20)(\d)0s\b/y,
    kind: 'date',
    anchors: ['digit'],
    resolve: () => undefined,
  },
  {
    // (in) 2019, (since) mid-2019
    re: new RegExp(
      String.raw`\b(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[\s-])?(${YEAR})\b(?![-/.,:]\d)`,
      'y',
    ),
    kind: 'date',
    anchors: ['digit', 'edge'],
    needsPreposition: true,
    resolve: (m) => m[1],
  },
  {
    // 6am, 6:30 p.m., 10 a.m. GMT
    re: new RegExp(
      String.raw`\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\.?(?![\p{L}])${ZONE}`,
      'iuy',
    ),
    kind: 'time',
    anchors: ['digit'],
    resolve: (m) => {
      let h = Number(m[1])
      if (h > 12) return undefined
      const pm = m[3]!.toLowerCase() === 'p'
      if (pm && h < 12) h += 12
      if (!pm && h === 12) h = 0
      return time(h, Number(m[2] ?? 0), m[4])
    },
  },
  {
    // 14:30, 10:00 GMT
    re: new RegExp(String.raw`\b([01]?\d|2[0-4]):([0-5]\d)\b(?![:.]\d)${ZONE}`, 'y'),
    kind: 'time',
    anchors: ['digit'],
    resolve: (m) => time(Number(m[1]), Number(m[2]), m[3]),
  },
  {
    re: /\b(noon|midday|midnight)\b/iy,
    kind: 'time',
    anchors: ['noon'],
    resolve: (m) => (m[1]!.toLowerCase() === 'midnight' ? '00:00' : '12:00'),
  },
]

function relative(which: string, what: string, ctx: Context): string | undefined {
  const ref = ctx.ref
  if (ref === undefined) return undefined
  const w = what.toLowerCase().replace('.', '')
  const step =
    which === 'last' || which === 'past' ? -1 : which === 'next' || which === 'coming' ? 1 : 0
  if (w === 'week') return isoWeek(addDays(ref, 7 * step))
  if (w === 'weekend') {
    const sat = resolveWeekday(6, ref, step < 0 ? 'last' : step > 0 ? 'next' : 'future')
    return `${ymd(sat)}/${ymd(addDays(sat, 1))}`
  }
  if (w === 'month') return ym(...addMonths(ref.y, ref.m, step))
  if (w === 'year') return String(ref.y + step)
  const dow = WEEKDAYS[w]
  if (dow !== undefined) {
    const dir = step < 0 ? 'last' : step > 0 ? 'next' : ctx.future ? 'future' : 'past'
    return ymd(resolveWeekday(dow, ref, dir))
  }
  const month = MONTHS[w]
  if (month !== undefined) {
    if (step === 0) return ym(yearFor(month, undefined, ctx) ?? ref.y, month)
    // "last August": the latest August before this month; "next August": the first after
    if (step < 0) return ym(month < ref.m ? ref.y : ref.y - 1, month)
    return ym(month > ref.m ? ref.y : ref.y + 1, month)
  }
  return undefined
}

/** Whether a bare month or year at `start` follows a word that makes it a date. */
export function hasDatePreposition(text: string, start: number, match: string): boolean {
  return (
    DATE_PREPOSITION.test(text.slice(Math.max(0, start - 16), start)) ||
    /^(?:early|mid|late)/i.test(match)
  )
}

/** Whether the sentence [start, end) speaks of the future ("will", "is expected to" …). */
export function isFutureSentence(text: string, start: number, end: number): boolean {
  return FUTURE.test(text.slice(start, end))
}

/** The index of the sentence containing `offset`, or -1. */
export function sentenceIndex(sentences: readonly Span[], offset: number): number {
  let lo = 0
  let hi = sentences.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = sentences[mid]!
    if (offset < s.start) hi = mid - 1
    else if (offset >= s.end) lo = mid + 1
    else return mid
  }
  return -1
}
