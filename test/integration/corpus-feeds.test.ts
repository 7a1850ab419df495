/**
 * `lede ingest` on network sources, against a feed served on 127.0.0.1: documents for the
 * entries, the feed registered with its health and poll state, a conditional GET on the next run,
 * the fetch log, and the address guard (refused without --allow-private). Hand-made fixtures.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CommandIo, IngestFlags } from '../../src/cli/commands/ingest.js'
import { runIngest } from '../../src/cli/commands/ingest.js'
import { runSources } from '../../src/cli/commands/sources.js'
import { openStore } from '../../src/store/index.js'
import type { LocalServer } from '../support/local-server.js'
import { respond, startServer } from '../support/local-server.js'

const page = (title: string, body: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p></article></body></html>`

function capture(): { io: CommandIo; out: () => string } {
  const stdout = new PassThrough()
  let text = ''
  stdout.on('data', (d: Buffer) => {
    text += d.toString()
  })
  return {
    io: {
      stdout,
      stderr: new PassThrough() as unknown as NodeJS.WriteStream,
      stdin: Readable.from([]),
      env: {},
    },
    out: () => text,
  }
}

describe('lede ingest <feed URL>', () => {
  let server: LocalServer
  let dir: string
  let db: string
  const flags = (more: Partial<IngestFlags> = {}): IngestFlags => ({
    db,
    analyze: true,
    raw: true,
    format: 'auto',
    quiet: true,
    // Analysis on this thread: worker start-up (models, tsx) would double these tests' time;
    // the worker path has its own test (src/pipeline/analyze-pool.test.ts) and the crash test.
    workers: 0,
    allowPrivate: true,
    ...more,
  })
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lede-feeds-'))
    db = join(dir, 'lede.db')
    let origin = ''
    const rss =
      () => `<?xml version="1.0"?><rss version="2.0"><channel><title>Local News</title><link>${origin}/</link>
      <item><title>Council approves budget</title><link>${origin}/a</link><guid>a</guid><pubDate>Mon, 10 Mar 2014 16:00:00 GMT</pubDate></item>
      <item><title>River floods the old town</title><link>${origin}/b</link><guid>b</guid><pubDate>Tue, 11 Mar 2014 08:00:00 GMT</pubDate></item>
      </channel></rss>`
    server = await startServer({
      '/feed.xml': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304)
          res.end()
          return
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' })
        res.end(rss())
      },
      '/a': respond(
        page(
          'Council approves budget',
          'The council approved the budget on Monday after a long debate.',
        ),
        { 'content-type': 'text/html' },
      ),
      '/b': respond(
        page('River floods the old town', 'The river rose overnight and flooded the old town.'),
        { 'content-type': 'text/html' },
      ),
    })
    origin = server.origin
  })
  afterAll(async () => {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  })

  test('the feed is refused without --allow-private: loopback is not a public address', async () => {
    const c = capture()
    const code = await runIngest(
      [`${server.origin}/feed.xml`],
      flags({ allowPrivate: false, db: join(dir, 'guarded.db') }),
      c.io,
    )
    expect(code).toBe(1)
    expect(JSON.parse(c.out())).toMatchObject({
      documents: 1,
      failed: 1,
      errors: { blocked_address: 1 },
    })
    expect(server.paths()).toEqual([])
  })

  test('entries become documents; the feed is followed with its health; the next run asks conditionally', async () => {
    const first = capture()
    await runIngest([`${server.origin}/feed.xml`], flags(), first.io)
    const s1 = JSON.parse(first.out())
    // Each entry is stored or recorded as a failure (by extraction), never lost.
    expect(s1.documents).toBe(2)
    expect(s1.inserted + s1.failed).toBe(2)
    expect(server.paths()).toEqual(expect.arrayContaining(['/feed.xml', '/a', '/b']))

    const store = openStore({ path: db })
    try {
      const [src] = await store.listSources()
      expect(src).toMatchObject({
        url: `${server.origin}/feed.xml`,
        kind: 'feed',
        title: 'Local News',
        etag: '"v1"',
        failures: 0,
        itemCount: s1.inserted,
      })
      expect(src?.lastOkAt).toBeDefined()
      expect(src?.nextFetchAt).toBeDefined()
      expect((src?.pollState as { seen: string[] } | undefined)?.seen).toHaveLength(2)
      const log = await store.recentFetches({ url: `${server.origin}/feed.xml` })
      expect(log[0]).toMatchObject({ status: 200, outcome: 'ok' })
    } finally {
      await store.close()
    }

    const second = capture()
    await runIngest([`${server.origin}/feed.xml`], flags(), second.io)
    expect(JSON.parse(second.out())).toMatchObject({ documents: 0 })
    expect(
      server.requests.filter((r) => r.path === '/feed.xml').at(-1)?.headers['if-none-match'],
    ).toBe('"v1"')

    const listed = capture()
    await runSources({ db, json: true }, listed.io)
    expect(JSON.parse(listed.out())).toMatchObject({
      url: `${server.origin}/feed.xml`,
      health: 'ok',
    })
  })
})
