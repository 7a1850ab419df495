/**
 * @module server/web: the reader's pages, rendered on the server with hono/jsx (which escapes
 * every value). One function per page under pages/; routes here validate, fetch and render.
 */
import type { Context, Hono } from 'hono'
import type { Child } from 'hono/jsx'
import { z } from 'zod'
import { LedeError } from '../../core/index.js'
import type { ArticleSummary, Store, StoredArticle } from '../../store/index.js'
import { MATCH_END, MATCH_START } from '../../store/index.js'
import {
  EntityListQuerySchema,
  ListQuerySchema,
  PagingQuerySchema,
  SearchQuerySchema,
} from '../api/schemas.js'
import { defined, listQuery, searchQuery } from '../api/util.js'
import type { AppEnv } from '../context.js'
import { toHttpError } from '../errors.js'
import type { Assets } from './assets.js'
import { articlePath, queryString } from './format.js'
import type { PageMeta } from './layout.js'
import { Layout } from './layout.js'
import { ArticlePage } from './pages/article.js'
import { EntitiesPage } from './pages/entities.js'
import { EntityPage } from './pages/entity.js'
import { FrontPage } from './pages/front.js'
import type { SearchForm } from './pages/search.js'
import { SearchPage } from './pages/search.js'
import { ErrorPage, JobPage, SourcesPage } from './pages/sources.js'
import { StoryPage } from './pages/story.js'

/** "You May Also Like": how many related articles an article page shows. */
const RELATED_SHOWN = 6

/** Renders a page in the site's frame. */
export function render(
  c: Context<AppEnv>,
  assets: Assets,
  meta: PageMeta,
  content: Child,
  status: 200 | 400 | 404 | 422 | 500 | 503 = 200,
) {
  const { siteName, notice } = c.var.deps
  const html = Layout({
    meta,
    chrome: { siteName, assets, ...(notice !== undefined && { notice }) },
    children: content,
  })
  return c.html(html, status)
}

/**
 * Related articles: those the linker stored, else a search for the article's most-mentioned
 * names (or its title's longer words) — so the rail is useful before linking has run.
 */
async function relatedTo(store: Store, stored: StoredArticle): Promise<ArticleSummary[]> {
  const linked = await store.related(stored.id, RELATED_SHOWN)
  if (linked.length > 0) return linked
  const names = [...(stored.annotations?.entities ?? [])]
    .filter((e) => e.type !== 'misc')
    .sort((a, b) => b.mentions.length - a.mentions.length)
    // Three names: each more makes the query dearer and the rail hardly better.
    .slice(0, 3)
    .map(
      (e) =>
        `"${e.name.replaceAll('"', ' ').replaceAll(MATCH_START, ' ').replaceAll(MATCH_END, ' ').trim()}"`,
    )
    .filter((n) => n.length > 2)
  // Title words of five or more letters (shorter ones are mostly function words), searched in
  // titles only: cheaper than the whole text, and a shared title word is the better hint.
  const words =
    names.length > 0
      ? names
      : [
          ...new Set(
            (stored.article.title ?? '')
              .toLowerCase()
              .split(/[^\p{L}\p{N}]+/u)
              .filter((w) => w.length >= 5),
          ),
        ]
          .slice(0, 5)
          .map((w) => `title:${w}`)
  if (words.length === 0) return []
  try {
    const hits = await store.search({ q: words.join(' OR '), limit: RELATED_SHOWN + 1 })
    return hits.items.filter((h) => h.id !== stored.id).slice(0, RELATED_SHOWN)
  } catch {
    // A title the query language cannot take is no reason to fail the page: show no rail.
    return []
  }
}

const SourceFormSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2000)
    .url('enter a full address, starting with https://')
    .refine((u) => /^https?:\/\//i.test(u), 'only http(s) addresses can be read'),
  follow: z.string().optional(),
})

export function webRoutes(app: Hono<AppEnv>, assets: Assets): void {
  app.get('/', async (c) => {
    const { store } = c.var.deps
    const parsed = ListQuerySchema.safeParse(c.req.query())
    const q = parsed.success ? parsed.data : { limit: 20 }
    const filters = defined({
      source: 'source' in q ? q.source : undefined,
      from: 'from' in q ? q.from : undefined,
      to: 'to' in q ? q.to : undefined,
    })
    const [stories, articles, sources] = await Promise.all([
      store.listStories(listQuery({ ...filters, limit: 20, cursor: q.cursor })),
      store.listArticles(listQuery({ ...filters, limit: 12 })),
      store.listSources(),
    ])
    return render(
      c,
      assets,
      {
        title: c.var.deps.siteName,
        section: 'front',
        feeds: [{ title: 'The latest news', href: '/feeds/front.atom' }],
      },
      <FrontPage stories={stories} articles={articles} sources={sources} filters={filters} />,
    )
  })

  app.get('/story/:id', async (c) => {
    const data = await c.var.deps.store.getStory(c.req.param('id'))
    if (!data) throw new LedeError('not_found', 'There is no such story.')
    return render(
      c,
      assets,
      {
        title: data.story.title,
        feeds: [
          {
            title: `${data.story.title}: new articles`,
            href: `/feeds/story/${encodeURIComponent(data.story.id)}.atom`,
          },
        ],
      },
      <StoryPage data={data} />,
    )
  })

  app.get('/article/:id', async (c) => {
    const { store } = c.var.deps
    const stored = await store.getArticle(c.req.param('id'))
    if (!stored) throw new LedeError('not_found', 'There is no such article.')
    const related = await relatedTo(store, stored)
    const selfUrl = `${new URL(c.req.url).origin}${articlePath(stored.id)}`
    return render(
      c,
      assets,
      {
        title: stored.article.title ?? stored.excerpt.slice(0, 80),
        ...(stored.article.description !== undefined && {
          description: stored.article.description,
        }),
        canonical: selfUrl,
      },
      <ArticlePage stored={stored} related={related} selfUrl={selfUrl} />,
    )
  })

  app.get('/entity/:key', async (c) => {
    const { store } = c.var.deps
    const key = c.req.param('key')
    const entity = await store.getEntity(key)
    if (!entity) throw new LedeError('not_found', 'No one by that name is in the corpus.')
    const qcursor = c.req.query('qcursor')
    const quotes = await store.quotesBy(key, {
      limit: 10,
      ...(qcursor !== undefined && qcursor.length < 500 && { cursor: qcursor }),
    })
    return render(
      c,
      assets,
      {
        title: entity.name,
        section: 'entities',
        feeds: [
          {
            title: `What ${entity.name} said`,
            href: `/feeds/entity/${encodeURIComponent(key)}/quotes.atom`,
          },
        ],
      },
      <EntityPage entity={entity} quotes={quotes} />,
    )
  })

  app.get('/entities', async (c) => {
    const cleaned = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''))
    const parsed = EntityListQuerySchema.safeParse(cleaned)
    const q = parsed.success
      ? parsed.data
      : { ...PagingQuerySchema.parse({}), type: undefined, q: undefined }
    const type = q.type
    const name = q.q
    const page = await c.var.deps.store.listEntities(
      defined({ limit: 50, cursor: q.cursor, type, q: name }),
    )
    return render(
      c,
      assets,
      { title: 'People, organisations and places', section: 'entities' },
      <EntitiesPage page={page} type={type} q={name} />,
    )
  })

  app.get('/search', async (c) => {
    const { store } = c.var.deps
    const raw = c.req.query()
    const mode = raw['mode'] === 'quotes' ? 'quotes' : 'articles'
    // Empty form fields arrive as empty strings: treat them as absent.
    const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ''))
    const parsed = SearchQuerySchema.safeParse(cleaned)
    const form: SearchForm = {
      q: raw['q'] ?? '',
      mode,
      ...defined({
        source: raw['source'],
        from: raw['from'],
        to: raw['to'],
        speaker: raw['speaker'],
        entity: raw['entity'],
        hasQuotes: raw['hasQuotes'] === 'true' ? true : undefined,
      }),
    }
    const feedHref = `/feeds/search.atom${queryString({ ...cleaned, cursor: undefined, limit: undefined })}`
    const meta: PageMeta = {
      title: form.q ? `${form.q} — search` : 'Search',
      section: 'search',
      feeds: [{ title: 'This search', href: feedHref }],
    }
    if (!parsed.success) {
      const e = toHttpError(parsed.error)
      return render(
        c,
        assets,
        meta,
        <SearchPage form={form} error={e.body.error.message} feedHref={feedHref} />,
        400,
      )
    }
    const searched = form.q !== '' || Object.keys(cleaned).some((k) => k !== 'mode')
    try {
      if (!searched) return render(c, assets, meta, <SearchPage form={form} feedHref={feedHref} />)
      if (mode === 'quotes') {
        const quotes = await store.searchQuotes(searchQuery(parsed.data))
        return render(
          c,
          assets,
          meta,
          <SearchPage form={form} quotes={quotes} feedHref={feedHref} />,
        )
      }
      const articles = await store.search(searchQuery(parsed.data))
      return render(
        c,
        assets,
        meta,
        <SearchPage form={form} articles={articles} feedHref={feedHref} />,
      )
    } catch (e) {
      const err = toHttpError(e)
      if (err.status !== 400) throw e
      return render(
        c,
        assets,
        meta,
        <SearchPage form={form} error={err.body.error.message} feedHref={feedHref} />,
        400,
      )
    }
  })

  app.get('/sources', async (c) => {
    const { store, ingest } = c.var.deps
    return render(
      c,
      assets,
      { title: 'Sources', section: 'sources' },
      <SourcesPage
        sources={await store.listSources()}
        jobs={ingest?.list().slice(0, 10) ?? []}
        canIngest={ingest !== undefined}
      />,
    )
  })

  app.post('/sources', async (c) => {
    const { store, ingest } = c.var.deps
    const form = await c.req.parseBody()
    const parsed = SourceFormSchema.safeParse({
      url: typeof form['url'] === 'string' ? form['url'] : '',
      ...(typeof form['follow'] === 'string' && { follow: form['follow'] }),
    })
    if (!ingest || !parsed.success) {
      const message = !ingest
        ? 'This server does not ingest.'
        : (parsed.error?.issues[0]?.message ?? 'invalid address')
      return render(
        c,
        assets,
        { title: 'Sources', section: 'sources' },
        <SourcesPage
          sources={await store.listSources()}
          jobs={ingest?.list().slice(0, 10) ?? []}
          canIngest={ingest !== undefined}
          error={message}
          value={typeof form['url'] === 'string' ? form['url'] : ''}
        />,
        ingest ? 400 : 503,
      )
    }
    const job = ingest.submit({ url: parsed.data.url, follow: parsed.data.follow === 'true' })
    return c.redirect(`/sources/jobs/${encodeURIComponent(job.id)}`, 303)
  })

  app.get('/sources/jobs/:id', (c) => {
    const job = c.var.deps.ingest?.get(c.req.param('id'))
    if (!job)
      throw new LedeError('not_found', 'There is no such job (jobs are forgotten on restart).')
    const active = job.state === 'queued' || job.state === 'running'
    return render(
      c,
      assets,
      { title: `Adding ${job.input}`, section: 'sources', ...(active && { refreshSeconds: 2 }) },
      <JobPage job={job} />,
    )
  })
}

/** The error page for a reader route. */
export function renderError(c: Context<AppEnv>, assets: Assets, status: number, message: string) {
  const s = (status >= 400 && status <= 599 ? status : 500) as 400 | 404 | 500
  return render(
    c,
    assets,
    { title: status === 404 ? 'Not found' : 'Error' },
    <ErrorPage status={status} message={message} />,
    s,
  )
}
