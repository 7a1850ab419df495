/**
 * @module The linker: one object fed one article at a time, in time order, that assigns stories,
 * detects copies and answers related-article queries. Its state can be saved and restored.
 */
import { STORY_DEFAULTS } from './options.js'
import { type StoryOptions, StoryClusterer } from './stories.js'
import type { LinkInput, LinkResult } from './types.js'

export interface LinkerOptions {
  /** Overrides of the story clustering defaults. */
  stories?: Partial<StoryOptions>
  /** Detect copies (default true). */
  copies?: boolean
  /** Keep the related-articles index (default true). */
  related?: boolean
  /** Diagnostics; a no-op unless given. */
  debug?: (message: string) => void
}

export class Linker {
  readonly clusterer: StoryClusterer
  constructor(readonly options: LinkerOptions = {}) {
    this.clusterer = new StoryClusterer({ ...STORY_DEFAULTS, ...options.stories })
  }

  add(input: LinkInput): LinkResult {
    const assignment = this.clusterer.assign(input)
    return { assignment, rail: [] }
  }

  storyOf(articleId: string): string | undefined {
    return this.clusterer.storyOf(articleId)
  }
}

export function createLinker(options: LinkerOptions = {}): Linker {
  return new Linker(options)
}
