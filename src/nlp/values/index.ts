/**
 * @module nlp/values: dates, times, money, percentages and quantities with units, as
 * `annotations.values`. Numbers may be digits or words ("ten kilometres") with a scale
 * ("$5.2 billion", "€300m"); money carries its ISO 4217 code as `unit` and the amount as
 * `value`; dates and times are resolved to ISO 8601 (see ./dates.ts). Where two expressions
 * overlap, the longer one wins ("January 5, 2019" over "2019").
 */
import type { Span, Value } from '../../core/index.js'
import {
  CURRENCY_NAMES,
  CURRENCY_PREFIXES,
  DURATION_UNITS,
  MEASURE_UNITS,
} from '../lexicons/index.js'
import { findDates } from './dates.js'
import { NUMBER, parseNumber } from './numbers.js'

export { isoWeek, parseReference } from './dates.js'
export { parseNumber } from './numbers.js'

export interface ValueOptions {
  /** The publication date (ISO 8601): "Friday", "next week", "in August" resolve against it. */
  publishedAt?: string
  /** Sentence spans: the tense of a sentence decides whether a bare "Friday" is past or next. */
  sentences?: readonly Span[]
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const alternation = (words: readonly string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')

const lower = (table: Readonly<Record<string, string>>): Map<string, string> =>
  new Map(Object.entries(table).map(([k, v]) => [k.toLowerCase(), v]))
const CURRENCY_NAME = lower(CURRENCY_NAMES)
const MEASURE = lower(MEASURE_UNITS)
const DURATION = lower(DURATION_UNITS)

const END = String.raw`(?![\p{L}\p{N}])`

const MONEY_PREFIX = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${alternation(Object.keys(CURRENCY_PREFIXES))})\s?(${NUMBER})${END}`,
  'gu',
)
const MONEY_SUFFIX = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${NUMBER})\s+(${alternation([...Object.keys(CURRENCY_NAMES), 'pounds'])})${END}`,
  'giu',
)
const PERCENT = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(-?${NUMBER})\s?(%|percent|per\s+cent|pct|percentage\s+points?)(?:${END}|(?<=%))`,
  'giu',
)
const MEASURE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(-?${NUMBER})(?:\s?|-)(${alternation(Object.keys(MEASURE_UNITS))})(?:${END}|(?<=°[CF]))`,
  'gu',
)
const DURATION_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${NUMBER})(?:\s|-)(${alternation(Object.keys(DURATION_UNITS))})${END}(?!\s+ago)(-old)?`,
  'giu',
)

/**
 * Finds the values in a text.
 * @example findValues('It rose 5% to $3.2bn on Friday.', { publishedAt: '2019-01-04' })
 */
export function findValues(text: string, options: ValueOptions = {}): Value[] {
  const found: Value[] = [...findDates(text, options.publishedAt, options.sentences ?? [])]

  for (const m of text.matchAll(MONEY_PREFIX)) {
    const amount = parseNumber(m[2]!)
    found.push(value(m, 'money', amount, CURRENCY_PREFIXES[m[1]!]))
  }
  for (const m of text.matchAll(MONEY_SUFFIX)) {
    const name = m[2]!.toLowerCase().replace(/\s+/g, ' ')
    let amount = parseNumber(m[1]!)
    let unit = CURRENCY_NAME.get(name)
    if (name === 'pounds') {
      // "£"-less pounds are money in amounts with a scale ("5 million pounds"), else weight
      if (/(?:million|billion|bn|m)$/i.test(m[1]!)) unit = 'GBP'
      else {
        found.push(value(m, 'quantity', amount, 'lb'))
        continue
      }
    }
    if (unit?.endsWith('/100') === true) {
      unit = unit.slice(0, -4)
      if (amount !== undefined) amount /= 100
    }
    found.push(value(m, 'money', amount, unit))
  }
  for (const m of text.matchAll(PERCENT)) {
    const points = /points?$/i.test(m[2]!)
    found.push(
      value(
        m,
        'percent',
        parseNumber(m[1]!.replace(/^-/, '')),
        points ? 'percentage point' : '%',
        m[1]!.startsWith('-'),
      ),
    )
  }
  for (const m of text.matchAll(MEASURE_RE)) {
    const unit = MEASURE_UNITS[m[2]!] ?? MEASURE.get(m[2]!.toLowerCase())
    found.push(
      value(m, 'quantity', parseNumber(m[1]!.replace(/^-/, '')), unit, m[1]!.startsWith('-')),
    )
  }
  for (const m of text.matchAll(DURATION_RE)) {
    const unit = DURATION.get(m[2]!.toLowerCase())
    found.push(
      value(m, 'quantity', parseNumber(m[1]!), unit === undefined ? undefined : durationName(unit)),
    )
  }
  return pickLongest(found)
}

function value(
  m: RegExpMatchArray,
  kind: Value['kind'],
  amount: number | undefined,
  unit: string | undefined,
  negative = false,
): Value {
  const start = m.index ?? 0
  return {
    start,
    end: start + m[0].length,
    kind,
    text: m[0],
    ...(amount !== undefined && { value: negative ? -amount : amount }),
    ...(unit !== undefined && { unit }),
  }
}

const DURATION_NAMES: Readonly<Record<string, string>> = {
  s: 'second',
  min: 'minute',
  h: 'hour',
  d: 'day',
  wk: 'week',
  mo: 'month',
  a: 'year',
}

function durationName(unit: string): string {
  return DURATION_NAMES[unit] ?? unit
}

/** Keeps the longest of overlapping values (the earlier one on a tie), in text order. */
function pickLongest(values: Value[]): Value[] {
  values.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start))
  const out: Value[] = []
  for (const v of values) {
    const last = out[out.length - 1]
    if (last !== undefined && v.start < last.end) {
      if (v.end - v.start > last.end - last.start) out[out.length - 1] = v
      continue
    }
    out.push(v)
  }
  return out
}
