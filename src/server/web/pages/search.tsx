/**
 * @module server/web/pages/search: full-text search with filters and highlighted snippets, and
 * quote search ("who said what about X"). Every search is also an Atom feed, so it can be
 * followed as an alert.
 */
import type { Page, SearchHit, StoredQuote } from '../../../store/index.js'
import { ArticleItem, QuoteItem } from '../components/lists.js'
import { plural, queryString } from '../format.js'

export interface SearchForm {
  q: string
  mode: 'articles' | 'quotes'
  source?: string | undefined
  from?: string | undefined
  to?: string | undefined
  speaker?: string | undefined
  entity?: string | undefined
  hasQuotes?: boolean | undefined
}

export function SearchPage(props: {
  form: SearchForm
  articles?: Page<SearchHit>
  quotes?: Page<StoredQuote & { snippet: string }>
  error?: string
  feedHref: string
}) {
  const { form } = props
  const page = form.mode === 'quotes' ? props.quotes : props.articles
  const params = {
    q: form.q,
    mode: form.mode === 'quotes' ? 'quotes' : undefined,
    source: form.source,
    from: form.from,
    to: form.to,
    speaker: form.speaker,
    entity: form.entity,
    hasQuotes: form.hasQuotes ? 'true' : undefined,
  }
  return (
    <>
      <h1>{form.mode === 'quotes' ? 'Search quotes' : 'Search'}</h1>
      <form class="filters" method="get" action="/search" aria-label="Search and filters">
        <label>
          {form.mode === 'quotes' ? 'About' : 'Words'}
          <input type="search" name="q" value={form.q} />
        </label>
        <label>
          Search in
          <select name="mode">
            <option value="articles" selected={form.mode === 'articles'}>
              Articles
            </option>
            <option value="quotes" selected={form.mode === 'quotes'}>
              Quotes
            </option>
          </select>
        </label>
        <label>
          Who said it
          <input name="speaker" value={form.speaker ?? ''} placeholder="a name" />
        </label>
        <label>
          Mentions
          <input name="entity" value={form.entity ?? ''} placeholder="a name" />
        </label>
        <label>
          Source
          <input name="source" value={form.source ?? ''} placeholder="site or host" />
        </label>
        <label>
          From
          <input type="date" name="from" value={form.from ?? ''} />
        </label>
        <label>
          To
          <input type="date" name="to" value={form.to ?? ''} />
        </label>
        <label>
          <span>
            <input
              type="checkbox"
              name="hasQuotes"
              value="true"
              checked={form.hasQuotes === true}
            />{' '}
            With quotes
          </span>
        </label>
        <button type="submit">Search</button>
      </form>
      <p class="meta">
        Words, "exact phrases", AND / OR / NOT, prefix*, title:word. Quote search answers "what did
        X say about Y": put X in <em>Who said it</em> and Y in <em>About</em>.{' '}
        <a href={props.feedHref}>Follow this search as an Atom feed</a>
      </p>
      {props.error && (
        <div class="error-box" role="alert">
          <p>{props.error}</p>
        </div>
      )}
      {page && (
        <section aria-labelledby="results-h">
          <h2 id="results-h">
            {page.total !== undefined
              ? plural(page.total, form.mode === 'quotes' ? 'quote' : 'result')
              : 'Results'}
          </h2>
          {page.items.length === 0 ? (
            <p>Nothing found.</p>
          ) : form.mode === 'quotes' ? (
            <ul class="plain quote-list">
              {(props.quotes?.items ?? []).map((q) => (
                <QuoteItem q={q} snippet={q.snippet} />
              ))}
            </ul>
          ) : (
            <ul class="plain cards">
              {(props.articles?.items ?? []).map((a) => (
                <ArticleItem a={a} snippet={a.snippet} />
              ))}
            </ul>
          )}
          {page.nextCursor && (
            <p class="pager">
              <a href={`/search${queryString({ ...params, cursor: page.nextCursor })}`}>
                Next page
              </a>
            </p>
          )}
        </section>
      )}
    </>
  )
}
