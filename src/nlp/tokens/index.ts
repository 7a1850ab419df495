/**
 * @module nlp/tokens: text → tokens as offsets into the text, in the CoNLL-2003 style the
 * entity tagger (nlp/entities) was trained on: punctuation split off; "U.S.", "Mr.", "a.m." and
 * initials ("J.") one token; "'s", "n't", "'re", "'ll" … split off; hyphenated words, numbers
 * with decimals and thousands ("1,000.50"), scores and ISO dates ("6-4", "2019-01-04") one token;
 * "US$" and "$" apart from the amount; URLs and e-mail addresses one token. The sentence
 * splitter (nlp/sentences) works on these tokens.
 */
import type { Token } from '../types.js'
import { isAbbreviation, NUMERAL_ABBREVIATIONS } from '../lexicons/index.js'

// One sticky scanner; the first alternative that matches at a position wins.
const SCANNER = new RegExp(
  [
    // URLs and e-mail addresses (the final punctuation of a sentence is not part of them)
    String.raw`(?:https?://|www\.)[^\s<>"“”‘’()\[\]]*[^\s<>"“”‘’()\[\].,;:!?']`,
    String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`,
    // letter-period sequences: U.S. U.N. a.m. D.C. (two or more letters)
    String.raw`(?:\p{L}\.){2,}(?!\p{L})`,
    // currency prefixes written against the amount: US$ C$ A$ HK$ NZ$ S$ R$
    String.raw`(?:US|C|A|HK|NZ|S|R|NT)\$(?=\d)`,
    // numbers: 1,000.50  3.5  10:30  1/2  6-4  2019-01-04  1990s  6am  3rd  5km
    String.raw`\d+(?:[.,:/]\d+)*(?:-\d+(?:[.,:/]\d+)*)*\p{L}*`,
    // words, with inner hyphens and apostrophes (O'Brien, all-rounder, don't → split later)
    String.raw`[\p{L}\p{M}\p{N}_]+(?:[-'’][\p{L}\p{M}\p{N}]+)*`,
    // ellipses and dashes
    String.raw`\.{2,}|…|-{2,}`,
    // anything else: one character (a surrogate pair stays whole)
    String.raw`[\uD800-\uDBFF][\uDC00-\uDFFF]|\S`,
  ].join('|'),
  'uy',
)

const WHITESPACE = /\s+/y
const TRAILING_CLITIC = /['’](?:s|re|ve|ll|d|m)(?![\p{L}\p{N}])/uy

// Clitics split off the end of a word, CoNLL style: Macron's → Macron 's, don't → do n't.
const CLITIC = /(?:n['’]t|['’](?:s|S|re|RE|ve|VE|ll|LL|d|D|m|M))$/

/**
 * Splits `text[from, to)` into tokens.
 * @example tokenize('Mr. Macron’s U.S. trip') // Mr. | Macron | ’s | U.S. | trip
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = []
  let i = from
  while (i < to) {
    WHITESPACE.lastIndex = i
    if (WHITESPACE.test(text)) {
      i = WHITESPACE.lastIndex
      if (i >= to) break
    }
    SCANNER.lastIndex = i
    const m = SCANNER.exec(text)
    // SCANNER's last alternative matches any non-space character, so m is never null here.
    let end = Math.min(to, m === null ? i + 1 : i + m[0].length)
    const first = text.charCodeAt(i)
    const isWord = m !== null && isWordStart(first) && !isDigit(first)
    if (isWord) {
      const word = text.slice(i, end)
      if (text.charCodeAt(end) === 46 /* . */ && end < to && takesPeriod(word, text, end + 1)) {
        tokens.push({ start: i, end: end + 1, text: `${word}.` })
        i = end + 1
        continue
      }
      const clitic = CLITIC.exec(word)
      if (clitic !== null && clitic.index > 0) {
        const cut = i + clitic.index
        tokens.push({ start: i, end: cut, text: word.slice(0, clitic.index) })
        tokens.push({ start: cut, end, text: clitic[0] })
        i = end
        continue
      }
    } else if (m !== null && (first === 39 || first === 0x2019) && end === i + 1) {
      // a clitic written after a closing quote or a number ("the '90s" stays apart): 's 're …
      TRAILING_CLITIC.lastIndex = i
      if (TRAILING_CLITIC.test(text) && i > from && !isSpace(text.charCodeAt(i - 1))) {
        end = TRAILING_CLITIC.lastIndex
      }
    }
    tokens.push({ start: i, end, text: text.slice(i, end) })
    i = end
  }
  return tokens
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
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

function isUpper(c: number): boolean {
  return (
    (c >= 65 && c <= 90) ||
    (c > 127 && String.fromCharCode(c).toLowerCase() !== String.fromCharCode(c))
  )
}

function isWordStart(c: number): boolean {
  if (c < 128)
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95
  return /[\p{L}\p{M}\p{N}]/u.test(String.fromCharCode(c))
}
