/**
 * @module server/demo/site: the bundled Wikinews slice served as a small news site on a loopback
 * port of its own — an HTML page per article (with the furniture real sites have: navigation, a
 * share bar, a "You may also like" rail, a footer) and an RSS 2.0 feed per year — so that the demo
 * corpus is read through Lede's real feed, fetch and extraction pipeline. Every page says that
 * this HTML is Lede's rendering, not Wikinews' own.
 */
import { createHash } from 'node:crypto'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { html, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import { xmlEscape } from '../feeds/atom.js'

/** One article of the bundle (demo/wikinews.jsonl.gz). */
export interface DemoArticle {
  id: string
  title: string
  /** YYYY-MM-DD */
  date: string
  /** Its page on Wikinews. */
  url: string
  /** Paragraphs separated by a blank line. */
  text: string
  categories: string[]
}

export interface DemoSite {
  /** `http://127.0.0.1:PORT` */
  origin: string
  /** One RSS feed per year, oldest first. */
  feeds: string[]
  close(): Promise<void>
}

export const DEMO_NOTICE =
  "This page is Lede's own rendering of a Wikinews article for its demo, not Wikinews' HTML. " +
  'The article is from Wikinews (https://en.wikinews.org), © Wikinews contributors, CC BY 2.5.'

/** A URL-safe page name: the title's letters and digits, and the id's hash for uniqueness. */
const slugOf = (a: DemoArticle) => {
  const words = a.title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
  return `${words || 'article'}-${createHash('sha256').update(a.id).digest('hex').slice(0, 8)}`
}

// Dates are days; noon UTC keeps the day the same in every time zone a reader might use.
const rfc822 = (day: string) => new Date(`${day}T12:00:00Z`).toUTCString()

function page(a: DemoArticle, pathOf: (a: DemoArticle) => string, rail: DemoArticle[]) {
  const paragraphs = a.text.split(/\n\s*\n/).filter((p) => p.trim() !== '')
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${a.title} - Wikinews, the free news source</title>
<link rel="canonical" href="${a.url}">
<meta property="og:site_name" content="Wikinews">
<meta property="og:title" content="${a.title}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="${a.date}">
<meta name="description" content="${paragraphs[0]?.slice(0, 200) ?? ''}">
</head>
<body>
<header class="site-header"><a href="/">Wikinews (demo rendering)</a>
<nav class="main-nav"><ul><li><a href="/">Main page</a></li><li><a href="/feeds/">Feeds</a></li><li><a href="/about">About this demo</a></li></ul></nav></header>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">E-mail this story</a></div>
<main>
<article>
<h1>${a.title}</h1>
<p class="dateline"><time datetime="${a.date}">${a.date}</time></p>
${paragraphs.map((p) => html`<p>${p}</p>\n`)}
</article>
<aside class="related"><h2>You may also like</h2><ul>
${rail.map((r) => html`<li><a href="${pathOf(r)}">${r.title}</a></li>`)}
</ul></aside>
</main>
<footer class="site-footer"><p>${DEMO_NOTICE}</p>
<p>Source: <a href="${a.url}">${a.url}</a>. Categories: ${a.categories.join(', ') || 'none'}.</p></footer>
</body>
</html>`
}

function rss(
  origin: string,
  year: string,
  items: DemoArticle[],
  pathOf: (a: DemoArticle) => string,
) {
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0"><channel>',
    `<title>Wikinews ${year} (demo rendering)</title>`,
    `<link>${xmlEscape(origin)}/</link>`,
    `<description>${xmlEscape(`Wikinews articles of ${year}, rendered by Lede for its demo.`)}</description>`,
    '<language>en</language>',
  ]
  for (const a of items) {
    out.push(
      '<item>',
      `<title>${xmlEscape(a.title)}</title>`,
      `<link>${xmlEscape(`${origin}${pathOf(a)}`)}</link>`,
      `<guid isPermaLink="false">${xmlEscape(a.id)}</guid>`,
      `<pubDate>${rfc822(a.date)}</pubDate>`,
      `<description>${xmlEscape(a.text.split('\n')[0]?.slice(0, 300) ?? '')}</description>`,
      ...a.categories.map((c) => `<category>${xmlEscape(c)}</category>`),
      '</item>',
    )
  }
  out.push('</channel></rss>')
  return out.join('\n')
}

/** Serves the articles on 127.0.0.1 (a free port unless one is given). */
export function startDemoSite(articles: DemoArticle[], port = 0): Promise<DemoSite> {
  const bySlug = new Map<string, { a: DemoArticle; i: number }>()
  for (const [i, a] of articles.entries()) bySlug.set(slugOf(a), { a, i })
  const pathOf = (a: DemoArticle) => `/news/${slugOf(a)}`
  const years = new Map<string, DemoArticle[]>()
  for (const a of articles) {
    const y = a.date.slice(0, 4)
    years.set(y, [...(years.get(y) ?? []), a])
  }
  const app = new Hono()
  let origin = ''
  app.get('/robots.txt', (c) => c.text('User-agent: *\nAllow: /\n'))
  app.get('/', (c) =>
    c.html(
      html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Wikinews (demo rendering)</title>
${raw([...years.keys()].map((y) => `<link rel="alternate" type="application/rss+xml" title="Wikinews ${y}" href="/feeds/${y}.xml">`).join('\n'))}
</head><body><h1>Wikinews (demo rendering)</h1><p>${DEMO_NOTICE}</p><ul>
${[...years.keys()].map((y) => html`<li><a href="/feeds/${y}.xml">${y}</a></li>`)}
</ul></body></html>`,
    ),
  )
  app.get('/feeds/:file', (c) => {
    const year = c.req.param('file').replace(/\.xml$/, '')
    const items = years.get(year)
    if (!items) return c.notFound()
    return c.body(rss(origin, year, [...items].reverse(), pathOf), 200, {
      'Content-Type': 'application/rss+xml; charset=utf-8',
    })
  })
  app.get('/news/:slug', (c) => {
    const hit = bySlug.get(c.req.param('slug'))
    if (!hit) return c.notFound()
    // The rail: the neighbouring articles in time, as a news site's "more news" would be.
    const rail = [articles[hit.i - 1], articles[hit.i + 1], articles[hit.i + 2]].filter(
      (r): r is DemoArticle => r !== undefined,
    )
    return c.html(page(hit.a, pathOf, rail) as HtmlEscapedString)
  })
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
      origin = `http://127.0.0.1:${info.port}`
      resolve({
        origin,
        feeds: [...years.keys()].sort().map((y) => `${origin}/feeds/${y}.xml`),
        close: () =>
          new Promise<void>((done) => {
            const s = server as import('node:http').Server
            s.close(() => done())
            s.closeAllConnections()
          }),
      })
    })
    server.once('error', reject)
  })
}
