/**
 * Cast tables: each line of test/nlp/cast/*.jsonl is a hand-written article with hand-tagged
 * entity mentions (see ./markup.ts) and the exact entity groups the cast must build, in order
 * of first mention. A mention is written "kind:text" ("name" mentions as plain text).
 */
import { describe, expect, test } from 'vitest'
import { buildCast } from '../../../src/nlp/cast/index.js'
import { splitSentences } from '../../../src/nlp/sentences/index.js'
import { tokenize } from '../../../src/nlp/tokens/index.js'
import { readTableCases } from '../../support/table-cases.js'
import { unmark } from './markup.js'

interface Expected {
  type: string
  name: string
  mentions: string[]
  descriptions?: string[]
  aliases?: string[]
}

interface Case {
  name: string
  text: string
  entities: Expected[]
}

const cases = readTableCases<Case>(import.meta.url)

describe('buildCast', () => {
  test('the tables cover every linking case', () => expect(cases.length).toBeGreaterThan(30))

  test.each(cases)('%s', (_name, c) => {
    const { text, mentions } = unmark(c.text)
    const tokens = tokenize(text)
    const cast = buildCast({ text, tokens, sentences: splitSentences(text, tokens), mentions })
    const got = cast.entities.map((e) => {
      const expected = c.entities.find((x) => x.name === e.name)
      return {
        type: e.type,
        name: e.name,
        mentions: e.mentions.map((m) => (m.kind === 'name' ? m.text : `${m.kind}:${m.text}`)),
        ...(expected?.descriptions !== undefined && { descriptions: e.descriptions }),
        ...(expected?.aliases !== undefined && { aliases: e.aliases }),
      }
    })
    expect(got).toEqual(c.entities)
    cast.entities.forEach((e, i) => {
      expect(e.id).toBe(`e${i + 1}`)
      for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text)
    })
  })
})

describe('buildCast leaves out mentions that name nobody', () => {
  const COMMON = new Set(['born', 'heartbroken', 'little'])
  const isCommonWord = (w: string) => COMMON.has(w)
  const cast = (marked: string, common = true) => {
    const { text, mentions } = unmark(marked)
    const tokens = tokenize(text)
    const sentences = splitSentences(text, tokens)
    return buildCast({
      text,
      tokens,
      sentences,
      mentions,
      ...(common && { isCommonWord }),
    }).entities.map((e) => [e.type, e.name, e.mentions.map((m) => m.text)])
  }

  test('a title alone, split from its name by the tagger', () => {
    expect(cast('MIT professor [Dr|P] [Sara Seager|P] spoke. [Dr Seager|P] said more.')).toEqual([
      ['person', 'Sara Seager', ['Sara Seager', 'Seager']],
    ])
  })

  test('a common word capitalised by its place: first in its sentence, after an opening quote', () => {
    expect(
      cast(
        '[Born|L] in [Ohio|L], [Ann Lee|P] moved. “[Heartbroken|P] and numb,” writes [Erick Rowan|P].',
      ),
    ).toEqual([
      ['place', 'Ohio', ['Ohio']],
      ['person', 'Ann Lee', ['Ann Lee']],
      ['person', 'Erick Rowan', ['Erick Rowan']],
    ])
  })

  test('a currency or a time zone taken for a name', () => {
    expect(cast('The [US$|M] 5 billion deal closed at 14:00 [UTC|M] in [Oslo|L].')).toEqual([
      ['place', 'Oslo', ['Oslo']],
    ])
  })

  test('a title alone, tagged as a name', () => {
    expect(cast('The [Lord Mayor|L], [Sally Capp|P], spoke. The [Mayor|P] left.')).toEqual([
      ['person', 'Sally Capp', ['Mayor', 'Sally Capp', 'The Mayor']],
    ])
  })

  test('kept when the document capitalises it where nothing forces it, or without the lexicon', () => {
    expect(cast('[Little|P] said no. Then [Joe Little|P] left.')).toEqual([
      ['person', 'Joe Little', ['Little', 'Joe Little']],
    ])
    expect(cast('[Born|L] in [Ohio|L], she moved.', false)).toEqual([
      ['place', 'Born', ['Born']],
      ['place', 'Ohio', ['Ohio']],
    ])
  })
})
