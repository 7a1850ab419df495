import { describe, expect, test } from 'vitest'
import { titleKey, urlKey } from './related.js'
import { tokenize } from './tokens.js'
import { creditedWire, wireOfUrl } from './wire.js'

describe('creditedWire', () => {
  test.each([
    ['WASHINGTON (AP) — The Senate voted on Tuesday to pass the bill.', 'AP'],
    ['LONDON (Reuters) - Shares fell sharply.', 'Reuters'],
    ['Shares fell.\n\nReporting by Jane Doe; Editing by John Roe', 'Reuters'],
    ['PARIS (AFP) — Strikes continued.', 'AFP'],
    ['The plan was approved.\n\n© 2024 The Associated Press. All rights reserved.', 'AP'],
    ['The minister told Reuters the plan would go ahead.', undefined],
    ['An official told The Associated Press that talks had stalled.', undefined],
    ['Nothing credited here at all.', undefined],
  ])('%s → %s', (text, wire) => {
    expect(creditedWire(text)).toBe(wire)
  })

  test('a byline credits the wire', () => {
    expect(creditedWire('The plan was approved.', ['By The Associated Press'])).toBe('AP')
  })

  test.each([
    ['https://apnews.com/article/abc', 'AP'],
    ['https://www.reuters.com/world/x', 'Reuters'],
    ['https://example.com/reuters', undefined],
  ])('wireOfUrl(%s) → %s', (url, wire) => {
    expect(wireOfUrl(url)).toBe(wire)
  })
})

describe('keys for the related rail', () => {
  test.each([
    ['https://www.example.com/a/b/?utm_source=x&id=3#top', 'example.com/a/b?id=3'],
    ['http://m.example.com/a/b/index.html', 'example.com/a/b'],
    ['https://example.com/a/b/amp', 'example.com/a/b'],
    ['mailto:someone@example.com', undefined],
  ])('urlKey(%s) → %s', (url, key) => {
    expect(urlKey(url)).toBe(key)
  })

  test.each([
    [
      'Floods in Valencia: the death toll rises | The Daily Planet',
      'floods in valencia the death toll rises',
    ],
    ['Floods in Valencia', 'floods in valencia'],
    ['Too short', undefined],
  ])('titleKey(%s) → %s', (title, key) => {
    expect(titleKey(title)).toBe(key)
  })
})

describe('tokenize', () => {
  test('stems words, drops stop words, keeps acronyms and years, marks names mid-sentence', () => {
    const toks = tokenize('The U.S. government said floods in Valencia killed 62 people in 2024.')
    expect(toks.map((t) => t.term)).toEqual([
      'us',
      'govern',
      'flood',
      'valencia',
      'kill',
      'peopl',
      '2024',
    ])
    expect(toks.find((t) => t.term === 'valencia')?.name).toBe(true)
    expect(toks.find((t) => t.term === 'flood')?.name).toBe(false)
  })

  test('shouted words are words, not acronyms', () => {
    expect(tokenize('MISSING plane found').map((t) => t.term)).toEqual(['miss', 'plane', 'found'])
  })
})
