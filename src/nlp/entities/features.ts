/**
 * Feature extraction for the entity tagger, after Ratinov & Roth (2009): the word and its window,
 * affixes, word shapes, word classes learnt from unlabeled text, gazetteer matches, capitalisation
 * statistics, and non-local features over the whole document (the contexts of the word's other
 * occurrences; in the second stage, the labels the first stage gave them). Each feature is a 32-bit
 * hash of a template id and its values (hash.ts), so nothing is built as a string.
 */
import { hashString, mix } from './hash.js'
import { LABEL_COUNT, labelType, TYPES } from './labels.js'
import { type Lexicon, PREFIX_BIT, type TypeLexicon } from './lexicon.js'

/** Feature templates. Values are stable: the model file stores hashes made from them. */
const T = {
  bias: 1,
  word: 2,
  lowerM2: 3,
  lowerM1: 4,
  lower0: 5,
  lowerP1: 6,
  lowerP2: 7,
  bigramM1: 8,
  bigramP1: 9,
  prefix: 10,
  suffix: 11,
  shape: 12,
  shapeLong: 13,
  shapeM1: 14,
  shapeP1: 15,
  shape3: 16,
  firstShape: 17,
  lowerM1Shape: 18,
  shapeLowerP1: 19,
  classM1: 20,
  class0: 21,
  classP1: 22,
  caseBucket: 23,
  caseFirst: 24,
  gazetteer: 25,
  gazetteerM1: 26,
  gazetteerP1: 27,
  headlineShape: 28,
  aggPrev: 29,
  aggNext: 30,
  docCase: 31,
  docCaseFirst: 32,
  length: 33,
  bagOfWords: 34,
  aggWindow: 35,
  nameFirst: 36,
  nameLast: 37,
  nameSurname: 38,
  acronym: 39,
  // second stage
  s1M1: 40,
  s1: 41,
  s1P1: 42,
  s1Bigram: 43,
  extType: 44,
  extMajority: 45,
  extMajorityS1: 46,
  autoType: 47,
  autoTypeCap: 48,
} as const

/** A document flattened: every token of every sentence, with sentence boundaries. */
export interface FlatDocument {
  tokens: string[]
  /** Index of each sentence's first token, plus tokens.length at the end. */
  sentenceStarts: number[]
}

/** Flattens pre-tokenised sentences into one document. */
export function flatten(sentences: readonly (readonly string[])[]): FlatDocument {
  const tokens: string[] = []
  const sentenceStarts: number[] = []
  for (const s of sentences) {
    sentenceStarts.push(tokens.length)
    for (const t of s) tokens.push(t)
  }
  sentenceStarts.push(tokens.length)
  return { tokens, sentenceStarts }
}

/** The features of every token of a document: token i owns keys[offsets[i] .. offsets[i + 1]). */
export interface DocumentFeatures {
  keys: Uint32Array
  offsets: Int32Array
}

/** A word's shape: X for capitals, x for lowercase, d for digits, other characters kept. */
export function wordShape(word: string, maxRun: number): string {
  let out = ''
  let last = ''
  let run = 0
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    let c: string
    if (code >= 65 && code <= 90) c = 'X'
    else if (code >= 97 && code <= 122) c = 'x'
    else if (code >= 48 && code <= 57) c = 'd'
    else {
      const ch = word[i]!
      c = ch.toLowerCase() !== ch ? 'X' : ch.toUpperCase() !== ch ? 'x' : ch
    }
    if (c === last) {
      run++
      if (run > maxRun) continue
    } else {
      last = c
      run = 1
    }
    out += c
  }
  return out
}

/** Capitalisation classes of a token. */
const Cap = {
  /** starts with a lowercase letter */
  lower: 0,
  /** starts with a capital, has lowercase letters */
  initial: 1,
  /** letters, all capitals */
  allCaps: 2,
  /** no letters */
  none: 3,
} as const

function capitalisation(word: string): number {
  let upper = 0
  let lower = 0
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if (code >= 65 && code <= 90) upper++
    else if (code >= 97 && code <= 122) lower++
    else if (code > 127) {
      const ch = word[i]!
      if (ch.toLowerCase() !== ch) upper++
      else if (ch.toUpperCase() !== ch) lower++
    }
  }
  if (upper + lower === 0) return Cap.none
  const first = word.charCodeAt(0)
  const firstUpper =
    (first >= 65 && first <= 90) || (first > 127 && word[0]!.toLowerCase() !== word[0])
  if (!firstUpper) return Cap.lower
  return lower === 0 ? Cap.allCaps : Cap.initial
}

/** Per-token values computed once per document. */
interface TokenInfo {
  word: Uint32Array
  lower: Uint32Array
  shape: Uint32Array
  shapeLong: Uint32Array
  cap: Uint8Array
  classes: Int32Array
  caseBucket: Uint8Array
  /** Gazetteer match codes: (list << 3) | (position << 1) | lowercase-start, per token. */
  gazetteer: (number[] | undefined)[]
  /** Whether the token's sentence is set in capitals (a CoNLL headline). */
  headline: Uint8Array
}

/**
 * The features that depend on the token alone: bias, the word as written and lowercased, affixes,
 * length, shapes, its word classes and its capitalisation bucket.
 */
export function wordFeatureKeys(word: string, lexicon: Lexicon): Uint32Array {
  const e = cachedEntry(word, lexicon)
  if (e.keys) return e.keys
  const keys: number[] = [
    mix(T.bias, 0),
    mix(T.word, e.word),
    mix(T.lower0, e.lower),
    mix(T.length, Math.min(word.length, 12)),
    mix(T.shape, e.shape),
    mix(T.shapeLong, e.shapeLong),
    mix(T.caseBucket, e.caseBucket),
  ]
  // Affixes of up to 4 characters, hashed incrementally (the suffix hash reads backwards).
  const lw = e.lowerText
  let hp = 0x811c9dc5
  let hs = 0x811c9dc5
  for (let k = 0; k < 4 && k + 1 < lw.length; k++) {
    hp = Math.imul(hp ^ lw.charCodeAt(k), 0x01000193)
    hs = Math.imul(hs ^ lw.charCodeAt(lw.length - 1 - k), 0x01000193)
    keys.push(mix(T.prefix, hp >>> 0), mix(T.suffix, hs >>> 0))
  }
  const c = e.classes
  if (c === -1) keys.push(mix(T.class0, 0xffff))
  else {
    keys.push(mix(T.class0, c & 0x3ff))
    keys.push(mix(T.class0, 0x400 | ((c >>> 10) & 0x3ff)))
    keys.push(mix(T.class0, 0x800 | ((c >>> 20) & 0x3ff)))
  }
  e.keys = Uint32Array.from(keys)
  return e.keys
}

function cachedEntry(w: string, lexicon: Lexicon): WordEntry {
  const cache = wordCache(lexicon)
  let e = cache.get(w)
  if (!e) {
    e = wordEntry(w, lexicon)
    if (cache.size >= WORD_CACHE_SIZE) cache.clear()
    cache.set(w, e)
  }
  return e
}

/** What the features need to know about a word, whatever its context. */
interface WordEntry {
  keys?: Uint32Array
  lowerText: string
  word: number
  lower: number
  shape: number
  shapeLong: number
  cap: number
  classes: number
  caseBucket: number
}

/** Words seen recently, per lexicon: most tokens of an article are words seen before. */
const wordCaches = new WeakMap<Lexicon, Map<string, WordEntry>>()
const WORD_CACHE_SIZE = 200_000 // ~ the vocabulary of a large news corpus; cleared when full

function wordCache(lexicon: Lexicon): Map<string, WordEntry> {
  let cache = wordCaches.get(lexicon)
  if (!cache) {
    cache = new Map()
    wordCaches.set(lexicon, cache)
  }
  return cache
}

function wordEntry(w: string, lexicon: Lexicon): WordEntry {
  const lowerText = w.toLowerCase()
  const word = hashString(w)
  const lower = hashString(lowerText)
  const cap = capitalisation(w)
  // Word classes are learnt on words as written; an all-capitals headline word borrows the class
  // of its usual spelling ("GERMANY" → "Germany", "SAID" → "said").
  let classes = lexicon.wordClasses(word)
  if (classes === -1 && cap === Cap.allCaps) {
    classes = lexicon.wordClasses(hashString(lowerText[0]!.toUpperCase() + lowerText.slice(1)))
    if (classes === -1) classes = lexicon.wordClasses(lower)
  }
  return {
    lowerText,
    word,
    lower,
    shape: hashString(wordShape(w, 1)),
    shapeLong: hashString(wordShape(w, 4)),
    cap,
    classes,
    caseBucket: lexicon.caseBucket(lower),
  }
}

function tokenInfo(doc: FlatDocument, lexicon: Lexicon): TokenInfo {
  const n = doc.tokens.length
  const info: TokenInfo = {
    word: new Uint32Array(n),
    lower: new Uint32Array(n),
    shape: new Uint32Array(n),
    shapeLong: new Uint32Array(n),
    cap: new Uint8Array(n),
    classes: new Int32Array(n),
    caseBucket: new Uint8Array(n),
    gazetteer: new Array(n),
    headline: new Uint8Array(n),
  }
  const lowers: string[] = new Array(n)
  for (let i = 0; i < n; i++) {
    const e = cachedEntry(doc.tokens[i]!, lexicon)
    lowers[i] = e.lowerText
    info.word[i] = e.word
    info.lower[i] = e.lower
    info.shape[i] = e.shape
    info.shapeLong[i] = e.shapeLong
    info.cap[i] = e.cap
    info.classes[i] = e.classes
    info.caseBucket[i] = e.caseBucket
  }
  const { gazetteerMaxLength: maxLength } = lexicon.data
  for (let s = 0; s + 1 < doc.sentenceStarts.length; s++) {
    const start = doc.sentenceStarts[s]!
    const end = doc.sentenceStarts[s + 1]!
    let letters = 0
    let caps = 0
    for (let i = start; i < end; i++) {
      const c = info.cap[i]!
      if (c !== Cap.none) letters++
      if (c === Cap.allCaps) caps++
    }
    const headline = letters >= 2 && caps === letters ? 1 : 0
    for (let i = start; i < end; i++) {
      info.headline[i] = headline
      if (info.cap[i] === Cap.none && doc.tokens[i]!.length === 1) continue
      const lc = info.cap[i] === Cap.lower ? 1 : 0
      // Same hashes as hashEntryStart / hashEntryNext, from the cached lowercase forms.
      let h = info.lower[i]!
      for (let j = i; j < end && j - i < maxLength; j++) {
        if (j > i) h = hashString(lowers[j]!, hashString(' ', h))
        const found = lexicon.gazetteerMask(h)
        if (found === 0) break // no entry is this sequence or starts with it
        const mask = found & ~PREFIX_BIT
        for (let list = 0; mask >>> list !== 0; list++) {
          if (((mask >>> list) & 1) === 0) continue
          for (let k = i; k <= j; k++) {
            const pos = i === j ? 3 : k === i ? 0 : k === j ? 2 : 1
            const code = (list << 3) | (pos << 1) | lc
            const codes = info.gazetteer[k]
            if (codes) codes.push(code)
            else info.gazetteer[k] = [code]
          }
        }
        if ((found & PREFIX_BIT) === 0) break
      }
    }
  }
  return info
}

/** Growable buffer of feature keys. */
class KeyBuffer {
  keys = new Uint32Array(4096)
  length = 0
  push(key: number): void {
    if (this.length === this.keys.length) {
      const bigger = new Uint32Array(this.keys.length * 2)
      bigger.set(this.keys)
      this.keys = bigger
    }
    this.keys[this.length++] = key
  }
}

const NONE = 0x5bd1e995 // the hash used for "no token here" (outside the sentence)
const MAX_AGGREGATED = 12 // other occurrences looked at per token: enough for a word's main contexts

/** Capitalisation of each lowercased word across the document, away from sentence starts. */
function documentCase(doc: FlatDocument, info: TokenInfo): Map<number, number> {
  const counts = new Map<number, number>() // low 16 bits: capitalised, high: lowercase
  for (let s = 0; s + 1 < doc.sentenceStarts.length; s++) {
    const start = doc.sentenceStarts[s]!
    const end = doc.sentenceStarts[s + 1]!
    for (let i = start + 1; i < end; i++) {
      const c = info.cap[i]!
      if (info.headline[i] || c === Cap.none || c === Cap.allCaps) continue
      const prev = doc.tokens[i - 1]!
      if (prev === '"' || prev === '(' || prev === ':' || prev === '-') continue
      const key = info.lower[i]!
      counts.set(key, (counts.get(key) ?? 0) + (c === Cap.lower ? 0x10000 : 1))
    }
  }
  return counts
}

/** Stage-1 features, with what stage 2 needs to add its own. */
export interface BaseFeatures extends DocumentFeatures {
  readonly info: TokenInfo
}

/**
 * Extracts the (first-stage) features of every token of a document. With `withWordFeatures`
 * false, leaves out the features that depend on the token alone (wordFeatureKeys), which a
 * tagger can score once per word and cache.
 */
export function extractFeatures(
  doc: FlatDocument,
  lexicon: Lexicon,
  withWordFeatures = true,
): BaseFeatures {
  const n = doc.tokens.length
  const info = tokenInfo(doc, lexicon)
  const buf = new KeyBuffer()
  const offsets = new Int32Array(n + 1)
  const docCase = documentCase(doc, info)

  // Occurrences of each word (lowercased) in the document, for context aggregation.
  const occurrences = new Map<number, number[]>()
  for (let i = 0; i < n; i++) {
    if (info.cap[i] === Cap.lower || info.cap[i] === Cap.none) continue
    const list = occurrences.get(info.lower[i]!)
    if (list) list.push(i)
    else occurrences.set(info.lower[i]!, [i])
  }

  const names = nameStructure(doc, info, lexicon)

  const seen = new Set<number>()
  for (let s = 0; s + 1 < doc.sentenceStarts.length; s++) {
    const start = doc.sentenceStarts[s]!
    const end = doc.sentenceStarts[s + 1]!
    const lowerAt = (i: number) => (i >= start && i < end ? info.lower[i]! : NONE)
    const shapeAt = (i: number) => (i >= start && i < end ? info.shape[i]! : NONE)
    for (let i = start; i < end; i++) {
      offsets[i] = buf.length
      const word = doc.tokens[i]!
      const lower = info.lower[i]!
      const shape = info.shape[i]!
      const m1 = lowerAt(i - 1)
      const p1 = lowerAt(i + 1)
      if (withWordFeatures) {
        for (const k of wordFeatureKeys(word, lexicon)) buf.push(k)
      }
      buf.push(mix(T.lowerM2, lowerAt(i - 2)))
      buf.push(mix(T.lowerM1, m1))
      buf.push(mix(T.lowerP1, p1))
      buf.push(mix(T.lowerP2, lowerAt(i + 2)))
      buf.push(mix(mix(T.bigramM1, m1), lower))
      buf.push(mix(mix(T.bigramP1, lower), p1))
      buf.push(mix(T.shapeM1, shapeAt(i - 1)))
      buf.push(mix(T.shapeP1, shapeAt(i + 1)))
      buf.push(mix(mix(mix(T.shape3, shapeAt(i - 1)), shape), shapeAt(i + 1)))
      if (i === start) buf.push(mix(T.firstShape, shape))
      buf.push(mix(mix(T.lowerM1Shape, m1), shape))
      buf.push(mix(mix(T.shapeLowerP1, shape), p1))
      if (info.headline[i]) buf.push(mix(T.headlineShape, shape))
      if (i > start) pushClasses(buf, T.classM1, info.classes[i - 1]!)
      if (i + 1 < end) pushClasses(buf, T.classP1, info.classes[i + 1]!)
      const cb = info.caseBucket[i]!
      if (i === start || info.headline[i]) buf.push(mix(mix(T.caseFirst, cb), info.cap[i]!))
      const gz = info.gazetteer[i]
      if (gz) for (const g of gz) buf.push(mix(T.gazetteer, g))
      const gzm1 = i > start ? info.gazetteer[i - 1] : undefined
      if (gzm1) for (const g of gzm1) buf.push(mix(T.gazetteerM1, g >> 3))
      const gzp1 = i + 1 < end ? info.gazetteer[i + 1] : undefined
      if (gzp1) for (const g of gzp1) buf.push(mix(T.gazetteerP1, g >> 3))

      // Non-local: how the word is written and what surrounds it elsewhere in the document.
      if (info.cap[i] === Cap.initial || info.cap[i] === Cap.allCaps) {
        if (names.first.has(lower)) buf.push(mix(T.nameFirst, 0))
        if (names.last.has(lower)) buf.push(mix(T.nameLast, 0))
        if (names.surname.has(lower)) buf.push(mix(T.nameSurname, 0))
        if (info.cap[i] === Cap.allCaps && names.acronyms.has(word)) buf.push(mix(T.acronym, 0))
      }
      const dc = docCase.get(lower)
      if (dc !== undefined) {
        const capitalised = dc & 0xffff
        const lowercase = dc >>> 16
        const bucket = capitalised === 0 ? 0 : lowercase === 0 ? 2 : 1
        buf.push(mix(T.docCase, bucket))
        if (i === start || info.headline[i])
          buf.push(mix(mix(T.docCaseFirst, bucket), info.cap[i]!))
      }
      const occ = occurrences.get(lower)
      if (occ && occ.length > 1) {
        seen.clear()
        let looked = 0
        for (const j of occ) {
          if (j === i) continue
          if (++looked > MAX_AGGREGATED) break
          const sj = sentenceOf(doc.sentenceStarts, j)
          const prev = j > doc.sentenceStarts[sj]! ? info.lower[j - 1]! : NONE
          const next = j + 1 < doc.sentenceStarts[sj + 1]! ? info.lower[j + 1]! : NONE
          pushOnce(buf, seen, mix(T.aggPrev, prev))
          pushOnce(buf, seen, mix(T.aggNext, next))
          // the wider window, positions collapsed (R&R aggregate a ±2 window)
          const sStart = doc.sentenceStarts[sj]!
          const sEnd = doc.sentenceStarts[sj + 1]!
          if (j - 2 >= sStart) pushOnce(buf, seen, mix(T.aggWindow, info.lower[j - 2]!))
          if (j + 2 < sEnd) pushOnce(buf, seen, mix(T.aggWindow, info.lower[j + 2]!))
        }
      }
      // Words around the token, positions collapsed (±3): the topic of the phrase ("shares",
      // "coach", "province") tells the type when the name itself is unknown.
      const bagFrom = buf.length
      for (let j = Math.max(start, i - 3); j < Math.min(end, i + 4); j++) {
        if (j === i) continue
        const key = mix(T.bagOfWords, info.lower[j]!)
        let dup = false
        for (let k = bagFrom; k < buf.length && !dup; k++) dup = buf.keys[k] === key
        if (!dup) buf.push(key)
      }
    }
  }
  offsets[n] = buf.length
  return { keys: buf.keys.slice(0, buf.length), offsets, info }
}

/**
 * The second stage's extra features, from the first stage's BILOU labels for every token: those
 * labels in the window, and the types they gave the word's other occurrences in the document.
 * Stage 2 scores these together with `base`.
 */
export function extractStage2Features(
  doc: FlatDocument,
  base: BaseFeatures,
  stage1: ArrayLike<number>,
  types?: TypeLexicon,
): DocumentFeatures {
  const n = doc.tokens.length
  const { info } = base
  const buf = new KeyBuffer()
  const offsets = new Int32Array(n + 1)
  const ext = extendedPredictions(doc, base.info, stage1)
  for (let s = 0; s + 1 < doc.sentenceStarts.length; s++) {
    const start = doc.sentenceStarts[s]!
    const end = doc.sentenceStarts[s + 1]!
    for (let i = start; i < end; i++) {
      offsets[i] = buf.length
      const l = stage1[i]!
      const lm1 = i > start ? stage1[i - 1]! : LABEL_COUNT
      const lp1 = i + 1 < end ? stage1[i + 1]! : LABEL_COUNT
      buf.push(mix(T.s1, l))
      buf.push(mix(T.s1M1, lm1))
      buf.push(mix(T.s1P1, lp1))
      buf.push(mix(mix(T.s1Bigram, lm1), l))
      ext.push(i, l, buf)
      if (types && info.cap[i] !== Cap.lower && info.cap[i] !== Cap.none) {
        const code = types.code(info.lower[i]!)
        buf.push(mix(T.autoType, code))
        buf.push(mix(mix(T.autoTypeCap, code), info.cap[i]!))
      }
    }
  }
  offsets[n] = buf.length
  return { keys: buf.keys.slice(0, buf.length), offsets }
}

/** One feature list per token from two (for training, where stage 2 sees both). */
export function mergeFeatures(a: DocumentFeatures, b: DocumentFeatures): DocumentFeatures {
  const n = a.offsets.length - 1
  const keys = new Uint32Array(a.keys.length + b.keys.length)
  const offsets = new Int32Array(n + 1)
  let k = 0
  for (let i = 0; i < n; i++) {
    offsets[i] = k
    keys.set(a.keys.subarray(a.offsets[i]!, a.offsets[i + 1]!), k)
    k += a.offsets[i + 1]! - a.offsets[i]!
    keys.set(b.keys.subarray(b.offsets[i]!, b.offsets[i + 1]!), k)
    k += b.offsets[i + 1]! - b.offsets[i]!
  }
  offsets[n] = k
  return { keys, offsets }
}

const CONNECTORS = new Set(['of', 'and', 'for', 'the', 'de', 'du', 'la', 'von', 'van', '&'])

/**
 * Names in running text (not in capitals headlines): runs of capitalised words, allowing "of",
 * "and" … between them ("Bank of England"). For each word, whether it starts or ends a run of two
 * or more somewhere in the document, whether it follows a given name ("Peter Blackburn" makes
 * "Blackburn" a likely surname wherever it appears), and the runs' initials ("EU" for "European
 * Union").
 */
function nameStructure(doc: FlatDocument, info: TokenInfo, lexicon: Lexicon) {
  const first = new Set<number>()
  const last = new Set<number>()
  const surname = new Set<number>()
  const acronyms = new Set<string>()
  const given = lexicon.data.gazetteerLists.indexOf('given-name')
  const isName = (i: number) => info.cap[i] === Cap.initial
  for (let s = 0; s + 1 < doc.sentenceStarts.length; s++) {
    const start = doc.sentenceStarts[s]!
    const end = doc.sentenceStarts[s + 1]!
    if (info.headline[start]) continue
    let i = start
    while (i < end) {
      if (!isName(i)) {
        i++
        continue
      }
      // A sentence's first word is capitalised anyway: keep it out of the run when it is usually
      // written in lowercase (case buckets 1–2 and 6–7: capitalised under 10% of the time).
      const b = info.caseBucket[i]!
      if (i === start && (b === 1 || b === 2 || b === 6 || b === 7)) {
        i++
        continue
      }
      const run = [i]
      let j = i + 1
      while (j < end) {
        if (isName(j)) run.push(j++)
        else if (j + 1 < end && CONNECTORS.has(doc.tokens[j]!) && isName(j + 1)) j++
        else break
      }
      if (run.length >= 2 && run.length <= 6) {
        first.add(info.lower[run[0]!]!)
        last.add(info.lower[run[run.length - 1]!]!)
        const mask = given >= 0 ? lexicon.gazetteerMask(info.lower[run[0]!]!) : 0
        if (run.length === 2 && (mask >>> given) & 1) surname.add(info.lower[run[1]!]!)
        acronyms.add(run.map((k) => doc.tokens[k]![0]!.toUpperCase()).join(''))
      }
      i = j
    }
  }
  return { first, last, surname, acronyms }
}

function pushOnce(buf: KeyBuffer, seen: Set<number>, key: number): void {
  if (seen.has(key)) return
  seen.add(key)
  buf.push(key)
}

/** Word-class features at three granularities (or "no class"). */
function pushClasses(buf: KeyBuffer, template: number, c: number): void {
  if (c === -1) {
    buf.push(mix(template, 0xffff))
    return
  }
  buf.push(mix(template, c & 0x3ff))
  buf.push(mix(template, 0x400 | ((c >>> 10) & 0x3ff)))
  buf.push(mix(template, 0x800 | ((c >>> 20) & 0x3ff)))
}

function sentenceOf(starts: readonly number[], token: number): number {
  let lo = 0
  let hi = starts.length - 2
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= token) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * Extended prediction history (R&R 2009), two-stage form: for each capitalised word, the types the
 * first stage gave its other occurrences in the document, whether alone or inside a longer
 * mention ("Blackburn" inside "Peter Blackburn" counts for PER).
 */
function extendedPredictions(doc: FlatDocument, info: TokenInfo, stage1: ArrayLike<number>) {
  const n = doc.tokens.length
  // Per lowercased word: counts by type (index 4 = O), over capitalised occurrences.
  const counts = new Map<number, Int32Array>()
  for (let i = 0; i < n; i++) {
    if (info.cap[i] === Cap.lower || info.cap[i] === Cap.none) continue
    let c = counts.get(info.lower[i]!)
    if (!c) {
      c = new Int32Array(5)
      counts.set(info.lower[i]!, c)
    }
    const t = labelType(stage1[i]!)
    c[t < 0 ? 4 : t]!++
  }
  return {
    push(i: number, label: number, buf: KeyBuffer): void {
      if (info.cap[i] === Cap.lower || info.cap[i] === Cap.none) return
      const c = counts.get(info.lower[i]!)
      if (!c) return
      const own = labelType(label)
      let total = 0
      let best = -1
      let bestCount = 0
      for (let t = 0; t < 5; t++) {
        const k = c[t]! - (t === (own < 0 ? 4 : own) ? 1 : 0) // other occurrences only
        total += k
        if (t < 4 && k > 0) {
          buf.push(mix(T.extType, t))
          if (k > bestCount) {
            best = t
            bestCount = k
          }
        }
      }
      if (total === 0) return
      const share = bestCount / total
      const majority = best < 0 ? TYPES.length : best
      const band = share >= 0.99 ? 2 : share >= 0.5 ? 1 : 0
      buf.push(mix(mix(T.extMajority, majority), band))
      buf.push(mix(mix(T.extMajorityS1, majority), label))
    },
  }
}
