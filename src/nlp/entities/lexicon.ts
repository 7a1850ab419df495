/**
 * The tagger's word knowledge, looked up by hash: gazetteer entries (token sequences → the lists
 * they are on), word classes learnt from unlabeled text (word → cluster at three granularities)
 * and how often a word is capitalised in running text. Built by scripts/train-ner.ts, stored inside
 * the model file (model-file.ts), used by features.ts.
 */
import { hashString, KeyTable } from './hash.js'

/** Gazetteer entries are matched case-insensitively, a token at a time: "new york" = h("new")·" york". */
export function hashEntryStart(token: string): number {
  return hashString(token.toLowerCase())
}

/** Extends an entry hash by one more token. */
export function hashEntryNext(h: number, token: string): number {
  return hashString(token.toLowerCase(), hashString(' ', h))
}

/** Hashes a whole entry (tokens joined by one space). */
export function hashEntry(tokens: readonly string[]): number {
  let h = hashEntryStart(tokens[0]!)
  for (let i = 1; i < tokens.length; i++) h = hashEntryNext(h, tokens[i]!)
  return h
}

/** Mask bit: the sequence is the beginning of a longer gazetteer entry. */
export const PREFIX_BIT = 0x80000000

export interface LexiconData {
  /**
   * Gazetteer list names; bit i of a mask is list i. Bit 31 (PREFIX_BIT) marks a token sequence
   * that begins a longer entry, so that matching can stop as soon as no entry can follow.
   */
  gazetteerLists: string[]
  /** Longest entry, in tokens. */
  gazetteerMaxLength: number
  gazetteerKeys: Uint32Array
  gazetteerMasks: Uint32Array
  /** Word classes: key = hashString(word as written). */
  classKeys: Uint32Array
  /** Cluster ids at three granularities, packed 10 bits each (fine | mid << 10 | coarse << 20). */
  classIds: Uint32Array
  /** Capitalisation: key = hashString(lowercased word). */
  caseKeys: Uint32Array
  /** A small bucket: how often the word is capitalised away from the start of a sentence. */
  caseBuckets: Uint8Array
}

/** Lexicon data with its lookup tables built. */
export class Lexicon {
  readonly data: LexiconData
  private readonly gazetteer: KeyTable
  private readonly classes: KeyTable
  private readonly cases: KeyTable

  constructor(data: LexiconData) {
    this.data = data
    this.gazetteer = new KeyTable(data.gazetteerKeys)
    this.classes = new KeyTable(data.classKeys)
    this.cases = new KeyTable(data.caseKeys)
  }

  /** The list mask of a gazetteer entry hash (0 when absent). */
  gazetteerMask(entryHash: number): number {
    const row = this.gazetteer.get(entryHash)
    return row < 0 ? 0 : this.data.gazetteerMasks[row]!
  }

  /** Packed word classes of a word as written, or -1 when the word is unknown. */
  wordClasses(wordHash: number): number {
    const row = this.classes.get(wordHash)
    return row < 0 ? -1 : this.data.classIds[row]!
  }

  /** The capitalisation bucket of a lowercased word (0: never seen in the unlabeled text). */
  caseBucket(lowerHash: number): number {
    const row = this.cases.get(lowerHash)
    return row < 0 ? 0 : this.data.caseBuckets[row]!
  }
}

/** Builds gazetteer tables from `list<TAB>entry` lines (entries' tokens joined by one space). */
export function buildGazetteer(
  tsv: string,
): Pick<LexiconData, 'gazetteerLists' | 'gazetteerMaxLength' | 'gazetteerKeys' | 'gazetteerMasks'> {
  const lists: string[] = []
  const masks = new Map<number, number>()
  let maxLength = 1
  for (const line of tsv.split('\n')) {
    const tab = line.indexOf('\t')
    if (tab < 0) continue
    const list = line.slice(0, tab)
    let id = lists.indexOf(list)
    if (id < 0) {
      id = lists.push(list) - 1
      if (id >= 31) throw new Error('at most 31 gazetteer lists')
    }
    const tokens = line.slice(tab + 1).split(' ')
    maxLength = Math.max(maxLength, tokens.length)
    let h = hashEntryStart(tokens[0]!)
    for (let i = 1; i < tokens.length; i++) {
      masks.set(h, (masks.get(h) ?? 0) | PREFIX_BIT)
      h = hashEntryNext(h, tokens[i]!)
    }
    masks.set(h, (masks.get(h) ?? 0) | (1 << id))
  }
  return {
    gazetteerLists: lists,
    gazetteerMaxLength: maxLength,
    gazetteerKeys: Uint32Array.from(masks.keys()),
    gazetteerMasks: Uint32Array.from(masks.values(), (m) => m >>> 0),
  }
}

/**
 * Types learnt from unlabeled text by self-training: for each capitalised word, the type the
 * stage-1 tagger gave it most often across the Wikinews articles, with how clear the majority was.
 * A stage-2 feature: world knowledge the labelled data lacks ("Hezbollah" is an organisation).
 */
export class TypeLexicon {
  private readonly table: KeyTable
  readonly keys: Uint32Array
  readonly codes: Uint8Array

  constructor(keys: Uint32Array, codes: Uint8Array) {
    this.keys = keys
    this.codes = codes
    this.table = new KeyTable(keys)
  }

  /** 0 when unknown; else 1 + 3 · majority type (0..3, 4 = O) + band (0 weak, 1 majority, 2 ≥ 90%). */
  code(lowerHash: number): number {
    const row = this.table.get(lowerHash)
    return row < 0 ? 0 : this.codes[row]!
  }
}

/** Builds a TypeLexicon from documents' tokens and their stage-1 labels' types (-1 for O). */
export function buildTypeLexicon(
  docs: Iterable<{ tokens: readonly string[]; types: ArrayLike<number> }>,
  minCount = 3, // fewer capitalised occurrences say little
): TypeLexicon {
  const counts = new Map<number, Int32Array>()
  for (const { tokens, types } of docs) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!
      const first = t.charCodeAt(0)
      if (!(first >= 65 && first <= 90) && !(first > 127 && t[0]!.toLowerCase() !== t[0])) continue
      const key = hashString(t.toLowerCase())
      let c = counts.get(key)
      if (!c) {
        c = new Int32Array(5)
        counts.set(key, c)
      }
      const ty = types[i]!
      c[ty < 0 ? 4 : ty]!++
    }
  }
  const keys: number[] = []
  const codes: number[] = []
  for (const [key, c] of counts) {
    let total = 0
    let best = 0
    for (let t = 0; t < 5; t++) {
      total += c[t]!
      if (c[t]! > c[best]!) best = t
    }
    if (total < minCount) continue
    const share = c[best]! / total
    keys.push(key)
    codes.push(1 + best * 3 + (share >= 0.9 ? 2 : share >= 0.5 ? 1 : 0))
  }
  return new TypeLexicon(Uint32Array.from(keys), Uint8Array.from(codes))
}
