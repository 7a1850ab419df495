/**
 * `lede serve` and the demo corpus: the demo site is served on loopback and read back through the
 * pipeline (a small bundle made from the first articles of demo/wikinews.jsonl.gz), the marker
 * makes later starts reuse the database, and the server starts, answers and stops gracefully.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, test } from 'vitest'
import { resolvePort, runServe } from '../../src/cli/commands/serve.js'
import type { RunningServer } from '../../src/server/index.js'
import { demoMarker, loadDemo, readDemoBundle } from '../../src/server/index.js'
import { openStore } from '../../src/store/index.js'

const dir = mkdtempSync(join(tmpdir(), 'lede-serve-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the demo corpus', () => {
  test('is served on loopback and ingested through feeds and pages; the marker is written', async () => {
    const sample = [...readDemoBundle().slice(0, 3), ...readDemoBundle().slice(-2)]
    const bundle = join(dir, 'bundle.jsonl.gz')
    writeFileSync(bundle, gzipSync(sample.map((a) => JSON.stringify(a)).join('\n')))
    const dbPath = join(dir, 'demo.db')
    const store = openStore({ path: dbPath })
    const progress: number[] = []
    const { summary, total } = await loadDemo({
      store,
      dbPath,
      bundle,
      onProgress: (done) => progress.push(done),
    })
    expect(total).toBe(5)
    expect(summary.inserted).toBe(5)
    expect(progress.at(-1)).toBe(5)
    const sources = await store.listSources()
    expect(sources.length).toBe(new Set(sample.map((a) => a.date.slice(0, 4))).size)
    expect(sources.every((s) => s.itemCount > 0 && s.lastOkAt !== undefined)).toBe(true)
    const articles = (await store.listArticles({})).items
    expect(articles.every((a) => a.siteName === 'Wikinews')).toBe(true)
    // Linked as they were stored: every article is in a story.
    expect(articles.every((a) => a.storyId !== undefined)).toBe(true)
    expect((await store.listStories({})).items.length).toBeGreaterThan(0)
    const stored = await store.getArticle(articles[0]!.id)
    expect(stored?.article.canonicalUrl).toMatch(/^https:\/\/en\.wikinews\.org\/wiki\//)
    expect(stored?.article.text).not.toContain("Lede's own rendering")
    expect(demoMarker(dbPath)).toMatchObject({ articles: 5, stored: 5 })
    await store.close()
  })
})

describe('lede serve', () => {
  test.each([
    [undefined, {}, 8080],
    [undefined, { PORT: '9001' }, 9001],
    ['9002', { PORT: '9001' }, 9002],
  ])('port flag %s with env %j → %i', (flag, env, port) => {
    expect(resolvePort(flag, env)).toBe(port)
  })

  test('a bad port is refused', () => {
    expect(() => resolvePort('http', {})).toThrow(/not a port/)
  })

  test('starts, serves the reader and the API, and stops when asked', async () => {
    const stop = new AbortController()
    let server: RunningServer | undefined
    const out: string[] = []
    const io = {
      stdout: { write: (s: string) => out.push(s) } as unknown as NodeJS.WritableStream,
      stderr: process.stderr,
      env: { LEDE_LOG_LEVEL: 'silent' },
    }
    const running = runServe(
      {
        db: join(dir, 'demo.db'),
        port: '0',
        signal: stop.signal,
        onListening: (s) => {
          server = s
        },
      },
      io,
    )
    for (let i = 0; i < 100 && !server; i++) await new Promise((r) => setTimeout(r, 20))
    expect(server).toBeDefined()
    expect(out.join('')).toContain(`at ${server!.url.replace('127.0.0.1', 'localhost')}`)
    expect((await fetch(`${server!.url}/healthz`)).status).toBe(200)
    const front = await fetch(`${server!.url}/`)
    expect(front.status).toBe(200)
    expect(await front.text()).toContain('Latest articles')
    stop.abort()
    await expect(running).resolves.toBe(0)
    await expect(fetch(`${server!.url}/healthz`)).rejects.toThrow()
  })
})
