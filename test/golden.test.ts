/**
 * Golden pages: every folder under test/pages/ holds a page (source.html), the article text we
 * expect (expected.txt, blocks separated by a blank line), the expected metadata, block kinds and
 * removal kinds (expected.json), and where the page comes from (case.json). A failure names the
 * first diverging block.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { type Article, extractArticle } from '../src/index.js'

const PAGES = join(import.meta.dirname, 'pages')
const METADATA_KEYS = [
  'title',
  'authors',
  'publishedAt',
  'modifiedAt',
  'siteName',
  'language',
  'canonicalUrl',
  'image',
  'description',
] as const

interface Expected extends Partial<Pick<Article, (typeof METADATA_KEYS)[number]>> {
  blockKinds?: string[]
  removedKinds?: string[]
  /** Each expected teaser must be among the article's related teasers. */
  related?: { title: string; url?: string }[]
  method?: string
}

/** The first place where two block lists differ, in words, or undefined when they agree. */
function firstDivergence(expected: string[], actual: string[]): string | undefined {
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    const e = expected[i]
    const a = actual[i]
    if (e === a) continue
    if (e === undefined) return `extra block ${i + 1}: ${JSON.stringify(a)}`
    if (a === undefined)
      return `missing block ${i + 1}: ${JSON.stringify(e)} (the extraction ended)`
    return `block ${i + 1} differs:\n  expected ${JSON.stringify(e)}\n  actual   ${JSON.stringify(a)}`
  }
  return undefined
}

describe('golden pages', () => {
  const slugs = readdirSync(PAGES).filter((s) => !s.startsWith('.'))

  test('there is a golden page for each required case', () => {
    for (const slug of [
      'plain-article',
      'live-blog',
      'share-bar-before-article',
      'related-rail-inside-container',
      'captions',
      'several-authors',
      'jsonld-dates-timezones',
      'not-utf8-shift-jis',
    ])
      expect(slugs).toContain(slug)
  })

  test.each(slugs)('%s', (slug) => {
    const dir = join(PAGES, slug)
    const meta = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as {
      url?: string
      contentType?: string
    }
    const expectedText = readFileSync(join(dir, 'expected.txt'), 'utf8').replace(/\s+$/, '')
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected
    const result = extractArticle(readFileSync(join(dir, 'source.html')), {
      format: 'html',
      ...(meta.url !== undefined && { url: meta.url }),
      ...(meta.contentType !== undefined && { contentType: meta.contentType }),
    })
    if (!result.ok) expect.fail(`${result.error.code}: ${result.error.message}`)
    const article = result.value
    const blocks = article.blocks.map((b) => article.text.slice(b.start, b.end))
    const divergence = firstDivergence(expectedText.split(/\n\n/), blocks)
    if (divergence !== undefined) expect.fail(divergence)
    for (const key of METADATA_KEYS) {
      if (expected[key] !== undefined) expect(article[key], key).toEqual(expected[key])
    }
    if (expected.blockKinds) expect(article.blocks.map((b) => b.kind)).toEqual(expected.blockKinds)
    if (expected.removedKinds)
      expect(article.removed.map((r) => r.kind)).toEqual(expected.removedKinds)
    for (const t of expected.related ?? [])
      expect(article.related).toContainEqual(expect.objectContaining(t))
    if (expected.method) expect(article.extraction.method).toBe(expected.method)
  })
})
