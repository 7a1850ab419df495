import { readFileSync } from 'node:fs'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib'
import { afterEach, describe, expect, test } from 'vitest'
import {
  startServer,
  respond,
  type LocalServer,
  type Route,
} from '../../../test/support/local-server.js'
import { LedeError } from '../../core/index.js'
import { createHttpClient, type HttpClient, type HttpClientOptions } from './client.js'
import { fetchPage } from './fetch-page.js'

let server: LocalServer | undefined
const clients: HttpClient[] = []
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  await server?.close()
  server = undefined
})

/** A client for the local server: private addresses allowed, no politeness delay, short time-outs. */
function client(options: HttpClientOptions = {}): HttpClient {
  const c = createHttpClient({
    allowPrivate: true,
    perHostDelayMs: 0,
    retryBaseMs: 1,
    connectTimeoutMs: 1000,
    headersTimeoutMs: 1000,
    bodyTimeoutMs: 1000,
    totalTimeoutMs: 5000,
    ...options,
  })
  clients.push(c)
  return c
}

async function serve(routes: Record<string, Route>): Promise<LocalServer> {
  server = await startServer(routes)
  return server
}

/** The LedeError a promise rejects with. */
async function failure(p: Promise<unknown>): Promise<LedeError> {
  try {
    await p
  } catch (e) {
    if (e instanceof LedeError) return e
    throw e
  }
  throw new Error('expected a LedeError, got a result')
}

const PAGE = '<html><body><p>Hello, world.</p></body></html>'

describe('createHttpClient', () => {
  test('GETs a page, names Lede in the User-Agent and returns bytes and Content-Type', async () => {
    const s = await serve({ '/a': respond(PAGE, { 'content-type': 'text/html; charset=utf-8' }) })
    const res = await client().fetch(`${s.origin}/a`)
    expect(new TextDecoder().decode(res.body)).toBe(PAGE)
    expect(res.contentType).toBe('text/html; charset=utf-8')
    expect(res.status).toBe(200)
    expect(s.requests.at(-1)?.headers['user-agent']).toMatch(/^Lede\//)
    expect(s.requests.at(-1)?.headers['accept-encoding']).toContain('gzip')
  })

  test.each([
    ['gzip', gzipSync(PAGE)],
    ['br', brotliCompressSync(PAGE)],
    ['deflate', deflateSync(PAGE)],
    ['deflate', deflateRawSync(PAGE)], // raw deflate, as some servers send it
  ])('decodes Content-Encoding %s', async (encoding, bytes) => {
    const s = await serve({ '/z': respond(bytes, { 'content-encoding': encoding }) })
    const res = await client().fetch(`${s.origin}/z`)
    expect(new TextDecoder().decode(res.body)).toBe(PAGE)
  })

  test('a corrupt gzip body is fetch_failed', async () => {
    const s = await serve({ '/z': respond('not gzip at all', { 'content-encoding': 'gzip' }) })
    expect((await failure(client().fetch(`${s.origin}/z`))).code).toBe('fetch_failed')
  })

  test('conditional GET: sends If-None-Match and If-Modified-Since, returns 304 as notModified', async () => {
    const s = await serve({
      '/feed': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304, { etag: '"v1"' })
          res.end()
          return
        }
        res.writeHead(200, { etag: '"v1"', 'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT' })
        res.end('<rss/>')
      },
    })
    const c = client()
    const first = await c.fetch(`${s.origin}/feed`)
    expect(first).toMatchObject({ status: 200, notModified: false, etag: '"v1"' })
    const second = await c.fetch(`${s.origin}/feed`, {
      etag: first.etag,
      lastModified: first.lastModified,
    })
    expect(second).toMatchObject({ status: 304, notModified: true })
    expect(second.body.length).toBe(0)
    expect(s.requests.at(-1)?.headers['if-modified-since']).toBe('Mon, 01 Jan 2024 00:00:00 GMT')
  })

  describe('size cap', () => {
    const MB = 1024 * 1024
    /** Streams `total` bytes without Content-Length and records how much it managed to write. */
    function bigBody(total: number, written: { bytes: number }): Route {
      return (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' })
        const chunk = Buffer.alloc(64 * 1024, 'a')
        const pump = (): void => {
          while (written.bytes < total) {
            written.bytes += chunk.length
            if (!res.write(chunk)) {
              res.once('drain', pump)
              return
            }
          }
          res.end()
        }
        res.on('close', () => {
          written.bytes = Math.min(written.bytes, total)
        })
        pump()
      }
    }

    test('a 50 MB streamed feed is cut off at the 10 MB default, without reading it all', async () => {
      const written = { bytes: 0 }
      const s = await serve({ '/huge.xml': bigBody(50 * MB, written) })
      const e = await failure(client().fetch(`${s.origin}/huge.xml`))
      expect(e.code).toBe('too_large')
      expect(written.bytes).toBeLessThan(50 * MB)
    })

    test('a declared Content-Length over the cap is refused before the body is read', async () => {
      const s = await serve({
        '/big': (_req, res) => {
          res.writeHead(200, { 'content-length': String(20 * MB) })
          res.write('x')
        },
      })
      const e = await failure(client().fetch(`${s.origin}/big`))
      expect(e).toMatchObject({ code: 'too_large' })
    })

    test('a gzip bomb is measured after decoding', async () => {
      const bomb = gzipSync(Buffer.alloc(30 * MB, 0))
      const s = await serve({ '/bomb': respond(bomb, { 'content-encoding': 'gzip' }) })
      expect(bomb.length).toBeLessThan(MB)
      expect((await failure(client().fetch(`${s.origin}/bomb`))).code).toBe('too_large')
    })

    test('truncate keeps the first maxBytes', async () => {
      const s = await serve({ '/t': respond('0123456789') })
      const res = await client().fetch(`${s.origin}/t`, { maxBytes: 4, truncate: true })
      expect(new TextDecoder().decode(res.body)).toBe('0123')
    })
  })

  describe('redirects', () => {
    test('follows relative redirects and reports the final URL', async () => {
      const s = await serve({
        '/old': respond('', { location: '/new' }, 301),
        '/new': respond(PAGE),
      })
      const res = await client().fetch(`${s.origin}/old`)
      expect(res.url).toBe(`${s.origin}/new`)
      expect(res.redirects).toEqual([`${s.origin}/new`])
    })

    test('a redirect loop is too_many_redirects, named as a loop', async () => {
      const s = await serve({
        '/a': respond('', { location: '/b' }, 302),
        '/b': respond('', { location: '/a' }, 302),
      })
      const e = await failure(client().fetch(`${s.origin}/a`))
      expect(e.code).toBe('too_many_redirects')
      expect(e.message).toMatch(/loop/)
    })

    test('a chain longer than the cap is too_many_redirects', async () => {
      const routes: Record<string, Route> = {}
      for (let i = 0; i < 10; i++) routes[`/r${i}`] = respond('', { location: `/r${i + 1}` }, 307)
      const s = await serve(routes)
      const e = await failure(client({ maxRedirects: 3 }).fetch(`${s.origin}/r0`))
      expect(e.code).toBe('too_many_redirects')
      expect(s.paths().filter((p) => /^\/r\d/.test(p))).toHaveLength(4)
    })
  })

  describe('time-outs', () => {
    test('a server that never answers is fetch_timeout', async () => {
      const s = await serve({ '/slow': () => undefined })
      const e = await failure(client({ headersTimeoutMs: 150 }).fetch(`${s.origin}/slow`))
      expect(e.code).toBe('fetch_timeout')
    })

    test('a body that stalls is fetch_timeout', async () => {
      const s = await serve({
        '/stall': (_req, res) => {
          res.writeHead(200)
          res.write('<rss>')
        },
      })
      const e = await failure(client({ bodyTimeoutMs: 150 }).fetch(`${s.origin}/stall`))
      expect(e.code).toBe('fetch_timeout')
    })

    test('a body dripping just fast enough to dodge the idle time-out meets the deadline', async () => {
      const s = await serve({
        '/drip': (_req, res) => {
          res.writeHead(200)
          const timer = setInterval(() => res.write('.'), 20)
          res.on('close', () => clearInterval(timer))
        },
      })
      const e = await failure(
        client({ bodyTimeoutMs: 1000, totalTimeoutMs: 300 }).fetch(`${s.origin}/drip`),
      )
      expect(e.code).toBe('fetch_timeout')
    })
  })

  describe('robots.txt', () => {
    test('a disallowed path is refused without being requested', async () => {
      const s = await serve({
        '/robots.txt': respond('User-agent: *\nDisallow: /private/\n'),
        '/private/page': respond(PAGE),
        '/public': respond(PAGE),
      })
      const c = client({ respectRobots: true })
      const e = await failure(c.fetch(`${s.origin}/private/page`))
      expect(e.code).toBe('robots_disallowed')
      await c.fetch(`${s.origin}/public`)
      expect(s.paths()).toEqual(['/robots.txt', '/public']) // fetched once, cached
    })

    test('rules for Lede by name apply', async () => {
      const s = await serve({
        '/robots.txt': respond('User-agent: Lede\nDisallow: /\n\nUser-agent: *\nAllow: /\n'),
        '/a': respond(PAGE),
      })
      expect((await failure(client().fetch(`${s.origin}/a`))).code).toBe('robots_disallowed')
    })

    test('robots.txt answering 404 allows everything', async () => {
      const s = await serve({ '/a': respond(PAGE) })
      await expect(client().fetch(`${s.origin}/a`)).resolves.toMatchObject({ status: 200 })
    })

    test('robots.txt answering 503 closes the site (RFC 9309), with a clear message', async () => {
      const s = await serve({ '/robots.txt': respond('', {}, 503), '/a': respond(PAGE) })
      const e = await failure(client({ retries: 0 }).fetch(`${s.origin}/a`))
      expect(e.code).toBe('robots_disallowed')
      expect(e.message).toMatch(/unreachable/)
      expect(s.paths()).not.toContain('/a')
    })

    test('Crawl-delay spaces requests to the host', async () => {
      const s = await serve({
        '/robots.txt': respond('User-agent: *\nCrawl-delay: 5\n'),
        '/a': respond(PAGE),
        '/b': respond(PAGE),
      })
      let clock = 1_000_000
      const sleeps: number[] = []
      const c = client({
        now: () => clock,
        sleep: async (ms) => {
          sleeps.push(ms)
          clock += ms
        },
      })
      await c.fetch(`${s.origin}/a`)
      await c.fetch(`${s.origin}/b`)
      expect(sleeps).toEqual([5000])
    })
  })

  describe('retries', () => {
    function flaky(statuses: number[], headers: Record<string, string> = {}): Route {
      let i = 0
      return (_req, res) => {
        const status = statuses[Math.min(i++, statuses.length - 1)]!
        res.writeHead(status, status === 200 ? {} : headers)
        res.end(status === 200 ? PAGE : 'busy')
      }
    }

    test('429 with Retry-After: waits as told, then succeeds', async () => {
      const s = await serve({ '/a': flaky([429, 200], { 'retry-after': '2' }) })
      const sleeps: number[] = []
      const c = client({ sleep: async (ms) => void sleeps.push(ms) })
      const res = await c.fetch(`${s.origin}/a`)
      expect(res.status).toBe(200)
      expect(sleeps).toEqual([2000])
    })

    test('a Retry-After longer than the client waits fails at once with retryAfterMs', async () => {
      const s = await serve({ '/a': flaky([429], { 'retry-after': '3600' }) })
      const sleeps: number[] = []
      const e = await failure(
        client({ sleep: async (ms) => void sleeps.push(ms) }).fetch(`${s.origin}/a`),
      )
      expect(e).toMatchObject({
        code: 'http_status',
        detail: { status: 429, retryAfterMs: 3_600_000 },
      })
      expect(sleeps).toEqual([])
      expect(s.paths().filter((p) => p === '/a')).toHaveLength(1)
    })

    test('Retry-After as an HTTP date', async () => {
      const now = Date.parse('2024-01-01T00:00:00Z')
      const s = await serve({
        '/a': flaky([503, 200], { 'retry-after': 'Mon, 01 Jan 2024 00:00:07 GMT' }),
      })
      const sleeps: number[] = []
      const c = client({ now: () => now, sleep: async (ms) => void sleeps.push(ms) })
      await c.fetch(`${s.origin}/a`)
      expect(sleeps).toEqual([7000])
    })

    test('5xx without Retry-After backs off exponentially, then reports the status', async () => {
      const s = await serve({ '/a': flaky([502]) })
      const sleeps: number[] = []
      const c = client({
        retries: 3,
        retryBaseMs: 100,
        random: () => 0.5,
        sleep: async (ms) => void sleeps.push(ms),
      })
      const e = await failure(c.fetch(`${s.origin}/a`))
      expect(e).toMatchObject({ code: 'http_status', detail: { status: 502 } })
      expect(sleeps).toEqual([75, 150, 300])
      expect(s.paths().filter((p) => p === '/a')).toHaveLength(4)
    })

    test('404 is not retried', async () => {
      const s = await serve({ '/robots.txt': respond('') })
      const e = await failure(client().fetch(`${s.origin}/missing`))
      expect(e).toMatchObject({ code: 'http_status', detail: { status: 404 } })
      expect(s.paths()).toEqual(['/robots.txt', '/missing'])
    })
  })

  test('per-host concurrency: never more requests in flight than allowed', async () => {
    let inFlight = 0
    let most = 0
    const s = await serve({
      '/slow': (_req, res) => {
        inFlight++
        most = Math.max(most, inFlight)
        setTimeout(() => {
          inFlight--
          res.end(PAGE)
        }, 30)
      },
    })
    const c = client({ perHostConcurrency: 2 })
    await Promise.all(Array.from({ length: 6 }, () => c.fetch(`${s.origin}/slow`)))
    expect(most).toBe(2)
  })

  test('acceptContentType refuses a body before reading it', async () => {
    const s = await serve({
      '/a.mp3': respond(Buffer.alloc(1000), { 'content-type': 'audio/mpeg' }),
    })
    const e = await failure(
      client().fetch(`${s.origin}/a.mp3`, {
        acceptContentType: (t) => t?.startsWith('text/') === true,
      }),
    )
    expect(e.code).toBe('unsupported_content')
  })

  test('onFetch records every exchange, redirects and errors included', async () => {
    const s = await serve({ '/old': respond('', { location: '/new' }, 301), '/new': respond(PAGE) })
    const records: { url: string; outcome: string; status?: number }[] = []
    const c = client({ onFetch: (r) => records.push(r) })
    await c.fetch(`${s.origin}/old`)
    await failure(c.fetch(`${s.origin}/gone`))
    expect(records.map((r) => [r.url.replace(s.origin, ''), r.outcome, r.status])).toEqual([
      ['/robots.txt', 'error', 404],
      ['/old', 'redirect', 301],
      ['/new', 'ok', 200],
      ['/gone', 'error', 404],
    ])
  })
})

describe('address guard in the client', () => {
  /** A resolver that knows a few test names and fails for everything else. */
  const names: Record<string, string[]> = {
    'loopback.test': ['127.0.0.1'],
    'metadata.test': ['169.254.169.254'],
    'mixed.test': ['127.0.0.1', '10.1.2.3'],
  }
  const resolver = async (host: string): Promise<string[]> => {
    const a = names[host]
    if (a === undefined) throw new Error(`ENOTFOUND ${host}`)
    return a
  }

  test('refuses 127.0.0.1 by default, without sending a request', async () => {
    const s = await serve({ '/a': respond(PAGE) })
    const e = await failure(client({ allowPrivate: false, resolver }).fetch(`${s.origin}/a`))
    expect(e.code).toBe('blocked_address')
    expect(s.requests).toHaveLength(0)
  })

  test('refuses a host name that resolves to 127.0.0.1', async () => {
    const s = await serve({ '/a': respond(PAGE) })
    const e = await failure(
      client({ allowPrivate: false, resolver }).fetch(`http://loopback.test:${s.port}/a`),
    )
    expect(e.code).toBe('blocked_address')
    expect(e.message).toMatch(/127\.0\.0\.1/)
    expect(s.requests).toHaveLength(0)
  })

  test('allowPrivate lets a resolved name through, resolving it once and using that address', async () => {
    const s = await serve({ '/a': respond(PAGE) })
    const asked: string[] = []
    const counting = async (host: string) => {
      asked.push(host)
      return resolver(host)
    }
    const c = client({ allowPrivate: true, resolver: counting, respectRobots: false })
    await c.fetch(`http://loopback.test:${s.port}/a`)
    expect(asked).toEqual(['loopback.test'])
    expect(s.requests[0]?.headers.host).toBe(`loopback.test:${s.port}`)
  })

  // The local server stands in for "the internet": the policy allows exactly its address, and
  // everything a redirect points at is judged by the default rules.
  const asIfPublic = {
    allowPrivate: false,
    allowAddress: (a: string) => a === '127.0.0.1',
    resolver,
  }

  test.each([
    ['a name resolving to the metadata address', 'http://metadata.test/latest/meta-data/'],
    ['a name mixing public and private addresses', 'http://mixed.test/'],
    ['an IPv6 loopback literal', 'http://[::1]/'],
    ['an IPv4-mapped IPv6 literal', 'http://[::ffff:10.0.0.1]/'],
    ['a private IPv4 literal', 'http://10.0.0.1/'],
    ['a decimal-encoded private address', 'http://167772161/'],
    ['a file URL', 'file:///etc/passwd'],
  ])('refuses a redirect to %s', async (_name, target) => {
    const s = await serve({ '/go': respond('', { location: target }, 302) })
    const e = await failure(client(asIfPublic).fetch(`${s.origin}/go`))
    expect(e.code).toBe('blocked_address')
    expect(s.paths()).toEqual(['/robots.txt', '/go'])
  })

  test.each(['ftp://example.com/', 'gopher://example.com/', 'data:text/html,hi'])(
    'refuses the scheme of %s',
    async (url) => {
      expect((await failure(client({ allowPrivate: false, resolver }).fetch(url))).code).toBe(
        'blocked_address',
      )
    },
  )
})

describe('TLS', () => {
  const fixture = (name: string) =>
    readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')
  const cert = fixture('news-test.cert.pem')

  test('connects to the checked address, and verifies the certificate against the host name', async () => {
    const tlsServer = createHttpsServer({ key: fixture('news-test.key.pem'), cert }, (req, res) => {
      res.end(`secure ${req.headers.host}`)
    })
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve))
    const { port } = tlsServer.address() as AddressInfo
    try {
      const resolver = async () => ['127.0.0.1']
      const c = client({ resolver, ca: cert })
      const res = await c.fetch(`https://news.test:${port}/`)
      expect(new TextDecoder().decode(res.body)).toBe(`secure news.test:${port}`)
      // Same address, another name: the certificate does not cover it.
      const e = await failure(c.fetch(`https://wrong.test:${port}/`))
      expect(e.code).toBe('fetch_failed')
      expect(e.message).toMatch(/altnames/)
      // Without the CA, the self-signed certificate is refused.
      expect((await failure(client({ resolver }).fetch(`https://news.test:${port}/`))).code).toBe(
        'fetch_failed',
      )
    } finally {
      tlsServer.closeAllConnections()
      await new Promise((resolve) => tlsServer.close(resolve))
    }
  })
})

describe('fetchPage', () => {
  test('fetches one page (robots.txt not consulted) and refuses private addresses by default', async () => {
    const s = await serve({
      '/robots.txt': respond('User-agent: *\nDisallow: /\n'),
      '/p': respond(PAGE, { 'content-type': 'text/html' }),
    })
    const page = await fetchPage(`${s.origin}/p`, { allowPrivate: true })
    expect(page).toMatchObject({ url: `${s.origin}/p`, contentType: 'text/html' })
    expect(new TextDecoder().decode(page.bytes)).toBe(PAGE)
    expect((await failure(fetchPage(`${s.origin}/p`))).code).toBe('blocked_address')
    expect(s.paths()).toEqual(['/p'])
  })
})
