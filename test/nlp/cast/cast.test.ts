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
