/**
 * @module ingest/poll/poll-feed: one poll of one feed or sitemap, as a pure step from the stored
 * state to the new state. Conditional GET (ETag, Last-Modified) skips unchanged feeds; the keys
 * of entries already seen are kept (hashed, bounded) so that a changed feed yields only its new
 * entries; the next poll time honours RSS ttl / sy:updatePeriod, Cache-Control max-age and
 * Expires, and backs off exponentially while the feed fails.
 */
import { createHash } from 'node:crypto'
import { type ErrorCode, isLedeError } from '../../core/index.js'
import type { FetchResponse, HttpClient } from '../fetch/client.js'
import { type FeedDocument, readFeedDocument } from '../feed/read-feed-document.js'
import {
  type Debug,
  type FeedEntry,
  type FeedFormat,
  type IngestFailure,
  type ParsedFeed,
  toFailure,
} from '../types.js'

/**
 * What Lede remembers about a feed between polls. Plain JSON: store it as it is and hand it back
 * to {@link pollFeed}; each poll returns the complete new state, which replaces the old one.
 */
export interface FeedState {
  /** The feed's URL as subscribed (the identity of the feed). */
  url: string
  title?: string
  etag?: string
  lastModified?: string
  /** Consecutive failed polls; 0 after a success. */
  failures: number
  /** ISO 8601. */
  lastFetchAt?: string
  /** ISO 8601: the last poll that succeeded (200 or 304). */
  lastOkAt?: string
  /** ISO 8601: when the feed is due again. Absent: due now. */
  nextFetchAt?: string
  /** The polling interval the feed earned at its last success, in seconds. */
  intervalSeconds: number
  lastError?: { code: ErrorCode; message: string; at: string }
  /** Entries in the last successful fetch. */
  itemCount?: number
  /** Short hashes of the entry keys already returned, most recent first, bounded. */
  seen: string[]
}

/** What kind of document the feed turned out to be, and its title. */
export interface FeedInfo {
  format: FeedFormat
  title?: string
  siteUrl?: string
  language?: string
}

export interface PollResult {
  /** The new state: persist it (replacing the old one). */
  state: FeedState
  outcome: 'ok' | 'not_modified' | 'error'
  feed?: FeedInfo
  /** Entries not returned by an earlier poll, in feed order. */
  entries: FeedEntry[]
  error?: IngestFailure
}

export interface PollOptions {
  client: HttpClient
  now?: () => number
  /** Interval when the feed states none. Default 30 min. */
  defaultIntervalSeconds?: number
  /** Ceiling on the interval a feed can ask for. Default 24 h. */
  maxIntervalSeconds?: number
  /** Ceiling on the backoff after failures. Default 24 h. */
  maxBackoffSeconds?: number
  /** Entry keys remembered (at least every entry of the current feed). Default 2000. */
  seenLimit?: number
  /** Child sitemaps read from a sitemap index per poll, newest first. Default 10. */
  maxChildSitemaps?: number
  debug?: Debug
}

export const POLL_DEFAULTS = {
  // Half of Miniflux's 60-minute default: news feeds change faster than the blogs it was tuned for.
  defaultIntervalSeconds: 30 * 60,
  maxIntervalSeconds: 24 * 3600,
  maxBackoffSeconds: 24 * 3600,
  // News feeds carry 10–100 entries and news sitemaps up to 1000 (Google's limit); 2000 keys
  // (about 40 KB of state) cover a feed's turnover between polls with room to spare.
  seenLimit: 2000,
  maxChildSitemaps: 10,
} as const

/** No feed is polled more often than once a minute, whatever it or the options say. */
const MIN_INTERVAL_SECONDS = 60

const FEED_ACCEPT =
  'application/rss+xml,application/atom+xml,application/feed+json,application/rdf+xml;q=0.9,application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,*/*;q=0.5'

/** A fresh state for a feed never polled. */
export function newFeedState(
  url: string,
  intervalSeconds: number = POLL_DEFAULTS.defaultIntervalSeconds,
): FeedState {
  return { url, failures: 0, intervalSeconds, seen: [] }
}

/** When a feed is due: its `nextFetchAt`, or now if it has none. */
export function nextPollAt(state: FeedState, now: number = Date.now()): Date {
  const at = state.nextFetchAt === undefined ? Number.NaN : Date.parse(state.nextFetchAt)
  return new Date(Number.isNaN(at) ? now : at)
}

/** Whether a feed is due at `now`. */
export function isDue(state: FeedState, now: number = Date.now()): boolean {
  return nextPollAt(state, now).getTime() <= now
}

/** The short hash under which an entry key is remembered. */
export function entryHash(key: string): string {
  return createHash('sha1').update(key).digest('base64url').slice(0, 12)
}

/** The state with these entries forgotten, so the next poll returns them again (a failed fetch). */
export function forgetEntries(state: FeedState, keys: readonly string[]): FeedState {
  if (keys.length === 0) return state
  const drop = new Set(keys.map(entryHash))
  return { ...state, seen: state.seen.filter((h) => !drop.has(h)) }
}

/**
 * Polls one feed: a conditional GET, then the new entries and the new state. Never throws for
 * network or feed trouble; a failure is `outcome: 'error'` with `error.code` and a backed-off
 * `nextFetchAt`.
 */
export async function pollFeed(state: FeedState, options: PollOptions): Promise<PollResult> {
  const now = options.now ?? Date.now
  let res: FetchResponse
  try {
    res = await options.client.fetch(state.url, {
      accept: FEED_ACCEPT,
      etag: state.etag,
      lastModified: state.lastModified,
    })
  } catch (e) {
    if (!isLedeError(e)) throw e
    return failed(state, toFailure(e), options, now())
  }
  return settleFeedResponse(state, res, undefined, options)
}

/**
 * Turns a fetched response into a poll result (used by {@link pollFeed}, and by source readers
 * that fetched a URL before knowing it was a feed). `document` is the response already parsed.
 */
export async function settleFeedResponse(
  state: FeedState,
  res: FetchResponse,
  document: FeedDocument | undefined,
  options: PollOptions,
): Promise<PollResult> {
  const now = options.now ?? Date.now
  const at = now()
  if (res.notModified) {
    const interval = Math.max(MIN_INTERVAL_SECONDS, state.intervalSeconds)
    return {
      state: {
        ...withoutError(state),
        ...validators(res, state),
        failures: 0,
        lastFetchAt: iso(at),
        lastOkAt: iso(at),
        nextFetchAt: iso(at + interval * 1000),
      },
      outcome: 'not_modified',
      entries: [],
    }
  }
  let doc = document
  if (doc === undefined) {
    const parsed = readFeedDocument(res.body, {
      url: res.url,
      contentType: res.contentType,
      debug: options.debug,
    })
    if (!parsed.ok) return failed(state, parsed.error, options, at)
    doc = parsed.value
  }
  let feed: ParsedFeed
  if (doc.kind === 'feed') feed = doc.feed
  else if (doc.kind === 'sitemap-index') feed = await readSitemapIndex(state, doc.sitemaps, options)
  else {
    const what =
      doc.kind === 'opml'
        ? 'an OPML list'
        : doc.kind === 'html'
          ? 'an HTML page'
          : `${res.contentType ?? 'an unknown document'}`
    return failed(
      state,
      { code: 'invalid_feed', message: `${res.url} is ${what}, not a feed`, url: res.url },
      options,
      at,
    )
  }
  const interval = earnedInterval(feed, res, options, at)
  const seen = new Set(state.seen)
  const fresh = feed.entries.filter((e) => !seen.has(entryHash(e.key)))
  const current = [...new Set(feed.entries.map((e) => entryHash(e.key)))]
  const currentSet = new Set(current)
  const limit = Math.max(options.seenLimit ?? POLL_DEFAULTS.seenLimit, current.length)
  const info: FeedInfo = {
    format: feed.format,
    ...(feed.title !== undefined && { title: feed.title }),
    ...(feed.siteUrl !== undefined && { siteUrl: feed.siteUrl }),
    ...(feed.language !== undefined && { language: feed.language }),
  }
  options.debug?.(
    `${state.url}: ${feed.entries.length} entries, ${fresh.length} new, next in ${interval} s`,
  )
  return {
    state: {
      ...withoutValidators(withoutError(state)),
      ...validators(res, state),
      ...(feed.title !== undefined && { title: feed.title }),
      failures: 0,
      lastFetchAt: iso(at),
      lastOkAt: iso(at),
      nextFetchAt: iso(at + interval * 1000),
      intervalSeconds: interval,
      itemCount: feed.entries.length,
      seen: [...current, ...state.seen.filter((h) => !currentSet.has(h))].slice(0, limit),
    },
    outcome: 'ok',
    feed: info,
    entries: fresh,
  }
}

/** A failed poll: the failure recorded, the next poll pushed out exponentially. */
export function failed(
  state: FeedState,
  error: IngestFailure,
  options: PollOptions,
  at: number,
): PollResult {
  const failures = state.failures + 1
  const maxBackoff = options.maxBackoffSeconds ?? POLL_DEFAULTS.maxBackoffSeconds
  // One normal interval after the first failure (a blip costs nothing), then doubling.
  const interval = Math.max(MIN_INTERVAL_SECONDS, state.intervalSeconds)
  const backoff = Math.min(interval * 2 ** (failures - 1), maxBackoff)
  const wait = Math.max(backoff, (error.retryAfterMs ?? 0) / 1000)
  options.debug?.(
    `${state.url}: ${error.code} (${failures} in a row), next in ${Math.round(wait)} s`,
  )
  return {
    state: {
      ...state,
      failures,
      lastFetchAt: iso(at),
      nextFetchAt: iso(at + wait * 1000),
      lastError: { code: error.code, message: error.message, at: iso(at) },
    },
    outcome: 'error',
    entries: [],
    error,
  }
}

/** The interval a successful fetch earns: the largest of the default, ttl and cache lifetime. */
function earnedInterval(
  feed: ParsedFeed,
  res: FetchResponse,
  options: PollOptions,
  at: number,
): number {
  const base = options.defaultIntervalSeconds ?? POLL_DEFAULTS.defaultIntervalSeconds
  const ceiling = options.maxIntervalSeconds ?? POLL_DEFAULTS.maxIntervalSeconds
  const asked = Math.max(feed.ttlSeconds ?? 0, cacheLifetimeSeconds(res.headers, at) ?? 0)
  return Math.max(MIN_INTERVAL_SECONDS, Math.min(Math.max(base, asked), ceiling))
}

/** Cache-Control max-age, else Expires, in seconds; undefined when neither says. */
export function cacheLifetimeSeconds(
  headers: Record<string, string>,
  now: number,
): number | undefined {
  const header = (name: string): string | undefined => headers[name]
  const cc = (header('cache-control') ?? '').toLowerCase()
  if (/\bno-store\b/.test(cc)) return undefined
  const maxAge = /\bmax-age\s*=\s*"?(\d+)/.exec(cc)
  if (maxAge) return Number(maxAge[1])
  const expires = header('expires')
  if (expires === undefined) return undefined
  const at = Date.parse(expires)
  if (Number.isNaN(at)) return undefined
  const date = Date.parse(header('date') ?? '')
  return Math.max(0, Math.round((at - (Number.isNaN(date) ? now : date)) / 1000))
}

/** Reads the child sitemaps of an index that changed since the last poll, newest first. */
async function readSitemapIndex(
  state: FeedState,
  sitemaps: { url: string; lastmod?: string }[],
  options: PollOptions,
): Promise<ParsedFeed> {
  const since = state.lastOkAt
  const chosen = sitemaps
    .filter((s) => since === undefined || s.lastmod === undefined || s.lastmod >= since)
    .sort((a, b) => (b.lastmod ?? '').localeCompare(a.lastmod ?? ''))
    .slice(0, options.maxChildSitemaps ?? POLL_DEFAULTS.maxChildSitemaps)
  const entries: FeedEntry[] = []
  let title: string | undefined
  for (const s of chosen) {
    try {
      const res = await options.client.fetch(s.url, { accept: FEED_ACCEPT })
      const doc = readFeedDocument(res.body, { url: res.url, contentType: res.contentType })
      if (doc.ok && doc.value.kind === 'feed') {
        entries.push(...doc.value.feed.entries)
        title ??= doc.value.feed.title
      } else options.debug?.(`${s.url}: not a sitemap`)
    } catch (e) {
      if (!isLedeError(e)) throw e
      options.debug?.(`${s.url}: ${e.code}`)
    }
  }
  return { format: 'sitemap', ...(title !== undefined && { title }), entries }
}

/** The validators for the next conditional GET: a 304 may omit them, a 200 replaces them. */
function validators(
  res: FetchResponse,
  state: FeedState,
): Pick<FeedState, 'etag' | 'lastModified'> {
  const keep = res.notModified
  const etag = res.etag ?? (keep ? state.etag : undefined)
  const lastModified = res.lastModified ?? (keep ? state.lastModified : undefined)
  return {
    ...(etag !== undefined && { etag }),
    ...(lastModified !== undefined && { lastModified }),
  }
}

function withoutValidators(state: FeedState): FeedState {
  const { etag: _e, lastModified: _l, ...rest } = state
  return rest
}

function withoutError(state: FeedState): FeedState {
  const { lastError: _, ...rest } = state
  return rest
}

function iso(ms: number): string {
  return new Date(ms).toISOString()
}
