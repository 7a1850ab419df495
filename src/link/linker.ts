/**
 * @module The linker: one object fed one article at a time, in time order, that finds copies,
 * assigns stories and answers related-article queries. It holds no I/O: its state can be saved
 * (`toJSON`) and restored (`Linker.fromJSON`), or rebuilt by replaying stored articles with
 * `remember`. User corrections (`move`, `split`, `merge`) change the state that later
 * assignments see.
 */
import { CopyDetector, type CopyDetectorState, type CopyOptions } from './copies.js'
import { type CopyDiff, diffCopy } from './diff.js'
import { COPY_DEFAULTS, RELATED_DEFAULTS, STORY_DEFAULTS } from './options.js'
import {
  type Related,
  RelatedIndex,
  type RelatedIndexState,
  type RelatedOptions,
  titleKey,
  urlKey,
} from './related.js'
import { StoryClusterer, type StoryClustererState, type StoryOptions } from './stories.js'
import type { LinkInput, LinkResult, RailLink } from './types.js'
import type { BackgroundFrequencies } from './vectors.js'

export interface LinkerOptions {
  /** Overrides of the story clustering defaults. */
  stories?: Partial<StoryOptions>
  /** Copy detection: overrides, or false to skip it. */
  copies?: Partial<CopyOptions> | boolean
  /** The related-articles index: overrides, or false to keep none. */
  related?: Partial<RelatedOptions> | boolean
  /** A background document-frequency table for IDF (used with `stories.backgroundWeight`). */
  background?: BackgroundFrequencies
  /** Id of a new story from its opening article's id (default: that id, made unique). */
  newStoryId?: (firstArticleId: string) => string
  /** Diagnostics; a no-op unless given. */
  debug?: (message: string) => void
}

/** A user's correction, as the store may log it and a rebuild may replay it. */
export type Correction =
  | { kind: 'move'; articleId: string; to: string | 'new' }
  | { kind: 'split'; storyId: string; articleIds: string[] }
  | { kind: 'merge'; into: string; from: string }

/** What a rebuild knows of a stored article. */
export interface StoredLinks {
  storyId?: string
  /** The origin of its copy group, if it is a copy. */
  copyOf?: string
  /** The story was set by a user. */
  userAssigned?: boolean
}

/** Serialisable linker state. */
export interface LinkerState {
  schema: 'lede.linker/1'
  stories: StoryClustererState
  copies?: CopyDetectorState
  related?: RelatedIndexState
  rail: {
    urls: [string, string][]
    titles: [string, string][]
    pending: [string, { fromId: string; teaser: number; by: 'url' | 'title' }[]][]
  }
}

/** Pending rail teasers kept at most (the oldest are dropped first). */
const MAX_PENDING_TEASERS = 200_000

export class Linker {
  readonly stories: StoryClusterer
  private readonly copies: CopyDetector | undefined
  private readonly index: RelatedIndex | undefined
  private readonly urls = new Map<string, string>()
  private readonly titles = new Map<string, string>()
  private readonly pending = new Map<
    string,
    { fromId: string; teaser: number; by: 'url' | 'title' }[]
  >()
  private readonly usedStoryIds = new Set<string>()
  private readonly debug: (message: string) => void

  constructor(readonly options: LinkerOptions = {}) {
    this.debug = options.debug ?? (() => {})
    const naming = options.newStoryId ?? ((id: string) => id)
    this.stories = new StoryClusterer(
      { ...STORY_DEFAULTS, ...options.stories },
      options.background,
      (_seq, first) => this.uniqueStoryId(naming(first)),
    )
    if (options.copies !== false) {
      this.copies = new CopyDetector({
        ...COPY_DEFAULTS,
        ...(typeof options.copies === 'object' ? options.copies : {}),
      })
    }
    if (options.related !== false) {
      this.index = new RelatedIndex({
        ...RELATED_DEFAULTS,
        ...(typeof options.related === 'object' ? options.related : {}),
      })
    }
  }

  private uniqueStoryId(base: string): string {
    let id = base
    for (let n = 2; this.usedStoryIds.has(id); n++) id = `${base}~${n}`
    this.usedStoryIds.add(id)
    return id
  }

  /**
   * Links one new article: finds the article it copies (it then follows its origin's story),
   * else assigns it a story; indexes it for related articles; resolves rail teasers.
   */
  add(input: LinkInput): LinkResult {
    const f = this.stories.features(input)
    const copy = this.copies?.add(input, input.authors)
    let assignment: LinkResult['assignment']
    const originStory = copy ? this.stories.storyOf(copy.originId) : undefined
    if (copy && originStory !== undefined) {
      assignment = this.stories.assign(input, f, { storyId: originStory, kind: 'copy' })
      assignment.similarity = copy.similarity
    } else {
      assignment = this.stories.assign(input, f)
    }
    this.debug(
      `link ${input.id}: ${assignment.reason.kind} ${assignment.storyId} (${assignment.similarity})`,
    )
    const vec = this.stories.vectorOf(input.id)
    if (this.index && vec) this.index.add(input.id, vec, (t) => f.surface.get(t))
    const result: LinkResult = { assignment, rail: this.linkRail(input) }
    if (copy) result.copy = copy
    const merged = this.stories.takeMerges()
    if (merged.length > 0) {
      result.merged = merged
      // The article's own story may have been merged away.
      assignment.storyId = this.stories.storyOf(input.id) ?? assignment.storyId
    }
    return result
  }

  /**
   * Takes a stored, already linked article into the state without deciding anything (warm-up
   * after a restart). Feed them in time order.
   */
  remember(input: LinkInput, stored: StoredLinks = {}): void {
    const f = this.stories.features(input)
    this.copies?.add(input, input.authors)
    if (stored.storyId !== undefined) {
      this.usedStoryIds.add(stored.storyId)
      this.stories.assign(input, f, {
        storyId: stored.storyId,
        kind: stored.userAssigned ? 'user' : 'copy',
      })
    } else {
      this.stories.assign(input, f)
    }
    // A rebuild replays stored stories; merges it would make were stored already.
    this.stories.takeMerges()
    const vec = this.stories.vectorOf(input.id)
    if (this.index && vec) this.index.add(input.id, vec, (t) => f.surface.get(t))
    this.linkRail(input)
  }

  /** The story an article is in. */
  storyOf(articleId: string): string | undefined {
    return this.stories.storyOf(articleId)
  }

  /** The origin of an article's copy group (itself when it is no copy, or copies are off). */
  originOf(articleId: string): string {
    return this.copies?.origin(articleId) ?? articleId
  }

  /**
   * The `k` articles most related to one already linked: never its copies (nor the article it
   * copies), and not its own story unless `sameStory` is set.
   */
  related(articleId: string, options: { k?: number; sameStory?: boolean } = {}): Related[] {
    if (!this.index) return []
    const k = options.k ?? 10
    const story = this.stories.storyOf(articleId)
    const origin = this.originOf(articleId)
    const seenOrigins = new Set<string>([origin])
    return this.index.related(articleId, k, (other) => {
      if (!options.sameStory && story !== undefined && this.stories.storyOf(other) === story)
        return false
      // One article per copy group, and never a copy of the article itself.
      const o = this.originOf(other)
      if (seenOrigins.has(o)) return false
      seenOrigins.add(o)
      return true
    })
  }

  /** What a copy changed compared with its origin. */
  diff(origin: LinkInput, copy: LinkInput): CopyDiff {
    const a: { title?: string; text: string } = { text: origin.text ?? '' }
    const b: { title?: string; text: string } = { text: copy.text ?? '' }
    if (origin.title !== undefined) a.title = origin.title
    if (copy.title !== undefined) b.title = copy.title
    return diffCopy(a, b)
  }

  // ---- corrections ----

  /** Moves an article to a story (or a new one); returns the story id. */
  move(articleId: string, to: string | 'new'): string | undefined {
    return this.stories.move(articleId, to)
  }

  /** Splits articles out of a story into a new one; returns its id. */
  split(storyId: string, articleIds: string[]): string | undefined {
    return this.stories.split(storyId, articleIds)
  }

  /** Merges story `from` into `into`. */
  merge(into: string, from: string): boolean {
    return this.stories.merge(into, from)
  }

  /** Applies a logged correction (when rebuilding). */
  apply(c: Correction): void {
    if (c.kind === 'move') this.move(c.articleId, c.to)
    else if (c.kind === 'split') this.split(c.storyId, c.articleIds)
    else this.merge(c.into, c.from)
  }

  // ---- the related rail ----

  /** Resolves this article's own teasers, and earlier teasers that point at this article. */
  private linkRail(input: LinkInput): RailLink[] {
    const out: RailLink[] = []
    const keys: [string, 'url' | 'title'][] = []
    for (const u of [input.url, input.canonicalUrl]) {
      const k = u ? urlKey(u) : undefined
      if (k) keys.push([`u:${k}`, 'url'])
    }
    const tk = input.title ? titleKey(input.title) : undefined
    if (tk) keys.push([`t:${tk}`, 'title'])
    for (const [k] of keys) {
      const map = k.startsWith('u:') ? this.urls : this.titles
      if (!map.has(k)) map.set(k, input.id)
      const waiting = this.pending.get(k)
      if (waiting) {
        for (const w of waiting) {
          if (w.fromId !== input.id)
            out.push({ fromId: w.fromId, teaser: w.teaser, toId: input.id, by: w.by })
        }
        this.pending.delete(k)
      }
    }
    ;(input.related ?? []).forEach((t, i) => {
      const uk = t.url ? urlKey(t.url) : undefined
      const tt = titleKey(t.title)
      const byUrl = uk ? this.urls.get(`u:${uk}`) : undefined
      const byTitle = tt ? this.titles.get(`t:${tt}`) : undefined
      const to = byUrl ?? byTitle
      if (to !== undefined && to !== input.id) {
        out.push({
          fromId: input.id,
          teaser: i,
          toId: to,
          by: byUrl !== undefined ? 'url' : 'title',
        })
        return
      }
      if (this.pending.size >= MAX_PENDING_TEASERS) {
        const oldest = this.pending.keys().next().value
        if (oldest !== undefined) this.pending.delete(oldest)
      }
      if (uk) this.addPending(`u:${uk}`, { fromId: input.id, teaser: i, by: 'url' })
      if (tt) this.addPending(`t:${tt}`, { fromId: input.id, teaser: i, by: 'title' })
    })
    // A teaser resolved by URL and by title once only.
    const seen = new Set<string>()
    return out.filter((r) => {
      const k = `${r.fromId}\u0001${r.teaser}`
      if (seen.has(k)) return false
      seen.add(k)
      return true
    })
  }

  private addPending(
    key: string,
    p: { fromId: string; teaser: number; by: 'url' | 'title' },
  ): void {
    const l = this.pending.get(key)
    if (l) l.push(p)
    else this.pending.set(key, [p])
  }

  // ---- state ----

  toJSON(): LinkerState {
    const state: LinkerState = {
      schema: 'lede.linker/1',
      stories: this.stories.toJSON(),
      rail: { urls: [...this.urls], titles: [...this.titles], pending: [...this.pending] },
    }
    if (this.copies) state.copies = this.copies.toJSON()
    if (this.index) state.related = this.index.toJSON()
    return state
  }

  /** A linker with the given options and a saved state. */
  static fromJSON(state: LinkerState, options: LinkerOptions = {}): Linker {
    const l = new Linker(options)
    l.stories.restore(state.stories)
    for (const id of l.stories.storyIds()) l.usedStoryIds.add(id)
    if (l.copies && state.copies) l.copies.restore(state.copies)
    if (l.index && state.related) l.index.restore(state.related)
    for (const [k, v] of state.rail.urls) l.urls.set(k, v)
    for (const [k, v] of state.rail.titles) l.titles.set(k, v)
    for (const [k, v] of state.rail.pending) l.pending.set(k, v)
    return l
  }
}

/** Creates a linker. */
export function createLinker(options: LinkerOptions = {}): Linker {
  return new Linker(options)
}
