import { describe, expect, test } from 'vitest'
import { tinyLexiconData } from '../../../test/helpers/ner-tiny-model.js'
import {
  extractFeatures,
  extractStage2Features,
  flatten,
  mergeFeatures,
  wordShape,
} from './features.js'
import { Lexicon } from './lexicon.js'

describe('wordShape', () => {
  test.each([
    ['Paris', 1, 'Xx'],
    ['Paris', 4, 'Xxxxx'],
    ['U.S.', 1, 'X.X.'],
    ['1996-08-22', 1, 'd-d-d'],
    ['McDonald', 1, 'XxXx'],
    ['Zürich', 4, 'Xxxxx'],
    ['NATO', 2, 'XX'],
  ])('%s (runs ≤ %i) → %s', (word, run, shape) => {
    expect(wordShape(word, run)).toBe(shape)
  })
})

describe('extractFeatures', () => {
  const lexicon = new Lexicon(tinyLexiconData())
  const tokenFeatures = (sentences: string[][], stage1?: number[]) => {
    const doc = flatten(sentences)
    const base = extractFeatures(doc, lexicon)
    const f = stage1 ? mergeFeatures(base, extractStage2Features(doc, base, stage1)) : base
    return doc.tokens.map((_, i) => new Set(f.keys.subarray(f.offsets[i]!, f.offsets[i + 1]!)))
  }

  test('is deterministic and gives each token its own features', () => {
    const a = tokenFeatures([['Anna', 'Berg', 'visited', 'Paris', '.']])
    const b = tokenFeatures([['Anna', 'Berg', 'visited', 'Paris', '.']])
    expect(a).toEqual(b)
    expect(a[0]).not.toEqual(a[3])
    expect(a.every((s) => s.size > 10)).toBe(true)
  })

  test('the window matters: the same word in another context differs', () => {
    const [x] = tokenFeatures([['Paris', 'said']])
    const [y] = tokenFeatures([['Paris', 'visited']])
    expect(x).not.toEqual(y)
  })

  test('gazetteer matches span multi-word entries, case-insensitively', () => {
    const plain = tokenFeatures([['He', 'saw', 'old', 'York']])[3]!
    const inEntry = tokenFeatures([['He', 'saw', 'New', 'York']])[3]!
    const caps = tokenFeatures([['HE', 'SAW', 'NEW', 'YORK']])[3]!
    // "York" gets gazetteer features only as the last word of "New York"
    expect([...inEntry].filter((k) => !plain.has(k)).length).toBeGreaterThan(0)
    expect([...caps].some((k) => inEntry.has(k) && !plain.has(k))).toBe(true)
  })

  test('other occurrences in the document add context features', () => {
    const alone = tokenFeatures([['Berg', 'left']])[0]!
    const withOther = tokenFeatures([
      ['Berg', 'left'],
      ['Mr', 'Berg', 'said'],
    ])[0]!
    expect(withOther.size).toBeGreaterThan(alone.size)
  })

  test('stage-1 labels add second-stage features', () => {
    const one = tokenFeatures([
      ['Berg', 'left'],
      ['Berg', 'said'],
    ])[0]!
    const two = tokenFeatures(
      [
        ['Berg', 'left'],
        ['Berg', 'said'],
      ],
      [4, 0, 4, 0],
    )[0]!
    expect(two.size).toBeGreaterThan(one.size)
  })

  test('a word after a given name elsewhere is marked as a likely surname', () => {
    const after = tokenFeatures([
      ['Anna', 'Berg', 'left'],
      ['Then', 'Berg', 'said'],
    ])[4]!
    const other = tokenFeatures([
      ['Otto', 'Berg', 'left'],
      ['Then', 'Berg', 'said'],
    ])[4]!
    expect(after.size).toBe(other.size + 1)
  })

  test('an all-capitals word spelling the initials of a name elsewhere is marked', () => {
    const union = tokenFeatures([
      ['He', 'saw', 'European', 'Union', 'staff'],
      ['EU', 'said'],
    ])[5]!
    const council = tokenFeatures([
      ['He', 'saw', 'European', 'Council', 'staff'],
      ['EU', 'said'],
    ])[5]!
    expect(union.size).toBe(council.size + 1)
  })
})
