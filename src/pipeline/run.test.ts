import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Article, ErrorCode, RawDocument } from '../core/index.js'
import { ANNOTATIONS_SCHEMA, ARTICLE_SCHEMA, err, joinBlocks, ok } from '../core/index.js'
import type { SourceEvent } from '../ingest/files/index.js'
import type { Store } from '../store/index.js'
import { openStore } from '../store/index.js'
import type { Linker } from './linker.js'
import { Pipeline } from './run.js'

/** A stand-in extractor: paragraphs are lines; a page saying FAIL has no article. */
const extract = (input: Uint8Array | string, o: { url?: string }) => {
  const s = typeof input === 'string' ? input : Buffer.from(input).toString('utf8')
  if (s.includes('FAIL')) return err({ code: 'no_main_content' as const, message: 'nothing' })
  const [title, ...lines] = s
    .trim()
    .split('\n')
    .map((l) => l.trim())
  const { text, blocks } = joinBlocks(lines.map((l) => ({ kind: 'paragraph' as const, text: l })))
  const article: Article = {
    schema: ARTICLE_SCHEMA,
    ...(o.url !== undefined && { url: o.url }),
    ...(title !== undefined && { title }),
    authors: [],
    text,
    blocks,
    related: [],
    removed: [],
    extraction: { inputFormat: 'text', method: 'test', confidence: 1 },
  }
  return ok(article)
}

/** A stand-in analyzer: Alice, Bob and Carol are people; THROW throws. */
const analyze = (article: Article) => {
  if (article.text.includes('THROW')) throw new Error('analyzer bug')
  const entities = [...article.text.matchAll(/\b(Alice|Bob|Carol)\b/g)].map((m, i) => ({
    id: `e${i}`,
    type: 'person' as const,
    name: m[0],
    aliases: [],
    descriptions: [],
    mentions: [{ start: m.index, end: m.index + m[0].length, text: m[0], kind: 'name' as const }],
  }))
  return {
    article,
    annotations: { schema: ANNOTATIONS_SCHEMA, sentences: [], entities, quotes: [] },
  }
}

const doc = (body: string, more: Partial<RawDocument> = {}): RawDocument => ({
  body,
  source: { kind: 'file', location: '/in' },
  fetchedAt: '2024-05-01T00:00:00.000Z',
  ...more,
})

async function* events(...docs: (RawDocument | { code: string })[]): AsyncGenerator<SourceEvent> {
  for (const d of docs)
    yield 'code' in d
      ? {
          type: 'error',
          error: { code: d.code as ErrorCode, message: 'bad line' },
          source: { kind: 'file', location: '/in#L9' },
        }
      : { type: 'document', document: d }
}

describe('Pipeline', () => {
  let store: Store
  beforeEach(() => {
    store = openStore({ path: ':memory:' })
  })
  afterEach(async () => {
    await store.close()
  })

  test('stores each document once, records failures with their code, and goes on', async () => {
    const p = new Pipeline({ store, extract, analyze, analyzer: 'test/1' })
    const s = await p.run(
      events(
        doc('Title one\nAlice met Bob in town.', { url: 'https://a.example/1' }),
        doc('FAIL page'),
        { code: 'invalid_input' },
        doc('Title two\nCarol spoke THROW.', { url: 'https://a.example/2' }),
        doc('Title one\nAlice met Bob in town.', { url: 'https://a.example/1' }),
        doc('Title one\n  Alice met   Bob in town.  ', { url: 'https://a.example/1' }),
      ),
    )
    expect(s).toMatchObject({ documents: 6, inserted: 2, unchanged: 2, failed: 2, revised: 0 })
    expect(s.errors).toEqual({ no_main_content: 1, invalid_input: 1, analyze_failed: 1 })
    const stats = await store.stats()
    expect(stats.articles).toBe(2)
    expect(stats.failures).toBe(2)
    expect(stats.stages.analyze).toEqual({ ok: 1, failed: 1 })
    const one = (await store.findArticleByUrl('https://a.example/1'))!
    const full = await store.getArticle(one.id)
    expect(full?.analyzer).toBe('test/1')
    expect(full?.stages).toMatchObject({
      extract: { status: 'ok' },
      analyze: { status: 'ok' },
      link: { status: 'pending' },
    })
    expect(Object.values(full!.entityKeys).sort()).toEqual(['person:alice', 'person:bob'])
    expect(Buffer.from((await store.getRaw(one.id))!.body).toString()).toBe(
      'Title one\nAlice met Bob in town.',
    )
  })

  test('a changed page is a new revision', async () => {
    const p = new Pipeline({ store, extract, analyze })
    const s = await p.run(
      events(
        doc('T\nFirst version.', { url: 'https://a.example/x' }),
        doc('T\nSecond version.', { url: 'https://a.example/x' }),
      ),
    )
    expect(s).toMatchObject({ inserted: 1, revised: 1 })
  })

  test('without analysis, articles wait with analysis pending', async () => {
    const p = new Pipeline({ store, extract, analyze: false })
    await p.run(events(doc('T\nAlice was here.')))
    expect((await store.stats()).stages.analyze).toEqual({ pending: 1 })
    expect((await store.listByStage('analyze', 'pending')).items).toHaveLength(1)
  })

  test('a record with metadata only is stored without extraction; without a title it fails', async () => {
    let extracted = 0
    const p = new Pipeline({
      store,
      extract: (i, o) => {
        extracted++
        return extract(i, o)
      },
      analyze,
    })
    const s = await p.run(
      events(
        doc('', {
          url: 'https://h.example/1',
          hints: {
            title: 'Fed holds rates',
            publishedAt: '2014-03-10T16:52:50.698Z',
            siteName: 'LA Times',
          },
        }),
        doc('  '),
      ),
    )
    expect(extracted).toBe(0)
    expect(s).toMatchObject({ inserted: 1, failed: 1 })
    const hit = (await store.search({ q: 'rates' })).items[0]!
    expect(hit).toMatchObject({
      title: 'Fed holds rates',
      siteName: 'LA Times',
      publishedAt: '2014-03-10T16:52:50.698Z',
    })
    const full = await store.getArticle(hit.id)
    expect(full?.stages).toMatchObject({
      extract: { status: 'skipped' },
      analyze: { status: 'skipped' },
    })
  })

  test('hints fill what the page does not say', async () => {
    const p = new Pipeline({ store, extract, analyze })
    await p.run(
      events(
        doc('Page title\nBody.', {
          url: 'https://h.example/2',
          hints: {
            title: 'Feed title',
            siteName: 'Feed Site',
            publishedAt: '2024-01-02T00:00:00.000Z',
          },
        }),
      ),
    )
    const a = (await store.listArticles({})).items[0]!
    expect(a).toMatchObject({
      title: 'Page title',
      siteName: 'Feed Site',
      publishedAt: '2024-01-02T00:00:00.000Z',
      url: 'https://h.example/2',
    })
  })

  test('the linker is called with the final id and its links are saved with the article', async () => {
    const seen: string[] = []
    const remembered: string[] = []
    const linker: Linker = {
      name: 'test-linker',
      windowMs: 30 * 86_400_000,
      remember: (a) => remembered.push(a.id),
      link: (input) => {
        seen.push(input.id)
        return {
          story: {
            storyId: seen[0]!,
            similarity: 1,
            reason: {
              terms: [],
              entities: Object.values(input.entityKeys),
              quotes: [],
              kind: seen.length === 1 ? 'new' : 'similar',
            },
          },
        }
      },
    }
    const first = new Pipeline({ store, extract, analyze, linker })
    await first.run(
      events(
        doc('A\nThen Alice one.', { url: 'https://l.example/1' }),
        doc('B\nThen Alice two.', { url: 'https://l.example/2' }),
      ),
    )
    const story = await store.getStory(seen[0]!)
    expect(story?.articles.map((a) => a.id)).toEqual(seen)
    expect(story?.assignments[1]?.reason.entities).toEqual(['person:alice'])
    const stored = [...seen]
    // A later run warms the linker up from the stored articles before it links a new one, and
    // not at all when it has nothing new to link.
    const again = new Pipeline({ store, extract, analyze, linker })
    await again.run(events(doc('A\nThen Alice one.', { url: 'https://l.example/1' })))
    expect(remembered).toEqual([])
    await again.run(events(doc('C\nThen Alice three.', { url: 'https://l.example/3' })))
    expect(remembered.sort()).toEqual(stored.sort())
    expect(seen).toHaveLength(3)
  })

  test('a linker that throws leaves the article stored with linking failed', async () => {
    const linker: Linker = {
      name: 'broken',
      link: () => {
        throw new Error('boom')
      },
    }
    const s = await new Pipeline({ store, extract, analyze, linker }).run(events(doc('T\nText.')))
    expect(s).toMatchObject({ inserted: 1, errors: { link_failed: 1 } })
    expect((await store.stats()).stages.link).toEqual({ failed: 1 })
  })

  test('a signal stops the run between documents; what was read is still stored', async () => {
    const ac = new AbortController()
    async function* source(): AsyncGenerator<SourceEvent> {
      yield { type: 'document', document: doc('A\nOne.') }
      ac.abort()
      yield { type: 'document', document: doc('B\nTwo.') }
      yield { type: 'document', document: doc('C\nThree.') }
    }
    const p = new Pipeline({ store, extract, analyze, signal: ac.signal })
    const s = await p.run(source())
    expect(s).toMatchObject({ documents: 2, inserted: 2, stopped: true })
    expect((await store.stats()).articles).toBe(2)
  })

  test("a feed's documents carry its source; its report saves the feed's health and state", async () => {
    const feed = 'https://f.example/rss'
    async function* source(): AsyncGenerator<SourceEvent> {
      yield {
        type: 'document',
        document: doc('A\nFrom the feed.', {
          url: 'https://f.example/a',
          source: { kind: 'feed', location: feed },
        }),
      }
      yield {
        type: 'error',
        error: { code: 'http_status', message: '404', url: 'https://f.example/b' },
        source: { kind: 'feed', location: feed },
      }
      yield {
        type: 'feed',
        feed: {
          state: {
            url: feed,
            title: 'F',
            etag: '"e"',
            failures: 0,
            intervalSeconds: 1800,
            lastFetchAt: '2024-05-01T00:00:00Z',
            lastOkAt: '2024-05-01T00:00:00Z',
            nextFetchAt: '2024-05-01T00:30:00Z',
            seen: ['x', 'y'],
          },
          outcome: 'ok',
          newEntries: 2,
          documents: 1,
          failedEntries: 1,
        },
      }
    }
    const reports: string[] = []
    const s = await new Pipeline({ store, extract, analyze }).run(source(), {
      onFeed: (f) => reports.push(f.state.url),
    })
    expect(s).toMatchObject({ documents: 2, inserted: 1, failed: 1 })
    expect(reports).toEqual([feed])
    const [src] = await store.listSources()
    expect(src).toMatchObject({
      url: feed,
      title: 'F',
      etag: '"e"',
      itemCount: 1,
      nextFetchAt: '2024-05-01T00:30:00Z',
      pollState: { seen: ['x', 'y'] },
    })
    expect((await store.search({ q: 'feed', source: src!.id })).items).toHaveLength(1)
    expect((await store.listFailures()).items[0]?.source).toEqual({
      kind: 'feed',
      location: feed,
      sourceId: src!.id,
    })
  })

  test('articles waiting for a commit are written when a slow source pauses', async () => {
    let storedBeforeSecond = -1
    async function* slow(): AsyncGenerator<SourceEvent> {
      yield { type: 'document', document: doc('A\nFirst.') }
      await new Promise((r) => setTimeout(r, 300))
      storedBeforeSecond = (await store.stats()).articles
      yield { type: 'document', document: doc('B\nSecond.') }
    }
    await new Pipeline({ store, extract, analyze, batchSize: 100, batchMs: 50 }).run(slow())
    expect(storedBeforeSecond).toBe(1)
  })

  test.each([1, 2, 50])('batches of %i store the same as one by one', async (batchSize) => {
    const docs = Array.from({ length: 7 }, (_, i) =>
      doc(`T${i % 5}\nBody ${i % 5}.`, { url: `https://b.example/${i % 5}` }),
    )
    const s = await new Pipeline({ store, extract, analyze, batchSize }).run(
      events(...docs, doc('FAIL')),
    )
    expect(s).toMatchObject({ documents: 8, inserted: 5, unchanged: 2, failed: 1 })
    expect((await store.stats()).articles).toBe(5)
  })
})
