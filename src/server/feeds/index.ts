/**
 * @module server/feeds: Atom feeds out — the front page, each story, each person's quotes and
 * any search (a saved search becomes an alert any feed reader can follow).
 */
import type { Context, Hono } from 'hono'
import { LedeError } from '../../core/index.js'
import type { ArticleSummary } from '../../store/index.js'
import { MATCH_END, MATCH_START } from '../../store/index.js'
import { SearchQuerySchema } from '../api/schemas.js'
import { searchQuery } from '../api/util.js'
import type { AppEnv } from '../context.js'
import { articlePath, entityPath, queryString, storyPath } from '../web/format.js'
import type { AtomEntry } from './atom.js'
import { renderAtom } from './atom.js'

/** Entries per feed: a day or two of a busy corpus; readers poll every few minutes. */
const FEED_SIZE = 30

const unmark = (s: string) => s.replaceAll(MATCH_START, '').replaceAll(MATCH_END, '')

function articleEntry(origin: string, a: ArticleSummary, summary?: string): AtomEntry {
  return {
    id: `${origin}${articlePath(a.id)}`,
    title: a.title ?? a.excerpt.slice(0, 80),
    updated: a.publishedAt ?? a.fetchedAt,
    ...(a.publishedAt !== undefined && { published: a.publishedAt }),
    link: `${origin}${articlePath(a.id)}`,
    summary: summary ?? a.excerpt,
    source: a.siteName ?? a.host ?? 'unknown',
  }
}

function atom(c: Context<AppEnv>, body: string) {
  return c.body(body, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' })
}

export function feedRoutes(app: Hono<AppEnv>): void {
  app.get('/feeds/front.atom', async (c) => {
    const { store, siteName } = c.var.deps
    const origin = new URL(c.req.url).origin
    const [stories, articles] = await Promise.all([
      store.listStories({ limit: FEED_SIZE }),
      store.listArticles({ limit: FEED_SIZE }),
    ])
    const entries: AtomEntry[] =
      stories.items.length > 0
        ? stories.items.map((s) => ({
            id: `${origin}${storyPath(s.id)}`,
            title: s.title,
            updated: s.lastAt,
            published: s.firstAt,
            link: `${origin}${storyPath(s.id)}`,
            summary: `${s.articleCount} articles from ${s.outletCount} outlets${s.people.length > 0 ? `; with ${s.people.map((p) => p.name).join(', ')}` : ''}`,
          }))
        : articles.items.map((a) => articleEntry(origin, a))
    return atom(
      c,
      renderAtom({
        id: `${origin}/`,
        title: `${siteName}: the latest news`,
        link: `${origin}/`,
        self: `${origin}/feeds/front.atom`,
        updated: entries[0]?.updated ?? new Date(0).toISOString(),
        entries,
      }),
    )
  })

  app.get('/feeds/story/:id{.+\\.atom}', async (c) => {
    const { store, siteName } = c.var.deps
    const id = c.req.param('id').replace(/\.atom$/, '')
    const origin = new URL(c.req.url).origin
    const data = await store.getStory(id)
    if (!data) throw new LedeError('not_found', `no story ${id}`)
    const articles = [...data.articles, ...data.articles.flatMap((a) => a.copies)]
      .sort((a, b) => (b.publishedAt ?? b.fetchedAt).localeCompare(a.publishedAt ?? a.fetchedAt))
      .slice(0, FEED_SIZE)
    return atom(
      c,
      renderAtom({
        id: `${origin}${storyPath(id)}`,
        title: `${siteName}: ${data.story.title}`,
        link: `${origin}${storyPath(id)}`,
        self: `${origin}/feeds/story/${encodeURIComponent(id)}.atom`,
        updated: data.story.lastAt,
        entries: articles.map((a) => articleEntry(origin, a)),
      }),
    )
  })

  app.get('/feeds/entity/:key/quotes.atom', async (c) => {
    const { store, siteName } = c.var.deps
    const key = c.req.param('key')
    const origin = new URL(c.req.url).origin
    const entity = await store.getEntity(key)
    if (!entity) throw new LedeError('not_found', `no entity ${key}`)
    const quotes = await store.quotesBy(key, { limit: FEED_SIZE })
    return atom(
      c,
      renderAtom({
        id: `${origin}${entityPath(key)}#quotes`,
        title: `${siteName}: what ${entity.name} said`,
        link: `${origin}${entityPath(key)}`,
        self: `${origin}/feeds/entity/${encodeURIComponent(key)}/quotes.atom`,
        updated: quotes.items[0]?.publishedAt ?? entity.lastSeenAt ?? new Date(0).toISOString(),
        entries: quotes.items.map((q) => ({
          id: `${origin}${articlePath(q.articleId)}#${encodeURIComponent(q.quoteId)}`,
          title: `${entity.name}: “${q.text.length > 90 ? `${q.text.slice(0, 90)}…` : q.text}”`,
          updated: q.publishedAt ?? new Date(0).toISOString(),
          link: `${origin}${articlePath(q.articleId)}`,
          summary: `${q.text}${q.articleTitle ? ` (in “${q.articleTitle}”)` : ''}`,
          authors: [entity.name],
        })),
      }),
    )
  })

  app.get('/feeds/search.atom', async (c) => {
    const { store, siteName } = c.var.deps
    const origin = new URL(c.req.url).origin
    const raw = c.req.query()
    const query = SearchQuerySchema.parse({ ...raw, limit: String(FEED_SIZE) })
    delete query.cursor
    const quotes = raw['mode'] === 'quotes'
    const qs = queryString({
      q: query.q,
      mode: quotes ? 'quotes' : undefined,
      source: query.source,
      from: query.from,
      to: query.to,
      speaker: query.speaker,
      entity: query.entity,
      hasQuotes: query.hasQuotes ? 'true' : undefined,
    })
    const label = [query.q && `“${query.q}”`, query.speaker && `said by ${query.speaker}`]
      .filter(Boolean)
      .join(' ')
    let entries: AtomEntry[]
    if (quotes) {
      const page = await store.searchQuotes(searchQuery(query))
      entries = page.items.map((q) => ({
        id: `${origin}${articlePath(q.articleId)}#${encodeURIComponent(q.quoteId)}`,
        title: `${q.speakerName ?? 'Unattributed'}: “${q.text.length > 90 ? `${q.text.slice(0, 90)}…` : q.text}”`,
        updated: q.publishedAt ?? new Date(0).toISOString(),
        link: `${origin}${articlePath(q.articleId)}`,
        summary: unmark(q.snippet),
        authors: [q.speakerName ?? 'unknown'],
      }))
    } else {
      const page = await store.search(searchQuery(query))
      entries = page.items.map((a) => articleEntry(origin, a, unmark(a.snippet)))
    }
    return atom(
      c,
      renderAtom({
        id: `${origin}/search${qs}`,
        title: `${siteName}: ${quotes ? 'quotes' : 'search'} ${label || '(everything)'}`,
        link: `${origin}/search${qs}`,
        self: `${origin}/feeds/search.atom${qs}`,
        updated:
          entries.map((e) => e.updated).sort((a, b) => b.localeCompare(a))[0] ??
          new Date(0).toISOString(),
        entries,
      }),
    )
  })
}
