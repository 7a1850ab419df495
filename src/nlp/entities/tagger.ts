/**
 * The two-stage entity tagger: stage 1 labels a document from local and document-context features;
 * stage 2 labels it again with stage 1's labels of the word's other occurrences as extra features
 * (Ratinov & Roth 2009). The shipped model loads once, lazily, from models/.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { extractFeatures, extractStage2Features, type FlatDocument, flatten } from './features.js'
import { KeyTable } from './hash.js'
import { bilouToIob, LABEL_COUNT } from './labels.js'
import { Lexicon, TypeLexicon } from './lexicon.js'
import { constrainTransitions, typeProbability, viterbi } from './linear-model.js'
import { decodeModel, type ModelData } from './model-file.js'

/** The model file name inside models/. */
export const MODEL_FILE = 'ner-conll2003.bin.gz'

const L = LABEL_COUNT

/**
 * A loaded tagger. Both stages' weights sit in one table, a row of 2 × 17 per feature hash, so
 * that a stage-1 feature is looked up once for both stages.
 */
export class Tagger {
  readonly lexicon: Lexicon
  readonly info: Record<string, unknown>
  private readonly table: KeyTable
  /** rows × width: stage-1 weights, then stage-2 weights. */
  private readonly weights: Float32Array
  private readonly width: number
  private readonly transitions1: Float64Array
  private readonly transitions2: Float64Array | undefined
  private readonly types: TypeLexicon | undefined

  constructor(data: ModelData) {
    this.lexicon = new Lexicon(data.lexicon)
    this.info = data.info
    this.table = new KeyTable(data.keys)
    this.width = data.stages * L
    this.weights = data.weights
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
    const base = extractFeatures(doc, this.lexicon)
    const em1 = new Float64Array(n * L)
    const em2 = new Float64Array(this.transitions2 ? n * L : 0)
    const w = this.weights
    const { keys, offsets } = base
    for (let i = 0; i < n; i++) {
      const b = i * L
      for (let f = offsets[i]!; f < offsets[i + 1]!; f++) {
        const row = this.table.get(keys[f]!)
        if (row < 0) continue
        const r = row * this.width
        for (let y = 0; y < L; y++) em1[b + y]! += w[r + y]!
        if (em2.length) for (let y = 0; y < L; y++) em2[b + y]! += w[r + L + y]!
      }
    }
    const first = this.decode(doc, em1, this.transitions1)
    if (!this.transitions2) return this.withConfidence(first, em1, confidence)
    const extra = extractStage2Features(doc, base, first, this.types)
    for (let i = 0; i < n; i++) {
      const b = i * L
      for (let f = extra.offsets[i]!; f < extra.offsets[i + 1]!; f++) {
        const row = this.table.get(extra.keys[f]!)
        if (row < 0) continue
        const r = row * this.width + L
        for (let y = 0; y < L; y++) em2[b + y]! += w[r + y]!
      }
    }
    return this.withConfidence(this.decode(doc, em2, this.transitions2), em2, confidence)
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
