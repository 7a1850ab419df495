import { describe, expect, test } from 'vitest'
import {
  articleId,
  contentHash,
  entityKey,
  looksLikeName,
  hostOf,
  normaliseName,
  parseEntityKey,
  urlKey,
} from './keys.js'

describe('urlKey', () => {
  test.each([
    ['https://Example.COM:443/a/b?x=1#frag', 'https://example.com/a/b?x=1'],
    ['http://example.com/a?utm_source=rss&id=7&fbclid=abc', 'http://example.com/a?id=7'],
    ['https://example.com/a?utm_medium=x', 'https://example.com/a'],
    ['https://example.com/a/', 'https://example.com/a/'],
    ['ftp://example.com/file', undefined],
    ['not a url', undefined],
    ['', undefined],
  ])('%s → %s', (input, expected) => {
    expect(urlKey(input)).toBe(expected)
    expect(urlKey(input)).toBe(expected) // the memo answers the same
  })
})

describe('hostOf', () => {
  test.each([
    ['https://www.bbc.co.uk/news/1', 'bbc.co.uk'],
    ['http://News.Example.com:8080/x', 'news.example.com'],
    ['https://example.com', 'example.com'],
    ['nonsense', undefined],
  ])('%s → %s', (input, expected) => {
    expect(hostOf(input)).toBe(expected)
  })
})

describe('identity', () => {
  test('the content hash ignores spacing and composition, not words', () => {
    const a = contentHash({ title: 'Café  opens', text: 'One.\n\nTwo.' })
    expect(contentHash({ title: 'Cafe\u0301 opens', text: 'One. Two.' })).toBe(a)
    expect(contentHash({ title: 'Café opens', text: 'One. Three.' })).not.toBe(a)
  })

  test('article ids are deterministic and depend on URL and content', () => {
    const id = articleId('https://x.example/1', 'h')
    expect(id).toMatch(/^[0-9a-f]{16}$/)
    expect(articleId('https://x.example/1', 'h')).toBe(id)
    expect(articleId('https://x.example/2', 'h')).not.toBe(id)
    expect(articleId(undefined, 'h')).not.toBe(id)
  })
})

describe('entity keys', () => {
  test.each([
    ['person', 'Emmanuel Macron', 'person:emmanuel-macron'],
    ['person', 'José  Álvarez-Peña', 'person:jose-alvarez-pena'],
    ['organization', "McDonald's", 'organization:mcdonalds'],
    ['place', 'São Paulo', 'place:sao-paulo'],
  ] as const)('%s %s → %s', (type, name, key) => {
    expect(entityKey(type, name)).toBe(key)
    expect(parseEntityKey(key)).toEqual({ type, name: normaliseName(name) })
  })

  test('what is not a key is not parsed as one', () => {
    expect(parseEntityKey('Macron')).toBeUndefined()
    expect(parseEntityKey('robot:x')).toBeUndefined()
  })
})

describe('looksLikeName', () => {
  test.each([
    ['Ana Ruiz', true],
    ['Charles de Gaulle', true],
    ['Okafor', true],
    ['Ludwig van Beethoven', true],
    ['They', false],
    ['he', false],
    ['heartbroken', false],
    ['officials', false],
    ['the minister', false],
    ['', false],
  ])('%s → %s', (name, expected) => {
    expect(looksLikeName(name)).toBe(expected)
  })
})
