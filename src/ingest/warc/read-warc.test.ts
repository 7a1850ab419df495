import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readWarc, type WarcEvent } from './read-warc.js'

// Hand-made WARC 1.0 records in the shape CC-NEWS publishes: a warcinfo record, then request,
// response and metadata records per capture, each record its own gzip member.
function record(
  type: string,
  uri: string | undefined,
  block: Buffer,
  date = '2024-03-01T12:00:00Z',
): Buffer {
  const head = [
    'WARC/1.0',
    `WARC-Type: ${type}`,
    ...(uri ? [`WARC-Target-URI: ${uri}`] : []),
    `WARC-Date: ${date}`,
    `WARC-Record-ID: <urn:uuid:${type}-${uri ?? 'info'}>`,
    `Content-Type: ${type === 'warcinfo' ? 'application/warc-fields' : `application/http; msgtype=${type}`}`,
    `Content-Length: ${block.length}`,
  ].join('\r\n')
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`), block, Buffer.from('\r\n\r\n')])
}

function http(status: string, headers: Record<string, string>, body: Buffer): Buffer {
  const lines = [`HTTP/1.1 ${status}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)]
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), body])
}

const PAGE = Buffer.from(
  '<html><head><title>Grève</title></head><body><p>Ünïcödé</p></body></html>',
)
const GZ_PAGE = gzipSync(PAGE)
const RECORDS = [
  record('warcinfo', undefined, Buffer.from('software: hand-made\r\n')),
  record(
    'request',
    'https://news.example/a',
    Buffer.from('GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n'),
  ),
  record(
    'response',
    'https://news.example/a',
    http('200 OK', { 'Content-Type': 'text/html; charset=utf-8' }, PAGE),
  ),
  record('metadata', 'https://news.example/a', Buffer.from('fetchTimeMs: 12\r\n')),
  record(
    'response',
    'https://news.example/logo.png',
    http('200 OK', { 'Content-Type': 'image/png' }, Buffer.from('PNG')),
  ),
  record(
    'response',
    'https://news.example/gone',
    http('404 Not Found', { 'Content-Type': 'text/html' }, Buffer.from('no')),
  ),
  record(
    'response',
    'https://news.example/moved',
    http('301 Moved', { Location: '/a', 'Content-Type': 'text/html' }, Buffer.from('')),
  ),
  record(
    'response',
    'https://news.example/b',
    http(
      '200 OK',
      {
        'Content-Type': 'application/xhtml+xml',
        'Content-Encoding': 'gzip',
        'Content-Length': String(GZ_PAGE.length),
      },
      GZ_PAGE,
    ),
    '2024-03-02T08:30:00Z',
  ),
  record(
    'revisit',
    'https://news.example/a',
    http('200 OK', { 'Content-Type': 'text/html' }, Buffer.from('')),
  ),
]

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lede-warc-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function collect(events: AsyncIterable<WarcEvent>): Promise<WarcEvent[]> {
  const out: WarcEvent[] = []
  for await (const e of events) out.push(e)
  return out
}

function summary(events: WarcEvent[]) {
  return events.map((e) =>
    e.type === 'document'
      ? {
          url: e.document.url,
          fetchedAt: e.document.fetchedAt,
          contentType: e.document.contentType,
          body: Buffer.from(e.document.body as Uint8Array).toString('utf8'),
        }
      : e.error.code,
  )
}

const EXPECTED = [
  {
    url: 'https://news.example/a',
    fetchedAt: '2024-03-01T12:00:00.000Z',
    contentType: 'text/html; charset=utf-8',
    body: PAGE.toString('utf8'),
  },
  {
    url: 'https://news.example/b',
    fetchedAt: '2024-03-02T08:30:00.000Z',
    contentType: 'application/xhtml+xml',
    body: PAGE.toString('utf8'),
  },
]

describe('readWarc', () => {
  test.each([
    [
      '.warc.gz, one gzip member per record (as CC-NEWS)',
      'news.warc.gz',
      Buffer.concat(RECORDS.map((r) => gzipSync(r))),
    ],
    ['plain .warc', 'news.warc', Buffer.concat(RECORDS)],
  ])('%s: one document per HTML 200 response, others skipped', async (_name, file, bytes) => {
    const path = join(dir, file)
    await writeFile(path, bytes)
    const events = await collect(readWarc(path))
    expect(summary(events)).toEqual(EXPECTED)
    const first = events[0]
    expect(first?.type === 'document' && first.document).toMatchObject({
      format: 'html',
      source: { kind: 'warc', location: path },
    })
  })

  test('a page over the size cap is too_large, and reading goes on', async () => {
    const big = record(
      'response',
      'https://news.example/big',
      http('200 OK', { 'Content-Type': 'text/html' }, Buffer.alloc(300_000, 'a')),
    )
    const events = await collect(
      readWarc(Readable.from([Buffer.concat([big, ...RECORDS])]), { maxBytes: 100_000 }),
    )
    expect(summary(events)).toEqual(['too_large', ...EXPECTED])
  })

  test('a file that is not a WARC is one invalid_input error', async () => {
    const path = join(dir, 'notes.warc')
    await writeFile(path, 'These are my notes, not an archive.\n\nMore notes.\n')
    expect(summary(await collect(readWarc(path)))).toEqual(['invalid_input'])
  })

  test('a missing file is invalid_input', async () => {
    expect(summary(await collect(readWarc(join(dir, 'nope.warc.gz'))))).toEqual(['invalid_input'])
  })

  test('a .warc.gz cut inside a record yields the records before the cut, without crashing', async () => {
    const members = RECORDS.map((r) => gzipSync(r))
    const before = Buffer.concat(members.slice(0, 7)) // up to the response for /b
    const cut = Buffer.concat([before, members[7]!.subarray(0, 60)])
    const events = await collect(readWarc(Readable.from([cut])))
    expect(summary(events)[0]).toEqual(EXPECTED[0])
    expect(events.filter((e) => e.type === 'document')).toHaveLength(1)
  })
})
