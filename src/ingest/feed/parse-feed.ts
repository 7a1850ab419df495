/**
 * @module ingest/feed/parse-feed: RSS 0.9x/1.0/2.0 and Atom through @rowanmanning/feed-parser,
 * JSON Feed 1.0/1.1 validated with zod, all normalised to {@link ParsedFeed}. Item URLs are made
 * absolute against the feed's own URL; items without a usable identity are skipped.
 */
import { createHash } from 'node:crypto'
import { parseFeed as parseXmlFeed } from '@rowanmanning/feed-parser'
import { XMLValidator } from 'fast-xml-parser'
import { z } from 'zod'
import { err, ok, type Result } from '../../core/index.js'
import type { Debug, FeedEntry, IngestFailure, ParsedFeed } from '../types.js'
import { decodeText } from './decode-text.js'
import { escapeHtml, htmlToText } from './html-text.js'

/** Summaries longer than this are cut: they are hints, not the article. */
const MAX_SUMMARY_CHARS = 2000

export interface ParseFeedOptions {
  /** The feed's own URL: the base for relative item links. */
  url?: string | undefined
  contentType?: string | undefined
  debug?: Debug | undefined
}

/** Parses an RSS, RDF or Atom document. Fails with `invalid_feed` when nothing can be read. */
export function parseXmlFeedDocument(
  bytes: Uint8Array,
  options: ParseFeedOptions = {},
): Result<ParsedFeed, IngestFailure> {
  const { text, encoding, from } = decodeText(bytes, options.contentType, 'xml')
  options.debug?.(`feed ${options.url ?? ''}: ${encoding} (from ${from})`)
  let feed: ReturnType<typeof parseXmlFeed>
  try {
    feed = parseXmlFeed(text)
  } catch (e) {
    return err(invalid(options.url, `not a readable RSS or Atom feed: ${messageOf(e)}`))
  }
  memoizeFeedGetters(feed)
  const meta = feed.meta.type
  const base = options.url ?? feed.url ?? undefined
  const entries: FeedEntry[] = []
  for (const item of feed.items) {
    const url = absoluteHttpUrl(item.url, base)
    const content = nonEmpty(item.content)
    const description = nonEmpty(item.description)
    const entry = makeEntry({
      id: nonEmpty(item.id),
      url,
      title: nonEmpty(item.title),
      published: item.published ?? item.updated,
      updated: item.updated,
      authors: item.authors.map((a) => a.name ?? '').filter((n) => n !== ''),
      summaryHtml: description,
      contentHtml: content,
    })
    if (entry !== undefined) entries.push(entry)
  }
  if (entries.length === 0) {
    // The parser is lenient, which keeps real-world feeds readable; but a feed that yields nothing
    // and is not even well-formed is broken, and should be reported as such rather than as empty.
    const valid = XMLValidator.validate(text)
    if (valid !== true) {
      const { msg, line, col } = valid.err
      return err(invalid(options.url, `malformed XML at line ${line}, column ${col}: ${msg}`))
    }
  }
  const ttlSeconds = feedTtlSeconds(feed.element)
  return ok({
    format: meta === 'atom' ? 'atom' : 'rss',
    ...optional('title', nonEmpty(feed.title)),
    ...optional('siteUrl', absoluteHttpUrl(feed.url, base)),
    ...optional('language', nonEmpty(feed.language)),
    ...optional('ttlSeconds', ttlSeconds),
    entries,
  })
}

const JsonFeedAuthor = z.object({ name: z.string().nullish() })
const JsonFeedItem = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  url: z.string().nullish(),
  external_url: z.string().nullish(),
  title: z.string().nullish(),
  content_html: z.string().nullish(),
  content_text: z.string().nullish(),
  summary: z.string().nullish(),
  date_published: z.string().nullish(),
  date_modified: z.string().nullish(),
  author: JsonFeedAuthor.nullish(), // 1.0
  authors: z.array(JsonFeedAuthor).nullish(), // 1.1
  language: z.string().nullish(),
})
/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1); items are checked one by one. */
export const JsonFeedSchema = z.object({
  version: z.string().regex(/^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?$/),
  title: z.string(),
  home_page_url: z.string().nullish(),
  feed_url: z.string().nullish(),
  language: z.string().nullish(),
  items: z.array(z.unknown()),
})

/** Parses a JSON Feed. Fails with `invalid_feed` for bad JSON or a document that is not one. */
export function parseJsonFeedDocument(
  bytes: Uint8Array,
  options: ParseFeedOptions = {},
): Result<ParsedFeed, IngestFailure> {
  let json: unknown
  try {
    json = JSON.parse(decodeText(bytes, options.contentType, 'json').text)
  } catch (e) {
    return err(invalid(options.url, `not valid JSON: ${messageOf(e)}`))
  }
  const parsed = JsonFeedSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return err(
      invalid(
        options.url,
        `not a JSON Feed: ${issue?.path.join('.') || 'document'}: ${issue?.message}`,
      ),
    )
  }
  const feed = parsed.data
  const base = options.url ?? feed.feed_url ?? feed.home_page_url ?? undefined
  const entries: FeedEntry[] = []
  for (const [i, raw] of feed.items.entries()) {
    const item = JsonFeedItem.safeParse(raw)
    if (!item.success) {
      options.debug?.(`JSON Feed item ${i} skipped: ${item.error.issues[0]?.message}`)
      continue
    }
    const it = item.data
    const authors = [...(it.authors ?? []), ...(it.author ? [it.author] : [])]
    const contentText = nonEmpty(it.content_text)
    const entry = makeEntry({
      id: it.id,
      url: absoluteHttpUrl(it.url ?? it.external_url, base),
      title: nonEmpty(it.title),
      published: parseDate(it.date_published ?? it.date_modified),
      updated: parseDate(it.date_modified),
      authors: authors.map((a) => a.name ?? '').filter((n) => n !== ''),
      summaryHtml: nonEmpty(it.summary) ?? contentText,
      contentHtml: nonEmpty(it.content_html) ?? (contentText && textToHtml(contentText)),
      language: nonEmpty(it.language),
    })
    if (entry !== undefined) entries.push(entry)
  }
  return ok({
    format: 'json-feed',
    title: feed.title,
    ...optional('siteUrl', absoluteHttpUrl(feed.home_page_url, base)),
    ...optional('language', nonEmpty(feed.language)),
    entries,
  })
}

interface EntryParts {
  id?: string | undefined
  url?: string | undefined
  title?: string | undefined
  published?: Date | null | undefined
  updated?: Date | null | undefined
  authors: string[]
  summaryHtml?: string | undefined
  contentHtml?: string | undefined
  language?: string | undefined
}

function makeEntry(p: EntryParts): FeedEntry | undefined {
  const summary = p.summaryHtml !== undefined ? htmlToText(p.summaryHtml) : undefined
  const publishedAt = isoDate(p.published)
  const modifiedAt = isoDate(p.updated)
  const key =
    p.id ??
    p.url ??
    (p.title !== undefined || summary !== undefined
      ? `hash:${createHash('sha1')
          .update(`${p.title ?? ''}\n${publishedAt ?? ''}\n${summary ?? ''}`)
          .digest('base64url')}`
      : undefined)
  if (key === undefined) return undefined
  return {
    key,
    ...optional('url', p.url),
    ...optional('title', p.title !== undefined ? htmlToText(p.title) || undefined : undefined),
    ...optional('publishedAt', publishedAt),
    ...optional('modifiedAt', modifiedAt !== publishedAt ? modifiedAt : undefined),
    authors: [...new Set(p.authors.map((a) => a.trim()).filter((a) => a !== ''))],
    ...optional('summary', summary ? summary.slice(0, MAX_SUMMARY_CHARS) : undefined),
    ...optional('contentHtml', p.contentHtml),
    ...optional('language', p.language),
  }
}

/**
 * Each item of feed-parser asks its feed for `url` (to resolve links) and, when it has none of its
 * own, `authors` and `categories`; the feed computes these afresh on every call by scanning all of
 * the channel's children, items included, which makes reading a feed quadratic in its size (a
 * 2,000-item feed took seconds, a 10 MB one minutes: a hostile feed could stall a run). Reading
 * them once and pinning the values on the instance makes it linear; the getters are pure, so the
 * values are the same.
 */
function memoizeFeedGetters(feed: object): void {
  for (const key of ['url', 'authors', 'categories', 'language'] as const) {
    Object.defineProperty(feed, key, { value: Reflect.get(feed, key), configurable: true })
  }
}

/** RSS `<ttl>` (minutes), else the syndication module's updatePeriod / updateFrequency. */
function feedTtlSeconds(channel: {
  findElementWithName(name: string): { textContent: string } | null
}): number | undefined {
  const ttl = Number.parseInt(channel.findElementWithName('ttl')?.textContent.trim() ?? '', 10)
  if (Number.isFinite(ttl) && ttl > 0) return ttl * 60
  const period = channel.findElementWithName('updateperiod')?.textContent.trim().toLowerCase()
  const PERIOD_SECONDS: Record<string, number> = {
    hourly: 3600,
    daily: 86_400,
    weekly: 604_800,
    monthly: 2_592_000,
    yearly: 31_536_000,
  }
  const seconds = period !== undefined ? PERIOD_SECONDS[period] : undefined
  if (seconds === undefined) return undefined
  const frequency = Number.parseInt(
    channel.findElementWithName('updatefrequency')?.textContent.trim() ?? '1',
    10,
  )
  return Math.round(seconds / (Number.isFinite(frequency) && frequency > 0 ? frequency : 1))
}

/** Resolves a link against a base and keeps it only if it is http(s). */
export function absoluteHttpUrl(
  link: string | null | undefined,
  base: string | undefined,
): string | undefined {
  const text = link?.trim()
  if (!text) return undefined
  try {
    const u = new URL(text, base)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined
  } catch {
    return undefined
  }
}

function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
    .join('\n')
}

function parseDate(text: string | null | undefined): Date | undefined {
  if (!text) return undefined
  const d = new Date(text)
  return Number.isNaN(d.getTime()) ? undefined : d
}

function isoDate(d: Date | null | undefined): string | undefined {
  return d && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined
}

function nonEmpty(s: string | null | undefined): string | undefined {
  const t = s?.trim()
  return t ? t : undefined
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}

function invalid(url: string | undefined, message: string): IngestFailure {
  return {
    code: 'invalid_feed',
    message: url ? `${url}: ${message}` : message,
    ...(url && { url }),
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
