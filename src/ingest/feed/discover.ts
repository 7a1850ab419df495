/**
 * @module ingest/feed/discover: finds a site's feeds from its home page — the
 * `<link rel="alternate">` (and `rel="feed"`) elements the page declares, in the page's order —
 * and, when it declares none, by probing the paths where feed software usually puts them.
 */
import { Parser } from 'htmlparser2'
import { isLedeError, err, ok, type Result } from '../../core/index.js'
import type { FetchResponse, HttpClient } from '../fetch/client.js'
import { type Debug, type IngestFailure, toFailure } from '../types.js'
import { absoluteHttpUrl } from './parse-feed.js'
import { readFeedDocument } from './read-feed-document.js'

export interface DiscoveredFeed {
  url: string
  title?: string
  /** The declared MIME type, for linked feeds. */
  type?: string
  /** Declared by the page, or found by probing a common path. */
  via: 'link' | 'probe'
}

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/json', // JSON Feed 1.0 recommended this before feed+json
  'application/rdf+xml',
  'application/xml',
  'text/xml',
])

/**
 * Where feed software puts feeds: WordPress (/feed/), Ghost and many CMSs (/rss/), Jekyll and
 * static generators (/feed.xml, /atom.xml), Hugo (/index.xml), Blogger (/feeds/posts/default).
 * Ordered from the most widespread software down; each probe is one request.
 */
export const COMMON_FEED_PATHS = [
  '/feed',
  '/rss',
  '/feed.xml',
  '/rss.xml',
  '/atom.xml',
  '/index.xml',
  '/feeds/posts/default',
] as const

/** The feeds an HTML page declares, resolved against its URL (and `<base href>`). */
export function findFeedLinks(html: Uint8Array | string, pageUrl: string): DiscoveredFeed[] {
  const text = typeof html === 'string' ? html : new TextDecoder().decode(html)
  let base = pageUrl
  const found: DiscoveredFeed[] = []
  const seen = new Set<string>()
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const attr = (key: string): string | undefined => attributes[key]
        if (name === 'base' && attr('href')) base = absoluteHttpUrl(attr('href'), pageUrl) ?? base
        if (name !== 'link') return
        const rel = (attr('rel') ?? '').toLowerCase().split(/\s+/)
        const type = (attr('type') ?? '').toLowerCase().split(';')[0]!.trim()
        const isFeed = (rel.includes('alternate') && FEED_TYPES.has(type)) || rel.includes('feed')
        if (!isFeed) return
        const url = absoluteHttpUrl(attr('href'), base)
        if (url === undefined || seen.has(url)) return
        seen.add(url)
        const title = attr('title')?.trim()
        found.push({ url, ...(title && { title }), ...(type && { type }), via: 'link' })
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.end(text)
  return found
}

export interface DiscoverOptions {
  client: HttpClient
  /** The home page already fetched, to save a request. */
  page?: FetchResponse
  /** Probe {@link COMMON_FEED_PATHS} when the page declares no feed. Default true. */
  probe?: boolean
  debug?: Debug
}

/**
 * Discovers the feeds of a site from its home page. Resolves to the declared feeds, or the first
 * probed path that answers with a readable feed, or an empty list. Fails only when the home page
 * itself cannot be fetched.
 */
export async function discoverFeeds(
  siteUrl: string,
  options: DiscoverOptions,
): Promise<Result<DiscoveredFeed[], IngestFailure>> {
  const { client, debug } = options
  let page = options.page
  if (page === undefined) {
    try {
      page = await client.fetch(siteUrl, {
        accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
      })
    } catch (e) {
      if (isLedeError(e)) return err(toFailure(e))
      throw e
    }
  }
  const linked = findFeedLinks(page.body, page.url)
  debug?.(`${page.url}: ${linked.length} linked feeds`)
  if (linked.length > 0 || options.probe === false) return ok(linked)
  const origin = new URL(page.url).origin
  for (const path of COMMON_FEED_PATHS) {
    const url = `${origin}${path}`
    try {
      const res = await client.fetch(url, {
        accept:
          'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.5',
        retries: 0,
      })
      const doc = readFeedDocument(res.body, { url: res.url, contentType: res.contentType })
      if (doc.ok && doc.value.kind === 'feed') {
        debug?.(`probe ${url}: a ${doc.value.feed.format} feed`)
        return ok([
          {
            url: res.url,
            ...(doc.value.feed.title && { title: doc.value.feed.title }),
            via: 'probe',
          },
        ])
      }
      debug?.(`probe ${url}: not a feed`)
    } catch (e) {
      if (!isLedeError(e)) throw e
      debug?.(`probe ${url}: ${e.code}`)
    }
  }
  return ok([])
}
