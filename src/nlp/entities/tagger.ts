/**
 * The two-stage entity tagger: stage 1 labels a document from local and document-context features;
 * stage 2 labels it again with stage 1's labels of the word's other occurrences as extra features
 * (Ratinov & Roth 2009). The shipped model loads once, lazily, from models/.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { extractFeatures, type FlatDocument, flatten } from './features.js'
import { bilouToIob } from './labels.js'
import { Lexicon } from './lexicon.js'
import { LinearModel } from './linear-model.js'
import { decodeModel, type ModelData } from './model-file.js'

/** The model file name inside models/. */
export const MODEL_FILE = 'ner-conll2003.bin.gz'

/** A loaded tagger. */
export class Tagger {
  readonly lexicon: Lexicon
  readonly stage1: LinearModel
  readonly stage2: LinearModel | undefined
  readonly info: Record<string, unknown>

  constructor(data: ModelData) {
    this.lexicon = new Lexicon(data.lexicon)
    this.stage1 = new LinearModel(data.stage1.keys, data.stage1.weights, data.stage1.transitions)
    this.stage2 = data.stage2
      ? new LinearModel(data.stage2.keys, data.stage2.weights, data.stage2.transitions)
      : undefined
    this.info = data.info
  }

  /**
   * BILOU labels for every token of a document (both stages when the model has two); with
   * `confidence`, each token's confidence in its label's type too.
   */
  labelDocument(doc: FlatDocument, confidence?: Float32Array): Uint8Array {
    const features = extractFeatures(doc, this.lexicon)
    if (!this.stage2) return this.stage1.decode(features, doc.sentenceStarts, confidence)
    const first = this.stage1.decode(features, doc.sentenceStarts)
    return this.stage2.decode(
      extractFeatures(doc, this.lexicon, first),
      doc.sentenceStarts,
      confidence,
    )
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
