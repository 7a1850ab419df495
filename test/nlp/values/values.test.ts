/** Value tables: each line of test/nlp/values/*.jsonl is one case. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { splitSentences } from '../../../src/nlp/sentences/index.js'
import { tokenize } from '../../../src/nlp/tokens/index.js'
import { findValues } from '../../../src/nlp/values/index.js'

interface Case {
  name: string
  text: string
  publishedAt?: string
  /** [kind, text, value, unit?] */
  values: [string, string, string | number | null, string?][]
}

const dir = new URL('.', import.meta.url).pathname
const cases: [string, Case][] = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) =>
    readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const c = JSON.parse(line) as Case
        return [`${f}: ${c.name}`, c] as [string, Case]
      }),
  )

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
