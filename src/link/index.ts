/**
 * @module link: syndicated copies, stories across outlets, related articles. A pure stage: a
 * linker object fed one article at a time in time order; no database, no I/O.
 */
export type { CopyOptions } from './copies.js'
export { type CopyDiff, diffCopy, type WordChange } from './diff.js'
export {
  type Correction,
  createLinker,
  Linker,
  type LinkerOptions,
  type LinkerState,
  type StoredLinks,
} from './linker.js'
export { COPY_DEFAULTS, RELATED_DEFAULTS, STORY_DEFAULTS } from './options.js'
export { type Related, type RelatedOptions, titleKey, urlKey } from './related.js'
export type { StoryOptions } from './stories.js'
export * from './types.js'
export type { BackgroundFrequencies } from './vectors.js'
export { creditedWire, wireOfUrl } from './wire.js'
