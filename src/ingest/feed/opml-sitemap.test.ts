import { gzipSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { parseOpml } from './opml.js'
import { readFeedDocument, sniffDocument } from './read-feed-document.js'
import { parseSitemap } from './sitemap.js'

const enc = (s: string) => new TextEncoder().encode(s)

describe('parseOpml', () => {
  test('lists feeds at any depth, once each, with their folders', () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Subs</title></head><body>
      <outline text="World"><outline text="Wire" type="rss" xmlUrl="https://wire.example/rss" htmlUrl="https://wire.example/"/>
        <outline text="Deep"><outline title="Deeper" xmlUrl="https://deep.example/atom.xml"/></outline></outline>
      <outline text="Dup" xmlURL="https://wire.example/rss"/>
      <outline text="Not a feed" htmlUrl="https://site.example/"/>
      <outline text="Bad scheme" xmlUrl="ftp://x.example/feed"/></body></opml>`
    const r = parseOpml(enc(opml))
    expect(r).toEqual({
      ok: true,
      value: [
        {
          url: 'https://wire.example/rss',
          title: 'Wire',
          siteUrl: 'https://wire.example/',
          categories: ['World'],
        },
        { url: 'https://deep.example/atom.xml', title: 'Deeper', categories: ['World', 'Deep'] },
      ],
    })
  })

  test.each([
    ['not OPML', '<rss><channel/></rss>'],
    ['empty', ''],
  ])('%s is invalid_feed', (_name, text) => {
    expect(parseOpml(enc(text))).toMatchObject({ ok: false, error: { code: 'invalid_feed' } })
  })
})

describe('parseSitemap', () => {
  test('a news sitemap: URLs with title, publication date and language', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
        <url><loc>https://news.example/a</loc><lastmod>2024-06-01T10:00:00Z</lastmod>
          <news:news><news:publication><news:name>The Example</news:name><news:language>en</news:language></news:publication>
          <news:publication_date>2024-06-01T09:00:00+00:00</news:publication_date><news:title>Storm &amp; floods</news:title></news:news></url>
        <url><loc> https://news.example/b </loc></url>
        <url><loc>not a url</loc></url>
      </urlset>`
    const r = parseSitemap(enc(xml))
    expect(r).toEqual({
      ok: true,
      value: {
        kind: 'urlset',
        feed: {
          format: 'sitemap',
          title: 'The Example',
          entries: [
            {
              key: 'https://news.example/a',
              url: 'https://news.example/a',
              title: 'Storm & floods',
              publishedAt: '2024-06-01T09:00:00.000Z',
              modifiedAt: '2024-06-01T10:00:00.000Z',
              authors: [],
              language: 'en',
            },
            { key: 'https://news.example/b', url: 'https://news.example/b', authors: [] },
          ],
        },
      },
    })
  })

  test('a sitemap index lists its sitemaps', () => {
    const xml = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://news.example/s1.xml</loc><lastmod>2024-06-01</lastmod></sitemap>
      <sitemap><loc>/s2.xml.gz</loc></sitemap></sitemapindex>`
    expect(parseSitemap(enc(xml), { url: 'https://news.example/sitemap.xml' })).toEqual({
      ok: true,
      value: {
        kind: 'index',
        sitemaps: [
          { url: 'https://news.example/s1.xml', lastmod: '2024-06-01T00:00:00.000Z' },
          { url: 'https://news.example/s2.xml.gz' },
        ],
      },
    })
  })

  test('anything else is invalid_feed', () => {
    expect(parseSitemap(enc('<html><body/></html>'))).toMatchObject({
      ok: false,
      error: { code: 'invalid_feed' },
    })
  })
})

describe('sniffDocument and readFeedDocument', () => {
  test.each([
    ['<?xml version="1.0"?>\n<!-- generator --><rss version="2.0">', undefined, 'rss'],
    ['<rdf:RDF xmlns:rdf="x">', undefined, 'rss'],
    [
      '<?xml-stylesheet href="a.xsl"?><feed xmlns="http://www.w3.org/2005/Atom">',
      undefined,
      'atom',
    ],
    ['<urlset>', 'text/xml', 'sitemap'],
    ['<sitemapindex>', undefined, 'sitemap-index'],
    ['<!DOCTYPE opml [ <!ENTITY x "y"> ]><opml version="1.0">', undefined, 'opml'],
    ['<!DOCTYPE html><html lang="en">', undefined, 'html'],
    ['  <div>fragment</div>', 'text/html; charset=utf-8', 'html'],
    ['{"version":"https://jsonfeed.org/version/1.1","title":"x"}', 'application/json', 'json-feed'],
    ['{"other":"json"}', 'application/json', 'unknown'],
    ['<weird-root/>', 'application/xml', 'xml'],
    ['%PDF-1.7', 'application/pdf', 'unknown'],
  ])('%s (%s) → %s', (text, type, kind) => {
    expect(sniffDocument(enc(text), type)).toBe(kind)
  })

  test('a gzip-packed sitemap is unpacked', () => {
    const xml = '<urlset><url><loc>https://n.example/1</loc></url></urlset>'
    const r = readFeedDocument(gzipSync(xml), { url: 'https://n.example/s.xml.gz' })
    expect(r.ok && r.value.kind === 'feed' && r.value.feed.entries.length).toBe(1)
  })

  test('a gzip body that unpacks past the cap is too_large', () => {
    const r = readFeedDocument(gzipSync(Buffer.alloc(2_000_000, 32)), { maxBytes: 1_000_000 })
    expect(r).toMatchObject({ ok: false, error: { code: 'too_large' } })
  })

  test('malformed XML that claims to be RSS is invalid_feed', () => {
    const r = readFeedDocument(enc('<rss><<<<\u0000\u0001'), { contentType: 'application/rss+xml' })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_feed' } })
  })
})
