/**
 * The reader, the API and the feeds through `app.request` on an in-memory store holding the
 * hand-made fixture corpus (test/support/reader-corpus.ts).
 */
import { Writable } from 'node:stream'
import { XMLValidator } from 'fast-xml-parser'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createHttpClient } from '../../src/ingest/index.js'
import type { Hono } from 'hono'
import type { AppEnv, IngestService } from '../../src/server/index.js'
import { createApp, createIngestService } from '../../src/server/index.js'
import type { Store } from '../../src/store/index.js'
import { openStore } from '../../src/store/index.js'
import { startServer as startLocal, type LocalServer } from '../support/local-server.js'
import { buildReaderCorpus, pageHtml, READER_PAGES } from '../support/reader-corpus.js'

let store: Store
let app: Hono<AppEnv>
let ids: Map<string, string>
let ingest: IngestService
let site: LocalServer
const logLines: Record<string, unknown>[] = []

const [BARRIER, WIRE, COPY, STRIKE] = READER_PAGES.map((p) => p.url) as [
  string,
  string,
  string,
  string,
]
const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers })

beforeAll(async () => {
  store = openStore({ path: ':memory:' })
  ids = await buildReaderCorpus(store)
  const extra = {
    ...READER_PAGES[3]!,
    url: 'http://127.0.0.1/placeholder',
    title: 'Ferry service resumes after winter repairs',
    paragraphs: [
      'The ferry between Port Ellis and the islands resumed on Monday after three months of repairs to its hull and engines, the operator said.',
      'Passengers queued from dawn at the harbour, and the first crossing left twenty minutes late because of the crowds waiting to board with bicycles and cars.',
      'The operator said timetables would return to normal by the end of the week, with six crossings a day in each direction until the summer season begins.',
    ],
    quotes: [],
    people: [],
  }
  site = await startLocal({
    '/ferry': (_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8')
      res.end(pageHtml({ ...extra, url: `${site.origin}/ferry` }))
    },
  })
  const client = createHttpClient({ allowPrivate: true, respectRobots: false, perHostDelayMs: 0 })
  ingest = createIngestService({ store, client })
  const logger = pino(
    { base: null },
    new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean))
          logLines.push(JSON.parse(line))
        done()
      },
    }),
  )
  app = createApp({ store, ingest, logger })
})

afterAll(async () => {
  await ingest.close()
  await site.close()
  await store.close()
})

describe('pages', () => {
  test('front page: stories with outlet count, time span and people', async () => {
    const res = await get('/')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Port Ellis approves a flood barrier for the waterfront')
    expect(html).toContain('3 articles from 3 outlets')
    expect(html).toContain('href="/entity/person%3Amaria-lopez"')
    expect(html).toMatch(/<main id="main"/)
  })

  test('front page filters by source', async () => {
    const html = await (await get('/?source=wire.example')).text()
    expect(html).toContain('Coastal town backs')
    expect(html).not.toContain('Regional rail strike ends')
  })

  test('story page: copies folded under their origin, a quote shown once with its carriers', async () => {
    const html = await (await get(`/story/${ids.get(BARRIER)}`)).text()
    expect(html).toContain('1 copy of this article elsewhere')
    expect(html).toContain('Daily Tide')
    const quote = 'This barrier will protect every home on the waterfront for fifty years'
    expect(html.split(`<blockquote>${quote}</blockquote>`).length - 1).toBe(1)
    expect(html).toMatch(
      /carried by .*Port Ellis Gazette.*Coastal Wire|carried by .*Coastal Wire.*Port Ellis Gazette/s,
    )
  })

  test('article page: quote highlighted, speaker linked, cast, removed, share, related', async () => {
    const res = await get(`/article/${ids.get(BARRIER)}`)
    const html = await res.text()
    expect(html).toMatch(
      /<mark class="quote" data-quote="q1">This barrier will protect every home on the waterfront for fifty years<\/mark>,&quot;<a class="speaker" href="\/entity\/person%3Amaria-lopez">— Maria Lopez<\/a>/,
    )
    expect(html).toContain('Who is in this article')
    expect(html).toContain('Mayor of Port Ellis')
    expect(html).toMatch(/What extraction removed \(\d+\)/)
    expect(html).toContain('mailto:?subject=')
    expect(html).toContain('data-copy="http://localhost/article/')
    expect(html).toContain('You May Also Like')
    expect(html).toContain(`/article/${ids.get(WIRE)}`)
  })

  test('entity page: chart, quotes, co-entities', async () => {
    const html = await (await get('/entity/person%3Amaria-lopez')).text()
    expect(html).toContain('<svg')
    expect(html).toContain('What they said')
    expect(html).toContain('This barrier will protect every home')
    expect(html).toContain('Appears with')
    expect(html).toContain('/feeds/entity/person%3Amaria-lopez/quotes.atom')
  })

  test('search highlights matches; quote search finds who said what', async () => {
    const html = await (await get('/search?q=barrier')).text()
    expect(html).toMatch(/<mark>barrier<\/mark>/i)
    const quotes = await (await get('/search?mode=quotes&speaker=Ana+Silva&q=members')).text()
    expect(quotes).toContain('<mark>members</mark>')
    expect(quotes).toContain('href="/entity/person%3Aana-silva"')
  })

  test('a bad search query is a 400 page with the reason, not a crash', async () => {
    const res = await get('/search?q=x&from=yesterday')
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('role="alert"')
  })

  test('unknown pages and articles are 404 pages', async () => {
    expect((await get('/article/nope')).status).toBe(404)
    expect((await get('/no/such/page')).status).toBe(404)
  })
})

describe('headers', () => {
  test('security headers on pages, API and errors', async () => {
    for (const path of ['/', '/api/v1/articles', '/nope', '/api/v1/nope']) {
      const res = await get(path)
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("default-src 'none'")
      expect(csp).not.toContain('unsafe-inline')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    }
  })

  test('pages carry no inline script', async () => {
    for (const path of ['/', `/article/${ids.get(BARRIER)}`, '/sources', '/search?q=x']) {
      const html = await (await get(path)).text()
      for (const m of html.matchAll(/<script\b[^>]*>/g)) expect(m[0]).toMatch(/ src="\/static\//)
      expect(html).not.toMatch(/ on[a-z]+="/)
      expect(html).not.toMatch(/ style="/)
    }
  })

  test('ETag and 304; Cache-Control by kind', async () => {
    const first = await get(`/article/${ids.get(BARRIER)}`)
    const tag = first.headers.get('etag')
    expect(tag).toBeTruthy()
    expect(first.headers.get('cache-control')).toBe('no-cache')
    const again = await get(`/article/${ids.get(BARRIER)}`, { 'if-none-match': tag! })
    expect(again.status).toBe(304)
    expect((await get('/feeds/front.atom')).headers.get('cache-control')).toBe(
      'public, max-age=300',
    )
    const html = await (await get('/')).text()
    const css = /href="(\/static\/app\.[0-9a-f]+\.css)"/.exec(html)![1]!
    expect((await get(css)).headers.get('cache-control')).toContain('immutable')
    expect((await get('/nope')).headers.get('cache-control')).toBe('no-store')
  })

  test('compression when asked for', async () => {
    const res = await get(`/article/${ids.get(BARRIER)}`, { 'accept-encoding': 'gzip' })
    expect(res.headers.get('content-encoding')).toBe('gzip')
  })

  test('one JSON log line per request with fixed keys', async () => {
    logLines.length = 0
    await get('/api/v1/stories')
    expect(logLines).toHaveLength(1)
    expect(logLines[0]).toMatchObject({
      event: 'http_request',
      method: 'GET',
      path: '/api/v1/stories',
      status: 200,
    })
    expect(typeof logLines[0]!['duration_ms']).toBe('number')
    expect(typeof logLines[0]!['request_id']).toBe('string')
  })
})

describe('feeds', () => {
  test.each([
    ['/feeds/front.atom', 'Port Ellis approves'],
    [() => `/feeds/story/${ids.get(BARRIER)}.atom`, 'Coastal town backs'],
    ['/feeds/entity/person%3Amaria-lopez/quotes.atom', 'This barrier will protect'],
    ['/feeds/search.atom?q=strike', 'Regional rail strike ends'],
    ['/feeds/search.atom?mode=quotes&speaker=Ana%20Silva', 'Our members held firm'],
  ])('%s is well-formed Atom', async (path, expected) => {
    const res = await get(typeof path === 'function' ? path() : path)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/atom+xml')
    const xml = await res.text()
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">')
    expect(xml).toContain(expected)
  })

  test('a missing story feed is a 404', async () => {
    expect((await get('/feeds/story/nope.atom')).status).toBe(404)
  })
})

describe('API', () => {
  test('articles: cursor paging walks every article once', async () => {
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const res = await get(
        `/api/v1/articles?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      )
      const body = (await res.json()) as { items: { id: string }[]; nextCursor?: string }
      seen.push(...body.items.map((i) => i.id))
      cursor = body.nextCursor
    } while (cursor)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen.length).toBe(4)
  })

  test('article detail carries the Article, annotations, keys and related', async () => {
    const body = (await (await get(`/api/v1/articles/${ids.get(COPY)}`)).json()) as Record<
      string,
      unknown
    >
    expect(body['article']).toMatchObject({ schema: 'lede.article/1', siteName: 'Daily Tide' })
    expect(body['copyOf']).toBe(ids.get(WIRE))
    expect(Array.isArray(body['related'])).toBe(true)
  })

  test.each([
    ['/api/v1/articles/nope', 404, 'not_found'],
    ['/api/v1/stories/nope', 404, 'not_found'],
    ['/api/v1/entities/person%3Anobody', 404, 'not_found'],
    ['/api/v1/articles?limit=0', 400, 'invalid_input'],
    ['/api/v1/search?from=yesterday', 400, 'invalid_input'],
    ['/api/v1/search?hasQuotes=maybe', 400, 'invalid_input'],
    ['/api/v1/ingest/jobs/nope', 404, 'not_found'],
    ['/api/v1/nothing', 404, 'not_found'],
  ])('GET %s → %i {error: {code: %s}}', async (path, status, code) => {
    const res = await get(path)
    expect(res.status).toBe(status)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe(code)
    expect(body.error.message.length).toBeGreaterThan(0)
  })

  test('stories, entities, quotes, search and sources answer', async () => {
    const stories = (await (await get('/api/v1/stories')).json()) as { items: unknown[] }
    expect(stories.items).toHaveLength(2)
    const entities = (await (await get('/api/v1/entities?type=person')).json()) as {
      items: { key: string }[]
    }
    expect(entities.items.map((e) => e.key)).toContain('person:maria-lopez')
    const quotes = (await (await get('/api/v1/quotes?speaker=Maria%20Lopez')).json()) as {
      items: { speakerKey: string }[]
    }
    expect(quotes.items.length).toBeGreaterThan(0)
    const hits = (await (await get('/api/v1/search?q=ferry%20OR%20strike')).json()) as {
      items: { snippet: string }[]
    }
    expect(hits.items.length).toBeGreaterThan(0)
    expect((await get('/api/v1/sources')).status).toBe(200)
  })

  test('OpenAPI 3.1 document lists every route with its schemas', async () => {
    const doc = (await (await get('/api/v1/openapi.json')).json()) as {
      openapi: string
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>
    }
    expect(doc.openapi).toBe('3.1.0')
    for (const p of [
      '/api/v1/articles',
      '/api/v1/articles/{id}',
      '/api/v1/stories/{id}',
      '/api/v1/entities/{key}/quotes',
      '/api/v1/search',
      '/api/v1/quotes',
      '/api/v1/sources',
      '/api/v1/ingest',
      '/api/v1/ingest/jobs/{id}',
    ])
      expect(doc.paths[p], p).toBeDefined()
    expect(doc.paths['/api/v1/search']!['get']!.parameters!.map((x) => x.name)).toContain('speaker')
  })

  test('POST /ingest with HTML stores it now (201)', async () => {
    const page = READER_PAGES[3]!
    const res = await app.request('/api/v1/ingest', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        html: pageHtml({
          ...page,
          url: 'https://posted.example/x',
          title: 'A posted page about trains',
        }),
        url: 'https://posted.example/x',
      }),
    })
    expect(res.status).toBe(201)
    const body = (await res.json()) as { id: string; outcome: string }
    expect(body.outcome).toBe('inserted')
    expect((await get(`/api/v1/articles/${body.id}`)).status).toBe(200)
  })

  test.each([
    [{ url: 'javascript:alert(1)' }, 400],
    [{ url: 'https://x.example', html: '<p>both</p>', text: 'and this' }, 400],
    [{ nothing: true }, 400],
    [{ text: '' }, 400],
  ])('POST /ingest %j → %i', async (body, status) => {
    const res = await app.request('/api/v1/ingest', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(res.status).toBe(status)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_input')
  })

  test('POST /ingest needs JSON', async () => {
    const res = await app.request('/api/v1/ingest', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'http://localhost' },
      body: 'hello',
    })
    expect(res.status).toBe(415)
  })

  test('POST /ingest with a URL runs a background job that stores the page', async () => {
    const res = await app.request('/api/v1/ingest', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${site.origin}/ferry` }),
    })
    expect(res.status).toBe(202)
    const job = (await res.json()) as { id: string }
    let state = ''
    let body: { state: string; inserted: number; articleIds: string[] } | undefined
    for (let i = 0; i < 100 && state !== 'done' && state !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 50))
      body = (await (await get(`/api/v1/ingest/jobs/${job.id}`)).json()) as typeof body
      state = body!.state
    }
    expect(state).toBe('done')
    expect(body!.inserted).toBe(1)
    const article = (await (await get(`/api/v1/articles/${body!.articleIds[0]}`)).json()) as {
      title: string
    }
    expect(article.title).toBe('Ferry service resumes after winter repairs')
  })
})

describe('the add-a-feed form', () => {
  test('a form post from another origin is refused', async () => {
    const res = await app.request('/sources', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
      },
      body: 'url=https%3A%2F%2Fexample.com%2Ffeed',
    })
    expect(res.status).toBe(403)
  })

  test('an invalid address re-shows the form with the reason', async () => {
    const res = await app.request('/sources', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: 'url=ftp%3A%2F%2Fexample.com',
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('role="alert"')
  })

  test('a valid address starts a job and redirects to its progress page', async () => {
    const res = await app.request('/sources', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: `url=${encodeURIComponent(`${site.origin}/ferry`)}`,
    })
    expect(res.status).toBe(303)
    const where = res.headers.get('location')!
    expect(where).toMatch(/^\/sources\/jobs\//)
    const page = await (await get(where)).text()
    expect(page).toMatch(/data-job="[^"]+"/)
    expect(page).toContain(`${site.origin}/ferry`)
  })
})

test('fixture corpus sanity: every page was stored', () => {
  expect([BARRIER, WIRE, COPY, STRIKE].every((u) => ids.has(u))).toBe(true)
})
