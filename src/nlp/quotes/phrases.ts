/**
 * Phrase rules over tokens, without a parser: the noun phrase that ends right before a cue (the
 * speaker of "X said"), the one that starts right after it ("said X"), appositions ("X, a
 * spokesman for Y,"), and the clause a cue governs (the content of "X said (that) …").
 */
import { NAME_PARTICLES } from '../lexicons/index.js'
import type { Scan, Tok } from './scan.js'
import { CALENDAR, SUBJECT_PRONOUNS } from './words.js'

/** A token range [first, last], inclusive. */
export interface Range {
  first: number
  last: number
}

/** Prepositions that may join two nouns inside one phrase ("the head of the agency"). */
const NP_PREPS = new Set(['of', 'for', 'with', 'from', 'at', 'to', 'in', 'on', 'about'])
/** Determiner-like words that may open a phrase. */
const OPENERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'these',
  'those',
  'some',
  'many',
  'several',
  'most',
  'all',
  'both',
  'each',
  'every',
  'few',
  'other',
  'another',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'your',
  'no',
  'any',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'more',
  'such',
])
/** Words inside names that are not capitalised ("Bank of America", "Ludwig van Beethoven"). */
const NAME_JOINERS = new Set([...NAME_PARTICLES, 'of', 'and', '&'])

/** Quantifiers and demonstratives that stand as a subject on their own. */
const QUANTIFIERS = new Set([
  'few',
  'many',
  'some',
  'most',
  'both',
  'all',
  'several',
  'others',
  'none',
  'one',
  'each',
  'those',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'half',
  'majority',
  'minority',
  'dozens',
  'hundreds',
  'thousands',
  'millions',
  'neither',
  'either',
])
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'it'])

const POSSESSIVE = /^(?:'s|’s|'|’)$/

/** An open-class word: noun, adjective or (unavoidably) verb. */
export function isContent(t: Tok): boolean {
  if (t.kind === 'num') return true
  if (t.kind !== 'word' || t.markup) return false
  if (CALENDAR.has(t.lower)) return false
  return (
    t.cls === 'other' || t.cls === 'title' || (t.cap && t.cls === 'time' && !CALENDAR.has(t.lower))
  )
}

/** A word of a phrase, looking only at the token itself. */
function nominal(t: Tok): boolean {
  if (isContent(t)) return true
  // capitalised closed-class words inside names ("The New York Times", "One Nation")
  return t.kind === 'word' && t.cap && !t.markup && (t.cls === 'det' || t.cls === 'other')
}

function isPossessive(t: Tok): boolean {
  return POSSESSIVE.test(t.text)
}

/**
 * The noun phrase that ends at token `k` (inclusive), scanning left no further than `lo`. Returns
 * null when `k` cannot end a phrase. Pronouns are phrases of their own; so is relative "who".
 */
export function leftNP(sc: Scan, k: number, lo: number): Range | null {
  const { toks } = sc
  const end = toks[k]
  if (end === undefined || k < lo) return null
  if (end.kind === 'word' && (SUBJECT_PRONOUNS.has(end.lower) || end.lower === 'who'))
    return { first: k, last: k }
  // "few are calling", "both have", "nearly three in five said", "others"
  if (end.kind === 'word' && QUANTIFIERS.has(end.lower)) {
    let first = k
    while (
      first - 2 >= lo &&
      toks[first - 1]!.lower === 'in' &&
      QUANTIFIERS.has(toks[first - 2]!.lower)
    )
      first -= 2
    if (first - 1 >= lo && toks[first - 1]!.lower === 'of') return null
    return { first, last: k }
  }
  // "those around him", "people close to her": a phrase whose object is a pronoun
  if (
    end.kind === 'word' &&
    OBJECT_PRONOUNS.has(end.lower) &&
    k - 2 >= lo &&
    toks[k - 1]!.cls === 'prep'
  ) {
    const inner = leftNP(sc, k - 2, lo)
    if (inner !== null) return { first: inner.first, last: k }
    if (QUANTIFIERS.has(toks[k - 2]!.lower) || toks[k - 2]!.lower === 'those')
      return { first: k - 2, last: k }
    return null
  }
  let from = k
  if (end.text === ')') {
    // "(R-Ohio)" after a name belongs to it
    let j = k - 1
    while (j > lo && toks[j]!.text !== '(' && k - j < 8) j--
    if (toks[j]?.text !== '(') return null
    from = j - 1
  }
  let first = baseLeft(sc, from, lo)
  if (first < 0) return null
  // "the head of the agency", "people familiar with the matter": noun + preposition + phrase,
  // up to three ("Polls at the start of the final month on the campaign trail showed …"; PolNeAR
  // train and dev give the same figures with two, three or four)
  for (let hops = 0; hops < 3; hops++) {
    const p = first - 1
    const prep = toks[p]
    const noun = toks[p - 1]
    if (prep === undefined || noun === undefined || p - 1 < lo) break
    if (prep.kind !== 'word' || !NP_PREPS.has(prep.lower)) break
    // a capital says nothing first in a sentence ("Polls at the start of …")
    const capital = noun.cap && sc.sents[noun.sent]?.first !== p - 1
    if (!isContent(noun) || capital || noun.kind !== 'word') break
    const before = baseLeft(sc, p - 1, lo)
    if (before < 0) break
    first = before
  }
  let content = false
  for (let j = first; j <= k; j++) if (isContent(toks[j]!)) content = true
  return content ? { first, last: k } : null
}

/** The first token of the simple phrase (no prepositions) that ends at `k`, or -1. */
function baseLeft(sc: Scan, k: number, lo: number): number {
  const { toks } = sc
  let first = -1
  for (let i = k; i >= lo; i--) {
    const t = toks[i]!
    if (t.kind === 'word' && OPENERS.has(t.lower)) {
      // "CBS This Morning": a capitalised determiner inside a run of capitalised words
      const prev = toks[i - 1]
      if (
        t.cap &&
        first >= 0 &&
        toks[first]!.cap &&
        prev?.cap &&
        prev.kind === 'word' &&
        i - 1 >= lo
      )
        continue
      if (first >= 0) first = i
      break
    }
    if (nominal(t)) {
      first = i
      continue
    }
    if (isPossessive(t) && first >= 0 && i > lo && toks[i - 1]!.end === t.start) {
      first = i
      continue
    }
    if (t.kind === 'punct' && (t.text === '-' || t.text === '&') && first >= 0) {
      const prev = toks[i - 1]
      if (prev !== undefined && prev.end === t.start && toks[i + 1]!.start === t.end) continue
      break
    }
    if (t.kind === 'word' && NAME_JOINERS.has(t.lower) && first >= 0 && toks[i + 1]?.cap) {
      // "Bank of America": a joiner between two capitalised words
      const prev = toks[i - 1]
      if (prev?.cap && prev.kind === 'word' && i - 1 >= lo) continue
    }
    break
  }
  while (first >= 0 && first <= k && isPossessive(toks[first]!)) first++
  return first > k ? -1 : first
}

/**
 * The noun phrase that starts at token `k`, scanning right no further than `hi` (exclusive): a
 * pronoun, or determiner, modifiers, a head, and "of/for/with …" complements; a parenthesised
 * party tag after a name ("(R-Ohio)") is kept.
 */
export function rightNP(sc: Scan, k: number, hi: number): Range | null {
  const { toks } = sc
  const t0 = toks[k]
  if (t0 === undefined || k >= hi) return null
  if (t0.kind === 'word' && SUBJECT_PRONOUNS.has(t0.lower)) return { first: k, last: k }
  // "read one", "said another", "said many"
  if (t0.kind === 'word' && (QUANTIFIERS.has(t0.lower) || t0.lower === 'another')) {
    const n = toks[k + 1]
    if (n === undefined || k + 1 >= hi || !nominal(n)) return { first: k, last: k }
  }
  let i = k
  if (t0.kind === 'word' && OPENERS.has(t0.lower)) i++
  let last = -1
  for (; i < hi; i++) {
    const t = toks[i]!
    if (t.kind === 'word' && OPENERS.has(t.lower) && !t.cap) break
    // "The mayor changed her mind": a past form after the head is the verb
    if (last >= 0 && !t.cap && t.cls === 'other' && /ed$/.test(t.lower) && !toks[last]!.cap) break
    // "Romney went after Trump": so is an irregular past
    if (last >= 0 && !t.cap && IRREGULAR_PAST.has(t.lower)) break
    if (nominal(t)) {
      last = i
      continue
    }
    if (
      t.kind === 'word' &&
      CALENDAR.has(t.lower) &&
      toks[i + 1] !== undefined &&
      i + 1 < hi &&
      nominal(toks[i + 1]!) &&
      !CALENDAR.has(toks[i + 1]!.lower)
    ) {
      // "a Wednesday editorial"
      continue
    }
    if (isPossessive(t) && last >= 0 && toks[i - 1]!.end === t.start) {
      last = i
      continue
    }
    if (t.kind === 'punct' && (t.text === '-' || t.text === '&') && last >= 0) {
      const n = toks[i + 1]
      if (n !== undefined && n.start === t.end && toks[i - 1]!.end === t.start && i + 1 < hi)
        continue
      break
    }
    if (t.kind === 'word' && NAME_JOINERS.has(t.lower) && last >= 0 && toks[last]!.cap) {
      const n = toks[i + 1]
      if (n?.cap && i + 1 < hi) continue
    }
    if (t.kind === 'word' && RIGHT_PREPS.has(t.lower) && last >= 0) {
      const tail = rightNP(sc, i + 1, hi)
      if (tail === null) break
      last = tail.last
      i = tail.last
      continue
    }
    // a quoted title after a possessive: "ABC's “Good Morning America”"
    if (t.kind === 'mark' && t.role !== 'close' && last >= 0 && /['’]s$/.test(toks[last]!.lower)) {
      let j = i + 1
      while (j < hi && j - i < 10 && !(toks[j]!.kind === 'mark' && toks[j]!.role !== 'open')) j++
      if (j < hi && toks[j]!.kind === 'mark') {
        last = j
        i = j
        continue
      }
    }
    if (t.text === '(' && last >= 0 && toks[last]!.cap) {
      let j = i + 1
      while (j < hi && toks[j]!.text !== ')' && j - i < 8) j++
      if (toks[j]?.text === ')') {
        last = j
        i = j
        continue
      }
    }
    break
  }
  if (last < 0) return null
  let content = false
  for (let j = k; j <= last; j++) if (isContent(toks[j]!)) content = true
  return content ? { first: k, last } : null
}

/** Irregular past forms, which no -ed marks as verbs ("Romney went after Trump"). */
const IRREGULAR_PAST = new Set(
  'went came took made gave got saw knew thought found began ran won lost left held led met paid sent spent stood brought bought caught taught felt kept meant sat wrote spoke broke chose drove rose fell grew drew flew threw wore fought sought sold told said became did had was were'.split(
    ' ',
  ),
)

/** Whether a phrase is a name: every word capitalised but the joiners ("Sir Menzies Campbell"). */
function nameLike(toks: readonly Tok[], r: Range): boolean {
  for (let k = r.first; k <= r.last; k++) {
    const t = toks[k]!
    if (t.kind !== 'word' || NAME_JOINERS.has(t.lower)) continue
    if (!t.cap || t.cls === 'det') return false
  }
  return true
}

/** Prepositions that extend a phrase to the right ("a spokesman for the campaign"). */
const RIGHT_PREPS = new Set(['of', 'for', 'with', 'from'])

const DASH = new Set(['—', '–', '--'])

/**
 * "X, a spokesman for Y, said", "Lee, who has described the plan as …, intended", "the Gazette —
 * of all papers — observed": given the comma or dash at `close` that ends an
 * interruption between a subject and its verb, returns the subject (the phrase before the
 * interruption, which must open its clause) and the whole span, or null.
 */
export function appositionBefore(
  sc: Scan,
  close: number,
  lo: number,
  depth = 0,
  quoted?: Uint8Array,
): { head: Range; whole: Range } | null {
  const { toks } = sc
  // "Lee, the party's chairman, for example, said": interruptions follow one another; the subject
  // is before the first
  const earlier = (j: number): { head: Range; whole: Range } | null => {
    if (depth >= 2 || toks[j]?.text !== ',' || DASH.has(toks[close]!.text)) return null
    const inner = appositionBefore(sc, j, lo, depth + 1, quoted)
    return inner === null
      ? null
      : { head: inner.head, whole: { first: inner.head.first, last: close } }
  }
  const dash = DASH.has(toks[close]!.text)
  let j = close - 1
  while (j >= lo && close - j <= 40) {
    const t = toks[j]!
    // "Lee, who called it “dead on arrival,” said": commas inside a quote are the quote's
    if (quoted?.[j] && toks[close]!.kind === 'mark') {
      j--
      continue
    }
    if (dash ? DASH.has(t.text) : t.text === ',') break
    if (t.kind === 'punct' && /^[;:!?]$/.test(t.text)) return null
    if (t.text === '.' && toks[j + 1]?.text !== ')' && toks[j + 1]?.text !== ',') return null
    j--
  }
  if (j < lo || close - j < 2) return null
  // an interruption holds whole quotes only ("the executive in charge of ''Evening News,''")
  let marks = 0
  for (let k = j + 1; k <= close; k++) if (toks[k]!.kind === 'mark') marks++
  if (marks % 2 === 1) return null
  // an age before the apposition: "Lee, 35, the mayor's daughter, said"
  if (
    toks[j - 1]?.kind === 'num' &&
    toks[j - 2]?.text === ',' &&
    j - 3 >= lo &&
    /^\d{1,3}$/.test(toks[j - 1]!.text)
  )
    j -= 2
  const head = leftNP(sc, j - 1, lo)
  if (head === null) return earlier(j)
  const h = toks[head.first]!
  if (h.cls === 'pron' && !h.cap && h.lower !== 'who') return null
  // the subject opens its clause
  const before = toks[head.first - 1]
  const opensClause =
    head.first <= lo ||
    before === undefined ||
    before.sent !== h.sent ||
    before.kind === 'mark' ||
    [',', ':', ';', '(', '—', '–', '--'].includes(before.text) ||
    before.cls === 'conj' ||
    before.cls === 'wh'
  if (!opensClause) return earlier(j)
  // the phrase is itself an interruption after a comma: the subject is before it — unless what
  // is before it is an introductory phrase ("According to the AP, Lee, an adviser, said")
  if (before?.text === ',') {
    const e = earlier(j)
    let intro = false
    for (let k = e?.head.first ?? 0; e !== null && k <= e.head.last; k++)
      if (toks[k]!.cls === 'prep' && toks[k]!.lower !== 'of') intro = true
    // "Deputy leader of the party, Sir Menzies Campbell, whose …, said": the name, not its title
    if (e === null || intro || (nameLike(toks, head) && !nameLike(toks, e.head)))
      return { head, whole: { first: head.first, last: close } }
    return e
  }
  return { head, whole: { first: head.first, last: close } }
}
