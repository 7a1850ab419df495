import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { fileKind, readFiles } from './read-files.js'
import type { ReadProgress, SourceEvent } from './types.js'

const now = () => new Date('2024-05-01T00:00:00Z')

async function collect(it: AsyncIterable<SourceEvent>) {
  const out: SourceEvent[] = []
  for await (const e of it) out.push(e)
  return out
}

/** A compact view of events: the document's location and body, or the error's code. */
const brief = (e: SourceEvent) =>
  e.type === 'document'
    ? [
        e.document.source.location,
        e.document.format,
        Buffer.from(e.document.body).toString('utf8').slice(0, 20),
      ]
    : e.type === 'error'
      ? ['error', e.error.code, e.source.location]
      : ['feed']

describe('readFiles', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lede-files-'))
    writeFileSync(join(dir, 'a.html'), '<html><p>page a</p></html>')
    writeFileSync(join(dir, 'b.txt'), 'A text dump')
    writeFileSync(
      join(dir, 'c.jsonl'),
      [
        JSON.stringify({
          url: 'https://x.example/1',
          html: '<p>one</p>',
          title: 'One',
          date: '2014-03-10T16:52:50.698Z',
          source: 'X Times',
        }),
        '{ not json',
        '',
        JSON.stringify({ title: 'Only a headline', url: 'https://x.example/2' }),
        JSON.stringify({ url: 'https://x.example/3' }),
        JSON.stringify({ text: 'plain body', authors: 'Jane Roe', lang: 'en' }),
      ].join('\n'),
    )
    writeFileSync(join(dir, '.hidden.html'), '<p>hidden</p>')
    writeFileSync(join(dir, 'd.css'), 'p { color: red }')
    mkdirSync(join(dir, 'nested'))
    writeFileSync(join(dir, 'nested', 'e.htm'), '<p>e</p>')
    writeFileSync(join(dir, 'nested', 'feed.xml'), '<rss/>')
    writeFileSync(join(dir, 'f.jsonl.gz'), gzipSync(`${JSON.stringify({ text: 'gz body' })}\n`))
    writeFileSync(
      join(dir, 'g.json'),
      JSON.stringify([{ text: 'first' }, { html: '<p>second</p>' }]),
    )
    writeFileSync(join(dir, 'big.html'), `<p>${'x'.repeat(2000)}</p>`)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('a folder: known files in name order, hidden and unknown ones skipped, bad lines reported', async () => {
    const events = await collect(readFiles([dir], { now, maxBytes: 1000 }))
    expect(events.map(brief)).toEqual([
      [join(dir, 'a.html'), 'html', '<html><p>page a</p><'],
      [join(dir, 'b.txt'), 'text', 'A text dump'],
      ['error', 'too_large', join(dir, 'big.html')],
      [`${join(dir, 'c.jsonl')}#L1`, 'html', '<p>one</p>'],
      ['error', 'invalid_input', `${join(dir, 'c.jsonl')}#L2`],
      [`${join(dir, 'c.jsonl')}#L4`, 'text', ''],
      ['error', 'invalid_input', `${join(dir, 'c.jsonl')}#L5`],
      [`${join(dir, 'c.jsonl')}#L6`, 'text', 'plain body'],
      [`${join(dir, 'f.jsonl.gz')}#L1`, 'text', 'gz body'],
      [`${join(dir, 'g.json')}#0`, 'text', 'first'],
      [`${join(dir, 'g.json')}#1`, 'html', '<p>second</p>'],
      [join(dir, 'nested', 'e.htm'), 'html', '<p>e</p>'],
      ['error', 'unsupported_content', join(dir, 'nested', 'feed.xml')],
    ])
  })

  test('a JSON record carries its metadata as hints', async () => {
    const events = await collect(readFiles([join(dir, 'c.jsonl')], { now }))
    const first = events[0]
    expect(first?.type === 'document' && first.document).toMatchObject({
      url: 'https://x.example/1',
      format: 'html',
      source: { kind: 'file' },
      fetchedAt: '2024-05-01T00:00:00.000Z',
      hints: { title: 'One', publishedAt: '2014-03-10T16:52:50.698Z', siteName: 'X Times' },
    })
    const last = events.at(-1)
    expect(last?.type === 'document' && last.document.hints).toEqual({
      authors: ['Jane Roe'],
      language: 'en',
    })
  })

  test('a missing path is an error event, and reading goes on', async () => {
    const events = await collect(
      readFiles([join(dir, 'missing.html'), join(dir, 'b.txt')], { now }),
    )
    expect(events.map(brief)).toEqual([
      ['error', 'invalid_input', join(dir, 'missing.html')],
      [join(dir, 'b.txt'), 'text', 'A text dump'],
    ])
  })

  test('a delegate reads the kinds this module does not', async () => {
    const events = await collect(
      readFiles([join(dir, 'nested', 'feed.xml')], {
        now,
        delegate: (path, kind) =>
          (async function* (): AsyncGenerator<SourceEvent> {
            yield {
              type: 'error',
              error: { code: 'not_found', message: `${kind} ${path}` },
              source: { kind: 'file', location: path },
            }
          })(),
      }),
    )
    expect(events.map((e) => e.type === 'error' && e.error.message)).toEqual([
      `feed ${join(dir, 'nested', 'feed.xml')}`,
    ])
  })

  test('progress counts the bytes of every file', async () => {
    const seen: ReadProgress[] = []
    await collect(readFiles([dir], { now, onProgress: (p) => seen.push(p) }))
    const last = seen.at(-1)!
    expect(last.bytesTotal).toBeGreaterThan(0)
    expect(last.filesDone).toBe(last.filesTotal)
    expect(last.bytesRead).toBeGreaterThanOrEqual(last.bytesTotal! - 100)
  })

  test.each([
    [
      'JSON lines are streamed',
      `${JSON.stringify({ text: 'one' })}\n${JSON.stringify({ text: 'two' })}\n`,
      [
        ['-#L1', 'text', 'one'],
        ['-#L2', 'text', 'two'],
      ],
    ],
    [
      'a page is one document',
      '<html><p>stdin page</p></html>',
      [['-', undefined, '<html><p>stdin page<']],
    ],
  ])('stdin: %s', async (_label, input, expected) => {
    const events = await collect(
      readFiles(['-'], { now, stdin: Readable.from([Buffer.from(input)]) }),
    )
    expect(events.map(brief)).toEqual(expected)
  })

  test('JSON lines split across chunks, with CRLF endings and multi-byte characters', async () => {
    const text = `${JSON.stringify({ text: 'Zürich — één' })}\r\n${JSON.stringify({ text: 'second' })}`
    const bytes = Buffer.from(text)
    // Cut inside a multi-byte character and inside the CRLF.
    const cuts = [3, 14, bytes.indexOf(13) + 1]
    const chunks = [0, ...cuts].map((c, i) => bytes.subarray(c, cuts[i] ?? bytes.length))
    const events = await collect(readFiles(['-'], { now, stdin: Readable.from(chunks) }))
    expect(events.map(brief)).toEqual([
      ['-#L1', 'text', 'Zürich — één'],
      ['-#L2', 'text', 'second'],
    ])
  })

  test.each([
    ['page.HTML', 'html'],
    ['dump.txt', 'text'],
    ['x.jsonl.gz', 'jsonl'],
    ['x.ndjson', 'jsonl'],
    ['list.opml', 'opml'],
    ['crawl.warc.gz', 'warc'],
    ['feed.rss', 'feed'],
    ['README', 'unknown'],
  ])('fileKind(%s) = %s', (path, kind) => {
    expect(fileKind(path)).toBe(kind)
  })
})
