/**
 * @module server/web/layout: the frame of every reader page — landmarks (banner, navigation,
 * search, main, contentinfo), a skip link, one h1 per page (the page's own), the stylesheet and
 * the one script, both from this origin.
 */
import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import type { Assets } from './assets.js'

export interface PageMeta {
  title: string
  /** The nav entry to mark as current. */
  section?: 'front' | 'search' | 'entities' | 'sources'
  description?: string
  /** Atom feeds of this page. */
  feeds?: { title: string; href: string }[]
  canonical?: string
  /** Reload every N seconds when scripts are off (a job's progress page). */
  refreshSeconds?: number
}

export interface Chrome {
  siteName: string
  assets: Assets
  notice?: string
}

const NAV: { section: NonNullable<PageMeta['section']>; href: string; label: string }[] = [
  { section: 'front', href: '/', label: 'Front page' },
  { section: 'search', href: '/search', label: 'Search' },
  { section: 'entities', href: '/entities', label: 'People & places' },
  { section: 'sources', href: '/sources', label: 'Sources' },
]

/** Wraps a page's content in the site's frame. */
export function Layout(props: { meta: PageMeta; chrome: Chrome; children?: Child }) {
  const { meta, chrome } = props
  const title = meta.title === chrome.siteName ? meta.title : `${meta.title} · ${chrome.siteName}`
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{title}</title>
          {meta.description && <meta name="description" content={meta.description} />}
          {meta.canonical && <link rel="canonical" href={meta.canonical} />}
          <link rel="stylesheet" href={chrome.assets.css.path} />
          {(meta.feeds ?? []).map((f) => (
            <link rel="alternate" type="application/atom+xml" title={f.title} href={f.href} />
          ))}
          <script src={chrome.assets.js.path} defer />
          {meta.refreshSeconds !== undefined && (
            <noscript>
              <meta http-equiv="refresh" content={String(meta.refreshSeconds)} />
            </noscript>
          )}
        </head>
        <body>
          <a class="skip" href="#main">
            Skip to content
          </a>
          <header class="site">
            <div class="bar">
              <a class="brand" href="/">
                {chrome.siteName}
              </a>
              <nav aria-label="Sections">
                <ul>
                  {NAV.map((n) => (
                    <li>
                      <a
                        href={n.href}
                        aria-current={meta.section === n.section ? 'page' : undefined}
                      >
                        {n.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
              <search>
                <form action="/search" method="get">
                  <label class="visually-hidden" for="site-q">
                    Search the news
                  </label>
                  <input id="site-q" type="search" name="q" placeholder="Search the news" />
                  <button type="submit">Search</button>
                </form>
              </search>
            </div>
          </header>
          <main id="main" tabindex={-1}>
            {props.children}
          </main>
          <footer class="site">
            <p>
              {chrome.siteName} reads the news and shows what it understood: the clean article, who
              is in it, who said what, and how stories connect.{' '}
              <a href="/api/v1/openapi.json">JSON API</a> ·{' '}
              <a href="/feeds/front.atom">Atom feed</a>
            </p>
            {chrome.notice && <p>{chrome.notice}</p>}
          </footer>
        </body>
      </html>
    </>
  )
}
