import { afterEach, describe, expect, test } from 'vitest'
import { type LocalServer, respond, startServer } from '../../../test/support/local-server.js'
import { createHttpClient, type HttpClient } from '../fetch/client.js'
import { discoverFeeds, findFeedLinks } from './discover.js'

describe('findFeedLinks', () => {
  test('declared feeds in page order, resolved against <base>, each once', () => {
    const html = `<html><head><base href="https://cdn.example/site/">
      <link rel="alternate" type="application/rss+xml" title="All news" href="feed.xml">
      <link rel="alternate" type="application/atom+xml" href="https://news.example/atom">
      <link rel="alternate" type="application/feed+json" href="/feed.json">
      <link rel="alternate" hreflang="fr" href="https://news.example/fr/">
      <link rel="stylesheet" type="text/css" href="a.css">
      <LINK REL="Alternate" TYPE="application/rss+xml" HREF="feed.xml">
      <link rel="feed" href="/h-feed"></head><body></body></html>`
    expect(findFeedLinks(html, 'https://news.example/')).toEqual([
      {
        url: 'https://cdn.example/site/feed.xml',
        title: 'All news',
        type: 'application/rss+xml',
        via: 'link',
      },
      { url: 'https://news.example/atom', type: 'application/atom+xml', via: 'link' },
      { url: 'https://cdn.example/feed.json', type: 'application/feed+json', via: 'link' },
      { url: 'https://cdn.example/h-feed', via: 'link' },
    ])
  })

  test('a page without feed links has none', () => {
    expect(findFeedLinks('<p>hello', 'https://news.example/')).toEqual([])
  })
})

describe('discoverFeeds', () => {
  let server: LocalServer | undefined
  let client: HttpClient | undefined
  afterEach(async () => {
    await client?.close()
    await server?.close()
  })

  test('probes common paths when the page declares nothing', async () => {
    server = await startServer({
      '/': respond('<html><head><title>Home</title></head><body>news</body></html>', {
        'content-type': 'text/html',
      }),
      '/rss': respond('<html>not a feed</html>', { 'content-type': 'text/html' }),
      '/rss.xml': respond('<rss version="2.0"><channel><title>Found</title></channel></rss>', {
        'content-type': 'application/rss+xml',
      }),
    })
    client = createHttpClient({ allowPrivate: true, perHostDelayMs: 0 })
    const r = await discoverFeeds(`${server.origin}/`, { client })
    expect(r).toEqual({
      ok: true,
      value: [{ url: `${server.origin}/rss.xml`, title: 'Found', via: 'probe' }],
    })
    expect(server.paths()).toEqual(['/robots.txt', '/', '/feed', '/rss', '/feed.xml', '/rss.xml'])
  })

  test('a home page that cannot be fetched is a failure', async () => {
    server = await startServer({})
    client = createHttpClient({ allowPrivate: true, perHostDelayMs: 0 })
    const r = await discoverFeeds(`${server.origin}/`, { client })
    expect(r).toMatchObject({ ok: false, error: { code: 'http_status', status: 404 } })
  })
})
