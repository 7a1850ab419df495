/**
 * A tiny tagger for tests: a hand-made gazetteer and word classes, trained in a few milliseconds on
 * a handful of hand-written sentences (no CoNLL text). Not a useful model; enough to exercise the
 * code paths end to end.
 */
import { extractFeatures, flatten } from '../../src/nlp/entities/features.js'
import { hashString } from '../../src/nlp/entities/hash.js'
import { iobToBilou } from '../../src/nlp/entities/labels.js'
import { buildGazetteer, Lexicon, type LexiconData } from '../../src/nlp/entities/lexicon.js'
import { combineStages, type ModelData } from '../../src/nlp/entities/model-file.js'
import { Tagger } from '../../src/nlp/entities/tagger.js'
import { trainPerceptron } from '../../src/nlp/entities/train/perceptron.js'

export function tinyLexiconData(): LexiconData {
  const gazetteer = buildGazetteer(
    [
      'country\tFrance',
      'country\tGermany',
      'city-large\tNew York',
      'given-name\tAnna',
      'org-suffix\tCorp',
    ].join('\n'),
  )
  const words = ['Anna', 'Berg', 'Paris', 'France', 'Acme', 'said']
  return {
    ...gazetteer,
    classKeys: Uint32Array.from(words, (w) => hashString(w)),
    classIds: Uint32Array.from(words, (_, i) => i),
    caseKeys: Uint32Array.from(['said', 'paris'], (w) => hashString(w)),
    caseBuckets: Uint8Array.from([1, 10]),
  }
}

/** Hand-written training sentences, IOB2. */
export const TINY_DOCS: [string, string][][] = [
  [
    ['Anna', 'B-PER'],
    ['Berg', 'I-PER'],
    ['visited', 'O'],
    ['Paris', 'B-LOC'],
    ['.', 'O'],
  ],
  [
    ['Acme', 'B-ORG'],
    ['Corp', 'I-ORG'],
    ['said', 'O'],
    ['Berg', 'B-PER'],
    ['left', 'O'],
    ['France', 'B-LOC'],
    ['.', 'O'],
  ],
  [
    ['Otto', 'B-PER'],
    ['Klein', 'I-PER'],
    ['works', 'O'],
    ['for', 'O'],
    ['Acme', 'B-ORG'],
    ['Corp', 'I-ORG'],
    ['in', 'O'],
    ['Germany', 'B-LOC'],
    ['.', 'O'],
  ],
  [
    ['He', 'O'],
    ['flew', 'O'],
    ['to', 'O'],
    ['New', 'B-LOC'],
    ['York', 'I-LOC'],
    ['.', 'O'],
  ],
]

export function tinyModelData(): ModelData {
  const lexiconData = tinyLexiconData()
  const lexicon = new Lexicon(lexiconData)
  const docs = TINY_DOCS.map((sentence) => {
    const flat = flatten([sentence.map(([t]) => t)])
    return {
      features: extractFeatures(flat, lexicon),
      sentenceStarts: flat.sentenceStarts,
      gold: Uint8Array.from(iobToBilou(sentence.map(([, tag]) => tag))),
    }
  })
  const stage1 = trainPerceptron(docs, { epochs: 10, seed: 1 })
  return combineStages(lexiconData, [stage1], { fixture: true })
}

export function tinyTagger(): Tagger {
  return new Tagger(tinyModelData())
}
