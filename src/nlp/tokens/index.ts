/**
 * @module nlp/tokens: text → tokens as offsets into the text, in the CoNLL-2003 style the
 * entity tagger (nlp/entities) was trained on: punctuation split off; "U.S.", "Mr.", "a.m." and
 * initials ("J.") one token, and party and state tags ("R-S.C.", "D-Calif."); "'s", "n't", "'re", "'ll" … split off; hyphenated words, numbers
 * with decimals and thousands ("1,000.50"), scores and ISO dates ("6-4", "2019-01-04") one token;
 * "US$" and "$" apart from the amount; URLs and e-mail addresses one token. The sentence
 * splitter (nlp/sentences) works on these tokens.
 */
import type { Token } from '../types.js'
import { isAbbreviation, NUMERAL_ABBREVIATIONS } from '../lexicons/index.js'

// Sticky patterns for the rarer shapes; plain words, numbers and punctuation are scanned by hand.
const URL = /(?:https?:\/\/|www\.)[^\s<>"“”‘’()[\]]*[^\s<>"“”‘’()[\].,;:!?']/y
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/y
// letter-period sequences: U.S. U.N. a.m. D.C. (two or more letters)
const LETTER_PERIODS = /(?:\p{L}\.){2,}(?!\p{L})/uy
// US party and state tags: R-S.C. D-N.Y. R-Ky. D-Calif. I-Vt. (the periods are the state's)
const PARTY_TAG = /[DRI]-(?:(?:\p{Lu}\.)*\p{Lu}\.?(?!\p{L})|\p{Lu}\p{Ll}{1,4}\.)/uy
// numbers: 1,000.50  3.5  10:30  1/2  6-4  2019-01-04  1990s  6am  3rd  5km
const NUMBER = /\d+(?:[.,:/]\d+)*(?:-\d+(?:[.,:/]\d+)*)*\p{L}*/uy
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u
// currency prefixes written against the amount: US$ C$ A$ HK$ NZ$ S$ R$ NT$
const CURRENCY_PREFIX = new Set(['US', 'C', 'A', 'HK', 'NZ', 'S', 'R', 'NT'])
const TRAILING_CLITIC = /['’](?:s|re|ve|ll|d|m)(?![\p{L}\p{N}])/uy

// Clitics split off the end of a word, CoNLL style: Macron's → Macron 's, don't → do n't.
const CLITIC = /(?:n['’]t|['’](?:s|S|re|RE|ve|VE|ll|LL|d|D|m|M))$/

/**
 * Splits `text[from, to)` into tokens.
 * @example tokenize('Mr. Macron’s U.S. trip') // Mr. | Macron | ’s | U.S. | trip
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = []
  const push = (start: number, end: number): void => {
    tokens.push({ start, end, text: text.slice(start, end) })
  }
  const sticky = (re: RegExp, at: number): number => {
    re.lastIndex = at
    return re.test(text) ? Math.min(to, re.lastIndex) : -1
  }
  let i = from
  while (i < to) {
    const c = text.charCodeAt(i)
    if (isSpace(c)) {
      i++
      continue
    }
    if (isDigit(c)) {
      const end = sticky(NUMBER, i)
      push(i, end)
      i = end
      continue
    }
    if (isWordChar(c)) {
      let j = i + 1
      while (j < to && isWordChar(text.charCodeAt(j))) j++
      // inner hyphens and apostrophes: all-rounder, O'Brien, don't (split below)
      while (j + 1 < to && isJoiner(text.charCodeAt(j)) && isWordChar(text.charCodeAt(j + 1))) {
        j += 2
        while (j < to && isWordChar(text.charCodeAt(j))) j++
      }
      const next = text.charCodeAt(j)
      const special = scanSpecial(text, i, j, next, sticky)
      if (special > 0) {
        push(i, special)
        i = special
        continue
      }
      const word = text.slice(i, j)
      if (next === 46 /* . */ && j < to && takesPeriod(word, text, j + 1)) {
        push(i, j + 1)
        i = j + 1
        continue
      }
      if (next === 36 /* $ */ && CURRENCY_PREFIX.has(word) && isDigit(text.charCodeAt(j + 1))) {
        push(i, j + 1)
        i = j + 1
        continue
      }
      const clitic = CLITIC.exec(word)
      if (clitic !== null && clitic.index > 0) {
        push(i, i + clitic.index)
        push(i + clitic.index, j)
      } else push(i, j)
      i = j
      continue
    }
    // punctuation
    let end = i + 1
    if (c === 46 /* . */ || c === 45 /* - */) {
      while (end < to && text.charCodeAt(end) === c) end++
    } else if (c >= 0xd800 && c <= 0xdbff && end < to) {
      end++ // a surrogate pair stays whole
    } else if ((c === 39 || c === 0x2019) && i > from && !isSpace(text.charCodeAt(i - 1))) {
      // a clitic written after a closing quote or a number: 's 're …
      const e = sticky(TRAILING_CLITIC, i)
      if (e > 0) end = e
    }
    push(i, end)
    i = end
  }
  return tokens
}

/** URLs, e-mail addresses and letter-period sequences that start with the word [i, j). */
function scanSpecial(
  text: string,
  i: number,
  j: number,
  next: number,
  sticky: (re: RegExp, at: number) => number,
): number {
  if (next === 46 /* . */) {
    if (j - i >= 3 && text.charCodeAt(i + 1) === 45 /* - */) {
      const e = sticky(PARTY_TAG, i)
      // "R-Ky." only with a state's abbreviation ("D-Day." ends a sentence)
      if (
        e > 0 &&
        (/\.\p{Lu}|-\p{Lu}\.$/u.test(text.slice(i, e)) || isAbbreviation(text.slice(i + 2, e - 1)))
      )
        return e
    }
    if (j - i === 1) {
      const e = sticky(LETTER_PERIODS, i)
      if (e > 0) return e
    }
    if (j - i === 3 && text.startsWith('www', i)) {
      const e = sticky(URL, i)
      if (e > 0) return e
    }
  }
  if (next === 58 /* : */ && j - i <= 5 && text.startsWith('//', j + 1)) {
    const e = sticky(URL, i)
    if (e > 0) return e
  }
  if (next === 64 /* @ */ || ((next === 46 || next === 43 || next === 45) && hasAtSoon(text, j))) {
    const e = sticky(EMAIL, i)
    if (e > 0) return e
  }
  return -1
}

function hasAtSoon(text: string, from: number): boolean {
  for (let k = from; k < text.length && k < from + 64; k++) {
    const c = text.charCodeAt(k)
    if (c === 64) return true
    if (isSpace(c)) return false
  }
  return false
}

/** Whether a word directly followed by a period keeps it: "Mr." "Inc." "J." "No. 5". */
function takesPeriod(word: string, text: string, after: number): boolean {
  if (word.length === 1) return isUpper(word.charCodeAt(0))
  if (NUMERAL_ABBREVIATIONS.has(word)) {
    // "No. 10" is an abbreviation; "said no." is the end of a sentence
    let j = after
    while (text.charCodeAt(j) === 32) j++
    return isDigit(text.charCodeAt(j))
  }
  return isAbbreviation(word)
}

function isSpace(c: number): boolean {
  if (c <= 32) return true
  if (c < 0xa0) return false
  return (
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff ||
    c === 0x1680
  )
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

function isUpper(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90
  const ch = String.fromCharCode(c)
  return ch.toLowerCase() !== ch
}

function isWordChar(c: number): boolean {
  if (c < 128)
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95
  if (c >= 0xd800 && c <= 0xdfff) return false
  return WORD_CHAR.test(String.fromCharCode(c))
}

function isJoiner(c: number): boolean {
  return c === 45 || c === 39 || c === 0x2019
}
