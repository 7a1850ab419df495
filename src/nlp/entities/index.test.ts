import { describe, expect, test } from 'vitest'
import { tinyLexiconData, tinyModelData, tinyTagger } from '../../../test/helpers/ner-tiny-model.js'
import { findEntityMentions, tagSentences } from './index.js'
import { combineStages, decodeModel, encodeModel } from './model-file.js'
import { Tagger } from './tagger.js'
import { trainPerceptron } from './train/perceptron.js'

const tagger = tinyTagger()

describe('tagSentences (tiny fixture model)', () => {
  test('returns one IOB2 tag per token, valid IOB2', () => {
    const sentences = [['Anna', 'Berg', 'visited', 'Paris', '.'], []]
    const tags = tagSentences(sentences, tagger)
    expect(tags.map((t) => t.length)).toEqual([5, 0])
    for (const t of tags[0]!) expect(t).toMatch(/^(O|[BI]-(PER|ORG|LOC|MISC))$/)
    expect(tags[0]).toEqual(['B-PER', 'I-PER', 'O', 'B-LOC', 'O'])
  })
})

describe('findEntityMentions (tiny fixture model)', () => {
  test('maps mentions onto the text, with curly quotes straightened for the model', () => {
    const text = 'Anna Berg visited Paris. “Berg left France.”'
    const words = text.matchAll(/\p{L}+|[^\s\p{L}]/gu)
    const tokens = [...words].map((w) => ({
      start: w.index,
      end: w.index + w[0].length,
      text: w[0],
    }))
    const sentences = [
      { start: 0, end: 24 },
      { start: 25, end: text.length },
    ]
    const mentions = findEntityMentions(text, tokens, sentences, tagger)
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text)
    expect(mentions.map((m) => [m.text, m.type])).toContainEqual(['Anna Berg', 'person'])
    expect(mentions.map((m) => [m.text, m.type])).toContainEqual(['Paris', 'place'])
  })

  test('an empty document has no mentions', () => {
    expect(findEntityMentions('', [], [], tagger)).toEqual([])
  })
})

describe('model file', () => {
  test('round-trips through encode/decode with the same predictions', () => {
    const lexicon = tinyLexiconData()
    const stage1 = trainPerceptron([], { epochs: 1, seed: 1 })
    const bytes = encodeModel(combineStages(lexicon, [stage1], { note: 'empty' }))
    expect(decodeModel(bytes).info).toEqual({ note: 'empty' })
    const again = new Tagger(decodeModel(encodeModel(tinyModelData())))
    const s = [['Otto', 'Klein', 'works', 'for', 'Acme', 'Corp', '.']]
    expect(again.tagSentences(s)).toEqual(tagger.tagSentences(s))
  })

  test('rejects a file that is not a model', () => {
    const bytes = encodeModel(tinyModelData())
    expect(() => decodeModel(bytes.subarray(0, 10))).toThrow()
    expect(() => decodeModel(Buffer.from('not a model'))).toThrow()
  })
})

describe('the shipped model', () => {
  test('tags a plain news sentence', () => {
    const tags = tagSentences([
      [
        'German',
        'Chancellor',
        'Angela',
        'Merkel',
        'met',
        'Emmanuel',
        'Macron',
        'in',
        'Paris',
        'on',
        'Friday',
        '.',
      ],
    ])
    expect(tags[0]).toEqual([
      'B-MISC',
      'O',
      'B-PER',
      'I-PER',
      'O',
      'B-PER',
      'I-PER',
      'O',
      'B-LOC',
      'O',
      'O',
      'O',
    ])
  })
})
