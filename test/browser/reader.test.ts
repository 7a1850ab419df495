/**
 * A person's walk through the reader in Chromium: front page → story → article (a highlighted
 * quote whose speaker link leads to the person page) → search → add a feed and watch it being
 * read. Each page is screenshotted and scanned with axe-core (no serious or critical
 * violations), and no page asks anything of another origin.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createHttpClient } from '../../src/ingest/index.js'
import type { IngestService, RunningServer } from '../../src/server/index.js'
import { createApp, createIngestService, startServer } from '../../src/server/index.js'
import type { Store } from '../../src/store/index.js'
import { openStore } from '../../src/store/index.js'
import type { LocalServer } from '../support/local-server.js'
import { startServer as startLocal } from '../support/local-server.js'
import { buildReaderCorpus, pageHtml, READER_PAGES } from '../support/reader-corpus.js'
import { HAS_CHROMIUM, launch, openPage, screenshot, seriousViolations } from './browser.js'

describe.skipIf(!HAS_CHROMIUM)('the reader in Chromium', () => {
  let store: Store
  let ingest: IngestService
  let server: RunningServer
  let browser: Browser
  let site: LocalServer
  const client = createHttpClient({ allowPrivate: true, respectRobots: false, perHostDelayMs: 0 })

  beforeAll(async () => {
    store = openStore({ path: ':memory:' })
    await buildReaderCorpus(store)
    const harbour = {
      ...READER_PAGES[3]!,
      title: 'Harbour market opens on Sundays',
      paragraphs: [
        'The harbour market will open on Sundays from next month, the council said on Friday, after traders asked for a second day to sell fish and vegetables to visitors.',
        'Stall holders welcomed the change but asked for more parking near the quay, where cars already fill every space by nine in the morning on Saturdays.',
        'The council said it would review the arrangement after the summer, once it had counted visitors and heard from residents who live above the market square.',
      ],
      quotes: [],
      people: [],
    }
    site = await startLocal({
      '/feed.xml': (_req, res) => {
        res.setHeader('content-type', 'application/rss+xml; charset=utf-8')
        res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title><link>${site.origin}/</link><description>d</description>
<item><title>Harbour market opens on Sundays</title><link>${site.origin}/market</link><guid>m1</guid><pubDate>Fri, 08 Mar 2024 10:00:00 GMT</pubDate></item>
</channel></rss>`)
      },
      '/market': (_req, res) => {
        res.setHeader('content-type', 'text/html; charset=utf-8')
        res.end(pageHtml({ ...harbour, url: `${site.origin}/market`, outlet: 'Harbour News' }))
      },
    })
    ingest = createIngestService({ store, client })
    server = await startServer(createApp({ store, ingest }), { port: 0 })
    browser = await launch()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close(1000)
    await ingest?.close()
    await client.close()
    await site?.close()
    await store?.close()
  })

  test('front page → story → article → person → search → add a feed', {
    timeout: 90_000,
  }, async () => {
    const { page, foreign, close } = await openPage(browser, server.url)
    const checkPage = async (name: string) => {
      await screenshot(page, name)
      expect(await seriousViolations(page), `axe on ${name}`).toEqual([])
    }

    // Front page: the barrier story, with its outlets and people.
    await page.goto(`${server.url}/`)
    await expect(page.locator('h1').textContent()).resolves.toBe('The latest news')
    await checkPage('01-front')
    await page
      .getByRole('link', { name: 'Port Ellis approves a flood barrier for the waterfront' })
      .first()
      .click()

    // Story page: three outlets, the copy folded, the quote once.
    await page.waitForURL(/\/story\//)
    await expect(page.locator('h1').textContent()).resolves.toContain('flood barrier')
    await expect(page.getByText('1 copy of this article elsewhere').count()).resolves.toBe(1)
    await checkPage('02-story')
    await page
      .locator('#coverage-h ~ ol')
      .getByRole('link', { name: 'Port Ellis approves a flood barrier for the waterfront' })
      .click()

    // Article page: the quote is highlighted and its speaker's name leads to her page.
    await page.waitForURL(/\/article\//)
    const mark = page.locator('mark.quote').first()
    await expect(mark.textContent()).resolves.toContain('This barrier will protect every home')
    const background = await mark.evaluate('(el) => getComputedStyle(el).backgroundColor')
    expect(background).not.toBe('rgba(0, 0, 0, 0)')
    await page.locator('details.removed summary').click()
    await checkPage('03-article')
    await page.locator('a.speaker', { hasText: 'Maria Lopez' }).first().click()

    // Person page.
    await page.waitForURL(/\/entity\/person%3Amaria-lopez$/)
    await expect(page.locator('h1').textContent()).resolves.toBe('Maria Lopez')
    await expect(page.locator('figure.chart svg').count()).resolves.toBe(1)
    await checkPage('04-person')

    // Search from the header.
    await page.getByLabel('Search the news').fill('strike')
    await page.getByLabel('Search the news').press('Enter')
    await page.waitForURL(/\/search\?q=strike/)
    await expect(page.locator('#results-h ~ ul mark').first().textContent()).resolves.toMatch(
      /strike/i,
    )
    await checkPage('05-search')

    // Add a feed: the job page shows progress and ends with the new article.
    await page.getByRole('link', { name: 'Sources' }).click()
    await page.getByLabel('Address of a feed, a site or an article').fill(`${site.origin}/feed.xml`)
    await checkPage('06-sources')
    await page.getByRole('button', { name: 'Add' }).click()
    await page.waitForURL(/\/sources\/jobs\//)
    // Polled from here: a string predicate would be eval'd in the page, which its CSP forbids.
    await expect
      .poll(() => page.locator('[data-job-text]').textContent(), { timeout: 30_000, interval: 250 })
      .toMatch(/^done:/)
    await expect(page.locator('[data-job-text]').textContent()).resolves.toContain('1 new')
    await checkPage('07-job')
    await page.goto(`${server.url}/sources`)
    await expect(page.getByText('Harbour News').count()).resolves.toBeGreaterThan(0)

    expect(foreign).toEqual([])
    await close()
  })

  test('keyboard: the skip link is the first stop and moves focus to the content', async () => {
    const { page, close } = await openPage(browser, server.url)
    await page.goto(`${server.url}/`)
    await page.keyboard.press('Tab')
    await expect(page.evaluate('document.activeElement?.textContent')).resolves.toBe(
      'Skip to content',
    )
    await page.keyboard.press('Enter')
    await expect(page.evaluate('document.activeElement?.id')).resolves.toBe('main')
    await close()
  })

  test('a phone-sized screen shows the article without sideways scrolling', async () => {
    const { page, close } = await openPage(browser, server.url, {
      viewport: { width: 375, height: 740 },
    })
    await page.goto(`${server.url}/`)
    const href = await page.locator('#latest-h ~ ul a').first().getAttribute('href')
    await page.goto(`${server.url}${href}`)
    await screenshot(page, '08-article-phone')
    const overflow = (await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    )) as number
    expect(overflow).toBeLessThanOrEqual(0)
    await close()
  })
})
