/**
 * @module server/demo: the quick start's corpus. `loadDemo` reads the bundled Wikinews slice
 * (demo/wikinews.jsonl.gz), serves it as a small news site on a loopback port of its own, and
 * ingests its feeds through the real pipeline (feed → page fetch → extract → analyze → store),
 * reporting progress. A marker file beside the database records that it was done, so later
 * starts reuse the database as it is.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import type { DocumentOutcome, PipelineOptions, RunSummary } from '../../pipeline/index.js'
import type { Store } from '../../store/index.js'
import { ingestUrls } from '../ingest/service.js'
import type { DemoArticle } from './site.js'
import { startDemoSite } from './site.js'

export { DEMO_NOTICE, type DemoArticle, type DemoSite, startDemoSite } from './site.js'

/** The footer line of a reader serving the demo corpus. */
export const DEMO_ATTRIBUTION =
  'Demo corpus: articles from Wikinews (en.wikinews.org), © Wikinews contributors, CC BY 2.5, ' +
  "read by Lede from its own rendering of them (see demo/ATTRIBUTION); not Wikinews' pages."

/** The bundle shipped in the repository, relative to this module (src/ or dist/). */
export const DEFAULT_BUNDLE = new URL('../../../demo/wikinews.jsonl.gz', import.meta.url)

/** Reads the bundle. */
export function readDemoBundle(path: string | URL = DEFAULT_BUNDLE): DemoArticle[] {
  return gunzipSync(readFileSync(path))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as DemoArticle)
}

export interface DemoMarker {
  loadedAt: string
  articles: number
  stored: number
  failed: number
  seconds: number
}

/** Where the "demo loaded" marker of a database lives. */
export const markerPath = (dbPath: string) => `${dbPath}.demo.json`

/** The marker, if the demo was loaded into this database before. */
export function demoMarker(dbPath: string): DemoMarker | undefined {
  const p = markerPath(dbPath)
  if (!existsSync(p)) return undefined
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as DemoMarker
  } catch {
    return undefined
  }
}

export interface LoadDemoOptions {
  store: Store
  /** The database file, for the marker; `:memory:` writes none. */
  dbPath: string
  bundle?: string | URL
  pipeline?: Omit<PipelineOptions, 'store' | 'onDocument' | 'signal'>
  /** Link the articles into stories, copies and related lists as they are stored. @default true */
  link?: boolean
  /** After every document: how many are done of how many. */
  onProgress?: (done: number, total: number, outcome: DocumentOutcome) => void
  signal?: AbortSignal
}

/** Serves the bundle on loopback and ingests it through the pipeline. */
export async function loadDemo(
  o: LoadDemoOptions,
): Promise<{ summary: RunSummary; total: number }> {
  const articles = readDemoBundle(o.bundle)
  const site = await startDemoSite(articles)
  // The demo site is ours and on loopback: no politeness delay, several requests at once.
  const { createHttpClient } = await import('../../ingest/index.js')
  const client = createHttpClient({
    allowPrivate: true,
    perHostDelayMs: 0,
    perHostConcurrency: 8,
    retries: 1,
  })
  let done = 0
  try {
    const summary = await ingestUrls({
      urls: site.feeds,
      follow: true,
      store: o.store,
      client,
      ...(o.pipeline && { pipeline: o.pipeline }),
      ...(o.link !== undefined && { link: o.link }),
      ...(o.signal && { signal: o.signal }),
      onDocument: (outcome) => {
        done++
        o.onProgress?.(done, articles.length, outcome)
      },
    })
    if (!summary.stopped && o.dbPath !== ':memory:') {
      const marker: DemoMarker = {
        loadedAt: new Date().toISOString(),
        articles: articles.length,
        stored: summary.inserted + summary.revised + summary.unchanged,
        failed: summary.failed,
        seconds: Math.round(summary.seconds * 10) / 10,
      }
      writeFileSync(markerPath(o.dbPath), `${JSON.stringify(marker, null, 2)}\n`)
    }
    return { summary, total: articles.length }
  } finally {
    await client.close()
    await site.close()
  }
}
