import { describe, expect, test } from 'vitest'
import { parseHtml } from '../dom/index.js'
import { extractMetadata, normalizeLanguage, stripSiteTail } from './index.js'

const meta = (head: string, body = '', url?: string) =>
  extractMetadata(
    parseHtml(`<html><head>${head}</head><body>${body}</body></html>`),
    url ? { url } : {},
  )

describe('title', () => {
  test.each([
    ['Storm hits coast | The Daily', 'The Daily', 'Storm hits coast'],
    ['Storm hits coast - BBC News', undefined, 'Storm hits coast'],
    ['The Daily :: Storm hits coast', 'The Daily', 'Storm hits coast'],
    [
      'Rock - paper - scissors tournament ends in a draw after nine hours',
      undefined,
      'Rock - paper - scissors tournament ends in a draw after nine hours',
    ],
    ['Storm hits coast', 'The Daily', 'Storm hits coast'],
  ])('stripSiteTail(%j, %j)', (title, site, expected) => {
    expect(stripSiteTail(title, site)).toBe(expected)
  })

  test('JSON-LD headline before og:title before <h1> before <title>', () => {
    const ld =
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"From JSON-LD"}</script>'
    const og = '<meta property="og:title" content="From og">'
    const title = '<title>From title | Site</title>'
    expect(meta(ld + og + title, '<h1>From h1</h1>').title).toBe('From JSON-LD')
    expect(meta(og + title, '<h1>From h1</h1>').title).toBe('From og')
    expect(meta(title, '<h1>From the h1 element</h1>').title).toBe('From the h1 element')
    expect(meta(title).title).toBe('From title')
  })
})

describe('JSON-LD', () => {
  test('an article in an @graph with authors, dates, image and publisher', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', name: 'page' },
        {
          '@type': ['NewsArticle'],
          headline: 'Bridge opens &amp; traffic flows',
          author: [
            { '@type': 'Person', name: 'Jane Doe' },
            { '@type': 'Organization', name: 'Desk' },
            'John Roe',
          ],
          datePublished: '2024-09-14T10:00:00+02:00',
          dateModified: '2024-09-15T07:30:00+02:00',
          image: [{ '@type': 'ImageObject', url: 'https://x.example/a.jpg' }],
          publisher: { '@type': 'Organization', name: 'Stadtbote' },
          inLanguage: 'de-DE',
          articleBody: 'Body text.',
        },
      ],
    }
    const m = meta(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`)
    expect(m).toMatchObject({
      title: 'Bridge opens & traffic flows',
      authors: ['Jane Doe', 'John Roe'],
      publishedAt: '2024-09-14T10:00:00+02:00',
      modifiedAt: '2024-09-15T07:30:00+02:00',
      image: 'https://x.example/a.jpg',
      siteName: 'Stadtbote',
      language: 'de-DE',
      jsonLdBody: 'Body text.',
    })
  })

  test('broken JSON-LD is skipped, and the meta tags still count', () => {
    const m = meta(
      '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><meta name="author" content="By Ana Lima"><meta property="article:published_time" content="2024-01-02T03:04:05Z">',
    )
    expect(m.authors).toEqual(['Ana Lima'])
    expect(m.publishedAt).toBe('2024-01-02T03:04:05Z')
  })
})

describe('other fields', () => {
  test('canonical URL and image are absolute, from the page URL', () => {
    const m = meta(
      '<link rel="canonical" href="/news/1"><meta property="og:image" content="img/a.jpg">',
      '',
      'https://example.com/news/1?utm=x',
    )
    expect(m.canonicalUrl).toBe('https://example.com/news/1')
    expect(m.image).toBe('https://example.com/news/img/a.jpg')
  })

  test('the date falls back to <time>, then to the URL', () => {
    expect(meta('', '<time datetime="2024-05-06T07:08:09-04:00">May 6</time>').publishedAt).toBe(
      '2024-05-06T07:08:09-04:00',
    )
    expect(meta('', '', 'https://example.com/2024/05/06/story').publishedAt).toBe('2024-05-06')
  })

  test('authors from rel=author and from byline elements', () => {
    expect(meta('', '<a rel="author" href="/a">Jane Doe</a>').authors).toEqual(['Jane Doe'])
    expect(meta('', '<p class="byline">By JANE DOE and John Roe</p>').authors).toEqual([
      'Jane Doe',
      'John Roe',
    ])
  })

  test.each([
    ['en_US', 'en-US'],
    ['EN', 'en'],
    ['pt-br', 'pt-BR'],
    ['zh-Hant-TW', 'zh-Hant'],
    ['??', undefined],
  ])('normalizeLanguage(%j) = %j', (input, expected) => {
    expect(normalizeLanguage(input)).toBe(expected)
  })

  test('the language from <html lang>, else og:locale', () => {
    expect(extractMetadata(parseHtml('<html lang="fr-FR"><body></body></html>')).language).toBe(
      'fr-FR',
    )
    expect(meta('<meta property="og:locale" content="it_IT">').language).toBe('it-IT')
  })
})
