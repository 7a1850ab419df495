/**
 * The Store contract: one behaviour suite that every adapter runs (sqlite/adapter.test.ts against
 * `:memory:`). Adapters differ in SQL, never in what these tests see.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Annotations, Article, Entity, Quote } from '../core/index.js'
import { ANNOTATIONS_SCHEMA, ARTICLE_SCHEMA, joinBlocks } from '../core/index.js'
import { contentHash, entityKey } from './keys.js'
import type { ArticleWrite, Store } from './store.js'
import { MATCH_END, MATCH_START } from './store.js'

/** An Article built from paragraphs, as extraction would return it. */
export function makeArticle(fields: Partial<Article> & { paragraphs?: string[] } = {}): Article {
  const { paragraphs = ['A paragraph of text.'], ...rest } = fields
  const { text, blocks } = joinBlocks(
    paragraphs.map((p) => ({ kind: 'paragraph' as const, text: p })),
  )
  return {
    schema: ARTICLE_SCHEMA,
    authors: [],
    text,
    blocks,
    related: [],
    removed: [],
    extraction: { inputFormat: 'html', method: 'test', confidence: 0.9 },
    ...rest,
  }
}

/** Annotations for `text`: entities given by name (every occurrence is a mention) and quotes. */
export function makeAnnotations(
  text: string,
  entities: {
    id: string
    type: Entity['type']
    name: string
    aliases?: string[]
    descriptions?: string[]
  }[],
  quotes: { text: string; speaker?: string; speakerId?: string; anonymous?: boolean }[] = [],
): Annotations {
  const ents: Entity[] = entities.map((e) => {
    const mentions: Entity['mentions'] = []
    for (const n of [e.name, ...(e.aliases ?? [])]) {
      for (let i = text.indexOf(n); i !== -1; i = text.indexOf(n, i + 1))
        mentions.push({ start: i, end: i + n.length, text: n, kind: 'name' })
    }
    return {
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases ?? [],
      descriptions: e.descriptions ?? [],
      mentions,
    }
  })
  const qs: Quote[] = quotes.map((q, i) => {
    const start = text.indexOf(q.text)
    if (start === -1) throw new Error(`quote not in text: ${q.text}`)
    return {
      id: `q${i + 1}`,
      kind: 'direct',
      text: q.text,
      start,
      end: start + q.text.length,
      ...(q.speaker !== undefined && {
        speaker: {
          name: q.speaker,
          anonymous: q.anonymous ?? false,
          ...(q.speakerId !== undefined && { entityId: q.speakerId }),
        },
      }),
      confidence: 0.9,
    }
  })
  const sentences: Annotations['sentences'] = []
  const re = /[^.!?]+[.!?]*/g
  for (let m = re.exec(text); m; m = re.exec(text))
    sentences.push({ start: m.index, end: m.index + m[0].length })
  return { schema: ANNOTATIONS_SCHEMA, sentences, entities: ents, quotes: qs }
}

export function makeWrite(article: Article, more: Partial<ArticleWrite> = {}): ArticleWrite {
  return {
    article,
    source: { kind: 'file', location: '/tmp/corpus' },
    fetchedAt: '2024-05-01T12:00:00.000Z',
    stages: { extract: { status: 'ok' }, analyze: { status: more.annotations ? 'ok' : 'pending' } },
    ...more,
  }
}

const MACRON_TEXT =
  'French President Emmanuel Macron met workers in Lyon. "We will not give up on the reform," Macron said. The unions disagreed.'

/** Runs the contract against a fresh, empty store per test. */
export function storeContract(name: string, open: () => Store | Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await open()
    })
    afterEach(async () => {
      await store.close()
    })

    const macron = () => {
      const article = makeArticle({
        url: 'https://news.example/politics/macron-lyon',
        title: 'Macron defends pension reform in Lyon',
        siteName: 'Example News',
        language: 'en',
        publishedAt: '2024-04-30T09:00:00Z',
        paragraphs: [MACRON_TEXT],
      })
      const annotations = makeAnnotations(
        article.text,
        [
          {
            id: 'e1',
            type: 'person',
            name: 'Emmanuel Macron',
            aliases: ['Macron'],
            descriptions: ['French President'],
          },
          { id: 'e2', type: 'place', name: 'Lyon' },
        ],
        [
          {
            text: 'We will not give up on the reform,',
            speaker: 'Emmanuel Macron',
            speakerId: 'e1',
          },
        ],
      )
      return makeWrite(article, { annotations, analyzer: 'test/1' })
    }

    describe('articles', () => {
      test('an article round-trips exactly, with its annotations and stage states', async () => {
        const w = macron()
        const put = await store.putArticle(w)
        expect(put.outcome).toBe('inserted')
        const got = await store.getArticle(put.id)
        expect(got?.article).toEqual(w.article)
        expect(got?.annotations).toEqual(w.annotations)
        expect(got?.analyzer).toBe('test/1')
        expect(got?.revision).toBe(1)
        expect(got?.latest).toBe(true)
        expect(got?.stages.analyze).toEqual({ status: 'ok' })
        expect(got?.stages.extract).toEqual({ status: 'ok' })
        expect(got?.entityKeys).toEqual({ e1: 'person:emmanuel-macron', e2: 'place:lyon' })
        expect(got?.host).toBe('news.example')
        expect(got?.quoteCount).toBe(1)
        expect(got?.excerpt.startsWith('French President')).toBe(true)
      })

      test('the same document twice is stored once', async () => {
        const a = await store.putArticle(macron())
        const b = await store.putArticle(macron())
        expect(b).toEqual({ outcome: 'unchanged', id: a.id })
        expect((await store.stats()).revisions).toBe(1)
      })

      test('tracking parameters and fragments do not make another document', async () => {
        const w = macron()
        const a = await store.putArticle(w)
        const b = await store.putArticle({
          ...w,
          article: { ...w.article, url: `${w.article.url}?utm_source=rss&utm_medium=feed#top` },
        })
        expect(b).toEqual({ outcome: 'unchanged', id: a.id })
      })

      test('the canonical URL names the article when there is one', async () => {
        const w = makeWrite(
          makeArticle({ url: 'https://m.example/a?x=1', canonicalUrl: 'https://example/a' }),
        )
        const a = await store.putArticle(w)
        const b = await store.putArticle(
          makeWrite(
            makeArticle({ url: 'https://amp.example/a', canonicalUrl: 'https://example/a' }),
          ),
        )
        expect(b).toEqual({ outcome: 'unchanged', id: a.id })
        expect((await store.findArticleByUrl('https://example/a'))?.id).toBe(a.id)
      })

      test('a changed version of a URL is a new revision; only the latest is listed and searched', async () => {
        const first = await store.putArticle(
          makeWrite(
            makeArticle({
              url: 'https://x.example/1',
              title: 'Storm nears coast',
              paragraphs: ['Winds rise.'],
            }),
          ),
        )
        const second = await store.putArticle(
          makeWrite(
            makeArticle({
              url: 'https://x.example/1',
              title: 'Storm hits coast',
              paragraphs: ['Winds rose.'],
            }),
          ),
        )
        expect(second).toEqual({ outcome: 'revised', id: expect.any(String), previousId: first.id })
        const latest = await store.getArticle(second.id)
        expect(latest?.revision).toBe(2)
        expect(latest?.previousId).toBe(first.id)
        expect((await store.getArticle(first.id))?.latest).toBe(false)
        expect((await store.findArticleByUrl('https://x.example/1'))?.id).toBe(second.id)
        expect((await store.listArticles({})).items.map((a) => a.id)).toEqual([second.id])
        expect((await store.search({ q: 'nears' })).items).toEqual([])
        expect((await store.search({ q: 'hits' })).items.map((h) => h.id)).toEqual([second.id])
        const stats = await store.stats()
        expect([stats.articles, stats.revisions]).toEqual([1, 2])
      })

      test('a batch is one commit; an article that fails is rolled back alone', async () => {
        const ok1 = makeWrite(makeArticle({ url: 'https://batch.example/1', title: 'One' }))
        const bad = makeWrite(makeArticle({ url: 'https://batch.example/2', title: 'Two' }), {
          links: {
            story: {
              storyId: 's',
              similarity: Number.NaN,
              reason: { terms: [], entities: [], quotes: [], kind: 'new' },
            },
          },
        })
        const ok3 = makeWrite(makeArticle({ url: 'https://batch.example/3', title: 'Three' }))
        const out = await store.putArticles([ok1, bad, ok3, ok1])
        expect(out.map((o) => o.outcome)).toEqual(['inserted', 'failed', 'inserted', 'unchanged'])
        expect(await store.findArticleByUrl('https://batch.example/2')).toBeUndefined()
        expect((await store.search({ q: 'two' })).items).toEqual([])
        expect((await store.stats()).articles).toBe(2)
        expect(await store.getStory('s')).toBeUndefined()
      })

      test('without a URL, identity is the content', async () => {
        const a = await store.putArticle(
          makeWrite(makeArticle({ title: 'T', paragraphs: ['Same.'] })),
        )
        const b = await store.putArticle(
          makeWrite(makeArticle({ title: 'T', paragraphs: ['Same.'] })),
        )
        const c = await store.putArticle(
          makeWrite(makeArticle({ title: 'T', paragraphs: ['Other.'] })),
        )
        expect(b).toEqual({ outcome: 'unchanged', id: a.id })
        expect(c.outcome).toBe('inserted')
      })

      test('findStored recognises a document by content hash or by raw hash', async () => {
        const w = macron()
        const put = await store.putArticle({ ...w, rawHash: 'raw-1' })
        expect(
          await store.findStored({ url: w.article.url!, contentHash: contentHash(w.article) }),
        ).toBe(put.id)
        expect(await store.findStored({ url: w.article.url!, rawHash: 'raw-1' })).toBe(put.id)
        expect(
          await store.findStored({ url: 'https://elsewhere.example/', rawHash: 'raw-1' }),
        ).toBeUndefined()
        expect(await store.findStored({ url: w.article.url!, contentHash: 'nope' })).toBeUndefined()
      })

      test.each([
        ['small', '<p>hi</p>'],
        ['large', `<html>${'<p>news text</p>'.repeat(2000)}</html>`],
      ])('the raw input is kept (%s)', async (_label, body) => {
        const put = await store.putArticle({ ...macron(), raw: { body, contentType: 'text/html' } })
        const raw = await store.getRaw(put.id)
        expect(Buffer.from(raw!.body).toString('utf8')).toBe(body)
        expect(raw?.contentType).toBe('text/html')
      })

      test('listArticles pages newest first without overlap', async () => {
        for (let i = 0; i < 5; i++)
          await store.putArticle(
            makeWrite(
              makeArticle({
                url: `https://p.example/${i}`,
                title: `N${i}`,
                publishedAt: `2024-01-0${i + 1}T00:00:00Z`,
              }),
            ),
          )
        const p1 = await store.listArticles({ limit: 2 })
        const p2 = await store.listArticles({ limit: 2, cursor: p1.nextCursor! })
        const p3 = await store.listArticles({ limit: 2, cursor: p2.nextCursor! })
        expect([...p1.items, ...p2.items, ...p3.items].map((a) => a.title)).toEqual([
          'N4',
          'N3',
          'N2',
          'N1',
          'N0',
        ])
        expect(p3.nextCursor).toBeUndefined()
      })

      test('stages: pending analysis is listed and saveAnalysis completes it', async () => {
        const w = macron()
        const { annotations: _a, ...bare } = w
        const put = await store.putArticle({
          ...bare,
          stages: { extract: { status: 'ok' }, analyze: { status: 'pending' } },
        })
        expect((await store.listByStage('analyze', 'pending')).items).toEqual([put.id])
        expect((await store.search({ q: 'Lyon', entity: 'Lyon' })).items).toEqual([])
        await store.saveAnalysis(put.id, {
          annotations: w.annotations!,
          analyzer: 'test/2',
          stage: { status: 'ok' },
        })
        expect((await store.listByStage('analyze', 'pending')).items).toEqual([])
        const got = await store.getArticle(put.id)
        expect(got?.analyzer).toBe('test/2')
        expect(got?.stages.analyze).toEqual({ status: 'ok' })
        expect(
          (await store.search({ q: 'unions', entity: 'Lyon' })).items.map((h) => h.id),
        ).toEqual([put.id])
        expect((await store.getEntity('person:emmanuel-macron'))?.articleCount).toBe(1)
        // Analysing again replaces, never doubles.
        await store.saveAnalysis(put.id, {
          annotations: w.annotations!,
          analyzer: 'test/2',
          stage: { status: 'ok' },
        })
        expect((await store.getEntity('person:emmanuel-macron'))?.articleCount).toBe(1)
        expect((await store.getEntity('person:emmanuel-macron'))?.quoteCount).toBe(1)
      })

      test('failures are recorded once per document and cleared when it succeeds', async () => {
        const f = {
          key: 'doc-1',
          source: { kind: 'file' as const, location: '/in/a.html' },
          stage: 'extract' as const,
          code: 'no_main_content',
          message: 'nothing there',
          at: '2024-05-01T00:00:00Z',
        }
        await store.recordFailure(f)
        await store.recordFailure({ ...f, at: '2024-05-02T00:00:00Z' })
        const page = await store.listFailures()
        expect(page.items).toHaveLength(1)
        expect(page.items[0]).toMatchObject({
          key: 'doc-1',
          attempts: 2,
          code: 'no_main_content',
          lastAt: '2024-05-02T00:00:00Z',
        })
        await store.putArticle({ ...macron(), documentKey: 'doc-1' })
        expect((await store.listFailures()).items).toEqual([])
      })
    })

    describe('entities and quotes', () => {
      test('an entity is known across articles by its key, with names, roles, timeline and company', async () => {
        const a = await store.putArticle(macron())
        const text = 'Emmanuel Macron spoke with Olaf Scholz in Berlin.'
        const article = makeArticle({
          url: 'https://b.example/2',
          title: 'Macron in Berlin',
          publishedAt: '2024-05-02T10:00:00Z',
          paragraphs: [text],
        })
        const b = await store.putArticle(
          makeWrite(article, {
            annotations: makeAnnotations(text, [
              {
                id: 'p1',
                type: 'person',
                name: 'Emmanuel Macron',
                descriptions: ['French President'],
              },
              { id: 'p2', type: 'person', name: 'Olaf Scholz' },
              { id: 'p3', type: 'place', name: 'Berlin' },
            ]),
          }),
        )
        const e = await store.getEntity(entityKey('person', 'Emmanuel Macron'))
        expect(e).toMatchObject({
          key: 'person:emmanuel-macron',
          type: 'person',
          name: 'Emmanuel Macron',
          articleCount: 2,
          quoteCount: 1,
        })
        expect(e?.aliases).toEqual(['Macron'])
        expect(e?.descriptions).toEqual([{ text: 'French President', count: 2 }])
        expect(e?.timeline).toEqual([
          { day: '2024-04-30', count: 1 },
          { day: '2024-05-02', count: 1 },
        ])
        expect(e?.articles.map((x) => x.id)).toEqual([b.id, a.id])
        expect(e?.coEntities.map((c) => c.key).sort()).toEqual([
          'person:olaf-scholz',
          'place:berlin',
          'place:lyon',
        ])
        expect((await store.resolveEntity('Macron')).map((x) => x.key)).toEqual([
          'person:emmanuel-macron',
        ])
        expect((await store.resolveEntity('emmanuel macron')).map((x) => x.key)).toEqual([
          'person:emmanuel-macron',
        ])
        const people = await store.listEntities({ type: 'person' })
        expect(people.items.map((p) => [p.key, p.articleCount])).toEqual([
          ['person:emmanuel-macron', 2],
          ['person:olaf-scholz', 1],
        ])
        expect((await store.listEntities({ q: 'ber' })).items.map((p) => p.key)).toEqual([
          'place:berlin',
        ])
      })

      test('a speaker the cast did not list still gets a key, and anonymous sources none', async () => {
        const text = '"Prices will fall," said Jane Roe. "It is a disaster," an official said.'
        const article = makeArticle({
          url: 'https://q.example/1',
          title: 'Prices',
          paragraphs: [text],
        })
        const put = await store.putArticle(
          makeWrite(article, {
            annotations: makeAnnotations(
              text,
              [],
              [
                { text: 'Prices will fall,', speaker: 'Jane Roe' },
                { text: 'It is a disaster,', speaker: 'an official', anonymous: true },
              ],
            ),
          }),
        )
        const quotes = await store.quotesBy('person:jane-roe', {})
        expect(quotes.items).toHaveLength(1)
        expect(quotes.items[0]).toMatchObject({
          articleId: put.id,
          text: 'Prices will fall,',
          speakerName: 'Jane Roe',
          speakerKey: 'person:jane-roe',
          anonymous: false,
          articleTitle: 'Prices',
        })
        const anon = await store.searchQuotes({ q: 'disaster' })
        expect(anon.items[0]).toMatchObject({ anonymous: true, speakerName: 'an official' })
        expect(anon.items[0]?.speakerKey).toBeUndefined()
      })

      test('quote search: what did X say about Y', async () => {
        await store.putArticle(macron())
        const text = '"Taxes must rise," Macron said. "The reform is dead," said Jane Roe.'
        await store.putArticle(
          makeWrite(
            makeArticle({ url: 'https://q.example/2', title: 'Budget', paragraphs: [text] }),
            {
              annotations: makeAnnotations(
                text,
                [{ id: 'e1', type: 'person', name: 'Emmanuel Macron', aliases: ['Macron'] }],
                [
                  { text: 'Taxes must rise,', speaker: 'Macron', speakerId: 'e1' },
                  { text: 'The reform is dead,', speaker: 'Jane Roe' },
                ],
              ),
            },
          ),
        )
        const byMacron = await store.searchQuotes({ q: 'reform', speaker: 'Macron' })
        expect(byMacron.items.map((q) => q.text)).toEqual(['We will not give up on the reform,'])
        expect(byMacron.items[0]?.snippet).toContain(`${MATCH_START}reform${MATCH_END}`)
        expect(byMacron.items[0]?.context).toContain('Macron said')
        const all = await store.searchQuotes({ q: 'reform' })
        expect(all.items).toHaveLength(2)
        const everything = await store.quotesBy('person:emmanuel-macron', {})
        expect(everything.items.map((q) => q.text).sort()).toEqual([
          'Taxes must rise,',
          'We will not give up on the reform,',
        ])
        expect((await store.searchQuotes({ q: 'reform', speaker: 'Nobody Known' })).items).toEqual(
          [],
        )
      })
    })

    describe('search', () => {
      const seed = async () => {
        const put = async (
          url: string,
          title: string,
          body: string,
          more: Partial<Article> = {},
          annotations?: Annotations,
        ) =>
          (
            await store.putArticle(
              makeWrite(makeArticle({ url, title, paragraphs: [body], language: 'en', ...more }), {
                ...(annotations && { annotations }),
              }),
            )
          ).id
        const fed = await put(
          'https://wire.example/fed',
          'Fed holds interest rates steady',
          'The Federal Reserve kept interest rates unchanged on Wednesday.',
          { siteName: 'Wire', publishedAt: '2024-03-20T18:00:00Z' },
        )
        const ecb = await put(
          'https://www.daily.example/ecb',
          'ECB cuts rates',
          'The European Central Bank lowered rates. Analysts expected the interest move.',
          { siteName: 'Daily', publishedAt: '2024-06-06T12:00:00Z' },
        )
        const storm = await put(
          'https://daily.example/storm',
          'Storm closes schools',
          'Heavy rain and interest in the storm grew.',
          { siteName: 'Daily', publishedAt: '2024-06-07T12:00:00Z', language: 'de' },
        )
        const macronId = (await store.putArticle(macron())).id
        return { fed, ecb, storm, macronId }
      }

      test('ranks by BM25 with the headline weighing more than the body', async () => {
        const { fed, ecb, storm } = await seed()
        const hits = await store.search({ q: 'interest' })
        expect(hits.items.map((h) => h.id)).toEqual([fed, expect.any(String), expect.any(String)])
        expect(new Set(hits.items.map((h) => h.id))).toEqual(new Set([fed, ecb, storm]))
        expect(hits.items[0]!.score).toBeGreaterThan(hits.items[1]!.score)
      })

      test.each([
        ['"interest rates"', ['fed']],
        ['rates AND interest', ['fed', 'ecb']],
        ['rates interest', ['fed', 'ecb']],
        ['storm OR ecb', ['ecb', 'storm']],
        ['interest NOT storm', ['fed', 'ecb']],
        ['interest -storm -ecb', ['fed']],
        ['(storm OR schools) AND rain', ['storm']],
        ['title:rates', ['fed', 'ecb']],
        ['analyst*', ['ecb']],
        ['U.S. (', []],
        ['reform', ['macronId']],
        ['Lyon', ['macronId']],
      ])('%s', async (q, expected) => {
        const ids = await seed()
        const hits = await store.search({ q })
        expect(hits.items.map((h) => h.id).sort()).toEqual(
          expected.map((k) => ids[k as keyof typeof ids]).sort(),
        )
      })

      test('a query with nothing but negations is refused', async () => {
        await expect(store.search({ q: 'NOT storm' })).rejects.toThrow(/not negated/)
      })

      test.each([
        [{ source: 'daily.example' }, ['ecb', 'storm']],
        [{ source: 'Wire' }, ['fed']],
        [{ from: '2024-06-01' }, ['ecb', 'storm']],
        [{ to: '2024-06-06' }, ['fed', 'ecb']],
        [{ from: '2024-06-07', to: '2024-06-07' }, ['storm']],
        [{ language: 'de' }, ['storm']],
        [{ hasQuotes: true }, []],
        [{ hasQuotes: false }, ['fed', 'ecb', 'storm']],
        [{ language: 'en' }, ['fed', 'ecb']],
        [{ source: 'Daily', language: 'de', from: '2024-06-01' }, ['storm']],
      ])('filters %j', async (filters, expected) => {
        const ids = await seed()
        const hits = await store.search({ q: 'interest OR storm', ...filters })
        expect(hits.items.map((h) => h.id).sort()).toEqual(
          expected.map((k) => ids[k as keyof typeof ids]).sort(),
        )
      })

      test('filters by entity and speaker, by name or key; an empty query lists by date', async () => {
        const { macronId } = await seed()
        for (const f of [
          { entity: 'Macron' },
          { entity: 'person:emmanuel-macron' },
          { speaker: 'Emmanuel Macron' },
          { hasQuotes: true },
        ])
          expect((await store.search({ q: '', ...f })).items.map((h) => h.id)).toEqual([macronId])
        expect((await store.search({ q: '', entity: 'Nobody' })).items).toEqual([])
        const all = await store.search({ q: '' })
        expect(all.items).toHaveLength(4)
        expect(all.items[0]!.title).toBe('Storm closes schools')
      })

      test('a language filter matches the primary tag of a regional one', async () => {
        const put = await store.putArticle(
          makeWrite(
            makeArticle({
              url: 'https://uk.example/1',
              title: 'Queue at the shop',
              language: 'en-GB',
            }),
          ),
        )
        for (const language of ['en', 'en-GB', 'EN-gb'])
          expect((await store.search({ q: 'queue', language })).items.map((h) => h.id)).toEqual([
            put.id,
          ])
        expect((await store.search({ q: 'queue', language: 'en-US' })).items).toEqual([])
        expect((await store.search({ q: '', language: 'en' })).items.map((h) => h.id)).toEqual([
          put.id,
        ])
      })

      test('snippets mark the matched words', async () => {
        await seed()
        const hit = (await store.search({ q: 'unchanged' })).items[0]!
        expect(hit.snippet).toContain(`${MATCH_START}unchanged${MATCH_END}`)
      })

      test('pages do not overlap and end', async () => {
        for (let i = 0; i < 7; i++)
          await store.putArticle(
            makeWrite(
              makeArticle({
                url: `https://r.example/${i}`,
                title: `Report ${i}`,
                paragraphs: [`report number ${i}`],
              }),
            ),
          )
        const seen: string[] = []
        let cursor: string | undefined
        do {
          const page = await store.search({
            q: 'report',
            limit: 3,
            ...(cursor !== undefined && { cursor }),
          })
          seen.push(...page.items.map((h) => h.id))
          cursor = page.nextCursor
        } while (cursor !== undefined)
        expect(seen).toHaveLength(7)
        expect(new Set(seen).size).toBe(7)
      })
    })

    describe('linking', () => {
      const three = async () => {
        const ids: string[] = []
        for (const [i, site] of ['Wire', 'Daily', 'Weekly'].entries()) {
          const text = `"We will rebuild," Jane Roe said. Report ${i} on the fire.`
          const put = await store.putArticle(
            makeWrite(
              makeArticle({
                url: `https://${site.toLowerCase()}.example/fire`,
                title: `Fire report ${i}`,
                siteName: site,
                publishedAt: `2024-02-0${i + 1}T00:00:00Z`,
                paragraphs: [text],
              }),
              {
                annotations: makeAnnotations(
                  text,
                  [{ id: 'e1', type: 'person', name: 'Jane Roe' }],
                  [{ text: 'We will rebuild,', speaker: 'Jane Roe', speakerId: 'e1' }],
                ),
              },
            ),
          )
          ids.push(put.id)
        }
        return ids as [string, string, string]
      }
      const reason = (kind: 'new' | 'similar') => ({
        terms: ['fire'],
        entities: ['person:jane-roe'],
        quotes: [],
        kind,
      })

      test('stories: assignments, copies folded under their origin, quotes with their carriers', async () => {
        const [a, b, c] = await three()
        await store.saveStoryAssignment({
          articleId: a,
          storyId: 's1',
          similarity: 1,
          reason: reason('new'),
        })
        await store.saveStoryAssignment({
          articleId: b,
          storyId: 's1',
          similarity: 0.8,
          reason: reason('similar'),
        })
        await store.saveStoryAssignment({
          articleId: c,
          storyId: 's1',
          similarity: 0.7,
          reason: reason('similar'),
        })
        await store.saveCopyLink({ articleId: c, originId: a, similarity: 0.97, wire: 'AP' })
        const stories = await store.listStories({})
        expect(stories.items).toEqual([
          {
            id: 's1',
            title: 'Fire report 0',
            articleCount: 3,
            outletCount: 3,
            firstAt: '2024-02-01T00:00:00.000Z',
            lastAt: '2024-02-03T00:00:00.000Z',
            people: [{ key: 'person:jane-roe', name: 'Jane Roe' }],
          },
        ])
        const story = await store.getStory('s1')
        expect(story?.articles.map((x) => [x.id, x.copies.map((y) => y.id)])).toEqual([
          [a, [c]],
          [b, []],
        ])
        expect(story?.quotes).toHaveLength(1)
        expect(story?.quotes[0]?.carriers.map((x) => x.id)).toEqual([a, b, c])
        expect(story?.assignments.map((x) => x.reason.kind)).toEqual(['new', 'similar', 'similar'])
        expect((await store.getArticle(c))?.copyOf).toBe(a)
      })

      test('links given with the article are saved in the same write', async () => {
        const [a] = await three()
        const text = 'A fourth report on the fire.'
        const put = await store.putArticle(
          makeWrite(
            makeArticle({ url: 'https://d.example/fire', title: 'Fire 4', paragraphs: [text] }),
            {
              links: {
                story: { storyId: 's9', similarity: 0.5, reason: reason('new') },
                copyOf: { originId: a, similarity: 0.9 },
                related: [{ articleId: a, score: 0.4 }],
              },
            },
          ),
        )
        expect((await store.getArticle(put.id))?.storyId).toBe('s9')
        expect((await store.getArticle(put.id))?.copyOf).toBe(a)
        expect((await store.related(put.id)).map((r) => [r.id, r.score])).toEqual([[a, 0.4]])
      })

      test("a user's move is kept against later automatic assignments; merges move everything", async () => {
        const [a, b, c] = await three()
        await store.saveStoryAssignment({
          articleId: a,
          storyId: 's1',
          similarity: 1,
          reason: reason('new'),
        })
        await store.saveStoryAssignment({
          articleId: b,
          storyId: 's1',
          similarity: 0.8,
          reason: reason('similar'),
        })
        const own = await store.moveArticle(b, 'new')
        expect(own).not.toBe('s1')
        await store.saveStoryAssignment({
          articleId: b,
          storyId: 's1',
          similarity: 0.9,
          reason: reason('similar'),
        })
        expect((await store.getArticle(b))?.storyId).toBe(own)
        expect((await store.getStory('s1'))?.story.articleCount).toBe(1)
        await store.saveStoryAssignment({
          articleId: c,
          storyId: 's3',
          similarity: 1,
          reason: reason('new'),
        })
        await store.mergeStories('s1', 's3')
        expect(await store.getStory('s3')).toBeUndefined()
        expect((await store.getStory('s1'))?.articles.map((x) => x.id)).toEqual([a, c])
        const linkable: string[] = []
        for await (const x of store.articlesSince('2024-01-01'))
          linkable.push(`${x.id}:${x.userAssigned}`)
        expect(linkable).toEqual([`${a}:false`, `${b}:true`, `${c}:true`])
      })

      const assign = (articleId: string, storyId: string, kind: 'new' | 'similar' = 'similar') =>
        store.saveStoryAssignment({ articleId, storyId, similarity: 0.5, reason: reason(kind) })

      test('corrections are logged in order: moves, splits and merges, from which story to which', async () => {
        const [a, b, c] = await three()
        await assign(a, 's1', 'new')
        await assign(b, 's1')
        await assign(c, 's1')
        expect(await store.storyCorrections()).toEqual([])
        const own = await store.moveArticle(b, 'new')
        await store.moveArticle(b, own) // no change: not logged
        const split = await store.splitStory('s1', [c, 'not-an-article'])
        expect(split).toBe(c)
        expect((await store.getArticle(c))?.storyId).toBe(split)
        await store.mergeStories('s1', own)
        const log = await store.storyCorrections()
        expect(log.map(({ seq: _, at: __, ...rest }) => rest)).toEqual([
          { kind: 'move', articleIds: [b], from: 's1', to: own },
          { kind: 'split', articleIds: [c], from: 's1', to: split },
          { kind: 'merge', articleIds: [b], from: own, to: 's1' },
        ])
        expect(log.map((x) => x.seq)).toEqual([...log.map((x) => x.seq)].sort((x, y) => x - y))
        expect(await store.storyCorrections({ after: log[1]!.seq })).toEqual([log[2]])
        expect((await store.getStory('s1'))?.articles.map((x) => x.id)).toEqual([a, b])
        // The corrected articles stay where the user put them.
        await assign(c, 's1')
        expect((await store.getArticle(c))?.storyId).toBe(split)
      })

      test('an automatic merge (absorbed) moves the automatic articles, keeps user ones, logs nothing', async () => {
        const [a, b, c] = await three()
        await assign(a, 's1', 'new')
        await assign(b, 's2', 'new')
        await assign(c, 's2')
        await store.moveArticle(c, 's2') // no change: c stays, but now placed by the user
        expect((await store.getArticle(c))?.storyId).toBe('s2')
        const before = await store.storyCorrections()
        const put = await store.putArticle(
          makeWrite(
            makeArticle({ url: 'https://d.example/fire', title: 'Fire 4', paragraphs: ['More.'] }),
            {
              links: {
                story: { storyId: 's1', similarity: 0.5, reason: reason('similar') },
                absorbed: ['s2'],
              },
            },
          ),
        )
        expect((await store.getStory('s1'))?.articles.map((x) => x.id).sort()).toEqual(
          [a, b, put.id].sort(),
        )
        expect((await store.getStory('s2'))?.articles.map((x) => x.id)).toEqual([c])
        expect((await store.getStory('s1'))?.story.articleCount).toBe(3)
        expect(await store.storyCorrections()).toEqual(before)
      })

      test('a split needs a known story and at least one of its articles', async () => {
        const [a, b] = await three()
        await assign(a, 's1', 'new')
        await expect(store.splitStory('nope', [a])).rejects.toMatchObject({ code: 'not_found' })
        await expect(store.splitStory('s1', [b])).rejects.toMatchObject({ code: 'invalid_input' })
        // Splitting out an article whose id names a story already gets a fresh id.
        await assign(b, a)
        await assign(a, a)
        expect(await store.splitStory(a, [a])).toBe(`${a}-2`)
      })

      test('links saved with an article: the reason in full, back-links cut to the best, rail teasers, the copy', async () => {
        const [a, b, c] = await three()
        await store.saveRelated(a, [{ articleId: b, score: 0.5 }])
        const put = await store.putArticle(
          makeWrite(
            makeArticle({
              url: 'https://d.example/fire',
              title: 'Fire 4',
              paragraphs: ['A fourth report on the fire.'],
              related: [
                { title: 'Elsewhere' },
                { title: 'Fire report 2', url: 'https://weekly.example/fire' },
              ],
            }),
            {
              links: {
                story: {
                  storyId: 's9',
                  similarity: 0.5,
                  reason: {
                    ...reason('similar'),
                    runnerUp: { storyId: 's2', similarity: 0.2 },
                    gapHours: 3,
                  },
                },
                copyOf: { originId: a, similarity: 0.9, wire: 'AP' },
                related: [{ articleId: a, score: 0.4 }],
                relatedBack: [
                  { articleId: a, score: 0.3 },
                  { articleId: b, score: 0.6 },
                ],
                relatedKeep: 1,
                rail: [
                  { fromId: 'later', teaser: 0, toId: c, by: 'title' },
                  { fromId: a, teaser: 3, toId: c, by: 'url' },
                ],
              },
            },
          ),
        )
        const d = put.id
        // Rail links: the one given for another page is saved under that page.
        const r = { fromId: d, teaser: 1, toId: c, by: 'url' as const }
        await store.saveLinks(d, { rail: [r] }, { status: 'ok' })
        const links = await store.railLinks(d)
        expect(links.map(({ target, ...x }) => ({ ...x, title: target.title }))).toEqual([
          { ...r, title: 'Fire report 2' },
        ])
        expect((await store.railLinks(a)).map((x) => [x.teaser, x.toId])).toEqual([[3, c]])
        // a's list keeps its best one (b at 0.5 beats d at 0.3); b's list gains d.
        expect((await store.related(a)).map((r) => r.id)).toEqual([b])
        expect((await store.related(b)).map((r) => [r.id, r.score])).toEqual([[d, 0.6]])
        expect(await store.copyLink(d)).toEqual({
          articleId: d,
          originId: a,
          similarity: 0.9,
          wire: 'AP',
        })
        expect(await store.copyLink(a)).toBeUndefined()
        const story = await store.getStory('s9')
        expect(story?.assignments[0]?.reason).toEqual({
          ...reason('similar'),
          runnerUp: { storyId: 's2', similarity: 0.2 },
          gapHours: 3,
        })
      })

      test('saveLinks links a stored article later and sets its link stage', async () => {
        const [a, b] = await three()
        expect((await store.getArticle(b))?.stages.link).toEqual({ status: 'pending' })
        await store.saveLinks(
          b,
          {
            story: { storyId: a, similarity: 0.7, reason: reason('similar') },
            related: [{ articleId: a, score: 0.2 }],
          },
          { status: 'ok' },
        )
        const got = await store.getArticle(b)
        expect(got?.storyId).toBe(a)
        expect(got?.stages.link).toEqual({ status: 'ok' })
        expect((await store.related(b)).map((r) => r.id)).toEqual([a])
        await expect(store.saveLinks('nope', {}, { status: 'ok' })).rejects.toMatchObject({
          code: 'not_found',
        })
      })
    })

    describe('sources', () => {
      test('sources are upserted by URL, with health, due times and a fetch log', async () => {
        const s = await store.upsertSource({
          url: 'https://feeds.example/rss',
          kind: 'feed',
          title: 'Example',
        })
        const again = await store.upsertSource({ url: 'https://feeds.example/rss', kind: 'feed' })
        expect(again.id).toBe(s.id)
        expect(again).toMatchObject({
          title: 'Example',
          intervalSeconds: 3600,
          failures: 0,
          itemCount: 0,
        })
        expect((await store.dueSources('2024-01-01T00:00:00Z')).map((x) => x.id)).toEqual([s.id])
        await store.updateSourceHealth(s.id, {
          lastFetchAt: '2024-01-01T00:00:00Z',
          failures: 2,
          lastError: { code: 'fetch_timeout', message: 'slow', at: '2024-01-01T00:00:00Z' },
          nextFetchAt: '2024-01-01T02:00:00Z',
          etag: '"abc"',
        })
        expect(await store.dueSources('2024-01-01T01:00:00Z')).toEqual([])
        const got = await store.getSource(s.id)
        expect(got).toMatchObject({
          failures: 2,
          etag: '"abc"',
          lastError: { code: 'fetch_timeout' },
        })
        await store.updateSourceHealth(s.id, { lastError: null, failures: 0 })
        expect((await store.getSource(s.url))?.lastError).toBeUndefined()
        await store.putArticle({
          ...macron(),
          source: { kind: 'feed', location: s.url, sourceId: s.id },
        })
        expect((await store.listSources())[0]?.itemCount).toBe(1)
        expect((await store.search({ q: 'reform', source: s.id })).items).toHaveLength(1)
        await store.logFetch({
          url: s.url,
          sourceId: s.id,
          at: '2024-01-01T00:00:00Z',
          outcome: 'error',
          errorCode: 'fetch_timeout',
          durationMs: 20000,
        })
        await store.logFetch({
          url: s.url,
          sourceId: s.id,
          at: '2024-01-01T01:00:00Z',
          status: 304,
          outcome: 'not_modified',
          durationMs: 12,
        })
        expect((await store.recentFetches({ sourceId: s.id })).map((f) => f.outcome)).toEqual([
          'not_modified',
          'error',
        ])
        await expect(store.updateSourceHealth('missing', { failures: 1 })).rejects.toThrow(
          /no source/,
        )
      })
    })

    test('the change token moves when the corpus changes, and only then', async () => {
      const before = await store.changeToken()
      expect(await store.changeToken()).toBe(before)
      await store.search({ q: 'pension' })
      expect(await store.changeToken()).toBe(before)
      await store.putArticle(macron())
      const after = await store.changeToken()
      expect(after).not.toBe(before)
      await store.putArticle(macron())
      expect(await store.changeToken()).toBe(after)
      await store.upsertSource({ url: 'https://news.example/feed.xml', kind: 'feed' })
      expect(await store.changeToken()).not.toBe(after)
    })

    test('stats count the corpus', async () => {
      await store.putArticle(macron())
      await store.putArticle(makeWrite(makeArticle({ title: 'bare' })))
      const s = await store.stats()
      expect(s).toMatchObject({
        articles: 2,
        revisions: 2,
        failures: 0,
        entities: 2,
        quotes: 1,
        stories: 0,
        sources: 0,
      })
      expect(s.stages.analyze).toEqual({ ok: 1, pending: 1 })
    })
  })
}
