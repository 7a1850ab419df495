/** Golden text dumps: body, `removed` and `related` asserted exactly (see README.md here). */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import type { Article } from '../../src/core/index.js'
import { extractArticle } from '../../src/extract/index.js'

const root = new URL('./', import.meta.url)
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)

/** What a case pins: the parts of the Article a reader sees, or the failure code. */
function view(a: Article) {
  return {
    title: a.title,
    authors: a.authors,
    blocks: a.blocks.map((b) => ({ kind: b.kind, text: a.text.slice(b.start, b.end) })),
    removed: a.removed,
    related: a.related,
  }
}

describe('text dumps', () => {
  test.each(cases)('%s', (name) => {
    const bytes = readFileSync(new URL(`${name}/dump.txt`, root))
    const expected = JSON.parse(readFileSync(new URL(`${name}/expected.json`, root), 'utf8'))
    const result = extractArticle(bytes)
    if (result.ok) {
      expect(result.value.extraction.inputFormat).toBe('text')
      expect({ ok: true, ...view(result.value) }).toEqual(expected)
    } else {
      const { partial } = result.error
      expect({
        ok: false,
        code: result.error.code,
        ...(partial && { removed: partial.removed, related: partial.related }),
      }).toEqual(expected)
    }
  })
})
