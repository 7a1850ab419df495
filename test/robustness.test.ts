/**
 * extractArticle never throws: unusable or hostile input comes back as a Result with a code.
 * Each case of issue 2's list is here: empty input, binary, truncated markup, a 50 MB page,
 * 100,000 nested elements, invalid UTF-8, and a page with no article.
 */
import { describe, expect, test } from 'vitest'
import { extractArticle } from '../src/index.js'

const PROSE =
  'The council approved the budget on Tuesday after a long debate about school funding, road repairs and the future of the central library, which had been threatened with closure.'

const article = (body: string) =>
  `<!doctype html><html><head><title>Budget approved</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Budget approved</h1>${body}</article><footer>© Example News</footer></body></html>`

const utf8 = (s: string) => new TextEncoder().encode(s)

describe('extractArticle never throws', () => {
  test.each([
    ['empty string', ''],
    ['empty bytes', new Uint8Array(0)],
    ['only whitespace', ' \n\t '],
    ['a lone angle bracket', '<'],
    ['an unclosed comment', `<html><body><!-- ${PROSE}`],
    ['an unclosed script', `<html><body><script>var x = "${PROSE}`],
    ['NUL characters in a string', `<p>${PROSE}\u0000\u0000</p>`],
    ['a huge attribute', `<div title="${'x'.repeat(1_000_000)}"><p>${PROSE}</p></div>`],
  ])('%s', (_name, input) => {
    for (const format of ['auto', 'html'] as const) {
      const r = extractArticle(input, { format })
      expect(typeof r.ok).toBe('boolean')
      if (!r.ok) expect(r.error.code).toMatch(/^[a-z_]+$/)
    }
  })

  test('empty input is not an article', () => {
    const r = extractArticle(new Uint8Array(0), { format: 'html' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('no_main_content')
  })

  test('binary input is unsupported content, whatever format is asked', () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49,
    ])
    for (const format of ['auto', 'html'] as const) {
      const r = extractArticle(png, { format })
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('unsupported_content')
    }
  })

  test('truncated markup still yields the text before the cut', () => {
    const full = article(
      `<p>${PROSE}</p><p>A second paragraph that will be cut off in the middle of its`,
    )
    const r = extractArticle(full.slice(0, full.indexOf('cut off') + 7), { format: 'html' })
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.value.text).toContain(PROSE)
  })

  test.each([
    ['declared UTF-8', '<meta charset="utf-8">'],
    ['undeclared', ''],
  ])('invalid UTF-8 (%s) becomes replacement characters, not a failure', (_name, meta) => {
    const page = article(
      `<p>${PROSE} Café prices rose, naïvely, in Zürich’s old town.</p>`,
    ).replace('<head>', `<head>${meta}`)
    const good = utf8(page)
    const at = good.indexOf(0x2e) // the first '.': the end of PROSE
    const bad = new Uint8Array([...good.subarray(0, at), 0xff, 0xc3, ...good.subarray(at)])
    const r = extractArticle(bad, { format: 'html' })
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(r.value.text).toContain('Café prices rose, naïvely, in Zürich’s old town.')
      expect(r.value.text).toContain('closure\uFFFD')
    }
  })

  test('a page with no article is a no_main_content result with the metadata found', () => {
    const page =
      '<html><head><title>Example News – Home</title></head><body><nav><a href="/a">World</a> <a href="/b">Sport</a></nav><ul><li><a href="/1">Storm hits coast</a></li><li><a href="/2">Team wins cup</a></li></ul><footer>© Example News</footer></body></html>'
    const r = extractArticle(page, { format: 'html' })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('no_main_content')
      expect(r.error.partial?.title).toBe('Example News')
    }
  })

  test('100,000 nested elements', () => {
    const n = 100_000
    const page = `<html><body>${'<div>'.repeat(n)}<p>${PROSE}</p>${'</div>'.repeat(n)}</body></html>`
    const r = extractArticle(page, { format: 'html' })
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.value.text).toBe(PROSE)
  })

  test('100,000 nested elements, never closed, with no article', () => {
    const r = extractArticle(`<html><body>${'<span><div>'.repeat(50_000)}deep`, { format: 'html' })
    expect(r.ok).toBe(false)
  })

  test('a 50 MB page', () => {
    const filler = `<div class="sidebar"><a href="/x">${'Another headline in a long list '.repeat(3)}</a></div>\n`
    const head = article(`<p>${PROSE}</p><p>${PROSE.replace('Tuesday', 'Wednesday')}</p>`)
    const page = head.replace('</body>', `${filler.repeat(Math.ceil(50e6 / filler.length))}</body>`)
    expect(page.length).toBeGreaterThan(50e6)
    const r = extractArticle(utf8(page), { format: 'html' })
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.value.text).toContain(PROSE)
  })
})
