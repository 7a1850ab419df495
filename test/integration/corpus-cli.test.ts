/**
 * The corpus commands end to end: `lede ingest`, `lede search`, `lede sources` on a temp
 * database — in process through their command functions, and once through the real binary
 * (spawned) for exit codes and the stdout/stderr split.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CommandIo, IngestFlags } from '../../src/cli/commands/ingest.js'
import { runIngest } from '../../src/cli/commands/ingest.js'
import { runSearch } from '../../src/cli/commands/search.js'
import { runSources } from '../../src/cli/commands/sources.js'

const ROOT = resolve(import.meta.dirname, '../..')

/** Headlines in the shape of the UCI News Aggregator export (CC BY 4.0): title, source, date, url. */
const HEADLINES = [
  {
    title: 'Fed official says weak data caused by weather',
    source: 'Los Angeles Times',
    date: '2014-03-10T16:52:50Z',
    url: 'http://www.latimes.com/business/fed-weather',
  },
  {
    title: "Fed's Plosser sees high bar for change in pace of tapering",
    source: 'Livemint',
    date: '2014-03-10T16:52:51Z',
    url: 'http://www.livemint.com/fed-plosser',
  },
  {
    title: 'Stocks fall after Fed official hints at accelerated tapering',
    source: 'IFA Magazine',
    date: '2014-03-11T09:00:00Z',
    url: 'http://www.ifamagazine.com/stocks-fall',
  },
  {
    title: 'Storm closes schools across the region',
    source: 'Daily Example',
    date: '2014-04-02T07:00:00Z',
    url: 'http://daily.example/storm',
  },
]

function capture(): { io: CommandIo; out: () => string } {
  const stdout = new PassThrough()
  let text = ''
  stdout.on('data', (d: Buffer) => {
    text += d.toString()
  })
  const stderr = new PassThrough() as unknown as NodeJS.WriteStream
  return {
    io: { stdout, stderr, stdin: Readable.from([]), env: {} },
    out: () => text,
  }
}

const flags = (db: string, more: Partial<IngestFlags> = {}): IngestFlags => ({
  db,
  analyze: true,
  raw: true,
  format: 'auto',
  quiet: true,
  // Analysis on this thread: worker start-up (models, tsx) would double these tests' time;
  // the worker path has its own test (src/pipeline/analyze-pool.test.ts) and the crash test.
  workers: 0,
  ...more,
})

describe('lede ingest / search / sources', () => {
  let dir: string
  let db: string
  let input: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lede-cli-'))
    db = join(dir, 'corpus', 'lede.db')
    input = join(dir, 'headlines.jsonl')
    writeFileSync(input, `${HEADLINES.map((h) => JSON.stringify(h)).join('\n')}\n{ broken line\n`)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('ingest stores each headline once and records the bad line; a second run changes nothing', async () => {
    const first = capture()
    expect(await runIngest([input], flags(db), first.io)).toBe(0)
    const summary = JSON.parse(first.out())
    expect(summary).toMatchObject({
      documents: 5,
      inserted: 4,
      failed: 1,
      errors: { invalid_input: 1 },
      db,
    })
    const again = capture()
    expect(await runIngest([input], flags(db), again.io)).toBe(0)
    expect(JSON.parse(again.out())).toMatchObject({
      documents: 5,
      inserted: 0,
      unchanged: 4,
      failed: 1,
    })
  })

  test('search ranks, filters and pages; JSON lines when stdout is not a terminal', async () => {
    const c = capture()
    expect(await runSearch('fed tapering', { db, limit: '20' }, c.io)).toBe(0)
    const hits = c
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(hits.map((h) => h.siteName)).toEqual(
      expect.arrayContaining(['Livemint', 'IFA Magazine']),
    )
    expect(hits).toHaveLength(2)
    expect(hits[0].snippet).toContain('\u0001')

    const filtered = capture()
    await runSearch('fed', { db, limit: '20', source: 'latimes.com' }, filtered.io)
    expect(
      filtered
        .out()
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).siteName),
    ).toEqual(['Los Angeles Times'])

    const paged = capture()
    await runSearch('', { db, limit: '3' }, paged.io)
    const lines = paged
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines).toHaveLength(4)
    expect(lines[0].title).toBe('Storm closes schools across the region')
    const next = capture()
    await runSearch('', { db, limit: '3', cursor: lines[3].nextCursor }, next.io)
    expect(next.out().trim().split('\n')).toHaveLength(1)
  })

  test('sources lists nothing for a corpus of files', async () => {
    const c = capture()
    expect(await runSources({ db }, c.io)).toBe(0)
    expect(c.out()).toBe('')
  })

  test('the binary: data on stdout, logs on stderr, exit codes', () => {
    const lede = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, LEDE_DB: join(dir, 'spawned.db') },
      })
    const ingest = lede('ingest', input)
    expect(ingest.status).toBe(0)
    expect(JSON.parse(ingest.stdout)).toMatchObject({ inserted: 4, failed: 1 })
    const logs = ingest.stderr
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(logs.map((l) => l.event)).toEqual(
      expect.arrayContaining(['document_failed', 'ingest_done']),
    )
    const search = lede('search', '"weak data"')
    expect(search.status).toBe(0)
    expect(JSON.parse(search.stdout).title).toBe(HEADLINES[0]!.title)
    const bad = lede('search', 'NOT x')
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(/^lede: .*not negated/)
  }, 90_000)

  test('a scheme other than http(s) is refused before anything is read', async () => {
    await expect(
      runIngest(['ftp://example.com/feed.xml', input], flags(db), capture().io),
    ).rejects.toThrow(/only http\(s\) URLs, files, folders and -/)
  })

  test('a search without a corpus says how to make one', async () => {
    await expect(
      runSearch('x', { db: join(dir, 'missing.db'), limit: '20' }, capture().io),
    ).rejects.toThrow(/no corpus at .*lede ingest/)
  })
})
