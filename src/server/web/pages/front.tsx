/** @module server/web/pages/front: the latest stories (and articles), filtered by source and date. */
import type { ArticleSummary, FeedSource, Page, StorySummary } from '../../../store/index.js'
import { ArticleItem, StoryItem } from '../components/lists.js'
import { queryString } from '../format.js'

export interface FrontFilters {
  source?: string | undefined
  from?: string | undefined
  to?: string | undefined
}

export function FrontPage(props: {
  stories: Page<StorySummary>
  articles: Page<ArticleSummary>
  sources: FeedSource[]
  filters: FrontFilters
  storyCursor?: string | undefined
}) {
  const { stories, articles, filters } = props
  const filtered = Boolean(filters.source || filters.from || filters.to)
  return (
    <>
      <h1>The latest news</h1>
      <form class="filters" method="get" action="/" aria-label="Filter the front page">
        <label>
          Source
          <input
            name="source"
            list="known-sources"
            value={filters.source ?? ''}
            placeholder="site or host"
          />
        </label>
        <datalist id="known-sources">
          {props.sources.map((s) => (
            <option value={s.id}>{s.title ?? s.url}</option>
          ))}
        </datalist>
        <label>
          From
          <input type="date" name="from" value={filters.from ?? ''} />
        </label>
        <label>
          To
          <input type="date" name="to" value={filters.to ?? ''} />
        </label>
        <button type="submit">Filter</button>
        {filtered && <a href="/">Clear filters</a>}
      </form>
      <section aria-labelledby="stories-h">
        <h2 id="stories-h">Stories</h2>
        {stories.items.length === 0 ? (
          <p class="muted">
            No stories yet: stories appear as articles about the same events are linked.
          </p>
        ) : (
          <ul class="plain cards">
            {stories.items.map((s) => (
              <StoryItem s={s} />
            ))}
          </ul>
        )}
        {stories.nextCursor && (
          <p class="pager">
            <a href={`/${queryString({ ...filters, cursor: stories.nextCursor })}`}>More stories</a>
          </p>
        )}
      </section>
      <section aria-labelledby="latest-h">
        <h2 id="latest-h">Latest articles</h2>
        {articles.items.length === 0 ? (
          <p>
            Nothing here yet. <a href="/sources">Add a feed or a page</a> to start reading.
          </p>
        ) : (
          <ul class="plain cards">
            {articles.items.map((a) => (
              <ArticleItem a={a} />
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
