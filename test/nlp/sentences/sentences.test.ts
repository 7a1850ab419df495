/** Sentence-splitter tables: each line of test/nlp/sentences/*.jsonl is one case. */
import { describe, expect, test } from 'vitest'
import type { Block } from '../../../src/core/index.js'
import { splitSentences, tokensBySentence } from '../../../src/nlp/sentences/index.js'
import { tokenize } from '../../../src/nlp/tokens/index.js'
import { readTableCases } from '../../support/table-cases.js'

interface Case {
  name: string
  text: string
  blocks?: Block[]
  sentences: string[]
}

const cases = readTableCases<Case>(import.meta.url)

describe('splitSentences', () => {
  test('the tables are not empty', () => expect(cases.length).toBeGreaterThan(25))

  test.each(cases)('%s', (_name, c) => {
    const tokens = tokenize(c.text)
    const spans = splitSentences(c.text, tokens, c.blocks ?? [])
    expect(spans.map((s) => c.text.slice(s.start, s.end))).toEqual(c.sentences)
  })

  test('tokensBySentence puts every token in its sentence', () => {
    const text = 'Mr. Smith left. He came back.'
    const tokens = tokenize(text)
    const groups = tokensBySentence(tokens, splitSentences(text, tokens))
    expect(groups.map((g) => g.map((t) => t.text))).toEqual([
      ['Mr.', 'Smith', 'left', '.'],
      ['He', 'came', 'back', '.'],
    ])
  })
})
