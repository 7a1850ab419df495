/**
 * @module ingest: news as it arrives → RawDocument. The network sources live here: an HTTP client
 * with an address guard, robots.txt, politeness, retries and caps; RSS/Atom/JSON feeds, OPML
 * lists, news sitemaps and feed discovery; feed polling with conditional GET and backoff; WARC
 * archives. Local files and folders are read by `files/`.
 *
 * The entry points:
 * - {@link readSources}: source arguments (URL, feed, sitemap, OPML, WARC) → events
 *   (`document`, `error`, `feed`);
 * - {@link watchFeeds}: the same events, forever, from the feeds' stored states (`--watch`);
 * - {@link createHttpClient}: the client both need (and `close()` afterwards);
 * - {@link fetchPage}: one page, for `lede extract URL`.
 *
 * Pure library code: no database, no logging (pass `debug`), no config.
 */
export type { RawDocument, SourceKind } from '../core/index.js'
export {
  type AddressPolicy,
  assertUrlAllowed,
  isAddressAllowed,
  isPublicAddress,
  type Resolver,
  resolveAllowed,
  systemResolver,
} from './fetch/address-guard.js'
export {
  createHttpClient,
  DEFAULT_USER_AGENT,
  type FetchRecord,
  type FetchRequest,
  type FetchResponse,
  type HttpClient,
  type HttpClientOptions,
  ROBOTS_AGENT,
} from './fetch/client.js'
export { type FetchedPage, fetchPage } from './fetch/fetch-page.js'
export type { RobotsRules } from './fetch/robots.js'
export { charsetOf, type DecodedText, decodeText } from './feed/decode-text.js'
export {
  COMMON_FEED_PATHS,
  type DiscoveredFeed,
  type DiscoverOptions,
  discoverFeeds,
  findFeedLinks,
} from './feed/discover.js'
export { type OpmlFeed, parseOpml } from './feed/opml.js'
export {
  JsonFeedSchema,
  type ParseFeedOptions,
  parseJsonFeedDocument,
  parseXmlFeedDocument,
} from './feed/parse-feed.js'
export {
  type DocumentKind,
  type FeedDocument,
  type ReadFeedDocumentOptions,
  readFeedDocument,
  sniffDocument,
} from './feed/read-feed-document.js'
export { type ParsedSitemap, parseSitemap, type SitemapIndex } from './feed/sitemap.js'
export {
  cacheLifetimeSeconds,
  entryHash,
  type FeedInfo,
  type FeedState,
  forgetEntries,
  isDue,
  newFeedState,
  nextPollAt,
  POLL_DEFAULTS,
  type PollOptions,
  type PollResult,
  pollFeed,
} from './poll/poll-feed.js'
export { type WatchOptions, watchFeeds } from './poll/watch.js'
export {
  classifySource,
  entryHints,
  type FeedReport,
  pollResultEvents,
  type ReadSourcesOptions,
  readSource,
  readSources,
  type SourceArgKind,
  type SourceEvent,
  type SourceRef,
} from './sources/read-sources.js'
export type {
  Debug,
  FeedEntry,
  FeedFormat,
  IngestFailure,
  ParsedFeed,
} from './types.js'
export { toFailure } from './types.js'
export { type ReadWarcOptions, readWarc, type WarcEvent } from './warc/read-warc.js'
