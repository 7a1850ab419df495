/**
 * The two-stage entity tagger: stage 1 labels a document from local and document-context features;
 * stage 2 labels it again with stage 1's labels of the word's other occurrences as extra features
 * (Ratinov & Roth 2009). The shipped model loads once, lazily, from models/.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  type DocumentFeatures,
  extractFeatures,
  extractStage2Features,
  type FlatDocument,
  flatten,
  wordFeatureKeys,
} from './features.js'
import { WeightTable } from './hash.js'
import { bilouToIob, LABEL_COUNT } from './labels.js'
import { Lexicon, TypeLexicon } from './lexicon.js'
import { constrainTransitions, typeProbability, viterbi } from './linear-model.js'
import { decodeModel, type ModelData } from './model-file.js'

/** The model file name inside models/. */
export const MODEL_FILE = 'ner-conll2003.bin'

const L = LABEL_COUNT
const WORD_SCORE_CACHE = 100_000 // words; ~20 MB at most, cleared when full

/**
 * A loaded tagger. Both stages' weights sit in one table, a row of 2 × 17 per feature hash, so
 * that a stage-1 feature is looked up once for both stages.
 */
export class Tagger {
  readonly lexicon: Lexicon
  readonly info: Record<string, unknown>
  /** Non-zero weights per feature; labels are stage 1's, then stage 2's (+ 17). */
  private readonly rows: WeightTable
  private readonly width: number
  private readonly transitions1: Float64Array
  private readonly transitions2: Float64Array | undefined
  private readonly types: TypeLexicon | undefined
  private readonly wordCache = new Map<string, Float64Array>()

  constructor(data: ModelData) {
    this.lexicon = new Lexicon(data.lexicon)
    this.info = data.info
    this.width = data.stages * L
    // Rows are sparse (the perceptron only ever touched a few labels of each feature): keep the
    // non-zero weights only, ~6× smaller, laid out for few cache misses.
    this.rows = new WeightTable(data.keys, data.weights, this.width)
    this.transitions1 = constrainTransitions(data.transitions[0]!)
    this.transitions2 = data.stages > 1 ? constrainTransitions(data.transitions[1]!) : undefined
    this.types = data.types ? new TypeLexicon(data.types.keys, data.types.codes) : undefined
  }

  /**
   * BILOU labels for every token of a document (both stages when the model has two); with
   * `confidence`, each token's confidence in its label's type too.
   */
  labelDocument(doc: FlatDocument, confidence?: Float32Array): Uint8Array {
    const n = doc.tokens.length
    const W = this.width
    const base = extractFeatures(doc, this.lexicon, false)
    // Emission scores of both stages side by side: em[i * W + stage * L + label].
    const em = new Float64Array(n * W)
    for (let i = 0; i < n; i++) {
      const b = i * W
      // Features of the word alone, scored once per word and cached.
      const ws = this.wordScores(doc.tokens[i]!)
      for (let y = 0; y < W; y++) em[b + y]! += ws[y]!
      this.addRows(base, i, em, b, 0)
    }
    const em1 = new Float64Array(n * L)
    for (let i = 0; i < n; i++) em1.set(em.subarray(i * W, i * W + L), i * L)
    const first = this.decode(doc, em1, this.transitions1)
    if (!this.transitions2) return this.withConfidence(first, em1, confidence)
    const extra = extractStage2Features(doc, base, first, this.types)
    for (let i = 0; i < n; i++) this.addRows(extra, i, em, i * W, L)
    const em2 = new Float64Array(n * L)
    for (let i = 0; i < n; i++) em2.set(em.subarray(i * W + L, i * W + 2 * L), i * L)
    return this.withConfidence(this.decode(doc, em2, this.transitions2), em2, confidence)
  }

  /** Adds the weights of token i's features (labels ≥ `from` only) to em[b …]. */
  private addRows(
    features: DocumentFeatures,
    i: number,
    em: Float64Array,
    b: number,
    from: number,
  ) {
    const { keys, offsets } = features
    const { u32, f32 } = this.rows
    for (let f = offsets[i]!; f < offsets[i + 1]!; f++) {
      const at = this.rows.find(keys[f]!)
      if (at === 0) continue
      const end = at + 1 + 2 * u32[at]!
      for (let k = at + 1; k < end; k += 2) {
        const y = u32[k]!
        if (y >= from) em[b + y]! += f32[k + 1]!
      }
    }
  }

  /** Summed weights (both stages) of a word's word-only features, cached. */
  private wordScores(word: string): Float64Array {
    let scores = this.wordCache.get(word)
    if (scores) return scores
    scores = new Float64Array(this.width)
    const { u32, f32 } = this.rows
    for (const key of wordFeatureKeys(word, this.lexicon)) {
      const at = this.rows.find(key)
      if (at === 0) continue
      const end = at + 1 + 2 * u32[at]!
      for (let k = at + 1; k < end; k += 2) scores[u32[k]!]! += f32[k + 1]!
    }
    if (this.wordCache.size >= WORD_SCORE_CACHE) this.wordCache.clear()
    this.wordCache.set(word, scores)
    return scores
  }

  private decode(doc: FlatDocument, em: Float64Array, transitions: Float64Array): Uint8Array {
    const labels = new Uint8Array(doc.tokens.length)
    const starts = doc.sentenceStarts
    for (let s = 0; s + 1 < starts.length; s++) {
      const a = starts[s]!
      const b = starts[s + 1]!
      viterbi(em.subarray(a * L, b * L), b - a, transitions, labels, a)
    }
    return labels
  }

  private withConfidence(labels: Uint8Array, em: Float64Array, confidence?: Float32Array) {
    if (confidence) {
      for (let i = 0; i < labels.length; i++) confidence[i] = typeProbability(em, i * L, labels[i]!)
    }
    return labels
  }

  /** IOB2 tags for pre-tokenised sentences that form one document. */
  tagSentences(sentences: readonly (readonly string[])[]): string[][] {
    const doc = flatten(sentences)
    const labels = this.labelDocument(doc)
    return sentences.map((_, s) =>
      bilouToIob(labels.subarray(doc.sentenceStarts[s]!, doc.sentenceStarts[s + 1]!)),
    )
  }
}

/** models/ beside src/ or dist/: this file is at <root>/{src,dist}/nlp/entities/. */
export function modelsDirectory(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'models')
}

let shared: Tagger | undefined

/** The shipped tagger, loaded on first use. */
export function defaultTagger(): Tagger {
  shared ??= new Tagger(decodeModel(readFileSync(join(modelsDirectory(), MODEL_FILE))))
  return shared
}
