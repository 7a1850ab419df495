import { describe, expect, test } from 'vitest'
import { unmark } from '../../test/nlp/cast/markup.js'
import { ARTICLE_SCHEMA, type Article, joinBlocks } from '../core/index.js'
import { analyze } from './index.js'

function article(paragraphs: string[], publishedAt?: string): Article {
  const { text, blocks } = joinBlocks(
    paragraphs.map((p) => ({ kind: 'paragraph' as const, text: p })),
  )
  return {
    schema: ARTICLE_SCHEMA,
    authors: [],
    text,
    blocks,
    related: [],
    removed: [],
    extraction: { inputFormat: 'text', method: 'test', confidence: 1 },
    ...(publishedAt !== undefined && { publishedAt }),
  }
}

describe('analyze', () => {
  test('an empty article has empty annotations', () => {
    const { annotations } = analyze(article([]))
    expect(annotations).toEqual({
      schema: 'lede.annotations/1',
      sentences: [],
      entities: [],
      quotes: [],
      values: [],
    })
  })

  test('uses the mention finder it is given, over the tokens and sentences it made', () => {
    const marked = '[Angela Merkel|P] spoke in [Berlin|L] on Friday. She left.'
    const { text, mentions } = unmark(marked)
    let seen: { tokens: number; sentences: number } | undefined
    const { annotations } = analyze(article([text], '2019-01-04'), {
      findMentions: (_text, tokens, sentences) => {
        seen = { tokens: tokens.length, sentences: sentences.length }
        return mentions
      },
    })
    expect(seen).toEqual({ tokens: 11, sentences: 2 })
    expect(annotations.entities.map((e) => [e.id, e.name, e.mentions.map((m) => m.text)])).toEqual([
      ['e1', 'Angela Merkel', ['Angela Merkel', 'She']],
      ['e2', 'Berlin', ['Berlin']],
    ])
    expect(annotations.values).toEqual([
      { start: 33, end: 39, kind: 'date', text: 'Friday', value: '2019-01-04' },
    ])
  })

  test('every span points into the text', () => {
    const a = article(
      ['Fire in Badalona', 'Mr. Smith, 45, said the U.S. firm paid $5m on Jan. 5. He left.'],
      '2019-01-07',
    )
    const { annotations } = analyze(a)
    for (const s of annotations.sentences) expect(s.end).toBeGreaterThan(s.start)
    for (const e of annotations.entities) {
      for (const m of e.mentions) expect(a.text.slice(m.start, m.end)).toBe(m.text)
    }
    for (const v of annotations.values ?? []) expect(a.text.slice(v.start, v.end)).toBe(v.text)
    expect(annotations.sentences.map((s) => a.text.slice(s.start, s.end))).toEqual([
      'Fire in Badalona',
      'Mr. Smith, 45, said the U.S. firm paid $5m on Jan. 5.',
      'He left.',
    ])
  })

  test.each([
    ['only punctuation', '... !!! ??? --- ((( """ \'\'\''],
    ['unclosed quotes and brackets', '"He said (that “it was'],
    ['emoji and other scripts', 'Путин 👍🏽 встретился с Макроном. 習近平が来た。 مرحبا'],
    ['a very long word', 'a'.repeat(20_000)],
    ['numbers everywhere', '1 2 3 4.5 6,000 7:30 8% $9 10km 2019-01-01 Jan. 1, 2020 -5°C'],
    ['names without spaces', 'Mr.Smith met Dr.Jones.He left.She stayed.'],
  ])('never throws on %s', (_name, text) => {
    const { annotations } = analyze(article([text], '2020-02-29'))
    for (const s of annotations.sentences) expect(s.end).toBeLessThanOrEqual(text.length)
  })
})
