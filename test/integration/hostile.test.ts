/**
 * The hostile corpus (test/hostile/) through the reader's HTML, Atom and JSON without a browser:
 * every page and feed stays well-formed, and no payload appears as live markup. The browser
 * version (test/browser/hostile.test.ts) checks that nothing runs.
 */
import { XMLValidator } from 'fast-xml-parser'
import { type DefaultTreeAdapterMap, parse } from 'parse5'
import type { Hono } from 'hono'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createHttpClient } from '../../src/ingest/index.js'
import type { AppEnv } from '../../src/server/index.js'
import { createApp } from '../../src/server/index.js'
import type { Store } from '../../src/store/index.js'
import { openStore } from '../../src/store/index.js'
import { ingestHostile, serveHostile } from '../support/hostile.js'

let store: Store
let app: Hono<AppEnv>
const pages: string[] = []
const feeds: string[] = []

beforeAll(async () => {
  store = openStore({ path: ':memory:' })
  const site = await serveHostile()
  const client = createHttpClient({ allowPrivate: true, respectRobots: false, perHostDelayMs: 0 })
  await ingestHostile(store, client, site.origin)
  await client.close()
  await site.close()
  app = createApp({ store })
  const articles = (await store.listArticles({})).items
  const stories = (await store.listStories({})).items
  const entities = (await store.listEntities({})).items
  const q = encodeURIComponent
  pages.push(
    '/',
    '/sources',
    '/entities',
    '/search?q=council',
    '/search?mode=quotes&q=selling',
    ...articles.map((a) => `/article/${a.id}`),
    ...stories.map((s) => `/story/${s.id}`),
    ...entities.map((e) => `/entity/${q(e.key)}`),
  )
  feeds.push(
    '/feeds/front.atom',
    '/feeds/search.atom?q=council',
    '/feeds/search.atom?mode=quotes&q=selling',
    ...stories.map((s) => `/feeds/story/${s.id}.atom`),
    ...entities.map((e) => `/feeds/entity/${q(e.key)}/quotes.atom`),
  )
})

afterAll(async () => {
  await store.close()
})

/** Live markup a payload would need, found by parsing the page as a browser does (parse5). */
function liveMarkup(html: string): string[] {
  const found: string[] = []
  const walk = (node: DefaultTreeAdapterMap['parentNode']) => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue
      const el = child as DefaultTreeAdapterMap['element']
      const attrs = Object.fromEntries(el.attrs.map((a) => [a.name.toLowerCase(), a.value]))
      if (el.tagName === 'script' && !/^\/static\//.test(attrs['src'] ?? '')) found.push('script')
      if (
        ['iframe', 'object', 'embed', 'img', 'math', 'base', 'template', 'style'].includes(
          el.tagName,
        )
      )
        found.push(el.tagName)
      for (const [name, value] of Object.entries(attrs)) {
        if (name.startsWith('on')) found.push(`${el.tagName}[${name}]`)
        if (
          ['href', 'src', 'action', 'data', 'formaction', 'xlink:href'].includes(name) &&
          /^\s*(javascript|data|vbscript):/i.test(value)
        )
          found.push(`${el.tagName}[${name}=${value.slice(0, 20)}]`)
      }
      walk(el)
      if (el.tagName === 'template')
        walk((el as unknown as { content: DefaultTreeAdapterMap['parentNode'] }).content)
    }
  }
  walk(parse(html))
  return found
}

test('every reader page shows the payloads as text only', async () => {
  expect(pages.length).toBeGreaterThan(8)
  for (const path of pages) {
    const res = await app.request(path)
    expect(res.status, path).toBe(200)
    const html = await res.text()
    expect(liveMarkup(html), path).toEqual([])
  }
})

test('the payloads are there, escaped', async () => {
  const html = await (await app.request(pages.find((p) => p.startsWith('/entity/'))!)).text()
  expect(html).toContain('&lt;img src=x onerror=window.__pwned=(window.__pwned||0)+1&gt; Grimm')
})

test('every Atom feed is well-formed and holds no live markup', async () => {
  for (const path of feeds) {
    const res = await app.request(path)
    expect(res.status, path).toBe(200)
    const xml = await res.text()
    expect(XMLValidator.validate(xml), path).toBe(true)
    expect(xml).not.toMatch(/<script|<img|<svg/i)
  }
})

test('the JSON API returns the payloads as data', async () => {
  const res = await app.request('/api/v1/entities')
  const body = (await res.json()) as { items: { name: string }[] }
  expect(body.items[0]!.name).toContain('<img src=x onerror=')
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
})

test.each([
  ['<p onclick="x">a</p>', 'p[onclick]'],
  ['<a href=" javascript:x">a</a>', 'a[href= javascript:x]'],
  ['<script>x</script>', 'script'],
  ['<svg><a xlink:href="javascript:x"></a></svg>', 'a[href=javascript:x]'],
])('the checker itself finds %s', (html, expected) => {
  expect(liveMarkup(html)).toContain(expected)
})
