/**
 * @module Shingles and MinHash signatures for finding copies: word n-grams inside sentences,
 * hashed to 32 bits, summarised by `k` minimum hashes, and banded for locality-sensitive
 * hashing (two texts share a band with probability ≈ 1 − (1 − J^r)^b at Jaccard J).
 */

/** FNV-1a, 32 bits, over the UTF-16 code units of a string. */
export function hash32(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** The murmur3 finaliser: a fast 32-bit mixer. */
function mix32(x: number): number {
  let h = x >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** Words of a text for copy detection: lower case, accents folded, no punctuation. */
export function copyWords(sentence: string): string[] {
  return sentence
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
}

/** Splits plain text into sentences (and paragraphs: a blank line ends a sentence too). */
export function splitSentences(text: string): string[] {
  const out: string[] = []
  for (const para of text.split(/\n\s*\n/)) {
    const p = para.replace(/\s+/g, ' ').trim()
    if (p === '') continue
    // A stop, then space, then a capital, digit or opening quote starts a new sentence.
    for (const s of p.split(/(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[\p{Lu}\p{N}])/u)) {
      const t = s.trim()
      if (t !== '') out.push(t)
    }
  }
  return out
}

/**
 * The distinct shingle hashes of a text, sorted: every run of `n` words inside one sentence
 * (a sentence shorter than `n` words is one shingle). Sentences are shingled apart so that
 * moving sentences around changes nothing.
 */
export function shingles(text: string, n: number): Uint32Array {
  const set = new Set<number>()
  for (const sentence of splitSentences(text)) {
    const w = copyWords(sentence)
    if (w.length === 0) continue
    if (w.length < n) {
      set.add(hash32(w.join(' ')))
      continue
    }
    for (let i = 0; i + n <= w.length; i++) set.add(hash32(w.slice(i, i + n).join(' ')))
  }
  return Uint32Array.from(set).sort()
}

/** Size of the intersection of two sorted arrays. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length && j < b.length) {
    const x = a[i]!
    const y = b[j]!
    if (x === y) {
      n++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return n
}

/** A MinHash signer with `k` fixed hash functions (seeded, so signatures are stable). */
export class MinHasher {
  private readonly seeds: Uint32Array

  constructor(readonly k: number) {
    this.seeds = new Uint32Array(k)
    let s = 0x9e3779b9
    for (let i = 0; i < k; i++) {
      s = mix32(s + 0x6d2b79f5)
      this.seeds[i] = s
    }
  }

  /** The signature of a shingle set: the minimum of each hash function. */
  sign(set: Uint32Array): Uint32Array {
    const sig = new Uint32Array(this.k).fill(0xffffffff)
    for (const x of set) {
      for (let i = 0; i < this.k; i++) {
        const h = mix32(x ^ this.seeds[i]!)
        if (h < sig[i]!) sig[i] = h
      }
    }
    return sig
  }
}

/** Estimated Jaccard similarity of two signatures. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++
  return a.length ? same / a.length : 0
}

/** Band keys of a signature: `bands` groups of `rows` values, each hashed with its index. */
export function bandKeys(sig: Uint32Array, bands: number, rows: number): string[] {
  const keys: string[] = []
  for (let b = 0; b < bands; b++) {
    let h = 0x811c9dc5 ^ b
    for (let r = 0; r < rows; r++) h = Math.imul(h ^ sig[b * rows + r]!, 0x01000193)
    keys.push(`${b}:${(h >>> 0).toString(36)}`)
  }
  return keys
}
