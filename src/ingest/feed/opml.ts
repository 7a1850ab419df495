/** @module ingest/feed/opml: the feeds an OPML subscription list names, nested folders included. */
import { err, ok, type Result } from '../../core/index.js'
import type { IngestFailure } from '../types.js'
import { decodeText } from './decode-text.js'
import { absoluteHttpUrl } from './parse-feed.js'
import { children, child, parseXml } from './xml.js'

/** One feed listed in an OPML file. */
export interface OpmlFeed {
  url: string
  title?: string
  siteUrl?: string
  /** The folder path the feed sits in, outermost first. */
  categories: string[]
}

/**
 * Lists the feeds of an OPML document (`outline` elements with an `xmlUrl`, at any depth),
 * each once. Fails with `invalid_feed` when the document is not OPML.
 */
export function parseOpml(
  bytes: Uint8Array,
  options: { url?: string | undefined; contentType?: string | undefined } = {},
): Result<OpmlFeed[], IngestFailure> {
  const where = options.url ?? 'OPML'
  let tree: Record<string, unknown>
  try {
    tree = parseXml(decodeText(bytes, options.contentType, 'xml').text)
  } catch (e) {
    return err({
      code: 'invalid_feed',
      message: `${where}: malformed XML (${(e as Error).message})`,
    })
  }
  const opml = child(tree, 'opml')
  if (opml === undefined)
    return err({ code: 'invalid_feed', message: `${where}: not an OPML document` })
  const feeds: OpmlFeed[] = []
  const seen = new Set<string>()
  const walk = (node: unknown, path: string[]): void => {
    for (const outline of children(node, 'outline')) {
      const attr = (name: string): string | undefined => {
        for (const [k, v] of Object.entries(outline)) {
          if (k.toLowerCase() === `@${name.toLowerCase()}` && typeof v === 'string' && v.trim()) {
            return v.trim()
          }
        }
        return undefined
      }
      const title = attr('title') ?? attr('text')
      const url = absoluteHttpUrl(attr('xmlUrl'), options.url)
      if (url !== undefined && !seen.has(url)) {
        seen.add(url)
        const siteUrl = absoluteHttpUrl(attr('htmlUrl'), options.url)
        feeds.push({
          url,
          ...(title !== undefined && { title }),
          ...(siteUrl !== undefined && { siteUrl }),
          categories: path,
        })
      }
      walk(outline, url === undefined && title !== undefined ? [...path, title] : path)
    }
  }
  walk(child(opml, 'body'), [])
  return ok(feeds)
}
