import { describe, expect, test } from 'vitest'
import { extractArticle } from '../index.js'
import { extractText } from './index.js'

const ARTICLE = [
  'Home',
  'News',
  'Share',
  'Harbour town votes to rebuild its flooded sea wall',
  'Residents of Portwen voted on Tuesday to rebuild the sea wall that failed during last winter, approving a tax rise to pay for the work over the next decade.',
  'The old wall, built in 1953, gave way in January when a storm surge met a spring tide, flooding more than two hundred homes along the harbour front.',
  'Council engineers said the new wall would stand a metre higher than the old one and would be designed for the sea levels expected at the end of the century.',
  '© 2024 Harbour Times',
].join('\n')

describe('extractText', () => {
  test.each([
    ['empty', ''],
    ['blank lines only', '\n \n\t\n'],
    ['one word', 'Home'],
  ])('%s input is no_main_content, not an exception', (_name, input) => {
    const r = extractText(input, {})
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('no_main_content')
  })

  test('bytes and a string give the same article', () => {
    const a = extractText(ARTICLE, {})
    const b = extractText(Buffer.from(ARTICLE, 'utf8'), {})
    expect(a).toEqual(b)
    expect(a.ok && a.value.blocks.length).toBe(3)
  })

  test('windows-1252 bytes decode without replacement characters', () => {
    const latin = Buffer.from(ARTICLE.replace('Portwen', 'Portwén'), 'latin1')
    const r = extractText(latin, {})
    expect(r.ok && r.value.text).toContain('Portwén')
  })

  test('CRLF line ends and non-breaking spaces are normalised', () => {
    const r = extractText(ARTICLE.replace(/\n/g, '\r\n').replace(/ the /g, '\u00a0the '), {})
    expect(r.ok && r.value.text).not.toMatch(/[\r\u00a0]/)
  })

  test('the url option is carried through', () => {
    const r = extractText(ARTICLE, { url: 'https://example.com/a' })
    expect(r.ok && r.value.url).toBe('https://example.com/a')
  })

  test('a long dump (4,000 lines) is handled', () => {
    const big = Array.from({ length: 500 }, () => ARTICLE).join('\n')
    const r = extractText(big, {})
    expect(r.ok).toBe(true)
  })

  test('auto-detection sends a dump to the text extractor', () => {
    const r = extractArticle(Buffer.from(ARTICLE))
    expect(r.ok && r.value.extraction).toMatchObject({ inputFormat: 'text', method: 'text-lines' })
  })
})
