/**
 * Linking end to end through the CLI: `lede ingest` on a folder of hand-made HTML pages links
 * them (a rewritten wire copy folded under its origin, with what it changed; a page's related
 * rail matched to a stored article); `lede stories` and `lede story <id>` show it; `lede story
 * move | merge | split` record corrections that a later `lede ingest` keeps and builds on.
 * The pages are written by the test (invented text, no licence needed).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { Command } from 'commander'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CommandIo, IngestFlags } from '../../src/cli/commands/ingest.js'
import { runIngest } from '../../src/cli/commands/ingest.js'
import {
  registerStories,
  runStories,
  runStory,
  runStoryMerge,
  runStoryMove,
  runStorySplit,
} from '../../src/cli/commands/stories.js'
import type { StoryView } from '../../src/pipeline/index.js'
import type { StorySummary } from '../../src/store/index.js'
import { openStore } from '../../src/store/index.js'

const FLOOD = [
  'Rescuers in Valencia searched flooded homes for missing residents on Tuesday after torrential rain swept through the region overnight, officials said.',
  'Spanish emergency services said the water rose by two metres in some towns, cutting roads and railway lines across the Valencia region.',
  'The regional government opened sports halls for families who lost their homes and asked the army for help with the rescue.',
  'Forecasters at the national weather agency warned that more storms could reach the coast later in the week.',
]
// The copy an aggregator ran: a new headline, the wire's dateline and credit, one word swapped,
// the last paragraph cut and one of its own added.
const FLOOD_COPY = [
  `VALENCIA, Spain (AP) — ${FLOOD[0]}`,
  FLOOD[1]!.replace('cutting roads', 'closing roads'),
  FLOOD[2]!,
  'Readers can follow live updates on the floods on our website throughout the day.',
]
const ELECTION = [
  'Norway voted in a parliamentary election on Monday, with Labour leader Jonas Gahr Store hoping to keep power in a close race.',
  'Polls showed the Conservatives close behind Labour, and smaller parties could decide who forms the next government in Oslo.',
  'Turnout was higher than four years ago, election officials said, as voters queued outside polling stations in Oslo and Bergen.',
]
// Five days later, well past the time a story stays open without news (24–72 h): a story of its
// own until a user says otherwise.
const SEARCH = [
  'Rescuers in Valencia were still searching flooded homes on Monday as the death toll from the torrential rain rose again.',
  'Soldiers and Spanish emergency services cleared roads and railway lines, and the regional government said families who lost their homes would get help.',
]
// Two hours after SEARCH, on the same day's search.
const SEARCH_2 = [
  'Rescuers in Valencia kept searching flooded homes on Monday afternoon as the death toll from the torrential rain rose again.',
  'Soldiers and emergency services cleared roads and railway lines, and the regional government promised help for families who lost their homes.',
]

interface Page {
  file: string
  url: string
  site: string
  title: string
  at: string
  paragraphs: string[]
  rail?: { title: string; url: string }[]
}

const PAGES: Page[] = [
  {
    file: '01-floods.html',
    url: 'https://a.example/world/valencia-floods',
    site: 'Daily A',
    title: 'Floods in Valencia',
    at: '2024-05-01T01:00:00Z',
    paragraphs: FLOOD,
  },
  {
    file: '02-copy.html',
    url: 'https://b.example/news/valencia-hit-by-floods',
    site: 'Aggregator B',
    title: 'Valencia hit by deadly floods',
    at: '2024-05-01T03:00:00Z',
    paragraphs: FLOOD_COPY,
  },
  {
    file: '03-norway.html',
    url: 'https://c.example/europe/norway-votes',
    site: 'Daily C',
    title: 'Norway votes in close election',
    at: '2024-05-01T05:00:00Z',
    paragraphs: ELECTION,
    rail: [
      { title: 'Floods in Valencia', url: 'https://a.example/world/valencia-floods' },
      { title: 'A page nobody stored', url: 'https://z.example/elsewhere' },
    ],
  },
  {
    file: '04-search.html',
    url: 'https://d.example/valencia-search',
    site: 'Daily D',
    title: 'Valencia searches go on',
    at: '2024-05-06T10:00:00Z',
    paragraphs: SEARCH,
  },
]
const LATER: Page = {
  file: '05-afternoon.html',
  url: 'https://e.example/valencia-afternoon',
  site: 'Daily E',
  title: 'Valencia search continues',
  at: '2024-05-06T12:00:00Z',
  paragraphs: SEARCH_2,
}

const html = (p: Page) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${p.title} | ${p.site}</title>
<link rel="canonical" href="${p.url}">
<meta property="og:site_name" content="${p.site}">
<meta property="article:published_time" content="${p.at}"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${p.title}</h1><time datetime="${p.at}">${p.at}</time>
${p.paragraphs.map((x) => `<p>${x}</p>`).join('\n')}
</article>
${p.rail ? `<aside class="related"><h2>You May Also Like</h2><ul>${p.rail.map((r) => `<li><a href="${r.url}">${r.title}</a></li>`).join('')}</ul></aside>` : ''}
<footer>© ${p.site}</footer></body></html>`

function capture(): { io: CommandIo; out: () => string } {
  const stdout = new PassThrough()
  let text = ''
  stdout.on('data', (d: Buffer) => {
    text += d.toString()
  })
  const stderr = new PassThrough() as unknown as NodeJS.WriteStream
  return { io: { stdout, stderr, stdin: Readable.from([]), env: {} }, out: () => text }
}

describe('lede ingest links; lede stories / story / story move|merge|split', () => {
  let dir: string
  let pages: string
  let db: string
  const ids = new Map<string, string>()
  const id = (p: Page) => ids.get(p.url)!

  const ingest = async () => {
    const c = capture()
    const flags: IngestFlags = { db, analyze: true, raw: true, format: 'auto', quiet: true }
    expect(await runIngest([pages], flags, c.io)).toBe(0)
    const summary = JSON.parse(c.out()) as { inserted: number; failed: number }
    const store = openStore({ path: db })
    for (const p of [...PAGES, LATER]) {
      const a = await store.findArticleByUrl(p.url)
      if (a) ids.set(p.url, a.id)
    }
    await store.close()
    return summary
  }
  const stories = async () => {
    const c = capture()
    expect(await runStories({ db, limit: '50' }, c.io)).toBe(0)
    return c
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as StorySummary & { outlets: { name: string }[] })
  }
  const story = async (storyOrArticle: string) => {
    const c = capture()
    expect(await runStory(storyOrArticle, { db }, c.io)).toBe(0)
    return JSON.parse(c.out()) as StoryView
  }
  const storyOf = async (p: Page) => (await story(id(p))).story.id
  const json = <T>(c: { out: () => string }) => JSON.parse(c.out()) as T

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lede-stories-'))
    pages = join(dir, 'pages')
    db = join(dir, 'lede.db')
    mkdirSync(pages)
    for (const p of PAGES) writeFileSync(join(pages, p.file), html(p))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('ingest links every article: the rewritten copy joins its origin, folded under it with what it changed', async () => {
    expect(await ingest()).toMatchObject({ inserted: 4, failed: 0 })
    const [origin, copy, norway] = PAGES
    const flood = await story(id(origin!))
    expect(flood.articles.map((a) => a.id)).not.toContain(id(copy!))
    const first = flood.articles.find((a) => a.id === id(origin!))!
    expect(first.copies.map((c) => c.id)).toEqual([id(copy!)])
    const c = first.copies[0]!
    expect(c.copy).toMatchObject({ originId: id(origin!), wire: 'AP' })
    expect(c.why?.reason.kind).toBe('copy')
    expect(c.diff?.headline).toEqual({ from: origin!.title, to: copy!.title })
    expect(c.diff?.paragraphsAdded).toEqual([FLOOD_COPY[3]])
    expect(c.diff?.paragraphsRemoved).toEqual([FLOOD[3]])
    expect(c.diff?.sentencesRewritten.length).toBeGreaterThanOrEqual(1)
    expect(flood.story.articleCount).toBe(2)
    expect(flood.outlets.map((o) => o.name).sort()).toEqual(['Aggregator B', 'Daily A'])
    // The election is a story of its own; its page's rail points at the stored flood article.
    const election = await story(id(norway!))
    expect(election.story.id).not.toBe(flood.story.id)
    expect(election.articles[0]!.why?.reason.kind).toBe('new')
    expect(election.articles[0]!.rail.map((r) => [r.teaser, r.toId, r.by])).toEqual([
      [0, id(origin!), 'url'],
    ])
    // Every article has a story and a recorded reason; the listing counts copies as articles.
    const listed = await stories()
    expect(listed.reduce((n, s) => n + s.articleCount, 0)).toBe(4)
    expect(listed.find((s) => s.id === flood.story.id)?.outlets).toHaveLength(2)
  })

  test('the text view names the copy, its wire credit and its changes', async () => {
    const c = capture()
    c.io.stdout.isTTY = true
    expect(await runStory(id(PAGES[0]!), { db }, c.io)).toBe(0)
    expect(c.out()).toMatch(/↳ copy: .*Aggregator B {2}Valencia hit by deadly floods/)
    expect(c.out()).toMatch(
      /credits AP; .*headline “Valencia hit by deadly floods”, 1 paragraph added, 1 paragraph cut/,
    )
  })

  test('a move survives a later ingest, and a new article follows the moved one into its story', async () => {
    const [origin, , , search] = PAGES
    const flood = await storyOf(origin!)
    // Days later, the search article opened a story of its own; the user says it belongs here.
    expect(await storyOf(search!)).not.toBe(flood)
    const moved = capture()
    expect(await runStoryMove(id(search!), flood, { db }, moved.io)).toBe(0)
    expect(json(moved)).toMatchObject({ story: flood, moved: [id(search!)] })
    writeFileSync(join(pages, LATER.file), html(LATER))
    expect(await ingest()).toMatchObject({ inserted: 1, failed: 0 })
    const view = await story(flood)
    const byId = new Map(view.articles.map((a) => [a.id, a]))
    expect(byId.get(id(search!))?.why?.reason.kind).toBe('user')
    expect(byId.get(id(LATER))?.why?.reason.kind).toBe('similar')
    expect(view.story.articleCount).toBe(4)
  })

  test('control: without the move, the new article joins the search article in its own story', async () => {
    const control = join(dir, 'control.db')
    const c = capture()
    const flags: IngestFlags = {
      db: control,
      analyze: true,
      raw: true,
      format: 'auto',
      quiet: true,
    }
    expect(await runIngest([pages], flags, c.io)).toBe(0)
    const store = openStore({ path: control })
    const search = await store.findArticleByUrl(PAGES[3]!.url)
    const later = await store.findArticleByUrl(LATER.url)
    const flood = await store.findArticleByUrl(PAGES[0]!.url)
    await store.close()
    expect(later?.storyId).toBe(search?.storyId)
    expect(later?.storyId).not.toBe(flood?.storyId)
  })

  test('merge and split are recorded and kept by the next ingest', async () => {
    const [origin, , norway] = PAGES
    const flood = await storyOf(origin!)
    const election = await storyOf(norway!)
    const merged = capture()
    expect(await runStoryMerge(flood, election, { db }, merged.io)).toBe(0)
    expect(json(merged)).toMatchObject({ story: flood, merged: election, articles: 1 })
    expect(await storyOf(norway!)).toBe(flood)
    const split = capture()
    expect(await runStorySplit(flood, [id(norway!)], { db }, split.io)).toBe(0)
    const apart = json<{ story: string; articles: number }>(split)
    expect(apart.articles).toBe(1)
    expect(await storyOf(norway!)).toBe(apart.story)
    // A run with nothing new replays the corrections and changes nothing.
    expect(await ingest()).toMatchObject({ inserted: 0, failed: 0 })
    expect(await storyOf(norway!)).toBe(apart.story)
    expect(await storyOf(LATER)).toBe(flood)
    const store = openStore({ path: db })
    expect((await store.storyCorrections()).map((c) => c.kind)).toEqual(['move', 'merge', 'split'])
    await store.close()
  })

  test('the command line: `lede story move` reads --db wherever it is given', async () => {
    const program = new Command().exitOverride()
    registerStories(program)
    const [origin, , norway] = PAGES
    const flood = await storyOf(origin!)
    const out = process.stdout.write
    process.stdout.write = (() => true) as typeof process.stdout.write
    try {
      await program.parseAsync(['story', 'move', id(norway!), flood, '--db', db, '--json'], {
        from: 'user',
      })
      expect(await storyOf(norway!)).toBe(flood)
      await program.parseAsync(['story', '--db', db, 'move', id(norway!), 'new', '--json'], {
        from: 'user',
      })
    } finally {
      process.stdout.write = out
    }
    expect(await storyOf(norway!)).not.toBe(flood)
  })

  test('errors: an unknown story, a story merged into itself', async () => {
    await expect(runStory('nope', { db }, capture().io)).rejects.toThrow(/no story or article nope/)
    const flood = await storyOf(PAGES[0]!)
    await expect(runStoryMerge(flood, flood, { db }, capture().io)).rejects.toThrow(/itself/)
    await expect(runStoryMove(id(PAGES[0]!), 'nope', { db }, capture().io)).rejects.toThrow(
      /no story nope/,
    )
  })
})
