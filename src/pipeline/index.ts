/**
 * @module pipeline: wiring. Sources → extract → analyze → link → store, with a status per stage
 * per article and errors recorded, never fatal. Sees the Store port only, never an adapter.
 *
 * @example
 * const pipeline = new Pipeline({ store, linker: createStoryLinker() })
 * const summary = await pipeline.run(readFiles(['./pages']))
 */
export {
  applyHints,
  documentKey,
  isMetadataOnly,
  metadataArticle,
  rawHashOf,
} from './documents.js'
export type { Linker, LinkInput } from './linker.js'
export type {
  DocumentOutcome,
  PipelineOptions,
  RunOptions,
  RunSummary,
  StageTimes,
  WarmUpReport,
} from './run.js'
export { Pipeline } from './run.js'
export {
  createStoryLinker,
  STORY_LINKER_DEFAULTS,
  StoryLinker,
  type StoryLinkerOptions,
} from './story-linker.js'
export {
  type CopyView,
  copyDiff,
  outletsOf,
  type ReadStoryOptions,
  readStory,
  type StoryArticleView,
  type StoryReason,
  type StoryView,
} from './story-view.js'
