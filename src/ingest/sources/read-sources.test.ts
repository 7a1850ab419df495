import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import iconv from 'iconv-lite'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import {
  type LocalServer,
  respond,
  type Route,
  startServer,
} from '../../../test/support/local-server.js'
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../fetch/client.js'
import type { FeedState } from '../poll/poll-feed.js'
import { watchFeeds } from '../poll/watch.js'
import {
  classifySource,
  type ReadSourcesOptions,
  readSources,
  type SourceEvent,
} from './read-sources.js'

const HTML = 'text/html; charset=utf-8'
const page = (title: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><p>${title} body.</p></article></body></html>`

/** A small news site on 127.0.0.1: a feed, its pages, an OPML list, a home page, and trouble. */
function site(origin: () => string, feedItems: () => string[]): Record<string, Route> {
  const item = (path: string, title: string) =>
    `<item><guid>${path}</guid><title>${title}</title><link>${origin()}${path}</link>` +
    `<pubDate>Mon, 03 Jun 2024 10:00:00 GMT</pubDate><author>desk@news.example (Desk)</author>` +
    `<description>About ${title}</description></item>`
  let flaky = 0
  return {
    '/robots.txt': respond('User-agent: *\nDisallow: /private/\n'),
    '/': respond(
      `<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>Home</body></html>`,
      { 'content-type': HTML },
    ),
    '/feed.xml': (req, res) => {
      const items = feedItems()
      const etag = `"${items.join(',')}"`
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag })
        res.end()
        return
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag })
      res.end(
        `<rss version="2.0"><channel><title>Local News</title><language>en</language>${items.map((p) => item(p, `Story ${p}`)).join('')}</channel></rss>`,
      )
    },
    '/atom.xml': respond(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Side</title><entry><id>urn:x</id><title>Ax</title><link href="/news/1"/></entry></feed>`,
      { 'content-type': 'application/atom+xml' },
    ),
    '/subs.opml': (_req, res) => {
      res.end(
        `<opml version="2.0"><body><outline text="Local" xmlUrl="${origin()}/feed.xml"/><outline text="Atom" xmlUrl="${origin()}/atom.xml"/></body></opml>`,
      )
    },
    '/news/1': respond(page('One'), { 'content-type': HTML }),
    '/news/2': respond(page('Two'), { 'content-type': HTML }),
    '/private/3': respond(page('Secret'), { 'content-type': HTML }),
    '/news/flaky': (_req, res) => {
      flaky++
      res.writeHead(flaky > 1 ? 200 : 503, { 'content-type': HTML })
      res.end(page('Flaky'))
    },
    '/news/podcast.mp3': respond(Buffer.alloc(2000), { 'content-type': 'audio/mpeg' }),
    '/article': respond(page('Article'), { 'content-type': HTML }),
    '/notes.txt': respond('Plain text notes.', { 'content-type': 'text/plain; charset=utf-8' }),
    '/image.png': respond(Buffer.from([0x89, 0x50, 0x4e, 0x47]), { 'content-type': 'image/png' }),
    '/latin1.xml': respond(
      iconv.encode(
        '<?xml version="1.0" encoding="utf-8"?><rss><channel><title>Café Crème</title><item><guid>l1</guid><title>Grève générale</title></item></channel></rss>',
        'windows-1252',
      ),
      { 'content-type': 'application/rss+xml; charset=utf-8' },
    ),
    '/full.xml': (_req, res) => {
      const long = '<p>Full paragraph of the article as the feed carries it.</p>'.repeat(40)
      res.end(
        `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Full</title><item><guid>f1</guid><title>Whole story</title><link>${origin()}/news/never-fetched</link><content:encoded><![CDATA[${long}]]></content:encoded></item><item><guid>f2</guid><title>No link</title><description>Just this.</description><content:encoded><![CDATA[<p>Only in the feed.</p>]]></content:encoded></item></channel></rss>`,
      )
    },
    '/broken.xml': respond('<rss version="2.0"><channel><title>Broken</title><item><<<>>>&&&', {
      'content-type': 'application/rss+xml',
    }),
    '/huge.xml': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' })
      const chunk = Buffer.alloc(256 * 1024, ' ')
      let sent = 0
      const pump = (): void => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length
          if (!res.write(chunk)) {
            res.once('drain', pump)
            return
          }
        }
        res.end()
      }
      res.write('<rss><channel><title>Huge</title>')
      pump()
    },
    '/loop': respond('', { location: '/loop2' }, 302),
    '/loop2': respond('', { location: '/loop' }, 302),
    '/slow': () => undefined,
    '/limited': respond('', { 'retry-after': '3600' }, 429),
  }
}

let server: LocalServer
let client: HttpClient
let items: string[]
let dir: string
const clients: HttpClient[] = []

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lede-sources-'))
  server = await startServer(
    site(
      () => server.origin,
      () => items,
    ),
  )
})
afterAll(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
})

function newClient(options: HttpClientOptions = {}): HttpClient {
  const c = createHttpClient({
    allowPrivate: true,
    perHostDelayMs: 0,
    retries: 0,
    headersTimeoutMs: 300,
    bodyTimeoutMs: 300,
    ...options,
  })
  clients.push(c)
  return c
}

async function run(
  args: string[],
  options: Partial<ReadSourcesOptions> = {},
): Promise<SourceEvent[]> {
  client = newClient()
  const out: SourceEvent[] = []
  for await (const e of readSources(args, { client, ...options })) out.push(e)
  return out
}

const docs = (events: SourceEvent[]) =>
  events.flatMap((e) => (e.type === 'document' ? [e.document] : []))
const errors = (events: SourceEvent[]) => events.flatMap((e) => (e.type === 'error' ? [e] : []))
const feeds = (events: SourceEvent[]) => events.flatMap((e) => (e.type === 'feed' ? [e.feed] : []))
const path = (url: string | undefined) => url?.replace(server.origin, '')

describe('readSources', () => {
  test('a feed URL: a document per entry page with feed hints, an error per failed entry, then the feed report', async () => {
    items = ['/news/1', '/news/2', '/private/3', '/news/404', '/news/flaky', '/news/podcast.mp3']
    const events = await run([`${server.origin}/feed.xml`])
    expect(events.at(-1)?.type).toBe('feed')

    const documents = docs(events)
    expect(documents.map((d) => path(d.url)).sort()).toEqual(['/news/1', '/news/2'])
    const one = documents.find((d) => d.url?.endsWith('/news/1'))!
    expect(one).toMatchObject({
      format: 'html',
      contentType: HTML,
      source: { kind: 'feed', location: `${server.origin}/feed.xml` },
      hints: {
        title: 'Story /news/1',
        publishedAt: '2024-06-03T10:00:00.000Z',
        authors: ['Desk'],
        siteName: 'Local News',
        language: 'en',
        description: 'About Story /news/1',
      },
    })
    expect(new TextDecoder().decode(one.body as Uint8Array)).toBe(page('One'))

    expect(
      errors(events)
        .map((e) => [path(e.error.url), e.error.code])
        .sort(),
    ).toEqual([
      ['/news/404', 'http_status'],
      ['/news/flaky', 'http_status'],
      ['/news/podcast.mp3', 'unsupported_content'],
      ['/private/3', 'robots_disallowed'],
    ])

    const [report] = feeds(events)
    expect(report).toMatchObject({
      outcome: 'ok',
      info: { format: 'rss', title: 'Local News' },
      newEntries: 6,
      documents: 2,
      failedEntries: 4,
    })
    // The 503 is forgotten (tried again next time); the 404, robots and MP3 are not.
    expect(report?.state.seen).toHaveLength(5)

    // Run again with the stored state: a conditional GET, and nothing new.
    const again = await run([`${server.origin}/feed.xml`], { feedState: () => report?.state })
    expect(feeds(again)).toMatchObject([{ outcome: 'not_modified', newEntries: 0 }])
    expect(docs(again)).toEqual([])

    // The feed gains an entry: the new one and the flaky one (now up) come through.
    items = ['/news/flaky', ...items]
    items = [...new Set(items)]
    items.push('/article')
    const third = await run([`${server.origin}/feed.xml`], { feedState: () => report?.state })
    expect(
      docs(third)
        .map((d) => path(d.url))
        .sort(),
    ).toEqual(['/article', '/news/flaky'])
  })

  test('an OPML list: each of its feeds, read in turn', async () => {
    items = ['/news/2']
    const events = await run([`${server.origin}/subs.opml`])
    expect(
      feeds(events)
        .map((f) => f.info?.title)
        .sort(),
    ).toEqual(['Atom Side', 'Local News'])
    expect(
      docs(events)
        .map((d) => path(d.url))
        .sort(),
    ).toEqual(['/news/1', '/news/2'])
  })

  test("a site's home page: the feed it declares", async () => {
    items = ['/news/1']
    const events = await run([`${server.origin}/`])
    expect(feeds(events)).toMatchObject([{ state: { url: `${server.origin}/feed.xml` } }])
    expect(docs(events).map((d) => path(d.url))).toEqual(['/news/1'])
  })

  test('a page URL is itself the document; plain text is text', async () => {
    const events = await run([`${server.origin}/article`, `${server.origin}/notes.txt`])
    expect(docs(events).map((d) => [path(d.url), d.format, d.source.kind])).toEqual([
      ['/article', 'html', 'url'],
      ['/notes.txt', 'text', 'url'],
    ])
  })

  test('a feed in the wrong encoding is read right', async () => {
    const events = await run([`${server.origin}/latin1.xml`])
    expect(feeds(events)[0]?.info?.title).toBe('Café Crème')
    expect(errors(events)[0]?.error.message).toMatch(/neither a link nor content/)
  })

  test('useFeedContent: full feed content becomes the document without fetching the page', async () => {
    const events = await run([`${server.origin}/full.xml`], { useFeedContent: true })
    const documents = docs(events)
    expect(documents).toHaveLength(2)
    expect(documents.map((d) => d.hints?.title).sort()).toEqual(['No link', 'Whole story'])
    expect(String(documents.find((d) => d.hints?.title === 'No link')?.body)).toContain(
      '<p>Only in the feed.</p>',
    )
    expect(server.paths()).not.toContain('/news/never-fetched')
  })

  test.each([
    ['malformed XML', '/broken.xml', 'invalid_feed'],
    ['a 50 MB feed', '/huge.xml', 'too_large'],
    ['a redirect loop', '/loop', 'too_many_redirects'],
    ['a slow server', '/slow', 'fetch_timeout'],
    ['429 with Retry-After', '/limited', 'http_status'],
    ['an image', '/image.png', 'unsupported_content'],
    ['a missing page', '/missing', 'http_status'],
  ])('%s: one error event with a code, and the run goes on', async (_name, p, code) => {
    const events = await run([`${server.origin}${p}`, `${server.origin}/article`])
    expect(errors(events).map((e) => e.error.code)).toEqual([code])
    expect(errors(events)[0]?.source).toEqual({ kind: 'url', location: `${server.origin}${p}` })
    expect(docs(events).map((d) => path(d.url))).toEqual(['/article'])
  })

  test('429 carries the Retry-After', async () => {
    const events = await run([`${server.origin}/limited`])
    expect(errors(events)[0]?.error).toMatchObject({ status: 429, retryAfterMs: 3_600_000 })
  })

  test('the address guard holds by default: 127.0.0.1 is refused', async () => {
    const guarded = newClient({ allowPrivate: false })
    const events: SourceEvent[] = []
    for await (const e of readSources([`${server.origin}/article`], { client: guarded }))
      events.push(e)
    expect(errors(events).map((e) => e.error.code)).toEqual(['blocked_address'])
  })

  test('local files: a WARC, an OPML list; other paths go to the files reader', async () => {
    const html = Buffer.from(page('Archived'))
    const block = Buffer.concat([
      Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n'),
      html,
    ])
    const warc = Buffer.concat([
      Buffer.from(
        `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://archive.example/x\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nContent-Length: ${block.length}\r\n\r\n`,
      ),
      block,
      Buffer.from('\r\n\r\n'),
    ])
    await writeFile(join(dir, 'crawl.warc.gz'), gzipSync(warc))
    await writeFile(
      join(dir, 'subs.opml'),
      `<opml version="1.0"><body><outline xmlUrl="${server.origin}/atom.xml"/></body></opml>`,
    )
    const handed: string[] = []
    const events = await run(
      [join(dir, 'crawl.warc.gz'), join(dir, 'subs.opml'), join(dir, 'page.html'), '-'],
      {
        readFile: async function* (arg): AsyncGenerator<SourceEvent> {
          handed.push(arg)
          yield {
            type: 'document',
            document: {
              body: 'x',
              source: { kind: 'file', location: arg },
              fetchedAt: '2024-01-01T00:00:00Z',
            },
          }
        },
      },
    )
    expect(
      docs(events).map((d) => [
        d.url?.replace(server.origin, '') ?? d.source.location,
        d.source.kind,
      ]),
    ).toEqual([
      ['https://archive.example/x', 'warc'],
      ['/news/1', 'feed'],
      [join(dir, 'page.html'), 'file'],
      ['-', 'file'],
    ])
    expect(handed).toEqual([join(dir, 'page.html'), '-'])
  })

  test('without a files reader, a local file is an error, not a crash', async () => {
    const events = await run([join(dir, 'page.html'), 'ftp://example.com/feed'])
    expect(errors(events).map((e) => e.error.code)).toEqual(['invalid_input', 'invalid_input'])
  })
})

describe('watchFeeds', () => {
  test('polls on schedule; a feed that changes yields its new entries; stops on abort', async () => {
    items = ['/news/1']
    client = newClient()
    let clock = Date.parse('2024-06-01T12:00:00Z')
    const controller = new AbortController()
    const sleeps: number[] = []
    const start: FeedState = {
      url: `${server.origin}/feed.xml`,
      failures: 0,
      intervalSeconds: 1800,
      seen: [],
    }
    const events: SourceEvent[] = []
    for await (const e of watchFeeds([start], {
      client,
      now: () => clock,
      signal: controller.signal,
      sleep: async (ms) => {
        sleeps.push(ms)
        clock += ms
        if (sleeps.length === 1) items = ['/news/2', '/news/1']
        if (sleeps.length === 3) controller.abort()
      },
    })) {
      events.push(e)
    }
    const reports = feeds(events)
    expect(reports.map((r) => [r.outcome, r.newEntries])).toEqual([
      ['ok', 1],
      ['ok', 1],
      ['not_modified', 0],
    ])
    expect(docs(events).map((d) => path(d.url))).toEqual(['/news/1', '/news/2'])
    expect(sleeps).toEqual([1_800_000, 1_800_000, 1_800_000])
  })
})

test.each([
  ['https://news.example/feed', 'url'],
  ['HTTP://NEWS.EXAMPLE/', 'url'],
  ['ftp://x.example/', 'unsupported'],
  ['crawl/CC-NEWS-2024.warc.gz', 'warc'],
  ['a.warc', 'warc'],
  ['subs.opml', 'feed-file'],
  ['sitemap.xml.gz', 'feed-file'],
  ['page.html', 'file'],
  ['dump.jsonl', 'file'],
  ['folder/', 'file'],
  ['-', 'stdin'],
])('classifySource(%s) = %s', (arg, kind) => {
  expect(classifySource(arg)).toBe(kind)
})
