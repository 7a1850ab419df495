/**
 * @module Default linker options. Every tuned constant says what evidence chose it; the
 * benchmark (`npm run bench:cluster`) can override any of them with `--set name=value`.
 */
import type { CopyOptions } from './copies.js'
import type { RelatedOptions } from './related.js'
import type { StoryOptions } from './stories.js'

/** Story clustering defaults. */
export const STORY_DEFAULTS: StoryOptions = {
  titleWeight: 2,
  bodyTokens: 400,
  leadTokens: 80,
  leadWeight: 1.5,
  nameWeight: 1.5,
  entityWeight: 1.5,
  threshold: 0.3,
  titleOnlyThreshold: 0.3,
  docTerms: 64,
  centroidTerms: 200,
  holdHours: 24,
  decayHours: 24,
  expireHours: 96,
  windowArticles: 50_000,
  quoteBonus: 0.1,
  backgroundWeight: 0,
  coverage: 0,
  minOverlap: 0,
  memberWeight: 0,
  memberWindow: 2000,
}

/** Copy detection defaults. */
export const COPY_DEFAULTS: CopyOptions = {
  shingleWords: 4,
  bands: 32,
  rows: 3,
  minContainment: 0.62,
  minShingles: 20,
  windowArticles: 20_000,
}

/** Related-articles defaults. */
export const RELATED_DEFAULTS: RelatedOptions = {
  indexTerms: 24,
  maxPostingShare: 0.05,
}
