/**
 * No script runs on the hostile corpus (test/hostile/). The pages, feed and annotations are
 * ingested through the real pipeline; then every reader page that shows them is opened in
 * Chromium twice: with the Content-Security-Policy in force (a violation listener must hear
 * nothing: the policy never had to block anything) and with the policy bypassed (so escaping is
 * tested on its own). A payload that ran would set `window.__pwned` or open a dialog.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createHttpClient } from '../../src/ingest/index.js'
import type { RunningServer } from '../../src/server/index.js'
import { createApp, startServer } from '../../src/server/index.js'
import type { Store } from '../../src/store/index.js'
import { openStore } from '../../src/store/index.js'
import { HOSTILE_NAME, ingestHostile, serveHostile } from '../support/hostile.js'
import type { LocalServer } from '../support/local-server.js'
import { HAS_CHROMIUM, launch, openPage } from './browser.js'

describe.skipIf(!HAS_CHROMIUM)('the hostile corpus in Chromium', () => {
  let store: Store
  let server: RunningServer
  let browser: Browser
  let site: LocalServer
  const paths: string[] = []
  const client = createHttpClient({ allowPrivate: true, respectRobots: false, perHostDelayMs: 0 })

  beforeAll(async () => {
    store = openStore({ path: ':memory:' })
    site = await serveHostile()
    const summary = await ingestHostile(store, client, site.origin)
    expect(summary.inserted).toBe(4)
    server = await startServer(createApp({ store }), { port: 0 })
    browser = await launch()
    const articles = (await store.listArticles({})).items
    const stories = (await store.listStories({})).items
    const entities = (await store.listEntities({})).items
    expect(entities.map((e) => e.name)).toContain(HOSTILE_NAME)
    const q = encodeURIComponent
    paths.push(
      '/',
      '/entities',
      '/sources',
      ...articles.map((a) => `/article/${a.id}`),
      ...stories.map((s) => `/story/${s.id}`),
      ...entities.map((e) => `/entity/${q(e.key)}`),
      '/search?q=script',
      '/search?q=pwned',
      '/search?q=council',
      `/search?mode=quotes&speaker=${q(entities[0]!.key)}`,
      '/search?mode=quotes&q=selling',
      `/search?q=${q('<script>window.__pwned=1</script>')}`,
      `/nope/${q('<img src=x onerror=window.__pwned=1>')}`,
    )
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close(1000)
    await client.close()
    await site?.close()
    await store?.close()
  })

  async function visit(page: Page, path: string) {
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' })
    // Give delayed handlers (autofocus, animations, toggles) a moment to fire.
    await page.waitForTimeout(150)
    const state = (await page.evaluate(
      '({ pwned: window.__pwned ?? 0, violations: window.__violations ?? [] })',
    )) as { pwned: number; violations: string[] }
    return { ...state, dialogs, url: page.url() }
  }

  test('with the CSP: no payload runs and the policy never has to block one', {
    timeout: 90_000,
  }, async () => {
    const { page, close } = await openPage(browser, server.url)
    // A string, not a function: it runs in the page, whose types (DOM) this file does not load.
    await page.addInitScript(`
      window.__violations = []
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(e.violatedDirective + ' ' + e.blockedURI))`)
    for (const path of paths) {
      const r = await visit(page, path)
      expect({ path, ...r }).toEqual({ path, pwned: 0, violations: [], dialogs: [], url: r.url })
      expect(r.url.startsWith(server.url), path).toBe(true)
    }
    await close()
  })

  test('without the CSP: escaping alone keeps every payload inert', {
    timeout: 90_000,
  }, async () => {
    const { page, close } = await openPage(browser, server.url, { bypassCSP: true })
    for (const path of paths) {
      const r = await visit(page, path)
      expect({ path, pwned: r.pwned, dialogs: r.dialogs }).toEqual({ path, pwned: 0, dialogs: [] })
      expect(r.url.startsWith(server.url), path).toBe(true)
      // The payloads are shown as text, not dropped: the reader hides nothing it stored.
      if (path.startsWith('/entity/'))
        expect(await page.locator('h1').textContent()).toBe(HOSTILE_NAME)
    }
    await close()
  })

  test('a payload would be caught: the same check fails on a page that runs one', async () => {
    const { page, close } = await openPage(browser, 'data:', { bypassCSP: true })
    await page.setContent('<img src=x onerror="window.__pwned=(window.__pwned||0)+1">')
    await page.waitForTimeout(150)
    expect(await page.evaluate('window.__pwned ?? 0')).toBe(1)
    await close()
  })
})
