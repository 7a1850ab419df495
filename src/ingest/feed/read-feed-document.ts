/**
 * @module ingest/feed/read-feed-document: what a fetched document is — an RSS/Atom/JSON feed, a
 * sitemap, a sitemap index, an OPML list, an HTML page — decided from its first element (or JSON
 * shape) with the Content-Type as a tie-breaker, and parsed accordingly. Gzip-compressed bodies
 * (`sitemap.xml.gz` served without Content-Encoding) are unpacked first, within the size cap.
 */
import { gunzipSync } from 'node:zlib'
import { err, ok, type Result } from '../../core/index.js'
import type { Debug, IngestFailure, ParsedFeed } from '../types.js'
import { type OpmlFeed, parseOpml } from './opml.js'
import { parseJsonFeedDocument, parseXmlFeedDocument } from './parse-feed.js'
import { parseSitemap, type SitemapIndex } from './sitemap.js'

export type DocumentKind =
  | 'rss'
  | 'atom'
  | 'json-feed'
  | 'sitemap'
  | 'sitemap-index'
  | 'opml'
  | 'html'
  | 'xml'
  | 'unknown'

export type FeedDocument =
  | { kind: 'feed'; feed: ParsedFeed }
  | ({ kind: 'sitemap-index' } & SitemapIndex)
  | { kind: 'opml'; feeds: OpmlFeed[] }
  | { kind: 'html' }
  | { kind: 'other'; contentType?: string }

export interface ReadFeedDocumentOptions {
  url?: string | undefined
  contentType?: string | undefined
  /** Cap for an unpacked gzip body. Default 10 MiB. */
  maxBytes?: number | undefined
  debug?: Debug | undefined
}

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024

/** Decides what a document is from its first bytes and Content-Type. */
export function sniffDocument(bytes: Uint8Array, contentType?: string): DocumentKind {
  const head = headText(bytes)
  const type = (contentType ?? '').toLowerCase()
  const trimmed = head.replace(/^\s+/, '')
  if (trimmed.startsWith('{')) {
    if (
      /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(head) ||
      type.includes('feed+json')
    ) {
      return 'json-feed'
    }
    return 'unknown'
  }
  const root = firstElement(trimmed)
  switch (root) {
    case 'rss':
    case 'rdf':
      return 'rss'
    case 'feed':
      return 'atom'
    case 'urlset':
      return 'sitemap'
    case 'sitemapindex':
      return 'sitemap-index'
    case 'opml':
      return 'opml'
    case 'html':
      return 'html'
  }
  if (type.includes('html') || /<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]/i.test(head))
    return 'html'
  if (type.includes('rss')) return 'rss'
  if (type.includes('atom')) return 'atom'
  if (root !== undefined || type.includes('xml')) return 'xml'
  return 'unknown'
}

/**
 * Reads a fetched document as a feed, sitemap, sitemap index or OPML list; HTML and anything else
 * come back as such for the caller to decide. Fails with `invalid_feed` when a document that
 * claims to be one of these cannot be read, and `too_large` when a gzip body unpacks too big.
 */
export function readFeedDocument(
  input: Uint8Array,
  options: ReadFeedDocumentOptions = {},
): Result<FeedDocument, IngestFailure> {
  const opts = { url: options.url, contentType: options.contentType, debug: options.debug }
  const unpacked = gunzipIfPacked(input, options.maxBytes ?? DEFAULT_MAX_BYTES, options.url)
  if (!unpacked.ok) return unpacked
  const bytes = unpacked.value
  const kind = sniffDocument(bytes, options.contentType)
  options.debug?.(`${options.url ?? 'document'} looks like ${kind}`)
  switch (kind) {
    case 'rss':
    case 'atom':
    case 'xml': {
      const feed = parseXmlFeedDocument(bytes, opts)
      return feed.ok ? ok({ kind: 'feed', feed: feed.value }) : feed
    }
    case 'json-feed': {
      const feed = parseJsonFeedDocument(bytes, opts)
      return feed.ok ? ok({ kind: 'feed', feed: feed.value }) : feed
    }
    case 'sitemap':
    case 'sitemap-index': {
      const sitemap = parseSitemap(bytes, opts)
      if (!sitemap.ok) return sitemap
      const s = sitemap.value
      return ok(
        s.kind === 'index'
          ? { kind: 'sitemap-index', sitemaps: s.sitemaps }
          : { kind: 'feed', feed: s.feed },
      )
    }
    case 'opml': {
      const feeds = parseOpml(bytes, opts)
      return feeds.ok ? ok({ kind: 'opml', feeds: feeds.value }) : feeds
    }
    case 'html':
      return ok({ kind: 'html' })
    case 'unknown':
      return ok({
        kind: 'other',
        ...(options.contentType !== undefined && { contentType: options.contentType }),
      })
  }
}

function gunzipIfPacked(
  bytes: Uint8Array,
  maxBytes: number,
  url: string | undefined,
): Result<Uint8Array, IngestFailure> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return ok(bytes)
  try {
    return ok(gunzipSync(bytes, { maxOutputLength: maxBytes }))
  } catch (e) {
    const tooBig =
      (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError
    return err({
      code: tooBig ? 'too_large' : 'invalid_feed',
      message: tooBig
        ? `${url ?? 'document'} unpacks to more than ${maxBytes} bytes`
        : `${url ?? 'document'}: corrupt gzip data`,
      ...(url !== undefined && { url }),
    })
  }
}

/** The first 4 KB as text, enough to see the root element (UTF-16 read as such). */
function headText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 4096)
  const utf16le = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0x3c && head[1] === 0)
  const utf16be = (head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0 && head[1] === 0x3c)
  if (utf16le) return new TextDecoder('utf-16le').decode(head)
  if (utf16be) return new TextDecoder('utf-16be').decode(head)
  return Buffer.from(head.buffer, head.byteOffset, head.byteLength)
    .toString('latin1')
    .replace(/^\u00ef\u00bb\u00bf/, '')
}

/** The local name of the first element, past the declaration, comments, doctype and PIs. */
function firstElement(text: string): string | undefined {
  let rest = text.replace(/^\ufeff/, '')
  for (;;) {
    rest = rest.replace(/^\s+/, '')
    if (rest.startsWith('<?')) rest = after(rest, '?>')
    else if (rest.startsWith('<!--')) rest = after(rest, '-->')
    else if (/^<!doctype[^>[]*\[/i.test(rest)) rest = after(rest, ']>')
    else if (/^<!doctype/i.test(rest)) rest = after(rest, '>')
    else break
    if (rest === '') return undefined
  }
  const m = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(rest)
  return m?.[2]?.toLowerCase()
}

function after(text: string, marker: string): string {
  const i = text.indexOf(marker)
  return i < 0 ? '' : text.slice(i + marker.length)
}
