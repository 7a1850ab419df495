/**
 * A small hand-made news corpus for the reader's tests: two fictional stories told by three
 * outlets (one article a syndicated copy of another), run through the real pipeline — real HTML
 * extraction — with gold annotations (people, quotes with speakers) and story links supplied by
 * a fixture analyzer and linker, so the reader's pages can be tested before the NLP and linking
 * stages land. Every text here was written for these tests.
 */
import type { AnalyzedArticle, Article, Entity, Quote } from '../../src/core/index.js'
import { ANNOTATIONS_SCHEMA } from '../../src/core/index.js'
import type { Linker } from '../../src/pipeline/index.js'
import { Pipeline } from '../../src/pipeline/index.js'
import type { Store } from '../../src/store/index.js'

export interface FixturePerson {
  name: string
  type: Entity['type']
  descriptions: string[]
}

export interface FixturePage {
  url: string
  outlet: string
  title: string
  authors: string[]
  published: string
  paragraphs: string[]
  /** Quote texts (without marks) and who said them; each must appear in a paragraph. */
  quotes: { text: string; speaker: string }[]
  people: FixturePerson[]
  story: string
  /** The URL of the article this one copies. */
  copyOf?: string
}

const MAYOR: FixturePerson = {
  name: 'Maria Lopez',
  type: 'person',
  descriptions: ['Mayor of Port Ellis'],
}
const ENGINEER: FixturePerson = {
  name: 'Tom Becker',
  type: 'person',
  descriptions: ['chief engineer'],
}
const COUNCIL: FixturePerson = {
  name: 'Port Ellis City Council',
  type: 'organization',
  descriptions: [],
}
const TOWN: FixturePerson = { name: 'Port Ellis', type: 'place', descriptions: [] }
const UNIONIST: FixturePerson = {
  name: 'Ana Silva',
  type: 'person',
  descriptions: ['leader of the rail workers union'],
}

const BARRIER_QUOTE = 'This barrier will protect every home on the waterfront for fifty years'
const COST_QUOTE = 'We have checked every number twice and the budget holds'

export const READER_PAGES: FixturePage[] = [
  {
    url: 'https://gazette.example/news/flood-barrier-approved',
    outlet: 'Port Ellis Gazette',
    title: 'Port Ellis approves a flood barrier for the waterfront',
    authors: ['Jane Reporter'],
    published: '2024-03-01T09:00:00Z',
    paragraphs: [
      'The Port Ellis City Council voted on Thursday to build a flood barrier along the old harbour, ending a debate that has divided the town for three winters.',
      `Mayor Maria Lopez defended the plan before the vote. "${BARRIER_QUOTE}," Lopez said, as residents who had lost their ground floors to the storms of last year applauded from the gallery.`,
      `The barrier will cost 48 million euros over four years. Chief engineer Tom Becker told the council that the figures had been reviewed by an outside firm. "${COST_QUOTE}," Becker said.`,
      'Opponents argued that the wall would cut the town off from its beaches and that the money would be better spent moving homes away from the shore. The council rejected their amendment by eleven votes to four.',
      'Work on the first section, near the fish market, is due to begin in the spring, once the contracts have been signed and the permits granted by the regional authority.',
    ],
    quotes: [
      { text: BARRIER_QUOTE, speaker: 'Maria Lopez' },
      { text: COST_QUOTE, speaker: 'Tom Becker' },
    ],
    people: [MAYOR, ENGINEER, COUNCIL, TOWN],
    story: 'barrier',
  },
  {
    url: 'https://wire.example/2024/03/01/port-ellis-barrier',
    outlet: 'Coastal Wire',
    title: 'Coastal town backs 48 million euro sea wall',
    authors: ['Wire Staff'],
    published: '2024-03-01T11:30:00Z',
    paragraphs: [
      'Councillors in Port Ellis approved a 48 million euro flood barrier on Thursday after a long night of debate in the town hall.',
      `"${BARRIER_QUOTE}," Mayor Maria Lopez said before the vote, which passed by eleven votes to four.`,
      'Residents on the waterfront have faced repeated flooding in recent winters, and insurers have raised premiums for hundreds of homes along the harbour road.',
      'The regional authority must still grant permits before construction can begin. Critics say they will appeal the decision and have started collecting signatures for a referendum.',
    ],
    quotes: [{ text: BARRIER_QUOTE, speaker: 'Maria Lopez' }],
    people: [MAYOR, TOWN],
    story: 'barrier',
  },
  {
    url: 'https://tide.example/world/sea-wall-port-ellis',
    outlet: 'Daily Tide',
    title: 'Coastal town backs 48 million euro sea wall',
    authors: ['Coastal Wire'],
    published: '2024-03-01T13:00:00Z',
    paragraphs: [
      'Councillors in Port Ellis approved a 48 million euro flood barrier on Thursday after a long night of debate in the town hall.',
      `"${BARRIER_QUOTE}," Mayor Maria Lopez said before the vote, which passed by eleven votes to four.`,
      'Residents on the waterfront have faced repeated flooding in recent winters, and insurers have raised premiums for hundreds of homes along the harbour road.',
      'The regional authority must still grant permits before construction can begin. Critics say they will appeal the decision and have started collecting signatures for a referendum.',
    ],
    quotes: [{ text: BARRIER_QUOTE, speaker: 'Maria Lopez' }],
    people: [MAYOR, TOWN],
    story: 'barrier',
    copyOf: 'https://wire.example/2024/03/01/port-ellis-barrier',
  },
  {
    url: 'https://gazette.example/news/rail-strike-ends',
    outlet: 'Port Ellis Gazette',
    title: 'Regional rail strike ends after pay deal',
    authors: ['Sam Writer'],
    published: '2024-03-03T08:00:00Z',
    paragraphs: [
      'Trains returned to the coastal line on Sunday after rail workers accepted a pay offer that ends a strike of nine days.',
      '"Our members held firm and the company finally listened to them," said Ana Silva, the leader of the rail workers union, at a meeting in the depot.',
      'The agreement raises wages by six per cent this year and four per cent next year, and adds two staff to every night train on the line through Port Ellis.',
      'Commuters had faced long queues for replacement buses, and shops near the station said their takings had fallen by a third during the strike.',
    ],
    quotes: [
      {
        text: 'Our members held firm and the company finally listened to them',
        speaker: 'Ana Silva',
      },
    ],
    people: [UNIONIST, TOWN],
    story: 'strike',
  },
]

/** The HTML page of a fixture article, shaped like a real news page. */
export function pageHtml(p: FixturePage): string {
  const esc = (s: string) =>
    s
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${esc(p.title)} | ${esc(p.outlet)}</title>
<link rel="canonical" href="${esc(p.url)}">
<meta property="og:site_name" content="${esc(p.outlet)}">
<meta property="og:title" content="${esc(p.title)}">
<meta property="article:published_time" content="${p.published}">
${p.authors.map((a) => `<meta name="author" content="${esc(a)}">`).join('\n')}
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>${esc(p.title)}</h1>
<p class="byline">By ${esc(p.authors.join(' and '))}</p>
${p.paragraphs.map((t) => `<p>${esc(t)}</p>`).join('\n')}
</article>
<aside><h2>You may also like</h2><ul><li><a href="/a">Harbour festival returns</a></li><li><a href="/b">New ferry timetable</a></li></ul></aside>
</main><footer><p>© ${esc(p.outlet)}. All rights reserved.</p></footer></body></html>`
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-')

/** Gold annotations for a fixture article, located in the extracted text by search. */
export function fixtureAnalysis(article: Article, page: FixturePage): AnalyzedArticle {
  const text = article.text
  const entities: Entity[] = page.people.map((p) => {
    const mentions: Entity['mentions'] = []
    const surname = p.type === 'person' ? p.name.split(' ').pop()! : undefined
    for (const form of [p.name, ...(surname ? [surname] : [])]) {
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) {
        if (mentions.some((m) => at >= m.start && at < m.end)) continue
        mentions.push({ start: at, end: at + form.length, text: form, kind: 'name' })
      }
    }
    return {
      id: `e-${slug(p.name)}`,
      type: p.type,
      name: p.name,
      aliases: surname ? [surname] : [],
      descriptions: p.descriptions,
      mentions: mentions.sort((a, b) => a.start - b.start),
    }
  })
  const quotes: Quote[] = []
  for (const [i, q] of page.quotes.entries()) {
    const start = text.indexOf(q.text)
    if (start < 0) continue
    const speaker = entities.find((e) => e.name === q.speaker)
    const mention = speaker?.mentions.find((m) => m.start > start) ?? speaker?.mentions[0]
    quotes.push({
      id: `q${i + 1}`,
      kind: 'direct',
      text: q.text,
      start,
      end: start + q.text.length,
      speaker: {
        name: q.speaker,
        anonymous: false,
        ...(speaker && { entityId: speaker.id }),
        ...(mention && { mention: { start: mention.start, end: mention.end } }),
      },
      confidence: 0.9,
    })
  }
  const sentences: { start: number; end: number }[] = []
  for (const m of text.matchAll(/[^.!?]+[.!?]+["”]?/g))
    sentences.push({ start: m.index, end: m.index + m[0].length })
  return {
    article,
    annotations: {
      schema: ANNOTATIONS_SCHEMA,
      sentences,
      entities: entities.filter((e) => e.mentions.length > 0),
      quotes,
    },
  }
}

/** An analyzer that gives each fixture page its gold annotations (others get none). */
export function fixtureAnalyzer(pages: FixturePage[]) {
  return (article: Article): AnalyzedArticle => {
    const page = pages.find((p) => p.url === article.canonicalUrl || p.url === article.url)
    if (!page)
      return {
        article,
        annotations: { schema: ANNOTATIONS_SCHEMA, sentences: [], entities: [], quotes: [] },
      }
    return fixtureAnalysis(article, page)
  }
}

/** A linker that puts fixture pages into their stories and links copies to their origins. */
export function fixtureLinker(pages: FixturePage[]): Linker {
  const idOfUrl = new Map<string, string>()
  const storyIds = new Map<string, string>()
  return {
    name: 'fixture-linker',
    link(input) {
      const url = input.article.canonicalUrl ?? input.article.url
      const page = pages.find((p) => p.url === url)
      if (url) idOfUrl.set(url, input.id)
      if (!page) return {}
      const known = storyIds.get(page.story)
      const storyId = known ?? input.id
      storyIds.set(page.story, storyId)
      const origin = page.copyOf ? idOfUrl.get(page.copyOf) : undefined
      return {
        story: {
          storyId,
          similarity: known ? 0.8 : 1,
          reason: { terms: ['barrier'], entities: [], quotes: [], kind: known ? 'similar' : 'new' },
        },
        ...(origin && { copyOf: { originId: origin, similarity: 0.98, wire: 'Coastal Wire' } }),
      }
    },
  }
}

/** Ingests the fixture corpus (and any extra pages) into a store; returns ids by URL. */
export async function buildReaderCorpus(
  store: Store,
  pages: FixturePage[] = READER_PAGES,
): Promise<Map<string, string>> {
  const pipeline = new Pipeline({
    store,
    analyze: fixtureAnalyzer(pages),
    analyzer: 'fixture',
    linker: fixtureLinker(pages),
  })
  const ids = new Map<string, string>()
  for (const p of pages) {
    const outcome = await pipeline.process({
      body: pageHtml(p),
      url: p.url,
      contentType: 'text/html; charset=utf-8',
      source: { kind: 'url', location: p.url },
      fetchedAt: p.published,
    })
    if (outcome.outcome === 'failed')
      throw new Error(
        `fixture ${p.url} failed at ${outcome.stage}: ${outcome.code} ${outcome.message}`,
      )
    ids.set(p.url, outcome.id)
  }
  return ids
}
