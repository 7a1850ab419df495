import { describe, expect, test } from 'vitest'
import { hashString } from './hash.js'
import { buildGazetteer, buildTypeLexicon, hashEntry, Lexicon } from './lexicon.js'

describe('buildGazetteer', () => {
  const g = buildGazetteer('country\tFrance\ncity-large\tNew York\ncountry\tNew York\n')
  const lexicon = new Lexicon({
    ...g,
    classKeys: new Uint32Array(0),
    classIds: new Uint32Array(0),
    caseKeys: new Uint32Array(0),
    caseBuckets: new Uint8Array(0),
  })
  test.each([
    [['France'], ['country']],
    [['FRANCE'], ['country']],
    [
      ['new', 'york'],
      ['country', 'city-large'],
    ],
    [['York'], []],
  ])('%j is on %j', (tokens, lists) => {
    const mask = lexicon.gazetteerMask(hashEntry(tokens))
    expect(g.gazetteerLists.filter((_, i) => (mask >>> i) & 1)).toEqual(lists)
  })
  test('records the longest entry', () => expect(g.gazetteerMaxLength).toBe(2))
})

describe('buildTypeLexicon', () => {
  const PER = 0
  const LOC = 2
  const O = -1
  const types = buildTypeLexicon([
    { tokens: ['Hezbollah', 'Hezbollah', 'Hezbollah', 'Hezbollah'], types: [1, 1, 1, 1] },
    { tokens: ['Jordan', 'Jordan', 'Jordan', 'the'], types: [PER, LOC, LOC, O] },
    { tokens: ['Rare', 'Rare'], types: [LOC, LOC] },
  ])
  test.each([
    ['hezbollah', 1 + 1 * 3 + 2], // ORG, all of them
    ['jordan', 1 + LOC * 3 + 1], // LOC, a majority
    ['rare', 0], // seen too few times
    ['the', 0], // never capitalised
  ])('%s → code %i', (word, code) => {
    expect(types.code(hashString(word))).toBe(code)
  })
})
