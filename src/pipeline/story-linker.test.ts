import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Article, RawDocument, RelatedTeaser } from '../core/index.js'
import { ARTICLE_SCHEMA, joinBlocks, ok } from '../core/index.js'
import type { SourceEvent } from '../ingest/files/index.js'
import type { Store } from '../store/index.js'
import { openStore } from '../store/index.js'
import { Pipeline } from './run.js'
import { createStoryLinker, type StoryLinker } from './story-linker.js'
import { copyDiff, readStory } from './story-view.js'

// Hand-written articles on two subjects (floods in Valencia, an election in Norway).
const FLOOD = [
  'Rescuers in Valencia searched flooded homes for missing residents on Tuesday after torrential rain swept through the region overnight.',
  'Spanish emergency services said the water rose by two metres in some towns, cutting roads and railway lines across the Valencia region.',
  'The regional government opened sports halls for families who lost their homes and asked the army for help with the rescue.',
]
const FLOOD_2 = [
  'The death toll from the Valencia floods rose on Wednesday as rescuers reached towns cut off by the torrential rain.',
  'Spanish emergency services and soldiers pulled residents from flooded homes, and the regional government declared three days of mourning.',
  'Forecasters warned that more torrential rain could fall on the Valencia region before the weekend.',
]
const ELECTION = [
  'Norway voted in a parliamentary election on Monday, with Labour leader Jonas Gahr Store hoping to keep power in a close race.',
  'Polls showed the Conservatives close behind Labour, and smaller parties could decide who forms the next government in Oslo.',
  'Turnout was higher than four years ago, election officials said, as voters queued outside polling stations in Oslo and Bergen.',
]
const ELECTION_2 = [
  'Jonas Gahr Store claimed victory for Labour in the Norway parliamentary election after a close race with the Conservatives.',
  'The Labour leader said he would start talks with smaller parties on Tuesday to form a government in Oslo.',
  'The Conservatives conceded defeat but said the close race showed voters wanted change, officials in Oslo said.',
]

const H = (h: number) => new Date(Date.UTC(2024, 4, 1, h)).toISOString()

/** A stand-in extractor: the first line is the title, then one paragraph per line. */
const extract = (input: Uint8Array | string, o: { url?: string }) => {
  const s = typeof input === 'string' ? input : Buffer.from(input).toString('utf8')
  const [head, ...lines] = s.trim().split('\n')
  const meta = JSON.parse(head!) as { title: string; at: string; related?: RelatedTeaser[] }
  const { text, blocks } = joinBlocks(lines.map((l) => ({ kind: 'paragraph' as const, text: l })))
  const article: Article = {
    schema: ARTICLE_SCHEMA,
    ...(o.url !== undefined && { url: o.url }),
    title: meta.title,
    publishedAt: meta.at,
    authors: [],
    text,
    blocks,
    related: meta.related ?? [],
    removed: [],
    extraction: { inputFormat: 'text', method: 'test', confidence: 1 },
  }
  return ok(article)
}

const page = (
  url: string,
  title: string,
  at: string,
  paragraphs: string[],
  related: RelatedTeaser[] = [],
): RawDocument => ({
  body: `${JSON.stringify({ title, at, related })}\n${paragraphs.join('\n')}`,
  url,
  source: { kind: 'file', location: url },
  fetchedAt: at,
})

async function* events(...docs: RawDocument[]): AsyncGenerator<SourceEvent> {
  for (const d of docs) yield { type: 'document', document: d }
}

const f1 = () => page('https://a.example/floods', 'Floods in Valencia', H(1), FLOOD)
// A lightly rewritten wire copy: credit, a new headline, one sentence reworded.
const f1copy = () =>
  page('https://b.example/valencia-floods', 'Valencia hit by floods', H(2), [
    `VALENCIA, Spain (AP) — ${FLOOD[0]}`,
    FLOOD[1]!.replace('cutting roads', 'closing roads'),
    FLOOD[2]!,
  ])
const e1 = (related: RelatedTeaser[] = []) =>
  page('https://c.example/norway-votes', 'Norway votes', H(3), ELECTION, related)
const f2 = () => page('https://d.example/floods-toll', 'Valencia flood toll rises', H(4), FLOOD_2)
const e2 = () =>
  page('https://e.example/store-wins', 'Store claims victory in Norway', H(5), ELECTION_2)

describe('StoryLinker in the pipeline', () => {
  let store: Store
  const run = (linker: StoryLinker | undefined, ...docs: RawDocument[]) =>
    new Pipeline({
      store,
      extract,
      analyze: false,
      ...(linker && { linker }),
    }).run(events(...docs))
  const idOf = async (url: string) => (await store.findArticleByUrl(url))!.id
  beforeEach(() => {
    store = openStore({ path: ':memory:' })
  })
  afterEach(async () => {
    await store.close()
  })

  test('stories with their reasons, a wire copy under its origin with its diff, the rail', async () => {
    const teaser = { title: 'Store claims victory in Norway', url: 'https://e.example/store-wins' }
    await run(createStoryLinker(), f1(), f1copy(), e1([teaser]), f2(), e2())
    const [a, b, c, d, e] = await Promise.all(
      [f1, f1copy, e1, f2, e2].map(async (p) => idOf(p().url!)),
    )
    expect((await store.getArticle(a!))?.storyId).toBe(a)
    const flood = await readStory(store, a!)
    expect(flood?.articles.map((x) => [x.id, x.copies.map((y) => y.id)])).toEqual([
      [a, [b]],
      [d, []],
    ])
    const copy = flood!.articles[0]!.copies[0]!
    expect(copy.copy).toMatchObject({ originId: a, wire: 'AP' })
    expect(copy.why?.reason.kind).toBe('copy')
    expect(copy.diff?.headline).toEqual({
      from: 'Floods in Valencia',
      to: 'Valencia hit by floods',
    })
    expect(copy.diff?.sentencesRewritten.length).toBeGreaterThan(0)
    expect(await copyDiff(store, b!)).toEqual(copy.diff)
    const joined = flood!.articles[1]!.why!
    expect(joined.reason.kind).toBe('similar')
    expect(joined.reason.terms.join(' ')).toMatch(/Valencia|flood|rain|rescuers/i)
    expect(flood?.outlets.map((o) => o.name).sort()).toEqual([
      'a.example',
      'b.example',
      'd.example',
    ])
    expect((await store.getArticle(e!))?.storyId).toBe(c)
    // The election page's teaser pointed at an article stored after it.
    expect((await store.railLinks(c!)).map((r) => [r.teaser, r.toId, r.by])).toEqual([
      [0, e, 'url'],
    ])
    expect(await store.getArticle(a!)).toMatchObject({ stages: { link: { status: 'ok' } } })
  })

  test('related articles are saved both ways, never copies nor the own story', async () => {
    // Weeks later, floods again: its own story, related to the first one.
    const later = page(
      'https://f.example/rebuild',
      'Valencia rebuilds after the floods',
      H(24 * 30),
      [
        'A month after the floods, Valencia rebuilds homes and roads damaged by the torrential rain.',
        'Spanish emergency services said most residents had returned to their homes in the Valencia region.',
      ],
    )
    await run(createStoryLinker(), f1(), f1copy(), e1(), f2(), later)
    const [a, b, d, g] = await Promise.all(
      [f1, f1copy, f2].map((p) => idOf(p().url!)).concat(idOf(later.url!)),
    )
    const related = (await store.related(g!)).map((r) => r.id)
    expect(related.some((id) => id === a || id === d)).toBe(true)
    expect(related.filter((id) => id === a || id === b)).toHaveLength(1) // one per copy group
    // The earlier flood articles list the later one too.
    const back = [...(await store.related(a!)), ...(await store.related(d!))].map((r) => r.id)
    expect(back).toContain(g)
    expect((await store.related(a!)).map((r) => r.id)).not.toContain(d) // same story
    expect((await readStory(store, g!))?.related.map((r) => r.storyId)).toContain(a)
  })

  test('a correction made during a run is respected; a rebuilt linker decides the same', async () => {
    // A follow-up of the toll article, nearly the same text (and a second one elsewhere).
    const follow = (url: string) =>
      page(url, 'Valencia toll', H(6), [
        ...FLOOD_2.slice(0, 2),
        'More rain is expected on Friday, forecasters said.',
      ])
    let own = ''
    async function* source(): AsyncGenerator<SourceEvent> {
      yield* events(f1(), e1(), f2(), e2())
      // The user takes the toll article out of the flood story while the run goes on.
      own = await store.moveArticle(await idOf(f2().url!), 'new')
      yield* events(follow('https://g.example/toll'))
    }
    const live = createStoryLinker()
    await new Pipeline({
      store,
      extract,
      analyze: false,
      linker: live,
      batchSize: 1,
      correctionsPollMs: 0,
    }).run(source())
    const a = await idOf(f1().url!)
    expect(own).not.toBe(a)
    expect((await store.getArticle(await idOf('https://g.example/toll')))?.storyId).toBe(own)
    // A new process, warmed from the store: the same follow-up (another URL) goes the same way,
    // and the flood story remembers the article taken out of it, as the live linker's did.
    const rebuilt = createStoryLinker()
    await run(rebuilt, follow('https://h.example/toll'))
    expect((await store.getArticle(await idOf('https://h.example/toll')))?.storyId).toBe(own)
    const rejected = (l: StoryLinker) =>
      l.linker.toJSON().stories.stories.find((x) => x.id === a)?.rejected.length
    expect(rejected(live)).toBe(1)
    expect(rejected(rebuilt)).toBe(1)
    // Without the correction it would have joined the flood story.
    await store.close()
    store = openStore({ path: ':memory:' })
    await run(createStoryLinker(), f1(), e1(), f2(), e2(), follow('https://g.example/toll'))
    expect((await store.getArticle(await idOf('https://g.example/toll')))?.storyId).toBe(a)
  })

  test('merges and splits persist across a rebuild', async () => {
    await run(createStoryLinker(), f1(), e1(), f2(), e2())
    const [a, c, d, e] = await Promise.all([f1, e1, f2, e2].map((p) => idOf(p().url!)))
    await store.mergeStories(a!, c!)
    const rebuilt = createStoryLinker()
    const e3 = page('https://i.example/norway', 'Norway talks', H(7), [
      ELECTION_2[1]!,
      'Jonas Gahr Store met the leaders of two smaller parties in Oslo after the Norway election.',
    ])
    await run(rebuilt, e3)
    expect((await store.getArticle(await idOf(e3.url!)))?.storyId).toBe(a)
    expect(rebuilt.storyOf(c!)).toBe(a)
    const split = await store.splitStory(a!, [c!, e!])
    const again = createStoryLinker()
    const e4 = page('https://j.example/norway', 'Norway coalition', H(8), [
      'Labour leader Jonas Gahr Store agreed a coalition with two smaller parties after the Norway parliamentary election.',
      'The Conservatives said the close race showed that voters in Oslo and Bergen wanted change.',
    ])
    await run(again, e4)
    expect(again.storyOf(d!)).toBe(a)
    expect(again.storyOf(e!)).toBe(split)
    expect((await store.getArticle(await idOf(e4.url!)))?.storyId).toBe(split)
  })

  test('articles stored without linking are linked by the next run, even with nothing new', async () => {
    await run(undefined, f1(), e1(), f2())
    const [a, d] = await Promise.all([f1, f2].map((p) => idOf(p().url!)))
    expect((await store.getArticle(d!))?.stages.link).toEqual({ status: 'pending' })
    const reports: unknown[] = []
    await new Pipeline({
      store,
      extract,
      analyze: false,
      linker: createStoryLinker(),
      onWarmUp: (r) => reports.push(r),
    }).run(events())
    expect(reports).toEqual([expect.objectContaining({ remembered: 3, linked: 3, failed: 0 })])
    expect(await store.getArticle(d!)).toMatchObject({
      storyId: a,
      stages: { link: { status: 'ok' } },
    })
  })

  test("a page's new revision is no copy of its previous one, nor related to it", async () => {
    await run(createStoryLinker(), f1(), e1())
    const first = await idOf(f1().url!)
    const revised = page('https://a.example/floods', 'Floods in Valencia (updated)', H(2), [
      ...FLOOD,
      'Update: two more residents were found alive, the regional government said.',
    ])
    const linker = createStoryLinker()
    await run(linker, revised)
    const now = await idOf(revised.url!)
    expect(now).not.toBe(first)
    const got = await store.getArticle(now)
    expect(got?.copyOf).toBeUndefined()
    expect(got?.storyId).toBe(first)
    expect(linker.related(now, { sameStory: true }).map((r) => r.id)).not.toContain(first)
  })
})
