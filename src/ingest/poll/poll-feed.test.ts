import { afterEach, describe, expect, test } from 'vitest'
import {
  type LocalServer,
  respond,
  type Route,
  startServer,
} from '../../../test/support/local-server.js'
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../fetch/client.js'
import {
  cacheLifetimeSeconds,
  type FeedState,
  forgetEntries,
  isDue,
  newFeedState,
  nextPollAt,
  type PollOptions,
  pollFeed,
} from './poll-feed.js'

const T0 = Date.parse('2024-06-01T12:00:00Z')
const MINUTE = 60_000

let server: LocalServer | undefined
let client: HttpClient | undefined
afterEach(async () => {
  await client?.close()
  await server?.close()
  client = undefined
  server = undefined
})

async function setup(routes: Record<string, Route>, clientOptions: HttpClientOptions = {}) {
  server = await startServer(routes)
  client = createHttpClient({
    allowPrivate: true,
    perHostDelayMs: 0,
    retries: 0,
    headersTimeoutMs: 300,
    bodyTimeoutMs: 300,
    ...clientOptions,
  })
  let clock = T0
  const options: PollOptions = { client, now: () => clock }
  return {
    url: (path: string) => `${server!.origin}${path}`,
    options,
    advance: (ms: number) => {
      clock += ms
    },
    server,
  }
}

function rss(items: string[], extra = ''): string {
  const body = items
    .map(
      (id) =>
        `<item><guid>${id}</guid><title>Item ${id}</title><link>https://news.example/${id}</link></item>`,
    )
    .join('')
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Poll News</title>${extra}${body}</channel></rss>`
}

/** A feed whose content the test changes; answers 304 to a matching If-None-Match. */
function changingFeed(): { route: Route; set: (items: string[]) => void } {
  let version = 1
  let items: string[] = []
  return {
    set: (next) => {
      items = next
      version++
    },
    route: (req, res) => {
      const etag = `"v${version}"`
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag })
        res.end()
        return
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag })
      res.end(rss(items))
    },
  }
}

describe('pollFeed', () => {
  test('a feed that changes between polls: conditional GET, then only the new items', async () => {
    const feed = changingFeed()
    feed.set(['a', 'b'])
    const { url, options, advance, server: s } = await setup({ '/feed': feed.route })

    const first = await pollFeed(newFeedState(url('/feed')), options)
    expect(first.outcome).toBe('ok')
    expect(first.entries.map((e) => e.key)).toEqual(['a', 'b'])
    expect(first.feed).toEqual({ format: 'rss', title: 'Poll News' })
    expect(first.state).toMatchObject({
      url: url('/feed'),
      title: 'Poll News',
      etag: '"v2"',
      failures: 0,
      itemCount: 2,
      intervalSeconds: 1800,
      lastOkAt: new Date(T0).toISOString(),
      nextFetchAt: new Date(T0 + 30 * MINUTE).toISOString(),
    })
    expect(first.state.seen).toHaveLength(2)

    advance(30 * MINUTE)
    const second = await pollFeed(first.state, options)
    expect(second.outcome).toBe('not_modified')
    expect(second.entries).toEqual([])
    expect(s.requests.at(-1)?.headers['if-none-match']).toBe('"v2"')

    feed.set(['c', 'a', 'b'])
    advance(30 * MINUTE)
    const third = await pollFeed(second.state, options)
    expect(third.outcome).toBe('ok')
    expect(third.entries.map((e) => e.key)).toEqual(['c'])
    expect(third.state).toMatchObject({ etag: '"v3"', itemCount: 3 })

    // An entry whose page failed for a passing reason is forgotten, so the next poll retries it.
    const retry = forgetEntries(third.state, ['c'])
    feed.set(['c', 'a', 'b', 'd'])
    const fourth = await pollFeed(retry, options)
    expect(fourth.entries.map((e) => e.key)).toEqual(['c', 'd'])
  })

  test.each([
    ['RSS ttl (minutes)', '<ttl>120</ttl>', {}, 7200],
    ['Cache-Control max-age', '', { 'cache-control': 'public, max-age=3600' }, 3600],
    ['the larger of ttl and max-age', '<ttl>90</ttl>', { 'cache-control': 'max-age=3600' }, 5400],
    ['a short max-age does not speed polling up', '', { 'cache-control': 'max-age=60' }, 1800],
    [
      'Expires',
      '',
      { expires: 'Sat, 01 Jun 2024 14:00:00 GMT', date: 'Sat, 01 Jun 2024 12:00:00 GMT' },
      7200,
    ],
    ['a week-long ttl is capped at a day', '<ttl>10080</ttl>', {}, 86_400],
  ])('interval from %s', async (_name, extra, headers, seconds) => {
    const { url, options } = await setup({
      '/feed': respond(rss(['a'], extra), { 'content-type': 'application/rss+xml', ...headers }),
    })
    const r = await pollFeed(newFeedState(url('/feed')), options)
    expect(r.state.intervalSeconds).toBe(seconds)
    expect(r.state.nextFetchAt).toBe(new Date(T0 + seconds * 1000).toISOString())
  })

  test('failures back off exponentially, up to a ceiling, and a success resets them', async () => {
    let broken = true
    const { url, options } = await setup({
      '/feed': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' })
        res.end(broken ? '<rss><channel><<<< not xml' : rss(['a']))
      },
    })
    let state: FeedState = newFeedState(url('/feed'))
    const waits: number[] = []
    for (let i = 0; i < 8; i++) {
      const r = await pollFeed(state, { ...options, maxBackoffSeconds: 6 * 3600 })
      expect(r.outcome).toBe('error')
      expect(r.error?.code).toBe('invalid_feed')
      waits.push((Date.parse(r.state.nextFetchAt!) - T0) / 1000)
      state = r.state
    }
    expect(waits).toEqual([1800, 3600, 7200, 14_400, 21_600, 21_600, 21_600, 21_600])
    expect(state).toMatchObject({ failures: 8, lastError: { code: 'invalid_feed' } })
    broken = false
    const ok = await pollFeed(state, options)
    expect(ok.outcome).toBe('ok')
    expect(ok.state.failures).toBe(0)
    expect(ok.state.lastError).toBeUndefined()
  })

  test('429 with a long Retry-After: the error is recorded and the next poll waits as asked', async () => {
    const { url, options } = await setup({
      '/feed': respond('slow down', { 'retry-after': '7200' }, 429),
    })
    const r = await pollFeed(newFeedState(url('/feed')), options)
    expect(r).toMatchObject({
      outcome: 'error',
      error: { code: 'http_status', status: 429, retryAfterMs: 7_200_000 },
    })
    expect(r.state.nextFetchAt).toBe(new Date(T0 + 7_200_000).toISOString())
  })

  test.each([
    ['a slow server', { '/feed': () => undefined } as Record<string, Route>, 'fetch_timeout'],
    [
      'a redirect loop',
      {
        '/feed': respond('', { location: '/feed2' }, 301),
        '/feed2': respond('', { location: '/feed' }, 301),
      },
      'too_many_redirects',
    ],
    [
      'a robots.txt that forbids',
      { '/robots.txt': respond('User-agent: *\nDisallow: /feed'), '/feed': respond(rss(['a'])) },
      'robots_disallowed',
    ],
    [
      'an HTML page',
      {
        '/feed': respond('<!doctype html><html><body>hi</body></html>', {
          'content-type': 'text/html',
        }),
      },
      'invalid_feed',
    ],
    ['a 404', {}, 'http_status'],
  ])('%s is a recorded error with a code', async (_name, routes, code) => {
    const { url, options } = await setup(routes)
    const r = await pollFeed(newFeedState(url('/feed')), options)
    expect(r.outcome).toBe('error')
    expect(r.error?.code).toBe(code)
    expect(r.state.lastError).toMatchObject({ code, at: new Date(T0).toISOString() })
    expect(r.state.lastError?.message).toBeTruthy()
  })

  test('a sitemap index: entries from its child sitemaps', async () => {
    const sitemap = (ids: string[]) =>
      `<urlset>${ids.map((i) => `<url><loc>https://news.example/${i}</loc></url>`).join('')}</urlset>`
    const { url, options } = await setup({
      '/index.xml': (_req, res) => {
        res.end(
          `<sitemapindex><sitemap><loc>${url('/s1.xml')}</loc><lastmod>2024-06-01</lastmod></sitemap><sitemap><loc>${url('/s2.xml')}</loc><lastmod>2024-05-01</lastmod></sitemap></sitemapindex>`,
        )
      },
      '/s1.xml': respond(sitemap(['x', 'y'])),
      '/s2.xml': respond(sitemap(['z'])),
    })
    const r = await pollFeed(newFeedState(url('/index.xml')), options)
    expect(r.outcome).toBe('ok')
    expect(r.feed?.format).toBe('sitemap')
    expect(r.entries.map((e) => e.url)).toEqual([
      'https://news.example/x',
      'https://news.example/y',
      'https://news.example/z',
    ])
  })
})

describe('schedule helpers', () => {
  test('nextPollAt and isDue', () => {
    const s = {
      ...newFeedState('https://n.example/f'),
      nextFetchAt: new Date(T0 + MINUTE).toISOString(),
    }
    expect(nextPollAt(s, T0).getTime()).toBe(T0 + MINUTE)
    expect(isDue(s, T0)).toBe(false)
    expect(isDue(s, T0 + MINUTE)).toBe(true)
    expect(isDue(newFeedState('https://n.example/g'), T0)).toBe(true)
  })

  test.each([
    [{ 'cache-control': 'max-age=600' }, 600],
    [{ 'cache-control': 'no-store, max-age=600' }, undefined],
    [{ expires: 'Sat, 01 Jun 2024 12:10:00 GMT' }, 600],
    [{ expires: 'garbage' }, undefined],
    [{}, undefined],
  ])('cacheLifetimeSeconds(%o) = %s', (headers, seconds) => {
    expect(cacheLifetimeSeconds(headers as Record<string, string>, T0)).toBe(seconds)
  })
})
