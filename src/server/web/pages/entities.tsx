/** @module server/web/pages/entities: people, organisations and places, the most covered first. */
import type { EntitySummary, Page } from '../../../store/index.js'
import { entityPath, plural, queryString } from '../format.js'

const TYPES = [
  ['', 'All'],
  ['person', 'People'],
  ['organization', 'Organisations'],
  ['place', 'Places'],
] as const

export function EntitiesPage(props: {
  page: Page<EntitySummary>
  type?: string | undefined
  q?: string | undefined
}) {
  return (
    <>
      <h1>People, organisations and places</h1>
      <form class="filters" method="get" action="/entities" aria-label="Filter names">
        <label>
          Name
          <input type="search" name="q" value={props.q ?? ''} />
        </label>
        <label>
          Kind
          <select name="type">
            {TYPES.map(([v, label]) => (
              <option value={v} selected={(props.type ?? '') === v}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Show</button>
      </form>
      {props.page.items.length === 0 ? (
        <p class="muted">No one found.</p>
      ) : (
        <ul class="plain cards">
          {props.page.items.map((e) => (
            <li>
              <a href={entityPath(e.key)}>{e.name}</a>{' '}
              <span class="meta">
                {e.type} · {plural(e.articleCount, 'article')} · {plural(e.quoteCount, 'quote')}
              </span>
            </li>
          ))}
        </ul>
      )}
      {props.page.nextCursor && (
        <p class="pager">
          <a
            href={`/entities${queryString({ q: props.q, type: props.type, cursor: props.page.nextCursor })}`}
          >
            More
          </a>
        </p>
      )}
    </>
  )
}
