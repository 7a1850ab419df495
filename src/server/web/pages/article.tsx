/**
 * @module server/web/pages/article: one clean article — metadata, the text with quotes
 * highlighted and speakers linked, the cast beside it, what extraction removed and why, share
 * links (plain links: no third-party script or request), and "You May Also Like".
 */
import type { ArticleSummary, StoredArticle } from '../../../store/index.js'
import { ArticleText } from '../components/article-text.js'
import { ArticleMeta } from '../components/lists.js'
import {
  articlePath,
  entityPath,
  formatDate,
  hostOf,
  plural,
  safeHref,
  storyPath,
} from '../format.js'

const TYPE_LABEL = {
  person: 'People',
  organization: 'Organisations',
  place: 'Places',
  misc: 'Other names',
} as const

/** Share targets: plain links that open the network's own share page. */
export function shareLinks(url: string, title: string): { label: string; href: string }[] {
  const u = encodeURIComponent(url)
  const t = encodeURIComponent(title)
  return [
    { label: 'E-mail', href: `mailto:?subject=${t}&body=${u}` },
    { label: 'Bluesky', href: `https://bsky.app/intent/compose?text=${t}%20${u}` },
    { label: 'Mastodon', href: `https://mastodonshare.com/?text=${t}&url=${u}` },
    { label: 'X', href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { label: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { label: 'Reddit', href: `https://www.reddit.com/submit?url=${u}&title=${t}` },
    { label: 'WhatsApp', href: `https://wa.me/?text=${t}%20${u}` },
  ]
}

export function ArticlePage(props: {
  stored: StoredArticle
  related: ArticleSummary[]
  /** This page's absolute URL, for share links. */
  selfUrl: string
}) {
  const { stored, related } = props
  const { article, annotations, entityKeys } = stored
  const title = article.title ?? stored.excerpt.slice(0, 80)
  const original = safeHref(article.canonicalUrl ?? article.url)
  const entities = [...(annotations?.entities ?? [])].sort(
    (a, b) => b.mentions.length - a.mentions.length,
  )
  const byType = (['person', 'organization', 'place', 'misc'] as const)
    .map((t) => ({ type: t, items: entities.filter((e) => e.type === t) }))
    .filter((g) => g.items.length > 0)
  const quoteCount = annotations?.quotes.length ?? 0
  return (
    <>
      <div class="layout">
        <article class="body" aria-labelledby="article-title">
          <header>
            <h1 id="article-title">{title}</h1>
            {article.description && <p class="muted">{article.description}</p>}
            <p class="meta">
              {article.authors.length > 0 && <>By {article.authors.join(', ')} · </>}
              {article.siteName ?? stored.host ?? hostOf(article.url) ?? 'unknown outlet'}
              {article.publishedAt && (
                <>
                  {' · '}
                  <time datetime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
                </>
              )}
              {article.modifiedAt && article.modifiedAt !== article.publishedAt && (
                <>
                  {' · updated '}
                  <time datetime={article.modifiedAt}>{formatDate(article.modifiedAt)}</time>
                </>
              )}
              {quoteCount > 0 && ` · ${plural(quoteCount, 'quote')}`}
            </p>
            <p class="meta">
              {original && (
                <>
                  <a href={original} rel="noopener noreferrer">
                    Original at {hostOf(original)}
                  </a>
                  {' · '}
                </>
              )}
              {stored.storyId && (
                <>
                  <a href={storyPath(stored.storyId)}>The whole story</a>
                  {' · '}
                </>
              )}
              Extracted from {article.extraction.inputFormat.toUpperCase()} by{' '}
              {article.extraction.method} (confidence {article.extraction.confidence.toFixed(2)})
              {stored.revision > 1 && ` · revision ${stored.revision}`}
            </p>
          </header>
          <ArticleText article={article} annotations={annotations} entityKeys={entityKeys} />
          {article.text.trim() === '' && (
            <p class="muted">Only the headline of this article is known.</p>
          )}
          <details class="removed">
            <summary>What extraction removed ({article.removed.length})</summary>
            {article.removed.length === 0 ? (
              <p>Nothing was reported as removed from this page.</p>
            ) : (
              <ul>
                {article.removed.map((r) => (
                  <li>
                    <strong>{r.kind}</strong> <span class="muted">({r.reason})</span>:{' '}
                    {r.text.length > 300 ? `${r.text.slice(0, 300)}…` : r.text}
                  </li>
                ))}
              </ul>
            )}
          </details>
          <section class="share" aria-labelledby="share-h">
            <h2 id="share-h">Share</h2>
            <p>
              <button
                type="button"
                class="secondary"
                data-copy={props.selfUrl}
                aria-describedby="copy-status"
                hidden
              >
                Copy link
              </button>{' '}
              <span id="copy-status" role="status" />
            </p>
            <ul>
              {shareLinks(props.selfUrl, title).map((s) => (
                <li>
                  <a href={s.href} rel="noopener noreferrer" target="_blank">
                    {s.label}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        </article>
        <aside class="cast" aria-labelledby="cast-h">
          <h2 id="cast-h">Who is in this article</h2>
          {byType.length === 0 && <p class="muted">No people or organisations recognised.</p>}
          {byType.map((g) => (
            <section aria-label={TYPE_LABEL[g.type]}>
              <h3>{TYPE_LABEL[g.type]}</h3>
              <ul class="plain">
                {g.items.map((e) => {
                  const key = entityKeys[e.id]
                  return (
                    <li>
                      {key ? <a href={entityPath(key)}>{e.name}</a> : <strong>{e.name}</strong>}
                      <span class="badge">{plural(e.mentions.length, 'mention')}</span>
                      {e.descriptions.length > 0 && (
                        <div class="meta">{e.descriptions.slice(0, 3).join('; ')}</div>
                      )}
                      {e.aliases.length > 0 && (
                        <div class="meta">also: {e.aliases.slice(0, 4).join(', ')}</div>
                      )}
                    </li>
                  )
                })}
              </ul>
            </section>
          ))}
          <section aria-labelledby="also-h">
            <h2 id="also-h">You May Also Like</h2>
            {related.length === 0 ? (
              <p class="muted">Nothing related in the corpus yet.</p>
            ) : (
              <ul class="plain cards">
                {related.map((r) => (
                  <li>
                    <a href={articlePath(r.id)}>{r.title ?? r.excerpt.slice(0, 80)}</a>
                    <ArticleMeta a={r} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </>
  )
}
