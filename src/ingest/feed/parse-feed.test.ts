import { describe, expect, test } from 'vitest'
import { parseJsonFeedDocument, parseXmlFeedDocument } from './parse-feed.js'

const enc = (s: string) => new TextEncoder().encode(s)
const FEED_URL = 'https://news.example/feeds/main.xml'

describe('parseXmlFeedDocument', () => {
  test.each([
    [
      'RSS 0.91',
      `<?xml version="1.0"?><rss version="0.91"><channel><title>Old News</title><link>https://news.example/</link>
       <language>en-gb</language><item><title>First</title><link>https://news.example/1</link>
       <description>One &amp; only</description></item></channel></rss>`,
      { format: 'rss', title: 'Old News', language: 'en-gb' },
      {
        key: 'https://news.example/1',
        url: 'https://news.example/1',
        title: 'First',
        summary: 'One & only',
      },
    ],
    [
      'RSS 2.0 with dc:creator, content:encoded and a relative link',
      `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
       <channel><title>Daily</title><link>https://news.example/</link><ttl>90</ttl>
       <item><guid isPermaLink="false">id-42</guid><title>Budget &amp; tax</title><link>/2024/budget</link>
       <pubDate>Tue, 05 Mar 2024 10:30:00 +0100</pubDate><dc:creator>Jo Reporter</dc:creator>
       <description>&lt;p&gt;The &lt;b&gt;budget&lt;/b&gt; is out.&lt;/p&gt;</description>
       <content:encoded><![CDATA[<p>Full story.</p>]]></content:encoded></item></channel></rss>`,
      { format: 'rss', title: 'Daily', ttlSeconds: 5400 },
      {
        key: 'id-42',
        url: 'https://news.example/2024/budget',
        title: 'Budget & tax',
        publishedAt: '2024-03-05T09:30:00.000Z',
        authors: ['Jo Reporter'],
        summary: 'The budget is out.',
        contentHtml: '<p>Full story.</p>',
      },
    ],
    [
      'RSS 1.0 (RDF) with the syndication module',
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
       <channel rdf:about="https://news.example/"><title>RDF News</title><link>https://news.example/</link>
       <sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency></channel>
       <item rdf:about="https://news.example/r1"><title>R one</title><link>https://news.example/r1</link>
       <dc:date>2024-01-02T03:04:05Z</dc:date><dc:creator>Bo</dc:creator></item></rdf:RDF>`,
      { format: 'rss', title: 'RDF News', ttlSeconds: 1800 },
      {
        key: 'https://news.example/r1',
        title: 'R one',
        publishedAt: '2024-01-02T03:04:05.000Z',
        authors: ['Bo'],
      },
    ],
    [
      'Atom 1.0',
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr"><title>Le Fil</title>
       <link rel="alternate" href="https://news.example/fr/"/><id>urn:feed</id>
       <entry><id>urn:entry:1</id><title type="html">Gr&amp;egrave;ve</title>
       <link rel="alternate" href="https://news.example/fr/greve"/>
       <published>2024-05-01T10:00:00Z</published><updated>2024-05-01T12:00:00Z</updated>
       <author><name>Ann</name></author><author><name>Ben</name></author>
       <summary>Résumé</summary><content type="html">&lt;p&gt;Corps&lt;/p&gt;</content></entry></feed>`,
      { format: 'atom', title: 'Le Fil', language: 'fr', siteUrl: 'https://news.example/fr/' },
      {
        key: 'urn:entry:1',
        url: 'https://news.example/fr/greve',
        title: 'Grève',
        publishedAt: '2024-05-01T10:00:00.000Z',
        modifiedAt: '2024-05-01T12:00:00.000Z',
        authors: ['Ann', 'Ben'],
        summary: 'Résumé',
        contentHtml: '<p>Corps</p>',
      },
    ],
  ])('%s', (_name, xml, feed, entry) => {
    const r = parseXmlFeedDocument(enc(xml), { url: FEED_URL })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value).toMatchObject(feed)
    expect(r.value.entries).toHaveLength(1)
    expect(r.value.entries[0]).toMatchObject(entry)
  })

  test('an item with neither id nor link is keyed by a hash of its title', () => {
    const xml =
      '<rss><channel><title>T</title><item><title>Only a title</title></item></channel></rss>'
    const r = parseXmlFeedDocument(enc(xml))
    expect(r.ok && r.value.entries[0]?.key).toMatch(/^hash:/)
  })

  test('links that are not http(s) are dropped', () => {
    const xml =
      '<rss><channel><title>T</title><item><guid>a</guid><link>javascript:alert(1)</link></item></channel></rss>'
    const r = parseXmlFeedDocument(enc(xml))
    expect(r.ok && r.value.entries[0]?.url).toBeUndefined()
  })

  test.each([
    ['garbage', '<<<>>> not xml at all'],
    ['an HTML page', '<!doctype html><html><body><p>hi</p></body></html>'],
    ['empty', ''],
  ])('%s is invalid_feed', (_name, text) => {
    const r = parseXmlFeedDocument(enc(text), { url: FEED_URL })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_feed', url: FEED_URL } })
  })

  test('a malformed feed that yields nothing says where the XML breaks', () => {
    const r = parseXmlFeedDocument(
      enc('<rss version="2.0"><channel><title>Broken</title><item><<<>>>&&&'),
    )
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_feed' } })
    expect(!r.ok && r.error.message).toMatch(/malformed XML at line 1, column \d+/)
  })

  test('a well-formed feed without items is empty, not broken', () => {
    const r = parseXmlFeedDocument(
      enc('<rss version="2.0"><channel><title>Quiet</title></channel></rss>'),
    )
    expect(r).toMatchObject({ ok: true, value: { title: 'Quiet', entries: [] } })
  })

  test('a truncated feed yields what can be read rather than failing', () => {
    const xml =
      '<rss version="2.0"><channel><title>Cut</title><item><title>Whole</title><link>https://n.example/1</link></item><item><title>Ha'
    const r = parseXmlFeedDocument(enc(xml))
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.value.entries[0]?.url).toBe('https://n.example/1')
  })

  test('entity expansion is not recursive (no billion laughs)', () => {
    const defs = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`,
    ).join('')
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">${defs}]><rss><channel><title>&l9;</title><item><title>x</title><guid>g</guid></item></channel></rss>`
    const r = parseXmlFeedDocument(enc(xml))
    expect(r.ok).toBe(true)
    if (r.ok) expect((r.value.title ?? '').length).toBeLessThan(1000)
  })
})

describe('parseJsonFeedDocument', () => {
  test('JSON Feed 1.1 with authors, a relative url and content_text', () => {
    const json = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'JSON News',
      home_page_url: 'https://news.example/',
      language: 'en',
      items: [
        {
          id: 1,
          url: '/j/1',
          title: 'J one',
          content_text: 'Para one.\n\nPara two.',
          date_published: '2024-02-01T08:00:00Z',
          authors: [{ name: 'Cy' }],
        },
        { id: 'two', external_url: 'https://elsewhere.example/x', content_html: '<p>x</p>' },
        { title: 'no id: skipped' },
      ],
    }
    const r = parseJsonFeedDocument(enc(JSON.stringify(json)), {
      url: 'https://news.example/feed.json',
    })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value).toMatchObject({ format: 'json-feed', title: 'JSON News', language: 'en' })
    expect(r.value.entries).toEqual([
      {
        key: '1',
        url: 'https://news.example/j/1',
        title: 'J one',
        publishedAt: '2024-02-01T08:00:00.000Z',
        authors: ['Cy'],
        summary: 'Para one. Para two.',
        contentHtml: '<p>Para one.</p>\n<p>Para two.</p>',
      },
      { key: 'two', url: 'https://elsewhere.example/x', authors: [], contentHtml: '<p>x</p>' },
    ])
  })

  test('JSON Feed 1.0 with a single author', () => {
    const json = {
      version: 'https://jsonfeed.org/version/1',
      title: 'Old JSON',
      items: [{ id: 'a', url: 'https://n.example/a', author: { name: 'Di' }, summary: null }],
    }
    const r = parseJsonFeedDocument(enc(JSON.stringify(json)))
    expect(r.ok && r.value.entries[0]?.authors).toEqual(['Di'])
  })

  test.each([
    ['broken JSON', '{"version": "https://jsonfeed.org/version/1.1", "title": '],
    ['JSON that is not a feed', '{"hello": "world"}'],
    ['a feed without items', '{"version": "https://jsonfeed.org/version/1.1", "title": "x"}'],
  ])('%s is invalid_feed', (_name, text) => {
    expect(parseJsonFeedDocument(enc(text))).toMatchObject({
      ok: false,
      error: { code: 'invalid_feed' },
    })
  })
})
