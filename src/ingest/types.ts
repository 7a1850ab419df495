/** @module ingest/types: the values ingest/ hands out, shared by its parts. */
import type { ErrorCode, LedeError, RawDocument, SourceKind } from '../core/index.js'

/** Debug output; stages never log on their own. */
export type Debug = (message: string) => void

/** A failure as data: what an error event carries and a fetch or parse Result holds. */
export interface IngestFailure {
  code: ErrorCode
  message: string
  /** The URL that failed (a page, a feed, a redirect hop). */
  url?: string
  /** The HTTP status, when the server answered. */
  status?: number
  /** How long the server asked us to wait (Retry-After), in milliseconds. */
  retryAfterMs?: number
}

/** Turns a LedeError into data. */
export function toFailure(e: LedeError): IngestFailure {
  return {
    code: e.code,
    message: e.message,
    ...(e.detail.url !== undefined && { url: e.detail.url }),
    ...(e.detail.status !== undefined && { status: e.detail.status }),
    ...(e.detail.retryAfterMs !== undefined && { retryAfterMs: e.detail.retryAfterMs }),
  }
}

/** One entry of a feed or a sitemap, normalised across formats. */
export interface FeedEntry {
  /** Identity within its feed: the guid/id, else the URL, else a hash of title and date. */
  key: string
  /** The absolute http(s) URL of the item's page. */
  url?: string
  title?: string
  /** ISO 8601. */
  publishedAt?: string
  /** ISO 8601. */
  modifiedAt?: string
  authors: string[]
  /** The item's summary as plain text. */
  summary?: string
  /** The item's full content as HTML, when the feed carries it. */
  contentHtml?: string
  language?: string
}

export type FeedFormat = 'rss' | 'atom' | 'json-feed' | 'sitemap'

/** A parsed feed or (news) sitemap. */
export interface ParsedFeed {
  format: FeedFormat
  title?: string
  /** The site the feed belongs to. */
  siteUrl?: string
  language?: string
  /** How long the feed asks readers to wait between fetches (RSS ttl, sy:updatePeriod), seconds. */
  ttlSeconds?: number
  entries: FeedEntry[]
}

export type { RawDocument, SourceKind }
