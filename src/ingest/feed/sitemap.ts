/**
 * @module ingest/feed/sitemap: XML sitemaps (sitemaps.org), Google News sitemaps (`news:news`
 * with title, publication date and language) and sitemap indexes.
 */
import { err, ok, type Result } from '../../core/index.js'
import type { FeedEntry, IngestFailure, ParsedFeed } from '../types.js'
import { decodeText } from './decode-text.js'
import { absoluteHttpUrl } from './parse-feed.js'
import { child, children, field, parseXml } from './xml.js'

/** A sitemap index: the sitemaps it lists. */
export interface SitemapIndex {
  sitemaps: { url: string; lastmod?: string }[]
}

export type ParsedSitemap =
  | { kind: 'urlset'; feed: ParsedFeed }
  | ({ kind: 'index' } & SitemapIndex)

/** Parses a sitemap or a sitemap index. Fails with `invalid_feed` for anything else. */
export function parseSitemap(
  bytes: Uint8Array,
  options: { url?: string | undefined; contentType?: string | undefined } = {},
): Result<ParsedSitemap, IngestFailure> {
  const where = options.url ?? 'sitemap'
  let tree: Record<string, unknown>
  try {
    tree = parseXml(decodeText(bytes, options.contentType, 'xml').text)
  } catch (e) {
    return err({
      code: 'invalid_feed',
      message: `${where}: malformed XML (${(e as Error).message})`,
    })
  }
  const index = child(tree, 'sitemapindex')
  if (index !== undefined) {
    const sitemaps: SitemapIndex['sitemaps'] = []
    for (const s of children(index, 'sitemap')) {
      const url = absoluteHttpUrl(field(s, 'loc'), options.url)
      const lastmod = isoDate(field(s, 'lastmod'))
      if (url !== undefined) sitemaps.push({ url, ...(lastmod !== undefined && { lastmod }) })
    }
    return ok({ kind: 'index', sitemaps })
  }
  const urlset = child(tree, 'urlset')
  if (urlset === undefined) {
    return err({ code: 'invalid_feed', message: `${where}: neither a urlset nor a sitemapindex` })
  }
  const entries: FeedEntry[] = []
  let publication: string | undefined
  for (const u of children(urlset, 'url')) {
    const url = absoluteHttpUrl(field(u, 'loc'), options.url)
    if (url === undefined) continue
    const news = child(u, 'news')
    const title = field(news, 'title')
    const publishedAt = isoDate(field(news, 'publication_date'))
    const modifiedAt = isoDate(field(u, 'lastmod'))
    const pub = child(news, 'publication')
    const language = field(pub, 'language')
    publication ??= field(pub, 'name')
    entries.push({
      key: url,
      url,
      ...(title !== undefined && { title }),
      ...(publishedAt !== undefined && { publishedAt }),
      ...(modifiedAt !== undefined && modifiedAt !== publishedAt && { modifiedAt }),
      authors: [],
      ...(language !== undefined && { language }),
    })
  }
  return ok({
    kind: 'urlset',
    feed: { format: 'sitemap', ...(publication !== undefined && { title: publication }), entries },
  })
}

function isoDate(text: string | undefined): string | undefined {
  if (text === undefined) return undefined
  const d = new Date(text)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString()
}
