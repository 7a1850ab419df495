/**
 * Splits a dump into lines (one block per line) and measures each line in one pass over its
 * characters: no regular expression and no token strings per line, because this runs on every
 * line of every dump (the speed bar is 1,000 dumps a second). Word tokens are counted as the
 * benchmark metric counts them (maximal runs of letters, digits and underscore); content words
 * and names are kept as 32-bit hashes of their lower-cased form, for the vocabulary features.
 */

/** A non-empty line of the dump with the measurements every later step reads. */
export interface Line {
  /** The line, trimmed and with runs of white space collapsed. */
  text: string
  /** Index among the non-empty lines. */
  index: number
  /** A 32-bit hash of the text, for finding repeated lines. */
  hash: number
  /** True when one or more blank lines stood before it in the dump. */
  blankBefore: boolean
  /** Word tokens (letters, digits, underscore), as the benchmark metric counts them. */
  nTok: number
  /**
   * Length in words, where scripts written without spaces (Chinese, Japanese, Korean, Thai)
   * count a word per two characters instead of a word per run.
   */
  words: number
  /** Tokens that hold a letter, and those of them that start with a capital. */
  letterTok: number
  capTok: number
  /** Characters of all tokens. */
  tokChars: number
  /** Letters, upper-case letters, lower-case letters, ASCII digits. */
  letters: number
  upper: number
  lower: number
  digits: number
  /** Commas and semicolons; separators of menus and breadcrumbs (`|`, `•`, `»`, `/`, …). */
  commas: number
  seps: number
  /** Sentence breaks inside the line: `.`, `!` or `?`, a space, then a capital. */
  breaks: number
  /** A lower-case letter glued to a capital ("ShopsWondering", "SteakhouseA party"). */
  humps: number
  /**
   * 1 when the first hump follows at least three tokens of which most are capitalised: a
   * teaser's headline run into its excerpt, not a name like "McDonald" or "iPhone".
   */
  gluedHeadline: number
  /** How the line ends, closing quotes and brackets aside: see `ending`. */
  end: number
  /** The line's last character code, closing quotes and brackets aside (0 when none). */
  last: number
  /** Offsets of this line's word hashes in `Dump.hash` (content words and names). */
  hashStart: number
  hashEnd: number
}

/** The lines of a dump and the hashes of their content words and names. */
export interface Dump {
  lines: Line[]
  /** Hash of each content word (4+ characters with a letter) or name, lower-cased. */
  hash: Int32Array
  /** Per hash: 1 content word, 2 name (a capitalised token that does not open the line), 3 both. */
  kind: Uint8Array
  /**
   * Per line, 1 when its wording is furniture's (`furnitureWorded`, lines of 200 characters or
   * fewer); filled by `lineFeatures`, so that later steps skip the lexicons for other lines.
   */
  furniture?: Uint8Array
}

// Character classes, one byte per UTF-16 code unit, filled lazily from Unicode properties.
const WORD = 1
const LETTER = 2
const UP = 4
const LOW = 8
const DENSE = 16
const SPACE = 32
const KNOWN = 128
const classes = new Uint8Array(65536)
const lowerOf = new Uint16Array(65536)
const RE_LETTER = /\p{L}/u
const RE_WORD = /[\p{L}\p{N}_]/u
const RE_UP = /\p{Lu}/u
const RE_LOW = /\p{Ll}/u
const RE_DENSE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u
const RE_SPACE = /[\s\u00a0\u200b\ufeff]/u

for (let c = 0; c < 128; c++) {
  let k = KNOWN
  if (c >= 97 && c <= 122) k |= WORD | LETTER | LOW
  else if (c >= 65 && c <= 90) k |= WORD | LETTER | UP
  else if ((c >= 48 && c <= 57) || c === 95) k |= WORD
  else if (c === 32 || c === 9) k |= SPACE
  classes[c] = k
  lowerOf[c] = c >= 65 && c <= 90 ? c + 32 : c
}

function classify(c: number): number {
  let k = classes[c]!
  if (k !== 0) return k
  const s = String.fromCharCode(c)
  k = KNOWN
  if (RE_WORD.test(s)) k |= WORD
  if (RE_LETTER.test(s)) k |= LETTER
  if (RE_UP.test(s)) k |= UP
  if (RE_LOW.test(s)) k |= LOW
  if (RE_DENSE.test(s)) k |= DENSE
  if (RE_SPACE.test(s) || c === 0x200b) k |= SPACE
  classes[c] = k
  const lc = s.toLowerCase()
  lowerOf[c] = lc.length === 1 ? lc.charCodeAt(0) : c
  return k
}

/** Code points outside the BMP: a word character when a letter or number (rare in dumps). */
function astralIsWord(hi: number, lo: number): boolean {
  return RE_WORD.test(String.fromCharCode(hi, lo))
}

/** `Line.end` values: sentence punctuation (. ! ?), an ellipsis (… ... . . .), a colon. */
export const ENDS_SENTENCE = 1
export const ENDS_ELLIPSIS = 2
export const ENDS_COLON = 3
/** Closing quotes and brackets, skipped when looking at how a line ends. */
const CLOSERS = new Set([...'"\'”’»)]」』'].map((c) => c.charCodeAt(0)))

const SEPARATORS = new Set([...'|•·»›►▸→←«‹/'].map((c) => c.charCodeAt(0)))
const CONTENT_MIN = 4 // shorter words are mostly function words in the dev set's languages

let hashBuf = new Int32Array(4096)
let kindBuf = new Uint8Array(4096)

/** The non-empty lines of a dump, measured. */
export function scanDump(text: string): Dump {
  const lines: Line[] = []
  let nHash = 0
  let blank = false
  let pos = 0
  const len = text.length
  if (hashBuf.length < len) {
    hashBuf = new Int32Array(len)
    kindBuf = new Uint8Array(len)
  }
  while (pos < len) {
    // Find the line's end, and whether its white space needs collapsing (most lines do not).
    let end = pos
    let needs = false
    let prevSpace = true
    for (; end < len; end++) {
      const c = text.charCodeAt(end)
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) break
      if (c === 32) {
        if (prevSpace) needs = true
        prevSpace = true
      } else if (c < 32 || c === 0xa0 || c === 0x200b || c === 0xfeff) {
        needs = true
        prevSpace = true
      } else {
        prevSpace = c > 0x1fff && c < 0x3001 && (classify(c) & SPACE) !== 0
        if (prevSpace) needs = true
      }
    }
    if (prevSpace && end > pos) needs = true
    const next = end < len && text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10
    const start = pos
    pos = next ? end + 2 : end + 1
    let line: Line
    if (needs) {
      const t = text
        .slice(start, end)
        .replace(/[\s\u00a0\u200b\ufeff]+/g, ' ')
        .trim()
      if (t === '') {
        blank = true
        continue
      }
      line = measure(t, 0, t.length, t, lines.length, blank, nHash)
    } else {
      if (end === start) {
        blank = true
        continue
      }
      line = measure(text, start, end, undefined, lines.length, blank, nHash)
    }
    nHash = line.hashEnd
    lines.push(line)
    blank = false
  }
  return { lines, hash: hashBuf.slice(0, nHash), kind: kindBuf.slice(0, nHash) }
}

/**
 * Measures one normalised line, `src[from, to)` (its text is `t`, or that slice when `t` is
 * undefined), writing its word hashes from `h0` on.
 */
function measure(
  src: string,
  from: number,
  to: number,
  t: string | undefined,
  index: number,
  blankBefore: boolean,
  h0: number,
): Line {
  const hb = hashBuf
  const kb = kindBuf
  let nTok = 0
  let letterTok = 0
  let capTok = 0
  let tokChars = 0
  let letters = 0
  let upper = 0
  let lower = 0
  let digits = 0
  let commas = 0
  let seps = 0
  let breaks = 0
  let humps = 0
  let dense = 0
  let gluedHeadline = 0
  let nh = h0
  let lineHash = 0x811c9dc5 | 0
  // Current token.
  let inTok = false
  let tLen = 0
  let tHash = 0
  let tLetter = false
  let tCap = false
  let prevLow = false
  let afterStop = 0 // 1 after [.!?], 2 after [.!?] and a space
  const n = to
  for (let i = from; i <= n; i++) {
    let c = i < n ? src.charCodeAt(i) : 32
    let k: number
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      k = astralIsWord(c, src.charCodeAt(i + 1)) ? WORD | LETTER | KNOWN : KNOWN
      c = 0x4e00 // count as a letter of no case
      i++
    } else {
      k = classes[c]!
      if (k === 0) k = classify(c)
    }
    lineHash = Math.imul(lineHash ^ c, 0x01000193)
    if (k & WORD) {
      const lc = k & UP ? lowerOf[c]! : c
      if (!inTok) {
        inTok = true
        tLen = 0
        tHash = 0x811c9dc5 | 0
        tLetter = false
        tCap = (k & UP) !== 0
      }
      tLen++
      tHash = Math.imul(tHash ^ lc, 0x01000193)
      if (k & LETTER) {
        tLetter = true
        letters++
        if (k & UP) {
          upper++
          if (prevLow) {
            humps++
            // A hump after 3+ tokens, most of them capitalised: a glued headline.
            if (humps === 1 && nTok >= 3 && capTok * 10 >= nTok * 6) gluedHeadline = 1
          }
        } else if (k & LOW) lower++
        if (k & DENSE) dense++
      } else if (c >= 48 && c <= 57) digits++
      prevLow = (k & LOW) !== 0
      if (afterStop === 2 && k & UP) breaks++
      afterStop = 0
    } else {
      if (inTok) {
        inTok = false
        nTok++
        tokChars += tLen
        if (tLetter) {
          letterTok++
          if (tCap) capTok++
          const content = tLen >= CONTENT_MIN
          const name = tCap && nTok > 1 && tLen >= 2
          if (content || name) {
            hb[nh] = tHash
            kb[nh] = (content ? 1 : 0) | (name ? 2 : 0)
            nh++
          }
        }
      }
      prevLow = false
      if (i < n) {
        if (c === 44 || c === 59) commas++
        else if (c === 124 || c === 47 || (c > 127 && SEPARATORS.has(c))) seps++
        if (c === 46 || c === 33 || c === 63) afterStop = 1
        else if (k & SPACE) afterStop = afterStop === 1 || afterStop === 2 ? 2 : 0
        else if (c === 34 || c === 0x201c || c === 0x2018 || c === 39) {
          // an opening quote after the space keeps the break pending
        } else afterStop = 0
      }
    }
  }
  // The last character before any closing quotes and brackets.
  let e = to - 1
  while (e >= from && CLOSERS.has(src.charCodeAt(e))) e--
  const last = e >= from ? src.charCodeAt(e) : 0
  let end = 0
  if (last === 0x2026) end = ENDS_ELLIPSIS
  else if (last === 46) {
    const dots =
      (e - 2 >= from && src.charCodeAt(e - 1) === 46 && src.charCodeAt(e - 2) === 46) ||
      (e - 4 >= from && src.charCodeAt(e - 2) === 46 && src.charCodeAt(e - 4) === 46) // ". . ."
    end = dots ? ENDS_ELLIPSIS : ENDS_SENTENCE
  } else if (
    last === 33 ||
    last === 63 ||
    last === 0x3002 ||
    last === 0xff01 ||
    last === 0xff1f ||
    last === 0x61f
  )
    end = ENDS_SENTENCE
  else if (last === 58 || last === 0xff1a) end = ENDS_COLON
  return {
    text: t ?? src.slice(from, to),
    end,
    last,
    index,
    hash: lineHash,
    blankBefore,
    nTok,
    words: dense > 0 ? nTok + dense / 2 : nTok,
    letterTok,
    capTok,
    tokChars,
    letters,
    upper,
    lower,
    digits,
    commas,
    seps,
    breaks,
    humps,
    gluedHeadline,
    hashStart: h0,
    hashEnd: nh,
  }
}

/** The non-empty lines of a dump. */
export function splitLines(text: string): Line[] {
  return scanDump(text).lines
}

const WORD_RE = /[\p{L}\p{N}_]+/gu

/** The word tokens of a text: maximal runs of letters, digits and underscore. */
export function tokenize(text: string): string[] {
  return text.match(WORD_RE) ?? []
}
