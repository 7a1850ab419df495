/**
 * @module server/web/pages/entity: a person, organisation or place — the descriptions the news
 * gave them, their articles over time (a small chart), what they said, who they appear with.
 */
import type { EntityDetail, Page, StoredQuote } from '../../../store/index.js'
import { TimelineChart } from '../components/chart.js'
import { ArticleItem, QuoteItem } from '../components/lists.js'
import { entityPath, plural, queryString } from '../format.js'

const TYPE_NAME = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  misc: 'Name',
} as const

export function EntityPage(props: {
  entity: EntityDetail
  quotes: Page<StoredQuote>
  quotesCursor?: string | undefined
}) {
  const { entity, quotes } = props
  const feed = `/feeds/entity/${encodeURIComponent(entity.key)}/quotes.atom`
  return (
    <>
      <h1>{entity.name}</h1>
      <p class="meta">
        {TYPE_NAME[entity.type]} · {plural(entity.articleCount, 'article')} ·{' '}
        {plural(entity.quoteCount, 'quote')}
        {entity.quoteCount > 0 && (
          <>
            {' · '}
            <a href={feed}>Atom feed of their quotes</a>
          </>
        )}
      </p>
      {entity.aliases.length > 0 && (
        <p>
          Also called: <span>{entity.aliases.join(', ')}</span>
        </p>
      )}
      <div class="layout">
        <div>
          {entity.descriptions.length > 0 && (
            <section aria-labelledby="desc-h">
              <h2 id="desc-h">As the news described them</h2>
              <ul>
                {entity.descriptions.slice(0, 12).map((d) => (
                  <li>
                    {d.text} <span class="badge">{d.count}×</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="time-h">
            <h2 id="time-h">In the news over time</h2>
            <TimelineChart timeline={entity.timeline} name={entity.name} />
          </section>
          <section aria-labelledby="said-h">
            <h2 id="said-h">What they said</h2>
            {quotes.items.length === 0 ? (
              <p class="muted">No quotes attributed to {entity.name}.</p>
            ) : (
              <ul class="plain quote-list">
                {quotes.items.map((q) => (
                  <QuoteItem q={q} showSpeaker={false} />
                ))}
              </ul>
            )}
            {quotes.nextCursor && (
              <p class="pager">
                <a href={`${entityPath(entity.key)}${queryString({ qcursor: quotes.nextCursor })}`}>
                  More quotes
                </a>
              </p>
            )}
            <p>
              <a href={`/search${queryString({ mode: 'quotes', speaker: entity.key })}`}>
                Search what {entity.name} said
              </a>
            </p>
          </section>
          <section aria-labelledby="articles-h">
            <h2 id="articles-h">Latest articles</h2>
            <ul class="plain cards">
              {entity.articles.map((a) => (
                <ArticleItem a={a} />
              ))}
            </ul>
          </section>
        </div>
        <aside class="rail" aria-labelledby="with-h">
          <h2 id="with-h">Appears with</h2>
          {entity.coEntities.length === 0 ? (
            <p class="muted">No one else yet.</p>
          ) : (
            <ul class="plain">
              {entity.coEntities.slice(0, 20).map((e) => (
                <li>
                  <a href={entityPath(e.key)}>{e.name}</a>{' '}
                  <span class="badge">{plural(e.count, 'article')}</span>
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </>
  )
}
