/**
 * @module The Store port: the only storage surface the pipeline, server and CLI see.
 * Written in domain words; each adapter (sqlite/, postgres/) implements it and runs the one
 * contract suite in store.case.ts.
 */
import type { Annotations, Article, EntityType } from '../core/index.js'

export type ArticleId = string
export type StoryId = string
export type SourceId = string
/** A corpus-wide entity key, e.g. `person:emmanuel-macron` (type + normalised name). */
export type EntityKey = string

export type StageName = 'fetch' | 'extract' | 'analyze' | 'link' | 'index'
export type StageStatus = 'pending' | 'ok' | 'failed' | 'skipped'

/** Where a document came from. */
export interface SourceRef {
  kind: 'feed' | 'url' | 'file' | 'stdin' | 'warc' | 'sitemap' | 'api'
  /** Feed URL, page URL, file path, archive path. */
  location: string
  sourceId?: SourceId
}

/** One article as the pipeline hands it to the store, in one transaction. */
export interface ArticleWrite {
  article: Article
  annotations?: Annotations
  /** The raw input as received (stored compressed). */
  raw?: Uint8Array
  source: SourceRef
  fetchedAt: string
  /** sha256 of the normalised article text: the identity of a revision. */
  contentHash: string
  stages: Partial<Record<StageName, { status: StageStatus; errorCode?: string }>>
}

export type PutOutcome =
  | { outcome: 'inserted'; id: ArticleId }
  | { outcome: 'unchanged'; id: ArticleId }
  /** Same URL, different content: kept as a new revision of the same URL. */
  | { outcome: 'revised'; id: ArticleId; previousId: ArticleId }

export interface ArticleSummary {
  id: ArticleId
  url?: string
  title?: string
  siteName?: string
  publishedAt?: string
  fetchedAt: string
  excerpt: string
  storyId?: StoryId
  /** The article this one is a copy of (syndication), if any. */
  copyOf?: ArticleId
}

export interface StoredArticle extends ArticleSummary {
  article: Article
  annotations?: Annotations
  source: SourceRef
  contentHash: string
  revision: number
  stages: Partial<Record<StageName, { status: StageStatus; errorCode?: string }>>
}

export interface StorySummary {
  id: StoryId
  title: string
  articleCount: number
  outletCount: number
  firstAt: string
  lastAt: string
  /** The most-mentioned people, most first. */
  people: { key: EntityKey; name: string }[]
}

/** Why an article joined a story: for explainable clustering. */
export interface StoryAssignment {
  articleId: ArticleId
  storyId: StoryId
  similarity: number
  reason: {
    terms: string[]
    entities: string[]
    quotes: string[]
    /** `new` opens a story; `similar` joins one; `user` is a correction that later runs respect. */
    kind: 'new' | 'similar' | 'copy' | 'user'
  }
}

export interface CopyLink {
  articleId: ArticleId
  originId: ArticleId
  similarity: number
  /** Credited wire (AP, Reuters …) when the text names one. */
  wire?: string
}

export interface EntitySummary {
  key: EntityKey
  type: EntityType
  name: string
  articleCount: number
  quoteCount: number
  lastSeenAt?: string
}

export interface EntityDetail extends EntitySummary {
  aliases: string[]
  descriptions: { text: string; count: number }[]
  /** Articles per day, for the small chart. */
  timeline: { day: string; count: number }[]
  articles: ArticleSummary[]
  coEntities: { key: EntityKey; name: string; type: EntityType; count: number }[]
}

export interface StoredQuote {
  articleId: ArticleId
  quoteId: string
  kind: 'direct' | 'partial' | 'indirect'
  text: string
  speakerName?: string
  speakerKey?: EntityKey
  anonymous: boolean
  articleTitle?: string
  publishedAt?: string
  siteName?: string
  /** The sentence around the quote, for context. */
  context?: string
}

export interface SearchQuery {
  /** Full-text query: words, "phrases", AND / OR / NOT. Empty lists by date. */
  q: string
  source?: string
  from?: string
  to?: string
  language?: string
  entity?: EntityKey
  speaker?: EntityKey
  hasQuotes?: boolean
  limit?: number
  cursor?: string
}

export interface SearchHit extends ArticleSummary {
  score: number
  /** A snippet with matches marked by `\u0001` … `\u0002` (renderers turn these into <mark>). */
  snippet: string
}

export interface Page<T> {
  items: T[]
  nextCursor?: string
}

export interface FeedSource {
  id: SourceId
  url: string
  kind: 'feed' | 'sitemap' | 'site'
  title?: string
  etag?: string
  lastModified?: string
  lastFetchAt?: string
  lastOkAt?: string
  lastError?: { code: string; message: string; at: string }
  nextFetchAt?: string
  intervalSeconds: number
  failures: number
  itemCount: number
}

export interface FetchLogEntry {
  url: string
  at: string
  status?: number
  outcome: 'ok' | 'not_modified' | 'error'
  errorCode?: string
  durationMs: number
  bytes?: number
}

export interface ListQuery {
  limit?: number
  cursor?: string
  source?: string
  from?: string
  to?: string
}

export interface Store {
  /** Stores one article (its revision, annotations, entities, quotes, index rows) atomically. */
  putArticle(write: ArticleWrite): Promise<PutOutcome>
  getArticle(id: ArticleId): Promise<StoredArticle | undefined>
  findArticleByUrl(url: string): Promise<ArticleSummary | undefined>
  listArticles(query: ListQuery): Promise<Page<ArticleSummary>>
  /** Records a failed document so the run can go on and the error is visible later. */
  recordFailure(failure: {
    source: SourceRef
    url?: string
    code: string
    message: string
    at: string
  }): Promise<void>

  // linking
  saveStoryAssignment(assignment: StoryAssignment): Promise<void>
  saveCopyLink(link: CopyLink): Promise<void>
  listStories(query: ListQuery): Promise<Page<StorySummary>>
  getStory(id: StoryId): Promise<
    | {
        story: StorySummary
        articles: (ArticleSummary & { copies: ArticleSummary[] })[]
        quotes: (StoredQuote & { carriers: ArticleSummary[] })[]
        assignments: StoryAssignment[]
      }
    | undefined
  >
  /** A user's correction; later automatic assignments respect it. */
  moveArticle(articleId: ArticleId, storyId: StoryId | 'new'): Promise<StoryId>
  mergeStories(into: StoryId, from: StoryId): Promise<void>

  // entities and quotes
  getEntity(key: EntityKey): Promise<EntityDetail | undefined>
  listEntities(query: ListQuery & { type?: EntityType; q?: string }): Promise<Page<EntitySummary>>
  quotesBy(key: EntityKey, query: ListQuery): Promise<Page<StoredQuote>>

  // search
  search(query: SearchQuery): Promise<Page<SearchHit>>
  searchQuotes(query: SearchQuery): Promise<Page<StoredQuote & { snippet: string }>>

  // sources
  upsertSource(
    source: Omit<FeedSource, 'id' | 'failures' | 'itemCount'> & { id?: SourceId },
  ): Promise<FeedSource>
  listSources(): Promise<FeedSource[]>
  updateSourceHealth(id: SourceId, patch: Partial<FeedSource>): Promise<void>
  logFetch(entry: FetchLogEntry): Promise<void>

  close(): Promise<void>
}
