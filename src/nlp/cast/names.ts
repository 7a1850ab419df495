/**
 * @module nlp/cast/names: comparing names. Diacritics are folded (Erdoğan = Erdogan); a
 * general transliteration rule joins spellings of one name from another script (Gaddafi,
 * Qadhafi, Kadhafi; Zelensky, Zelenskyy): two words are variants when their consonant
 * skeletons agree (velars, sibilants and aspirated consonants merged, vowels and doubled
 * letters dropped) and their spellings are close (edit distance ≤ 40% of the longer).
 */
import { ACRONYM_SKIP, HONORIFICS, NAME_PARTICLES, ORG_SUFFIXES } from '../lexicons/index.js'

const SPECIAL: Readonly<Record<string, string>> = {
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ß: 'ss',
  æ: 'ae',
  Æ: 'Ae',
  œ: 'oe',
  Œ: 'Oe',
  ı: 'i',
  þ: 'th',
  Þ: 'Th',
  ð: 'd',
  '’': "'",
  '‘': "'",
  ʻ: "'",
  ʼ: "'",
}

/** Folds case, diacritics and apostrophes: "Erdoğan’s" → "erdogan's". */
export function fold(s: string): string {
  let k = folded.get(s)
  if (k === undefined) {
    if (folded.size > 50_000) folded.clear()
    k = computeFold(s)
    folded.set(s, k)
  }
  return k
}

// Names and their words repeat within and across articles: each is folded once.
const folded = new Map<string, string>()

function computeFold(s: string): string {
  let out = s.normalize('NFD').replace(/\p{M}/gu, '')
  if (/[^ -~]/.test(out)) out = out.replace(/[^ -~]/g, (c) => SPECIAL[c] ?? c)
  return out.toLowerCase()
}

/** The consonant skeleton of a folded word, used to find transliteration variants. */
export function skeleton(word: string): string {
  let k = skeletons.get(word)
  if (k === undefined) {
    if (skeletons.size > 50_000) skeletons.clear()
    k = computeSkeleton(word)
    skeletons.set(word, k)
  }
  return k
}

// Names repeat within and across articles: the skeleton of each is computed once.
const skeletons = new Map<string, string>()

function computeSkeleton(word: string): string {
  const w = word.replace(/['\-\s.]/g, '')
  if (w === '') return ''
  const first = /[aeiouy]/.test(w[0]!) ? 'a' : ''
  return (
    first +
    w
      .replace(/ph/g, 'f')
      .replace(/([bcdfgjklmnpqrstvwxz])h/g, '$1')
      .replace(/h/g, '')
      .replace(/[gkqc]/g, 'k')
      .replace(/z/g, 's')
      .replace(/w/g, 'v')
      .replace(/[aeiouy]+/g, '')
      .replace(/(.)\1+/g, '$1')
  )
}

/** Levenshtein distance (names are short: a plain two-row table). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        prev[j]! + 1,
        cur[j - 1]! + 1,
        prev[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1),
      )
    }
    prev = cur
  }
  return prev[b.length]!
}

// 5 letters: below that, skeletons are too short to tell names apart (Bush/Bash).
const MIN_FUZZY_LENGTH = 5
// 0.4: joins Gaddafi/Qadhafi (2/7), Muhammad/Mohammed (2/8), Zelensky/Zelenskyy (1/9) and
// keeps Mahmoud/Mohammed (4/8) apart; chosen on those hand-made pairs, not on a corpus.
const MAX_EDIT_RATIO = 0.4

/** Whether two folded words are one name spelled two ways. */
export function isVariant(a: string, b: string): boolean {
  if (a === b) return true
  if (a.length < MIN_FUZZY_LENGTH || b.length < MIN_FUZZY_LENGTH) return false
  if (skeleton(a) !== skeleton(b)) return false
  return editDistance(a, b) <= MAX_EDIT_RATIO * Math.max(a.length, b.length)
}

const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv'])

/** A person's name split into parts (folded). */
export interface PersonName {
  /** Every name word, folded, without honorifics and suffixes. */
  words: string[]
  /** The surname's last word: "silva" in "Lula da Silva". */
  surname: string
  honorific?: string
}

/** Splits a person mention ("Mr. Luiz Inácio Lula da Silva Jr.") into its parts. */
export function parsePersonName(text: string): PersonName {
  let words = text.split(/\s+/).filter((w) => w !== '')
  let honorific: string | undefined
  while (words.length > 1) {
    const h = words[0]!.replace(/\.$/, '')
    if (!HONORIFICS.has(h)) break
    honorific = h
    words = words.slice(1)
  }
  while (
    words.length > 1 &&
    SUFFIXES.has(words[words.length - 1]!.toLowerCase().replace(/,$/, ''))
  ) {
    words = words.slice(0, -1)
  }
  const folded = words.map((w) => fold(w.replace(/,$/, '')))
  return {
    words: folded,
    surname: folded[folded.length - 1] ?? '',
    ...(honorific !== undefined && { honorific }),
  }
}

/** Whether `p` is a particle ("da", "von", "bin") that belongs to the surname after it. */
export function isParticle(p: string): boolean {
  return NAME_PARTICLES.has(p)
}

function wordMatches(a: string, b: string): boolean {
  if (isVariant(a, b)) return true
  // an initial matches a word that starts with it: "J." ~ "john"
  if (isInitial(a)) return b.startsWith(a[0]!)
  if (isInitial(b)) return a.startsWith(b[0]!)
  return false
}

/**
 * Whether a multi-word name can name the same person as another: the shorter's words appear in
 * the longer in order (variants and initials allowed) and their surnames agree.
 * "Tayyip Erdogan" ~ "Recep Tayyip Erdoğan"; "Stanley Johnson" ≁ "Boris Johnson"; "George W. Bush"
 * ≁ "George Herbert Walker Bush".
 */
export function namesCompatible(a: PersonName, b: PersonName): boolean {
  const [short, long] = a.words.length <= b.words.length ? [a, b] : [b, a]
  if (!wordMatches(short.surname, long.surname)) return false
  let j = 0
  for (const [k, w] of short.words.entries()) {
    // an initial after the first word stands for the next name, not a later one: "George W.
    // Bush" is "George Walker Bush", not "George Herbert Walker Bush"
    if (k > 0 && isInitial(w) && j < long.words.length && !wordMatches(w, long.words[j]!))
      return false
    while (j < long.words.length && !wordMatches(w, long.words[j]!)) j++
    if (j === long.words.length) return false
    j++
  }
  return true
}

function isInitial(w: string): boolean {
  return w.length === 2 && w.endsWith('.')
}

/** An organisation's name for comparison: folded, without "the" and legal-form suffixes. */
export function orgKey(text: string): string {
  const words = fold(text)
    .replace(/[,]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '')
  if (words[0] === 'the') words.shift()
  while (words.length > 1 && ORG_SUFFIXES.has(words[words.length - 1]!)) words.pop()
  return words.join(' ')
}

/** The acronym of a name: "Deutsche Presse-Agentur" → "dpa", "United Nations" → "un". */
export function acronymOf(text: string): string {
  const words = fold(text)
    .split(/[\s-]+/)
    .filter((w) => w !== '' && !ACRONYM_SKIP.has(w))
  if (words[0] === 'the') words.shift()
  while (words.length > 1 && ORG_SUFFIXES.has(words[words.length - 1]!)) words.pop()
  return words.map((w) => w[0]).join('')
}

/** Whether a word looks like an acronym ("NATO", "dpa", "U.N."); returns it folded, no dots. */
export function asAcronym(text: string): string | undefined {
  const t = text.replace(/\./g, '')
  if (t.length < 2 || t.length > 8 || /\s/.test(t)) return undefined
  if (t === t.toUpperCase() && /^[A-Z&]+$/.test(t)) return t.toLowerCase()
  if (/^[a-z]{2,5}$/.test(t)) return t // lower-case agency acronyms: dpa, afp (as some write)
  return undefined
}
