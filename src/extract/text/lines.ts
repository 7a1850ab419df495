/** Splits a dump into lines (one block per line) and measures each line once. */

/** A non-empty line of the dump with the measurements every later step reads. */
export interface Line {
  /** The line, trimmed and with runs of white space collapsed. */
  text: string
  /** Index among the non-empty lines. */
  index: number
  /** True when one or more blank lines stood before it in the dump. */
  blankBefore: boolean
  /** Word tokens (letters, digits, underscore), as the benchmark metric counts them. */
  tokens: string[]
  /**
   * Length in words, where scripts written without spaces (Chinese, Japanese, Korean, Thai)
   * count a word per two characters instead of a word per run.
   */
  words: number
}

const WORD_RE = /[\p{L}\p{N}_]+/gu
const DENSE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu

/** The word tokens of a text: maximal runs of letters, digits and underscore. */
export function tokenize(text: string): string[] {
  return text.match(WORD_RE) ?? []
}

/** The non-empty lines of a dump. */
export function splitLines(text: string): Line[] {
  const out: Line[] = []
  let blank = false
  for (const raw of text.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    const t = raw.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim()
    if (t === '') {
      blank = true
      continue
    }
    const tokens = tokenize(t)
    const dense = t.match(DENSE_SCRIPT)?.length ?? 0
    const words = dense > 0 ? tokens.length + dense / 2 : tokens.length
    out.push({ text: t, index: out.length, blankBefore: blank, tokens, words })
    blank = false
  }
  return out
}
