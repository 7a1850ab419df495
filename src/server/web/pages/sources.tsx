/**
 * @module server/web/pages/sources: followed feeds and their health, recent ingestion jobs, and
 * the form that adds a feed or a page (read in the background, with visible progress).
 */
import type { FeedSource } from '../../../store/index.js'
import type { IngestJob } from '../../ingest/service.js'
import { articlePath, formatDate, plural, safeHref } from '../format.js'

export function SourcesPage(props: {
  sources: FeedSource[]
  jobs: IngestJob[]
  canIngest: boolean
  error?: string
  value?: string
}) {
  return (
    <>
      <h1>Sources</h1>
      <section aria-labelledby="add-h">
        <h2 id="add-h">Add a feed or a page</h2>
        {props.canIngest ? (
          <form class="filters" method="post" action="/sources">
            <label>
              Address of a feed, a site or an article
              <input
                type="url"
                name="url"
                required
                size={50}
                value={props.value ?? ''}
                placeholder="https://example.com/feed.xml"
              />
            </label>
            <label>
              <span>
                <input type="checkbox" name="follow" value="true" checked /> Follow it as a feed
              </span>
            </label>
            <button type="submit">Add</button>
          </form>
        ) : (
          <p class="muted">This server reads its corpus only; it does not ingest.</p>
        )}
        {props.error && (
          <div class="error-box" role="alert">
            <p>{props.error}</p>
          </div>
        )}
      </section>
      {props.jobs.length > 0 && (
        <section aria-labelledby="jobs-h">
          <h2 id="jobs-h">Recent additions</h2>
          <ul class="plain cards">
            {props.jobs.map((j) => (
              <li>
                <a href={`/sources/jobs/${encodeURIComponent(j.id)}`}>{j.input}</a>{' '}
                <span class="meta">
                  {j.state} · {plural(j.inserted, 'new article')} · {j.failed} failed
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="feeds-h">
        <h2 id="feeds-h">Feeds and their health</h2>
        {props.sources.length === 0 ? (
          <p class="muted">No feeds followed yet.</p>
        ) : (
          <div class="scroll-x">
            <table class="health">
              <caption class="visually-hidden">Followed feeds</caption>
              <thead>
                <tr>
                  <th scope="col">Feed</th>
                  <th scope="col">Health</th>
                  <th scope="col">Articles</th>
                  <th scope="col">Last fetch</th>
                  <th scope="col">Next</th>
                </tr>
              </thead>
              <tbody>
                {props.sources.map((s) => {
                  const href = safeHref(s.url)
                  return (
                    <tr>
                      <td>
                        {s.title ?? s.url}
                        <div class="meta">{href ? <a href={href}>{s.url}</a> : s.url}</div>
                      </td>
                      <td>
                        {s.lastError && s.failures > 0 ? (
                          <span class="bad">
                            failing ({s.failures}×): {s.lastError.code} — {s.lastError.message}
                          </span>
                        ) : s.lastOkAt ? (
                          <span class="ok">ok</span>
                        ) : (
                          <span class="muted">not fetched yet</span>
                        )}
                      </td>
                      <td>{s.itemCount}</td>
                      <td>{formatDate(s.lastFetchAt) || '—'}</td>
                      <td>{formatDate(s.nextFetchAt) || '—'}</td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  )
}

/** One job's progress: a progress bar the script updates, or a page that refreshes itself. */
export function JobPage({ job }: { job: IngestJob }) {
  const active = job.state === 'queued' || job.state === 'running'
  return (
    <>
      <h1>Adding {job.input}</h1>
      <div data-job={job.id} data-state={job.state}>
        {job.expected !== undefined ? (
          <progress max={job.expected} value={Math.min(job.documents, job.expected)}>
            {job.documents} of {job.expected}
          </progress>
        ) : active ? (
          <progress aria-label="Reading" />
        ) : null}
        <p data-job-text role="status" aria-live="polite">
          {job.state}: {job.documents} documents read, {job.inserted} new, {job.unchanged} already
          known, {job.failed} failed
        </p>
      </div>
      {active && (
        <p class="muted">This page updates itself; you can also leave it, the work goes on.</p>
      )}
      {job.articleIds.length > 0 && (
        <section aria-labelledby="new-h">
          <h2 id="new-h">Articles</h2>
          <ul>
            {job.articleIds.map((id) => (
              <li>
                <a href={articlePath(id)}>{id}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {job.errors.length > 0 && (
        <section aria-labelledby="err-h">
          <h2 id="err-h">Problems</h2>
          <ul>
            {job.errors.map((e) => (
              <li>
                <strong>{e.code}</strong>: {e.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <a href="/sources">Back to sources</a> · <a href="/">Front page</a>
      </p>
    </>
  )
}

export function ErrorPage(props: { status: number; message: string }) {
  return (
    <>
      <h1>{props.status === 404 ? 'Not found' : 'Something went wrong'}</h1>
      <p>{props.message}</p>
      <p>
        <a href="/">Back to the front page</a>
      </p>
    </>
  )
}
