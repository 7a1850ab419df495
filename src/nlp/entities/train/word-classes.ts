/**
 * Word classes and capitalisation statistics from unlabeled text, for the tagger's features.
 *
 * Classes: the exchange algorithm (Kneser & Ney 1993; the one-sided "predictive" form of Uszkoreit
 * & Brants 2008), which moves each word to the class that most raises the likelihood of the class
 * bigram model P(next word | class of word). It plays the part of Brown clusters in Ratinov & Roth
 * (2009) at a fraction of the cost; we run it at three granularities instead of cutting a tree.
 */
import { hashString } from '../hash.js'

/** Unlabeled text as sentences of tokens. */
export type Corpus = readonly (readonly string[])[]

/** Splits running text into CoNLL-like tokens (punctuation off, "'s" and "n't" off). */
export function roughTokens(text: string): string[] {
  const out: string[] = []
  for (const raw of text.split(/\s+/)) {
    if (!raw) continue
    let word = raw
    while (word.length > 1 && /^["'([{“‘]/.test(word)) {
      out.push(word[0]!)
      word = word.slice(1)
    }
    const tail: string[] = []
    for (;;) {
      if (word.length > 1 && /[,;:!?"')\]}”’]$/.test(word)) {
        tail.unshift(word.slice(-1))
        word = word.slice(0, -1)
      } else if (
        word.length > 1 &&
        word.endsWith('.') &&
        !/^(\p{L}\.)+$|^\p{Lu}\p{Ll}{0,3}\.$/u.test(word)
      ) {
        tail.unshift('.')
        word = word.slice(0, -1)
      } else break
    }
    const clitic = /^(.+?)('s|'S|n't|'re|'ve|'ll|'d|'m)$/.exec(word)
    if (clitic) out.push(clitic[1]!, clitic[2]!)
    else out.push(word)
    out.push(...tail)
  }
  return out
}

/** Splits a token list at sentence-final punctuation. */
export function roughSentences(tokens: readonly string[]): string[][] {
  const out: string[][] = []
  let current: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    current.push(t)
    if ((t === '.' || t === '!' || t === '?') && !/^["')”’]$/.test(tokens[i + 1] ?? '')) {
      out.push(current)
      current = []
    }
  }
  if (current.length) out.push(current)
  return out
}

export interface WordClassOptions {
  /** Number of classes. */
  classes: number
  /** Words seen fewer times get no class. */
  minCount: number
  iterations: number
  onIteration?: (iteration: number, moved: number) => void
}

/** Clusters the words of a corpus; returns word → class id (0..classes-1). */
export function exchangeClusters(corpus: Corpus, options: WordClassOptions): Map<string, number> {
  const counts = new Map<string, number>()
  for (const s of corpus) for (const t of s) counts.set(t, (counts.get(t) ?? 0) + 1)
  // Vocabulary by descending frequency (ties by code point, for determinism); id V is "rare word".
  const vocab = [...counts.entries()]
    .filter(([, c]) => c >= options.minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([w]) => w)
  const V = vocab.length
  const id = new Map(vocab.map((w, i) => [w, i]))
  const C = options.classes
  const U = V + 2 // successors: V words, rare, sentence end

  // Successor counts per word: sparse lists.
  const succMaps: Map<number, number>[] = Array.from({ length: V }, () => new Map())
  for (const s of corpus) {
    for (let i = 0; i < s.length; i++) {
      const v = id.get(s[i]!)
      if (v === undefined) continue
      const next = i + 1 < s.length ? (id.get(s[i + 1]!) ?? V) : V + 1
      const m = succMaps[v]!
      m.set(next, (m.get(next) ?? 0) + 1)
    }
  }
  const succWords: Int32Array[] = []
  const succCounts: Int32Array[] = []
  const totals = new Float64Array(V)
  for (let v = 0; v < V; v++) {
    const entries = [...succMaps[v]!.entries()].sort((a, b) => a[0] - b[0])
    succWords.push(Int32Array.from(entries, (e) => e[0]))
    succCounts.push(Int32Array.from(entries, (e) => e[1]))
    totals[v] = entries.reduce((a, e) => a + e[1], 0)
  }
  succMaps.length = 0

  // N[w' * C + c]: bigrams (v, w') with v in class c; classTotal[c] = Σ N(c, ·).
  const cls = new Int32Array(V)
  for (let v = 0; v < V; v++) cls[v] = v % C
  const N = new Int32Array(U * C)
  const classTotal = new Float64Array(C)
  for (let v = 0; v < V; v++) {
    const c = cls[v]!
    const ws = succWords[v]!
    const ns = succCounts[v]!
    for (let k = 0; k < ws.length; k++) N[ws[k]! * C + c]! += ns[k]!
    classTotal[c]! += totals[v]!
  }
  // x·log x for integer counts, tabulated: the inner loop below runs (bigram types × classes) times.
  const TABLE = 1 << 20
  const table = new Float64Array(TABLE)
  for (let x = 1; x < TABLE; x++) table[x] = x * Math.log(x)
  const xlogx = (x: number) => (x < TABLE ? table[x]! : x * Math.log(x))
  const delta = new Float64Array(C)
  for (let it = 1; it <= options.iterations; it++) {
    let moved = 0
    for (let v = 0; v < V; v++) {
      const a = cls[v]!
      const ws = succWords[v]!
      const ns = succCounts[v]!
      const nv = totals[v]!
      // Take v out of its class.
      for (let k = 0; k < ws.length; k++) N[ws[k]! * C + a]! -= ns[k]!
      classTotal[a]! -= nv
      // Gain of putting v into each class c.
      for (let c = 0; c < C; c++) delta[c] = xlogx(classTotal[c]!) - xlogx(classTotal[c]! + nv)
      for (let k = 0; k < ws.length; k++) {
        const base = ws[k]! * C
        const s = ns[k]!
        for (let c = 0; c < C; c++) {
          const x = N[base + c]!
          const y = x + s
          delta[c]! += y < TABLE ? table[y]! - table[x]! : xlogx(y) - xlogx(x)
        }
      }
      let best = a
      for (let c = 0; c < C; c++) if (delta[c]! > delta[best]! + 1e-9) best = c
      if (best !== a) moved++
      cls[v] = best
      for (let k = 0; k < ws.length; k++) N[ws[k]! * C + best]! += ns[k]!
      classTotal[best]! += nv
    }
    options.onIteration?.(it, moved)
    if (moved === 0) break
  }
  return new Map(vocab.map((w, i) => [w, cls[i]!]))
}

/** Packs three clusterings into the lexicon's word-class table (hash of the word → packed ids). */
export function packWordClasses(
  fine: Map<string, number>,
  mid: Map<string, number>,
  coarse: Map<string, number>,
): { classKeys: Uint32Array; classIds: Uint32Array } {
  const words = [...fine.keys()]
  return {
    classKeys: Uint32Array.from(words, (w) => hashString(w)),
    classIds: Uint32Array.from(
      words,
      (w) => (fine.get(w)! | (mid.get(w)! << 10) | (coarse.get(w)! << 20)) >>> 0,
    ),
  }
}

/**
 * How often each word is capitalised where capitals are not forced (not first in its sentence,
 * not after an opening quote or colon, not in an all-capitals line), in a bucket: 1 never,
 * 2 under 10%, 3 under 50%, 4 under 90%, 5 at least 90%; +5 when seen at least 20 times.
 */
export function caseStatistics(corpus: Corpus): { caseKeys: Uint32Array; caseBuckets: Uint8Array } {
  const capital = new Map<string, number>()
  const total = new Map<string, number>()
  for (const s of corpus) {
    const letters = s.filter((t) => /\p{L}/u.test(t))
    if (letters.length >= 2 && letters.every((t) => t === t.toUpperCase())) continue
    for (let i = 1; i < s.length; i++) {
      const t = s[i]!
      const first = t[0]!
      if (first.toLowerCase() === first.toUpperCase()) continue
      if (/^["'(:“‘-]$/.test(s[i - 1]!)) continue
      const lower = t.toLowerCase()
      total.set(lower, (total.get(lower) ?? 0) + 1)
      if (first !== first.toLowerCase()) capital.set(lower, (capital.get(lower) ?? 0) + 1)
    }
  }
  const words = [...total.keys()]
  return {
    caseKeys: Uint32Array.from(words, (w) => hashString(w)),
    caseBuckets: Uint8Array.from(words, (w) => {
      const n = total.get(w)!
      const share = (capital.get(w) ?? 0) / n
      const band = share === 0 ? 1 : share < 0.1 ? 2 : share < 0.5 ? 3 : share < 0.9 ? 4 : 5
      return band + (n >= 20 ? 5 : 0)
    }),
  }
}
