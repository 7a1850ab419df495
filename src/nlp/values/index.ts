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
import { tokenize } from '../tokens/index.js'
import type { Token } from '../types.js'
import {
  type Anchor,
  type Context,
  DATE_PATTERNS,
  hasDatePreposition,
  isFutureSentence,
  parseReference,
  sentenceIndex,
} from './dates.js'
import { NUMBER, parseNumber } from './numbers.js'

export { isoWeek, parseReference } from './dates.js'
export { parseNumber } from './numbers.js'

/** Options of `findValues`. */
export interface ValueOptions {
  /** The publication date (ISO 8601): "Friday", "next week", "in August" resolve against it. */
  publishedAt?: string
  /** Sentence spans: the tense of a sentence decides whether a bare "Friday" is past or next. */
  sentences?: readonly Span[]
  /** The text's tokens (from nlp/tokens), when already made: values start at tokens. */
  tokens?: readonly Token[]
}

interface Found {
  kind: Value['kind']
  value?: string | number
  unit?: string
}

interface ValuePattern {
  re: RegExp
  anchors: readonly Anchor[]
  needsPreposition?: boolean
  make: (m: RegExpExecArray, ctx: Context) => Found | undefined
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
const PREFIXES = new Map(Object.entries(CURRENCY_PREFIXES))

const END = String.raw`(?![\p{L}\p{N}])`

const DURATION_NAMES: Readonly<Record<string, string>> = {
  s: 'second',
  min: 'minute',
  h: 'hour',
  d: 'day',
  wk: 'week',
  mo: 'month',
  a: 'year',
}

const found = (
  kind: Value['kind'],
  amount: number | undefined,
  unit: string | undefined,
  negative = false,
): Found => ({
  kind,
  ...(amount !== undefined && { value: negative ? -amount : amount }),
  ...(unit !== undefined && { unit }),
})

const VALUE_PATTERNS: ValuePattern[] = [
  ...DATE_PATTERNS.map(
    (p): ValuePattern => ({
      re: p.re,
      anchors: p.anchors,
      ...(p.needsPreposition === true && { needsPreposition: true }),
      make: (m, ctx) => {
        const value = p.resolve(m, ctx)
        return { kind: p.kind, ...(value !== undefined && { value }) }
      },
    }),
  ),
  {
    // $3.2 billion, €300m, US$5bn, CHF 10
    re: new RegExp(String.raw`(${alternation([...PREFIXES.keys()])})\s?(${NUMBER})${END}`, 'uy'),
    anchors: ['currency'],
    make: (m) => found('money', parseNumber(m[2]!), PREFIXES.get(m[1]!)),
  },
  {
    // 5 million euros, one million rubles, 50 cents, 10 pounds
    re: new RegExp(
      String.raw`(${NUMBER})\s+(${alternation([...Object.keys(CURRENCY_NAMES), 'pounds'])})${END}`,
      'iuy',
    ),
    anchors: ['digit', 'numword'],
    make: (m) => {
      const name = m[2]!.toLowerCase().replace(/\s+/g, ' ')
      let amount = parseNumber(m[1]!)
      let unit = CURRENCY_NAME.get(name)
      if (name === 'pounds') {
        // "£"-less pounds are money in amounts with a scale ("5 million pounds"), else weight
        if (!/(?:million|billion|bn|m)$/i.test(m[1]!)) return found('quantity', amount, 'lb')
        unit = 'GBP'
      }
      if (unit?.endsWith('/100') === true) {
        unit = unit.slice(0, -4)
        if (amount !== undefined) amount /= 100
      }
      return found('money', amount, unit)
    },
  },
  {
    // 5%, 2.5 per cent, 0.5 percentage points
    re: new RegExp(
      String.raw`(-?${NUMBER})\s?(%|percent|per\s+cent|pct|percentage\s+points?)(?:${END}|(?<=%))`,
      'iuy',
    ),
    anchors: ['digit', 'numword', 'minus'],
    make: (m) => {
      const points = /points?$/i.test(m[2]!)
      const neg = m[1]!.startsWith('-')
      const amount = parseNumber(m[1]!.replace(/^-/, ''))
      return found('percent', amount, points ? 'percentage point' : '%', neg)
    },
  },
  {
    // ten kilometres, a 40-tonne load, -5°C, 92 mph
    re: new RegExp(
      String.raw`(-?${NUMBER})(?:\s?|-)(${alternation(Object.keys(MEASURE_UNITS))})(?:${END}|(?<=°[CF]))`,
      'uy',
    ),
    anchors: ['digit', 'numword', 'minus'],
    make: (m) => {
      const unit = MEASURE_UNITS[m[2]!] ?? MEASURE.get(m[2]!.toLowerCase())
      const neg = m[1]!.startsWith('-')
      return found('quantity', parseNumber(m[1]!.replace(/^-/, '')), unit, neg)
    },
  },
  {
    // 30 hours, a 92-year-old (a duration; "three days ago" is a date, found above)
    re: new RegExp(
      String.raw`(${NUMBER})(?:\s|-)(${alternation(Object.keys(DURATION_UNITS))})${END}(?!\s+ago)(-old)?`,
      'iuy',
    ),
    anchors: ['digit', 'numword'],
    make: (m) => {
      const unit = DURATION.get(m[2]!.toLowerCase())
      return found(
        'quantity',
        parseNumber(m[1]!),
        unit === undefined ? undefined : (DURATION_NAMES[unit] ?? unit),
      )
    },
  },
]

const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety dozen dozens'.split(
    ' ',
  ),
)
const AFTER_A = new Set(
  'hundred thousand million billion trillion dozen day week month year decade'.split(' '),
)
const MONTH_WORDS = new Set(
  'January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.'.split(
    ' ',
  ),
)
const WEEKDAY_WORDS = new Set('Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' '))
const WORD_ANCHORS: ReadonlyMap<string, Anchor> = new Map([
  ...['early', 'mid', 'late'].map((w) => [w, 'edge'] as const),
  ...['last', 'next', 'this', 'coming', 'past'].map((w) => [w, 'relative'] as const),
  ...['earlier', 'later'].map((w) => [w, 'earlier'] as const),
  ...['yesterday', 'today', 'tomorrow', 'tonight'].map((w) => [w, 'day'] as const),
  ...['noon', 'midday', 'midnight'].map((w) => [w, 'noon'] as const),
])

/** What a token can start. */
function anchorOf(tokens: readonly Token[], k: number): Anchor | undefined {
  const t = tokens[k]!.text
  const c = t.charCodeAt(0)
  if (c >= 48 && c <= 57) return 'digit'
  if (PREFIXES.has(t) || t === 'Rs') return 'currency'
  if (MONTH_WORDS.has(t)) return 'month'
  if (WEEKDAY_WORDS.has(t)) return 'weekday'
  const next = tokens[k + 1]
  if ((t === '-' || t === '−') && next !== undefined && next.start === tokens[k]!.end) {
    const n = next.text.charCodeAt(0)
    return n >= 48 && n <= 57 ? 'minus' : undefined
  }
  const w = t.toLowerCase()
  if (
    NUMBER_WORDS.has(w) ||
    /^(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-/.test(w)
  ) {
    return 'numword'
  }
  if ((w === 'a' || w === 'an') && next !== undefined && AFTER_A.has(next.text.toLowerCase())) {
    return 'numword'
  }
  if (w === 'the' && next !== undefined) {
    const n = next.text.charCodeAt(0)
    return n >= 48 && n <= 57 ? 'the' : undefined
  }
  const anchor = WORD_ANCHORS.get(w)
  if (anchor !== undefined) return anchor
  if (/^(?:early|mid|late)-/.test(w)) return 'edge'
  return undefined
}

/**
 * Finds the values in a text.
 * @example findValues('It rose 5% to $3.2bn on Friday.', { publishedAt: '2019-01-04' })
 */
export function findValues(text: string, options: ValueOptions = {}): Value[] {
  const tokens = options.tokens ?? tokenize(text)
  const sentences = options.sentences ?? []
  const ref = parseReference(options.publishedAt)
  const future = new Map<number, boolean>()
  const isFuture = (offset: number): boolean => {
    const i = sentenceIndex(sentences, offset)
    let f = future.get(i)
    if (f === undefined) {
      const s = sentences[i]
      f = s !== undefined && isFutureSentence(text, s.start, s.end)
      future.set(i, f)
    }
    return f
  }
  const out: Value[] = []
  let covered = -1 // values do not nest: skip tokens inside the last one found
  for (let k = 0; k < tokens.length; k++) {
    const start = tokens[k]!.start
    if (start < covered) continue
    const anchor = anchorOf(tokens, k)
    if (anchor === undefined) continue
    let best: Value | undefined
    for (const p of VALUE_PATTERNS) {
      if (!p.anchors.includes(anchor)) continue
      p.re.lastIndex = start
      const m = p.re.exec(text)
      if (m === null || (best !== undefined && m[0].length <= best.end - best.start)) continue
      if (p.needsPreposition === true && !hasDatePreposition(text, start, m[0])) continue
      const ctx: Context = ref === undefined ? { future: false } : { ref, future: isFuture(start) }
      const f = p.make(m, ctx)
      if (f !== undefined) best = { start, end: start + m[0].length, text: m[0], ...f }
    }
    if (best !== undefined) {
      out.push(best)
      covered = best.end
    }
  }
  return out
}
