/**
 * @module The Store port: the only storage surface the pipeline, server and CLI see.
 * Written in domain words; each adapter (sqlite/, and later others) implements it and runs the one
 * contract suite in store.case.ts. Identity rules (article ids, URL keys, entity keys, content
 * hashes) live in keys.ts so that every adapter and the pipeline agree on them.
 *
 * Vocabulary:
 * - an **article** is one stored revision of a document: its Article, annotations, cast and quotes;
 * - a **revision**: the same canonical URL with other content is kept as a new revision; only the
 *   latest revision of a URL is listed and searched, older ones stay readable by id;
 * - a **failure** is a document that could not become an article (it could not be read or
 *   extracted), recorded with a code so a run never stops on it;
 * - a **source** is a feed, sitemap or site polled over time, with its health;
 * - an **entity key** names a person, organisation or place across the corpus
 *   (`person:emmanuel-macron`), so a reader can follow them from article to article.
 */
import type { Annotations, Article, EntityType, QuoteKind, SourceKind } from '../core/index.js'

/** A stored revision's id: 16 hex characters, deterministic (see `articleId` in keys.ts). */
export type ArticleId = string
export type StoryId = string
export type SourceId = string
/** A corpus-wide entity key, e.g. `person:emmanuel-macron` (type + normalised name). */
export type EntityKey = string

/** The stages a document passes through. `fetch` and `extract` happen before an article exists. */
export type StageName = 'fetch' | 'extract' | 'analyze' | 'link' | 'index'
/** `pending`: not done yet (e.g. `--no-analyze`), can be done later; `skipped`: not applicable. */
export type StageStatus = 'pending' | 'ok' | 'failed' | 'skipped'
export interface StageState {
  status: StageStatus
  /** A snake_case code when `failed`. */
  errorCode?: string
}
export type StageStates = Partial<Record<StageName, StageState>>

/** Where a document came from. */
export interface SourceRef {
  kind: SourceKind
  /** Feed URL, page URL, file path, archive path. */
  location: string
  /** The registered source (feed) it came through, if any. */
  sourceId?: SourceId
}

/** What the linker decided about one article; saved in the same transaction as the article. */
export interface ArticleLinks {
  /** The story it joins (created on first use, titled after this article) and why. */
  story?: Omit<StoryAssignment, 'articleId'>
  /** The article it is a copy of (syndication), if any. */
  copyOf?: Omit<CopyLink, 'articleId'>
  /** Related articles, best first. Replaces any related list stored before. */
  related?: RelatedLink[]
  /**
   * Earlier articles whose related lists this article joins (the same scores seen from the other
   * side), so a stored list also holds articles that arrived after it. Each list keeps its best
   * `relatedKeep`.
   */
  relatedBack?: RelatedLink[]
  /** How many related articles a list keeps when `relatedBack` adds to it. @default 10 */
  relatedKeep?: number
  /**
   * Teasers of a page's related rail (`Article.related`) matched to stored articles: this
   * article's own teasers, and earlier pages' teasers that point at this article.
   */
  rail?: RailLink[]
  /**
   * Stories the linker merged into `story` automatically when this article arrived (two halves
   * of one event, see decision 0074): their automatically assigned articles move to
   * `story.storyId` and a story left empty is removed. Not a user correction: nothing is logged,
   * and articles a user placed stay where they are.
   */
  absorbed?: StoryId[]
}

/** One article as the pipeline hands it to the store, written in one transaction. */
export interface ArticleWrite {
  article: Article
  annotations?: Annotations
  /** Which analyzer (name and version) produced the annotations, so re-analysis is a query. */
  analyzer?: string
  /** The raw input as received; stored compressed. */
  raw?: { body: Uint8Array | string; contentType?: string }
  /** sha256 of the raw body, to recognise a document before extracting it again. */
  rawHash?: string
  /** The key of a failure recorded for this document earlier: it is cleared when this succeeds. */
  documentKey?: string
  source: SourceRef
  /** ISO 8601. */
  fetchedAt: string
  /** The revision identity; computed with `contentHash` (keys.ts) when absent. */
  contentHash?: string
  stages: StageStates
  /** Overrides the default key (type + normalised name) of some of the article's entities, by local entity id. */
  entityKeys?: Record<string, EntityKey>
  links?: ArticleLinks
}

export type PutOutcome =
  | { outcome: 'inserted'; id: ArticleId }
  /** Already stored: same canonical URL (or none) and same content. Nothing was written. */
  | { outcome: 'unchanged'; id: ArticleId }
  /** Same URL, different content: kept as a new revision; the previous one is no longer listed. */
  | { outcome: 'revised'; id: ArticleId; previousId: ArticleId }

/** One article of a batch: stored (or already there), or refused with a code. */
export type BatchOutcome = PutOutcome | { outcome: 'failed'; code: string; message: string }

export interface ArticleSummary {
  id: ArticleId
  url?: string
  title?: string
  siteName?: string
  /** The host of the article's URL without `www.`. */
  host?: string
  publishedAt?: string
  fetchedAt: string
  language?: string
  /** The first words of the text. */
  excerpt: string
  quoteCount: number
  storyId?: StoryId
  /** The article this one is a copy of (syndication), if any. */
  copyOf?: ArticleId
}

export interface StoredArticle extends ArticleSummary {
  article: Article
  annotations?: Annotations
  analyzer?: string
  /** The corpus-wide key of each of the article's entities, by local entity id. */
  entityKeys: Record<string, EntityKey>
  source: SourceRef
  contentHash: string
  /** 1 for the first version of a URL, 2 for the next … */
  revision: number
  /** The revision this one replaced. */
  previousId?: ArticleId
  /** False once a newer revision of the same URL was stored. */
  latest: boolean
  stages: StageStates
}

/** A stored article with what a linker needs to rebuild its state when a run starts. */
export interface LinkableArticle {
  id: ArticleId
  article: Article
  annotations?: Annotations
  entityKeys: Record<string, EntityKey>
  /** ISO 8601: published, else fetched. The order articles are linked in. */
  at: string
  storyId?: StoryId
  copyOf?: ArticleId
  /** True when the story was set by a user; a linker must not move it. */
  userAssigned: boolean
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
  /** Chosen by the linker; a new id opens a story (the opening article's id is a good choice). */
  storyId: StoryId
  similarity: number
  reason: {
    terms: string[]
    entities: string[]
    quotes: string[]
    /** `new` opens a story; `similar` joins one; `user` is a correction that later runs respect. */
    kind: 'new' | 'similar' | 'copy' | 'user'
    /**
     * The best competing story and its score, when one came close; `protagonist` when its score
     * was lowered because the article is about someone else than that story is.
     */
    runnerUp?: { storyId: StoryId; similarity: number; protagonist?: string }
    /** Hours between the article and the story's latest article, when both have a time. */
    gapHours?: number
    /** The person the article is about, when its cast names one. */
    protagonist?: string
  }
}

/**
 * A user's correction of the stories, as the store logs it: some articles left one story for
 * another. Every correction is one of these, so a linker rebuilt later can replay them.
 */
export interface StoryCorrection {
  /** Order of the log (increasing). */
  seq: number
  /** ISO 8601: when it was made. */
  at: string
  /** `move`: articles moved by hand; `split`: taken out of a story into a new one; `merge`: a whole story joined another. */
  kind: 'move' | 'split' | 'merge'
  articleIds: ArticleId[]
  /** The story they left (for a merge: the story merged away); absent if they had none. */
  from?: StoryId
  /** The story they joined (for a split or a move to a new story: the new story's id). */
  to: StoryId
}

/** A teaser of a page's related rail matched to a stored article. */
export interface RailLink {
  /** The article whose page shows the rail. */
  fromId: ArticleId
  /** Index into that article's `Article.related`. */
  teaser: number
  /** The stored article the teaser points at. */
  toId: ArticleId
  by: 'url' | 'title'
}

export interface CopyLink {
  articleId: ArticleId
  originId: ArticleId
  similarity: number
  /** Credited wire (AP, Reuters …) when the text names one. */
  wire?: string
}

export interface RelatedLink {
  articleId: ArticleId
  score: number
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
  /** The latest articles that mention the entity. */
  articles: ArticleSummary[]
  coEntities: { key: EntityKey; name: string; type: EntityType; count: number }[]
}

export interface StoredQuote {
  articleId: ArticleId
  quoteId: string
  kind: QuoteKind
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

/** Filters shared by article search and quote search. */
export interface SearchFilters {
  /** A site name, a host (`bbc.co.uk`) or a source id. */
  source?: string
  /** ISO 8601 date or date-time, inclusive; compared with the published (else fetched) time. */
  from?: string
  /** ISO 8601; a bare date includes the whole day. */
  to?: string
  /** A language code as extraction reports it (`en`). */
  language?: string
  /** An entity key, or a name or alias of one (`Macron`). */
  entity?: string
  /** An entity key or name: articles where they are quoted, or (quote search) their quotes. */
  speaker?: string
  hasQuotes?: boolean
}

export interface SearchQuery extends SearchFilters {
  /** Full-text query: words, "phrases", prefix*, AND / OR / NOT, field:word. Empty lists by date. */
  q: string
  /** Page size. @default 20 (at most 100) */
  limit?: number
  /** From a previous page's `nextCursor`. */
  cursor?: string
}

/** Marks around matched words in snippets (renderers turn them into <mark>). */
export const MATCH_START = '\u0001'
export const MATCH_END = '\u0002'

export interface SearchHit extends ArticleSummary {
  /** Higher is better (negated BM25); 0 when listing without a query. */
  score: number
  /** A snippet with matches marked by MATCH_START … MATCH_END. */
  snippet: string
}

export interface Page<T> {
  items: T[]
  nextCursor?: string
  /** The number of matches, when the adapter can tell it cheaply. */
  total?: number
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
  /** Failed fetches in a row (0 after a success). */
  failures: number
  /** Articles stored from this source. */
  itemCount: number
  /** What the poller remembers between polls (entries seen …), kept as the JSON it gave. */
  pollState?: unknown
}

/** Fields a fetch of a source may update. `lastError: null` clears it. */
export type SourceHealthPatch = Partial<
  Pick<
    FeedSource,
    | 'title'
    | 'etag'
    | 'lastModified'
    | 'lastFetchAt'
    | 'lastOkAt'
    | 'nextFetchAt'
    | 'intervalSeconds'
    | 'failures'
    | 'pollState'
  >
> & { lastError?: FeedSource['lastError'] | null }

export interface FetchLogEntry {
  url: string
  at: string
  sourceId?: SourceId
  status?: number
  outcome: 'ok' | 'not_modified' | 'redirect' | 'error'
  errorCode?: string
  durationMs: number
  bytes?: number
}

/** A document that could not become an article. */
export interface Failure {
  /** Identifies the document; recording the same key again counts an attempt. */
  key: string
  source: SourceRef
  url?: string
  stage: StageName
  code: string
  message: string
  firstAt: string
  lastAt: string
  attempts: number
}

export interface ListQuery {
  limit?: number
  cursor?: string
  /** A site name, a host or a source id. */
  source?: string
  from?: string
  to?: string
}

export interface CorpusStats {
  /** Latest revisions. */
  articles: number
  revisions: number
  failures: number
  entities: number
  quotes: number
  stories: number
  sources: number
  /** Latest revisions by stage status, e.g. `{ analyze: { ok: 10, pending: 2 } }`. */
  stages: Partial<Record<StageName, Partial<Record<StageStatus, number>>>>
}

export interface Store {
  // articles
  /** Stores one article (revision, raw input, annotations, cast, quotes, links, index rows) atomically. */
  putArticle(write: ArticleWrite): Promise<PutOutcome>
  /**
   * Stores several articles in one commit (group commit, for throughput). Each article is still
   * all-or-nothing on its own: one that fails is rolled back alone and reported; a crash loses at
   * most the uncommitted batch, never part of an article. Outcomes are in the order of `writes`.
   */
  putArticles(writes: readonly ArticleWrite[]): Promise<BatchOutcome[]>
  /**
   * The stored revision that already holds a document, if any: same URL (or both without one) and
   * the same content hash or raw hash. Lets the pipeline skip work; putArticle checks again.
   */
  findStored(probe: {
    url?: string
    contentHash?: string
    rawHash?: string
  }): Promise<ArticleId | undefined>
  getArticle(id: ArticleId): Promise<StoredArticle | undefined>
  /** The latest revision stored under a URL (canonical or as fetched). */
  findArticleByUrl(url: string): Promise<ArticleSummary | undefined>
  /** Latest revisions, newest first. */
  listArticles(query: ListQuery): Promise<Page<ArticleSummary>>
  /** The raw input of a revision as received, if it was kept. */
  getRaw(id: ArticleId): Promise<{ body: Uint8Array; contentType?: string } | undefined>
  /** Latest revisions whose stage has a status (e.g. analyze pending), oldest first. */
  listByStage(
    stage: StageName,
    status: StageStatus,
    query?: { limit?: number; cursor?: string },
  ): Promise<Page<ArticleId>>
  /** Replaces an article's annotations (re-analysis), with its cast, quotes and index rows. */
  saveAnalysis(
    id: ArticleId,
    analysis: {
      annotations?: Annotations
      analyzer?: string
      stage: StageState
      entityKeys?: Record<string, EntityKey>
    },
  ): Promise<void>
  /** Records a document that could not become an article, so the run can go on. */
  recordFailure(
    failure: Omit<Failure, 'firstAt' | 'lastAt' | 'attempts'> & { at: string },
  ): Promise<void>
  listFailures(query?: { limit?: number; cursor?: string }): Promise<Page<Failure>>
  stats(): Promise<CorpusStats>
  /**
   * A value that changes whenever the corpus changes — through this store or through another
   * connection to the same database — and costs next to nothing to read: caches of pages built
   * from the corpus compare it to know they are stale.
   */
  changeToken(): Promise<string>

  // linking
  /** Latest revisions at or after `since` (ISO 8601), in time order, for a linker to warm up. */
  articlesSince(since: string, options?: { limit?: number }): AsyncIterable<LinkableArticle>
  saveStoryAssignment(assignment: StoryAssignment): Promise<void>
  saveCopyLink(link: CopyLink): Promise<void>
  saveRelated(articleId: ArticleId, related: RelatedLink[]): Promise<void>
  /** Stored related articles, best first. */
  related(articleId: ArticleId, limit?: number): Promise<(ArticleSummary & { score: number })[]>
  /** Stories with their latest article first. */
  listStories(query: ListQuery): Promise<Page<StorySummary>>
  getStory(id: StoryId): Promise<
    | {
        story: StorySummary
        /** Originals in time order, each with the copies folded under it. */
        articles: (ArticleSummary & { copies: ArticleSummary[] })[]
        /** Quotes across the story; one carried by several articles is listed once. */
        quotes: (StoredQuote & { carriers: ArticleSummary[] })[]
        assignments: StoryAssignment[]
      }
    | undefined
  >
  /**
   * A user's correction; later automatic assignments respect it. Returns the story id. Logged
   * (see `storyCorrections`) when the article changes story.
   */
  moveArticle(articleId: ArticleId, storyId: StoryId | 'new'): Promise<StoryId>
  /** Moves every article of `from` into `into` as user corrections; `from` is removed. Logged. */
  mergeStories(into: StoryId, from: StoryId): Promise<void>
  /**
   * Takes some articles of a story out into a new story, as user corrections, and returns the new
   * story's id (the first article's id, made unique). Logged. Articles not in the story are
   * ignored; none in it is an `invalid_input` error, an unknown story `not_found`.
   */
  splitStory(storyId: StoryId, articleIds: ArticleId[]): Promise<StoryId>
  /** The log of user corrections, oldest first; `after` a `seq` for the ones logged since. */
  storyCorrections(query?: { after?: number; limit?: number }): Promise<StoryCorrection[]>
  /** Saves what a linker decided for a stored article later than its write, and the link stage's state. */
  saveLinks(articleId: ArticleId, links: ArticleLinks, stage: StageState): Promise<void>
  /** The copy link of an article that copies another (its origin, similarity and credited wire). */
  copyLink(articleId: ArticleId): Promise<CopyLink | undefined>
  /** The teasers of an article's related rail that point at stored articles, in rail order. */
  railLinks(articleId: ArticleId): Promise<(RailLink & { target: ArticleSummary })[]>

  // entities and quotes
  getEntity(key: EntityKey): Promise<EntityDetail | undefined>
  /** Entities by number of articles, most first; `q` matches names and aliases. */
  listEntities(query: ListQuery & { type?: EntityType; q?: string }): Promise<Page<EntitySummary>>
  /** Entity keys whose name or alias matches `name` (a full name, or a person's surname). */
  resolveEntity(name: string): Promise<EntitySummary[]>
  quotesBy(key: EntityKey, query: ListQuery): Promise<Page<StoredQuote>>

  // search
  search(query: SearchQuery): Promise<Page<SearchHit>>
  /** "What did X say about Y": `speaker` X, `q` Y, over the text of quotes. */
  searchQuotes(query: SearchQuery): Promise<Page<StoredQuote & { snippet: string }>>

  // sources
  /** Adds a source or updates the one with the same URL. */
  upsertSource(
    source: Pick<FeedSource, 'url' | 'kind'> &
      Partial<Pick<FeedSource, 'title' | 'intervalSeconds'>>,
  ): Promise<FeedSource>
  getSource(idOrUrl: string): Promise<FeedSource | undefined>
  listSources(): Promise<FeedSource[]>
  /** Sources whose next fetch is due at `now` (ISO 8601), soonest first. */
  dueSources(now: string): Promise<FeedSource[]>
  updateSourceHealth(id: SourceId, patch: SourceHealthPatch): Promise<void>
  logFetch(entry: FetchLogEntry): Promise<void>
  recentFetches(query?: {
    url?: string
    sourceId?: SourceId
    limit?: number
  }): Promise<FetchLogEntry[]>

  close(): Promise<void>
}
