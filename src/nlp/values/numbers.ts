/**
 * @module nlp/values/numbers: the number part of a value, as a regex source and a parser:
 * digits with thousands and decimals ("1,250.5"), number words ("twenty-one", "ten"), and a
 * scale ("million", "bn", "5m").
 */

const SMALL: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
  half: 0.5,
  a: 1,
  an: 1,
}

const SCALES: Readonly<Record<string, number>> = {
  hundred: 1e2,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mln: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bln: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  tr: 1e12,
}

// Number words may open a sentence ("Ten people …"), so each takes a capital first letter too.
const words = (list: string): string =>
  list
    .split('|')
    .map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`)
    .join('|')
const UNIT_WORD = words('one|two|three|four|five|six|seven|eight|nine')
const TEEN_WORD = words(
  'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen',
)
const TEN_WORD = words('twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety')

/** Digits: "1,250,000.50", "3.5", "40". */
export const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`

/** Number words up to the hundreds: "ten", "twenty-one", "two hundred". */
export const WORDS = `(?:(?:${TEN_WORD})(?:[- ](?:${UNIT_WORD}))?|${TEEN_WORD}|${UNIT_WORD}|[Aa] dozen|[Dd]ozens of)(?: hundred)?`

/** A written-out scale after a number: "5 million", "3.2 bn", "5bn", "5m". */
export const SCALE = String.raw`(?:\s?(?:hundred|thousand|million|billion|trillion|mln|bln|bn|mn|tn)|(?<=\d)(?:m|k|b))(?![\p{L}])`

/** A number with its optional scale: "5", "1.5 million", "ten", "a million", "$5bn" (5bn part). */
export const NUMBER = `(?:${DIGITS}|${WORDS}|[Aa]n?(?= (?:hundred|thousand|million|billion|trillion)))(?:${SCALE})?`

/** Parses what NUMBER matched into a number (undefined when it is not a number). */
export function parseNumber(raw: string): number | undefined {
  const s = raw.trim().toLowerCase()
  const m = /^(.*?)[\s]?(hundred|thousand|million|billion|trillion|mln|bln|bn|mn|tn|m|k|b)$/.exec(s)
  let head = s
  let scale = 1
  if (
    m !== null &&
    m[1] !== '' &&
    (m[1]!.endsWith(' ') || /\d$/.test(m[1]!) || m[0].includes(' '))
  ) {
    head = m[1]!.trim()
    scale = SCALES[m[2]!] ?? 1
  }
  const value = /^[\d,.]+$/.test(head) ? Number(head.replace(/,/g, '')) : parseWords(head)
  return value === undefined || Number.isNaN(value) ? undefined : round(value * scale)
}

function parseWords(s: string): number | undefined {
  if (s === 'dozens of') return 24
  if (s === 'a dozen') return 12
  let total = 0
  let seen = false
  for (const part of s.split(/[\s-]+/)) {
    if (part === 'hundred') {
      total = (total === 0 ? 1 : total) * 100
    } else {
      const v = SMALL[part]
      if (v === undefined) return undefined
      total += v
    }
    seen = true
  }
  return seen ? total : undefined
}

// Scaling a decimal ("3.2" × 1e9) must not print 3200000000.0000005.
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6
}
