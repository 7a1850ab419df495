/**
 * @module server/web/pages/story: one story — its articles by outlet and time with copies folded
 * under their origin, the people involved, and the quotes across outlets, each shown once with
 * the articles that carried it.
 */
import type { Store } from '../../../store/index.js'
import { ArticleMeta, outletOf, QuoteItem } from '../components/lists.js'
import { articlePath, entityPath, formatDate, formatSpan, plural } from '../format.js'

export type StoryData = NonNullable<Awaited<ReturnType<Store['getStory']>>>

export function StoryPage({ data }: { data: StoryData }) {
  const { story, articles, quotes } = data
  return (
    <>
      <h1>{story.title}</h1>
      <p class="meta">
        {plural(story.articleCount, 'article')} from {plural(story.outletCount, 'outlet')} ·{' '}
        {formatSpan(story.firstAt, story.lastAt)} ·{' '}
        <a href={`/feeds/story/${encodeURIComponent(story.id)}.atom`}>Atom feed of this story</a>
      </p>
      <div class="layout">
        <div>
          <section aria-labelledby="coverage-h">
            <h2 id="coverage-h">Coverage</h2>
            <ol class="plain cards">
              {articles.map((a) => (
                <li>
                  <h3>
                    <a href={articlePath(a.id)}>{a.title ?? a.excerpt.slice(0, 80)}</a>
                  </h3>
                  <ArticleMeta a={a} />
                  {a.copies.length > 0 && (
                    <details class="copies">
                      <summary>
                        {plural(a.copies.length, 'copy', 'copies')} of this article elsewhere
                      </summary>
                      <ul>
                        {a.copies.map((c) => (
                          <li>
                            <a href={articlePath(c.id)}>{outletOf(c)}</a>
                            {c.publishedAt && `, ${formatDate(c.publishedAt)}`}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="quotes-h">
            <h2 id="quotes-h">What was said</h2>
            {quotes.length === 0 ? (
              <p class="muted">No quotes found in this story's articles.</p>
            ) : (
              <ul class="plain quote-list">
                {quotes.map((q) => (
                  <QuoteItem q={q} carriers={q.carriers} />
                ))}
              </ul>
            )}
          </section>
        </div>
        <aside class="rail" aria-labelledby="people-h">
          <h2 id="people-h">People in this story</h2>
          {story.people.length === 0 ? (
            <p class="muted">No people recognised yet.</p>
          ) : (
            <ul>
              {story.people.map((p) => (
                <li>
                  <a href={entityPath(p.key)}>{p.name}</a>
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </>
  )
}
