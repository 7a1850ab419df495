/**
 * @module ingest/sources/read-sources: source arguments → a stream of events. A URL is fetched and
 * looked at: a feed or (news) sitemap yields its entries' pages, an OPML list its feeds, a site's
 * home page the feed it declares, any other page itself. A WARC file yields its HTML responses,
 * a local OPML/feed/sitemap file its entries; other paths go to the files reader the caller
 * supplies. Every failure is an event, never an exception, so one bad document never stops a run.
 */
import { readFile, stat } from 'node:fs/promises'
import { isLedeError, type RawDocument, type SourceKind } from '../../core/index.js'
import type { FetchResponse, HttpClient } from '../fetch/client.js'
import { discoverFeeds } from '../feed/discover.js'
import { escapeHtml, htmlToText } from '../feed/html-text.js'
import { type FeedDocument, readFeedDocument } from '../feed/read-feed-document.js'
import {
  type FeedInfo,
  type FeedState,
  forgetEntries,
  newFeedState,
  type PollOptions,
  type PollResult,
  pollFeed,
  settleFeedResponse,
} from '../poll/poll-feed.js'
import { type Debug, type FeedEntry, type IngestFailure, toFailure } from '../types.js'
import { readWarc } from '../warc/read-warc.js'
import { mergeBounded } from './merge.js'

/** Where an event came from: the argument, feed or archive, as the store's SourceRef names it. */
export interface SourceRef {
  kind: SourceKind
  /** Feed URL, page URL, file path, archive path. */
  location: string
}

/** How a feed poll went; carries the state to persist. */
export interface FeedReport {
  /** The feed's new state: store it, replacing the old one (it is complete, not a patch). */
  state: FeedState
  outcome: 'ok' | 'not_modified' | 'error'
  /** The feed's format and title, when it was read. */
  info?: FeedInfo
  /** Entries new since the last poll. */
  newEntries: number
  /** Documents yielded for them. */
  documents: number
  /** Entries whose page could not be fetched (each also reported as an error event). */
  failedEntries: number
  error?: IngestFailure
}

/**
 * What reading sources yields, in order:
 * - `document`: a RawDocument for the pipeline (extract → analyze → store);
 * - `error`: something that yielded no document — a page, an entry, a feed, a file — with a code;
 * - `feed`: after a feed's or sitemap's documents, its new state and health.
 */
export type SourceEvent =
  | { type: 'document'; document: RawDocument }
  | { type: 'error'; error: IngestFailure; source: SourceRef }
  | { type: 'feed'; feed: FeedReport }

export interface ReadSourcesOptions {
  client: HttpClient
  /**
   * The stored state of a feed URL Lede already follows, if any: with it a feed is polled with a
   * conditional GET and yields only entries it has not yielded before.
   */
  feedState?: (url: string) => FeedState | undefined | Promise<FeedState | undefined>
  /** Reads the arguments that are not URLs, WARC or feed files (HTML, text, JSON lines, folders, `-`). */
  readFile?: (arg: string) => AsyncIterable<SourceEvent>
  /**
   * Take an entry's content from the feed instead of fetching its page, when the feed carries
   * substantial content. Entries without a link always use their content. Default false.
   */
  useFeedContent?: boolean
  /**
   * Look for the feed of a site's home page: `auto` when a URL's path is `/`, `always` for any
   * HTML page, `never`. Default `auto`.
   */
  discover?: 'auto' | 'always' | 'never'
  /** Skip feed entries published before this time. */
  since?: Date
  /** Pages fetched at once across hosts (the client still limits each host). Default 8. */
  concurrency?: number
  /** Feeds of an OPML list read at once. Default 4. */
  feedConcurrency?: number
  /** Largest page in a WARC or local feed file. Default 10 MiB. */
  maxBytes?: number
  /** Polling intervals and limits for feeds. */
  poll?: Omit<PollOptions, 'client' | 'debug' | 'now'>
  now?: () => number
  debug?: Debug
}

/** What an argument is, decided without touching the network. */
export type SourceArgKind = 'url' | 'warc' | 'feed-file' | 'file' | 'stdin' | 'unsupported'

/**
 * Classifies a source argument: an http(s) URL, a WARC file (`.warc`, `.warc.gz`), a local
 * OPML/feed/sitemap file (`.opml`, `.rss`, `.atom`, `.xml`, `.xml.gz`), `-` for stdin, any other
 * path (for the files reader), or an unsupported URL scheme.
 */
export function classifySource(arg: string): SourceArgKind {
  if (arg === '-') return 'stdin'
  if (/^https?:\/\//i.test(arg)) return 'url'
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) return 'unsupported'
  const lower = arg.toLowerCase()
  if (/\.warc(\.gz)?$/.test(lower)) return 'warc'
  if (/\.(opml|rss|atom|xml)(\.gz)?$/.test(lower)) return 'feed-file'
  return 'file'
}

/** Entries whose feed content is at least this long (as text) count as full articles. */
// A judgement, not a measurement: teasers run to a few hundred characters, articles to thousands.
const MIN_FULL_CONTENT_CHARS = 1500
/** How deep OPML lists and discovered feeds may lead from an argument (an OPML naming itself). */
const MAX_DEPTH = 3
const LOCAL_FEED_MAX_BYTES = 50 * 1024 * 1024

/**
 * Reads every source argument in turn and yields documents, errors and feed reports. Never throws
 * for bad input or network trouble.
 *
 * @example
 * const client = createHttpClient()
 * for await (const event of readSources(['https://example.com/feed.xml', 'crawl.warc.gz'], { client })) {
 *   if (event.type === 'document') await pipeline(event.document)
 *   else if (event.type === 'error') await store.recordFailure({ ...event.error, source: event.source })
 *   else await saveFeedState(event.feed.state)
 * }
 */
export async function* readSources(
  args: readonly string[],
  options: ReadSourcesOptions,
): AsyncGenerator<SourceEvent> {
  for (const arg of args) yield* readSource(arg, options)
}

/** Reads one source argument (see {@link readSources}). */
export async function* readSource(
  arg: string,
  options: ReadSourcesOptions,
): AsyncGenerator<SourceEvent> {
  const reader = new SourceReader(options)
  const kind = classifySource(arg)
  switch (kind) {
    case 'url':
      yield* reader.url(arg, 0)
      return
    case 'warc':
      for await (const event of readWarc(arg, {
        ...opt('maxBytes', options.maxBytes),
        ...opt('debug', options.debug),
      })) {
        yield event.type === 'document'
          ? event
          : { ...event, source: { kind: 'warc', location: arg } }
      }
      return
    case 'feed-file':
      yield* reader.feedFile(arg)
      return
    case 'unsupported':
      yield {
        type: 'error',
        error: { code: 'invalid_input', message: `only http(s) URLs can be fetched: ${arg}` },
        source: { kind: 'url', location: arg },
      }
      return
    case 'file':
    case 'stdin':
      if (options.readFile !== undefined) {
        yield* options.readFile(arg)
        return
      }
      yield {
        type: 'error',
        error: { code: 'invalid_input', message: `no reader for local files was given: ${arg}` },
        source: { kind: kind === 'stdin' ? 'stdin' : 'file', location: arg },
      }
  }
}

/**
 * Turns a poll result into events: the new entries' documents (fetched or from the feed), the
 * failures, then the feed report. Entries that failed for a passing reason (time-out, 5xx, 429,
 * dropped connection) are forgotten in the reported state so that the next poll tries them again.
 */
export async function* pollResultEvents(
  result: PollResult,
  options: ReadSourcesOptions,
): AsyncGenerator<SourceEvent> {
  yield* new SourceReader(options).feedResult(result)
}

class SourceReader {
  readonly #o: ReadSourcesOptions
  readonly #now: () => number

  constructor(options: ReadSourcesOptions) {
    this.#o = options
    this.#now = options.now ?? Date.now
  }

  get #pollOptions(): PollOptions {
    return {
      ...this.#o.poll,
      client: this.#o.client,
      now: this.#now,
      ...opt('debug', this.#o.debug),
    }
  }

  /** A URL whose nature is not known yet. */
  async *url(url: string, depth: number): AsyncGenerator<SourceEvent> {
    const known = await this.#o.feedState?.(url)
    if (known !== undefined) {
      yield* this.feedResult(await pollFeed(known, this.#pollOptions))
      return
    }
    const source: SourceRef = { kind: 'url', location: url }
    let res: FetchResponse
    try {
      res = await this.#o.client.fetch(url)
    } catch (e) {
      if (!isLedeError(e)) throw e
      yield { type: 'error', error: toFailure(e), source }
      return
    }
    const parsed = readFeedDocument(res.body, {
      url: res.url,
      contentType: res.contentType,
      maxBytes: this.#o.maxBytes,
      debug: this.#o.debug,
    })
    if (!parsed.ok) {
      yield { type: 'error', error: { ...parsed.error, url: res.url }, source }
      return
    }
    yield* this.#document(url, res, parsed.value, depth)
  }

  async *#document(
    url: string,
    res: FetchResponse,
    doc: FeedDocument,
    depth: number,
  ): AsyncGenerator<SourceEvent> {
    const source: SourceRef = { kind: 'url', location: url }
    switch (doc.kind) {
      case 'feed':
      case 'sitemap-index':
        yield* this.feedResult(
          await settleFeedResponse(
            newFeedState(url, this.#o.poll?.defaultIntervalSeconds),
            res,
            doc,
            this.#pollOptions,
          ),
        )
        return
      case 'opml':
        if (depth >= MAX_DEPTH) {
          yield {
            type: 'error',
            error: { code: 'invalid_input', message: `${url}: OPML lists nested too deep` },
            source,
          }
          return
        }
        this.#o.debug?.(`${url}: OPML with ${doc.feeds.length} feeds`)
        yield* mergeBounded(
          doc.feeds.map((f) => () => this.url(f.url, depth + 1)),
          this.#o.feedConcurrency ?? 4,
        )
        return
      case 'html':
        if (this.#shouldDiscover(res.url) && depth < MAX_DEPTH) {
          const found = await discoverFeeds(res.url, {
            client: this.#o.client,
            page: res,
            ...opt('debug', this.#o.debug),
          })
          if (!found.ok) {
            yield { type: 'error', error: found.error, source }
            return
          }
          const first = found.value[0]
          if (first === undefined) {
            yield {
              type: 'error',
              error: { code: 'not_found', message: `no feed found on ${res.url}`, url: res.url },
              source,
            }
            return
          }
          this.#o.debug?.(`${res.url}: following its feed ${first.url}`)
          yield* this.url(first.url, depth + 1)
          return
        }
        yield { type: 'document', document: pageDocument(res, source, 'html') }
        return
      case 'other':
        if (/^text\/plain\b/i.test(res.contentType ?? '')) {
          yield { type: 'document', document: pageDocument(res, source, 'text') }
          return
        }
        yield {
          type: 'error',
          error: {
            code: 'unsupported_content',
            message: `${res.url} is ${res.contentType ?? 'of no stated type'}: not a page, feed, sitemap or OPML list`,
            url: res.url,
          },
          source,
        }
    }
  }

  #shouldDiscover(url: string): boolean {
    const mode = this.#o.discover ?? 'auto'
    if (mode !== 'auto') return mode === 'always'
    const u = new URL(url)
    return (u.pathname === '/' || u.pathname === '') && u.search === ''
  }

  /** A local OPML, feed or sitemap file. */
  async *feedFile(path: string): AsyncGenerator<SourceEvent> {
    const source: SourceRef = { kind: 'file', location: path }
    let bytes: Uint8Array
    try {
      const info = await stat(path)
      if (info.size > LOCAL_FEED_MAX_BYTES) {
        yield {
          type: 'error',
          error: {
            code: 'too_large',
            message: `${path} is larger than ${LOCAL_FEED_MAX_BYTES} bytes`,
          },
          source,
        }
        return
      }
      bytes = await readFile(path)
    } catch (e) {
      yield {
        type: 'error',
        error: { code: 'invalid_input', message: `cannot read ${path}: ${(e as Error).message}` },
        source,
      }
      return
    }
    const parsed = readFeedDocument(bytes, { maxBytes: LOCAL_FEED_MAX_BYTES, debug: this.#o.debug })
    if (!parsed.ok) {
      yield {
        type: 'error',
        error: { ...parsed.error, message: `${path}: ${parsed.error.message}` },
        source,
      }
      return
    }
    const doc = parsed.value
    switch (doc.kind) {
      case 'opml':
        yield* mergeBounded(
          doc.feeds.map((f) => () => this.url(f.url, 1)),
          this.#o.feedConcurrency ?? 4,
        )
        return
      case 'sitemap-index':
        for (const s of doc.sitemaps) yield* this.url(s.url, 1)
        return
      case 'feed': {
        const kind = doc.feed.format === 'sitemap' ? 'sitemap' : 'feed'
        yield* this.#entries(
          this.#since(doc.feed.entries),
          { kind, location: path },
          infoOf(doc.feed),
          () => undefined,
        )
        return
      }
      default:
        if (this.#o.readFile !== undefined) {
          yield* this.#o.readFile(path)
          return
        }
        yield {
          type: 'error',
          error: { code: 'invalid_feed', message: `${path} is not an OPML list, feed or sitemap` },
          source,
        }
    }
  }

  /** Documents for a poll's new entries, then the feed report. */
  async *feedResult(result: PollResult): AsyncGenerator<SourceEvent> {
    const kind: SourceKind = result.feed?.format === 'sitemap' ? 'sitemap' : 'feed'
    const source: SourceRef = { kind, location: result.state.url }
    const report = (
      state: FeedState,
      documents: number,
      failedEntries: number,
      newEntries: number,
    ): SourceEvent => ({
      type: 'feed',
      feed: {
        state,
        outcome: result.outcome,
        ...opt('info', result.feed),
        newEntries,
        documents,
        failedEntries,
        ...opt('error', result.error),
      },
    })
    if (result.error !== undefined) {
      yield { type: 'error', error: result.error, source }
      yield report(result.state, 0, 0, 0)
      return
    }
    const entries = this.#since(result.entries)
    const retry: string[] = []
    let documents = 0
    let failed = 0
    yield* this.#entries(entries, source, result.feed, (entry, failure) => {
      if (failure === undefined) documents++
      else {
        failed++
        if (isPassing(failure)) retry.push(entry.key)
      }
    })
    yield report(forgetEntries(result.state, retry), documents, failed, result.entries.length)
  }

  #since(entries: FeedEntry[]): FeedEntry[] {
    const since = this.#o.since?.toISOString()
    if (since === undefined) return entries
    return entries.filter((e) => e.publishedAt === undefined || e.publishedAt >= since)
  }

  /** One document (or error) per entry, several fetched at once. */
  #entries(
    entries: FeedEntry[],
    source: SourceRef,
    feed: FeedInfo | undefined,
    done: (entry: FeedEntry, failure: IngestFailure | undefined) => void,
  ): AsyncGenerator<SourceEvent> {
    const one = async function* (
      reader: SourceReader,
      entry: FeedEntry,
    ): AsyncGenerator<SourceEvent> {
      const event = await reader.#entry(entry, source, feed)
      done(entry, event.type === 'error' ? event.error : undefined)
      yield event
    }
    return mergeBounded(
      entries.map((entry) => () => one(this, entry)),
      this.#o.concurrency ?? 8,
    )
  }

  async #entry(
    entry: FeedEntry,
    source: SourceRef,
    feed: FeedInfo | undefined,
  ): Promise<SourceEvent> {
    const hints = entryHints(entry, feed)
    const content = entry.contentHtml
    const useContent =
      content !== undefined &&
      (entry.url === undefined ||
        (this.#o.useFeedContent === true && htmlToText(content).length >= MIN_FULL_CONTENT_CHARS))
    if (useContent) {
      return {
        type: 'document',
        document: {
          body: entryPage(entry, content),
          ...opt('url', entry.url),
          contentType: 'text/html; charset=utf-8',
          format: 'html',
          source,
          fetchedAt: new Date(this.#now()).toISOString(),
          hints,
        },
      }
    }
    if (entry.url === undefined) {
      return {
        type: 'error',
        error: {
          code: 'invalid_input',
          message: `an entry of ${source.location} has neither a link nor content (${entry.key})`,
        },
        source,
      }
    }
    try {
      const res = await this.#o.client.fetch(entry.url, { acceptContentType: isPageType })
      return { type: 'document', document: { ...pageDocument(res, source), hints } }
    } catch (e) {
      if (!isLedeError(e)) throw e
      return { type: 'error', error: toFailure(e), source }
    }
  }
}

/** A fetched page as a RawDocument; the format from the Content-Type when it says. */
function pageDocument(
  res: FetchResponse,
  source: SourceRef,
  format?: 'html' | 'text',
): RawDocument {
  const type = (res.contentType ?? '').toLowerCase()
  const f = format ?? (/html/.test(type) ? 'html' : /^text\/plain/.test(type) ? 'text' : undefined)
  return {
    body: res.body,
    url: res.url,
    ...opt('contentType', res.contentType),
    ...opt('format', f),
    source,
    fetchedAt: res.fetchedAt,
  }
}

/** What a feed entry says about its article, for extraction to fall back on. */
export function entryHints(entry: FeedEntry, feed?: FeedInfo): NonNullable<RawDocument['hints']> {
  const language = entry.language ?? feed?.language
  return {
    ...opt('title', entry.title),
    ...opt('publishedAt', entry.publishedAt),
    ...(entry.authors.length > 0 && { authors: entry.authors }),
    ...opt('siteName', feed?.title),
    ...opt('language', language),
    ...opt('description', entry.summary),
  }
}

/** Feed content wrapped as a page, so that extraction sees a title and an article element. */
function entryPage(entry: FeedEntry, contentHtml: string): string {
  const title = entry.title !== undefined ? `<title>${escapeHtml(entry.title)}</title>` : ''
  const h1 = entry.title !== undefined ? `<h1>${escapeHtml(entry.title)}</h1>` : ''
  return `<!doctype html><html><head><meta charset="utf-8">${title}</head><body><article>${h1}${contentHtml}</article></body></html>`
}

function infoOf(feed: {
  format: FeedInfo['format']
  title?: string
  siteUrl?: string
  language?: string
}): FeedInfo {
  return {
    format: feed.format,
    ...opt('title', feed.title),
    ...opt('siteUrl', feed.siteUrl),
    ...opt('language', feed.language),
  }
}

/** Pages worth fetching for an entry: HTML and text (or no stated type: extraction sniffs). */
function isPageType(contentType: string | undefined): boolean {
  if (contentType === undefined) return true
  return /^\s*(text\/html|application\/xhtml\+xml|text\/plain)\b/i.test(contentType)
}

/** Failures that may pass: worth trying the entry again at the next poll. */
function isPassing(f: IngestFailure): boolean {
  if (f.code === 'fetch_timeout' || f.code === 'fetch_failed') return true
  return f.code === 'http_status' && (f.status === 429 || (f.status ?? 0) >= 500)
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}
