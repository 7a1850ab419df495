/** @module server/web/components/lists: article, story and quote items shared by pages. */
import type { ArticleSummary, StoredQuote, StorySummary } from '../../../store/index.js'
import {
  articlePath,
  entityPath,
  formatDate,
  formatSpan,
  plural,
  Snippet,
  storyPath,
} from '../format.js'

/** Outlet name of an article: its site name, else its host. */
export const outletOf = (a: Pick<ArticleSummary, 'siteName' | 'host'>) =>
  a.siteName ?? a.host ?? 'unknown outlet'

export function ArticleMeta({ a }: { a: ArticleSummary }) {
  return (
    <p class="meta">
      {outletOf(a)}
      {a.publishedAt && (
        <>
          {' · '}
          <time datetime={a.publishedAt}>{formatDate(a.publishedAt)}</time>
        </>
      )}
      {a.quoteCount > 0 && ` · ${plural(a.quoteCount, 'quote')}`}
    </p>
  )
}

export function ArticleItem(props: { a: ArticleSummary; snippet?: string; level?: 2 | 3 }) {
  const { a } = props
  const title = <a href={articlePath(a.id)}>{a.title ?? a.excerpt.slice(0, 80)}</a>
  return (
    <li>
      {props.level === 2 ? <h2>{title}</h2> : <h3>{title}</h3>}
      <ArticleMeta a={a} />
      <p>{props.snippet !== undefined ? <Snippet text={props.snippet} /> : a.excerpt}</p>
    </li>
  )
}

export function StoryItem({ s }: { s: StorySummary }) {
  return (
    <li>
      <h3>
        <a href={storyPath(s.id)}>{s.title}</a>
      </h3>
      <p class="meta">
        {plural(s.articleCount, 'article')} from {plural(s.outletCount, 'outlet')} ·{' '}
        {formatSpan(s.firstAt, s.lastAt)}
      </p>
      {s.people.length > 0 && (
        <p class="people">
          <span class="visually-hidden">People: </span>
          {s.people.slice(0, 6).map((p) => (
            <a href={entityPath(p.key)}>{p.name}</a>
          ))}
        </p>
      )}
    </li>
  )
}

/** A quote with its speaker and where it appeared. */
export function QuoteItem(props: {
  q: StoredQuote
  snippet?: string
  carriers?: ArticleSummary[]
  showSpeaker?: boolean
}) {
  const { q } = props
  return (
    <li>
      <blockquote>
        {props.snippet !== undefined ? <Snippet text={props.snippet} /> : q.text}
      </blockquote>
      <p class="meta">
        {props.showSpeaker !== false &&
          (q.speakerKey ? (
            <>
              — <a href={entityPath(q.speakerKey)}>{q.speakerName ?? q.speakerKey}</a>
              {', '}
            </>
          ) : q.speakerName ? (
            `— ${q.speakerName}${q.anonymous ? ' (anonymous)' : ''}, `
          ) : (
            ''
          ))}
        {props.carriers && props.carriers.length > 0 ? (
          <>
            carried by{' '}
            {props.carriers.map((c, i, all) => (
              <>
                {i > 0 && ', '}
                <a href={articlePath(c.id)}>
                  {outletOf(c)}
                  {/* Several articles of one outlet: told apart by their date. */}
                  {all.some((o) => o !== c && outletOf(o) === outletOf(c)) &&
                    c.publishedAt !== undefined &&
                    ` (${formatDate(c.publishedAt)})`}
                </a>
              </>
            ))}
          </>
        ) : (
          <>
            in <a href={articlePath(q.articleId)}>{q.articleTitle ?? 'the article'}</a>
            {q.siteName && ` (${q.siteName})`}
          </>
        )}
        {q.publishedAt && `, ${formatDate(q.publishedAt)}`}
      </p>
      {q.context && q.context !== q.text && <p class="muted">…{q.context}…</p>}
    </li>
  )
}
