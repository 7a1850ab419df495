/**
 * @module lede: the library surface. Extract clean articles from pages, analyze them into
 * entities, the cast and quotes, and link them into stories.
 *
 * @example
 * import { extractArticle, analyze } from 'lede'
 * const result = extractArticle(html, { url })
 * if (result.ok) console.log(analyze(result.value).annotations.quotes)
 */
export * from './core/index.js'
export { extractArticle, detectFormat } from './extract/index.js'
export type { ExtractOptions, ExtractResult, ExtractFailure } from './extract/index.js'
export { analyze } from './nlp/index.js'
export type { AnalyzeOptions } from './nlp/index.js'
export {
  classifySource,
  createHttpClient,
  discoverFeeds,
  fetchPage,
  newFeedState,
  pollFeed,
  readSource,
  readSources,
  readWarc,
  watchFeeds,
} from './ingest/index.js'
export type {
  FeedReport,
  FeedState,
  HttpClient,
  HttpClientOptions,
  IngestFailure,
  PollResult,
  ReadSourcesOptions,
  SourceEvent,
  WatchOptions,
} from './ingest/index.js'
export { createLinker, diffCopy, Linker, toLinkInput } from './link/index.js'
export type {
  CopyDiff,
  CopyLink,
  Correction,
  LinkerOptions,
  LinkerState,
  LinkInput,
  LinkResult,
  RailLink,
  Related,
  StoryAssignment,
} from './link/index.js'
export { readFiles } from './ingest/files/index.js'
export type { ReadFilesOptions, ReadProgress } from './ingest/files/index.js'
export {
  copyDiff,
  createStoryLinker,
  outletsOf,
  Pipeline,
  readStory,
  STORY_LINKER_DEFAULTS,
  StoryLinker,
} from './pipeline/index.js'
export type {
  CopyView,
  DocumentOutcome,
  Linker as PipelineLinker,
  PipelineOptions,
  ReadStoryOptions,
  RunSummary,
  StoryArticleView,
  StoryLinkerOptions,
  StoryReason,
  StoryView,
  WarmUpReport,
} from './pipeline/index.js'
export {
  articleId,
  compileQuery,
  contentHash,
  entityKey,
  MATCH_END,
  MATCH_START,
  openStore,
  urlKey,
} from './store/index.js'
export type {
  ArticleId,
  ArticleLinks,
  ArticleSummary,
  ArticleWrite,
  EntityDetail,
  EntityKey,
  EntitySummary,
  FeedSource,
  Page,
  PutOutcome,
  SearchFilters,
  SearchHit,
  SearchQuery,
  Store,
  StoredArticle,
  StoredQuote,
  StoreOptions,
  StoryCorrection,
  StorySummary,
} from './store/index.js'
