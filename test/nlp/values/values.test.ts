/** Value tables: each line of test/nlp/values/*.jsonl is one case. */
import { describe, expect, test } from 'vitest'
import { splitSentences } from '../../../src/nlp/sentences/index.js'
import { tokenize } from '../../../src/nlp/tokens/index.js'
import { findValues } from '../../../src/nlp/values/index.js'
import { readTableCases } from '../../support/table-cases.js'

interface Case {
  name: string
  text: string
  publishedAt?: string
  /** [kind, text, value, unit?] */
  values: [string, string, string | number | null, string?][]
}

const cases = readTableCases<Case>(import.meta.url)

describe('findValues', () => {
  test.each(cases)('%s', (_name, c) => {
    const sentences = splitSentences(c.text, tokenize(c.text))
    const found = findValues(c.text, {
      sentences,
      ...(c.publishedAt !== undefined && { publishedAt: c.publishedAt }),
    })
    expect(
      found.map((v) => {
        const row: (string | number | null)[] = [v.kind, v.text, v.value ?? null]
        if (v.unit !== undefined) row.push(v.unit)
        return row
      }),
    ).toEqual(c.values)
    for (const v of found) expect(c.text.slice(v.start, v.end)).toBe(v.text)
  })
})
