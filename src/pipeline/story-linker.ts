/**
 * @module pipeline/story-linker: the pipeline's `Linker` over the link stage's linker
 * (src/link/). It turns each `LinkResult` into what the Store saves (story and why, copy link,
 * related articles both ways, rail teasers), rebuilds the linker's state from the stored window
 * when a run starts, and replays the user corrections the store logged so that later automatic
 * assignments respect them. See docs/decisions/0075-linking-in-ingest.md.
 */
import type { Annotations, Article } from '../core/index.js'
import type { LinkerOptions, LinkResult, Related, Linker as StageLinker } from '../link/index.js'
import { createLinker, toLinkInput } from '../link/index.js'
import type {
  ArticleId,
  ArticleLinks,
  EntityKey,
  LinkableArticle,
  StoryAssignment,
  StoryCorrection,
  StoryId,
} from '../store/index.js'
import { articleUrl, urlKey } from '../store/index.js'
import type { Linker, LinkInput } from './linker.js'

const DAY_MS = 86_400_000

export interface StoryLinkerOptions {
  /** Options of the link stage's linker (stories, copies, related index). */
  linker?: Omit<LinkerOptions, 'newStoryId'>
  /** Related articles saved per article (and offered to the lists of earlier ones). @default 10 */
  relatedK?: number
  /** How far back from the newest stored article a run rebuilds the linker. @default 14 days */
  windowMs?: number
  /** Related articles scoring less are left out. @default 0.08 */
  minRelatedScore?: number
}

/**
 * Defaults. The window: a story takes no article after 24–72 h of quiet (STORY_DEFAULTS
 * `expireHours`, `dateOnlyHoldHours`), and syndicated copies appear within hours to days, so
 * four days would do for stories and copies; related articles and "You may also like" teasers
 * reach further back, and two weeks covers the follow-ups of a news cycle. The linker keeps every
 * article's vector (~2–3 KB), so the window is also a memory and start-up bound: 14 days of a
 * 3,000-article-a-day feed set is ~42k articles, inside the stories' 50k-article window.
 */
export const STORY_LINKER_DEFAULTS = {
  relatedK: 10,
  windowMs: 14 * DAY_MS,
  // A judgment, not tuned (there is no gold for related articles): on the hand-made pages of
  // test/integration/stories-cli.test.ts (plus one more follow-up), articles on one subject
  // score 0.20–0.44 with each other and the unrelated one 0.03, through common words ("said").
  minRelatedScore: 0.08,
} as const

/** The link stage behind the pipeline's Linker seam. */
export class StoryLinker implements Linker {
  readonly name = 'lede-link/1'
  readonly windowMs: number
  /** The link stage's linker, for questions the seam does not ask (`related`, `diff` …). */
  readonly linker: StageLinker
  readonly #k: number
  readonly #minScore: number
  /** The id the linker gives the next story it opens, while replaying a correction. */
  #forcedId: StoryId | undefined
  /** Linker story id ↔ store story id, where a replay could not keep them equal. */
  readonly #toStore = new Map<string, StoryId>()
  readonly #toLinker = new Map<StoryId, string>()
  /** URL key of each article, the latest article of each URL, and older revisions. */
  readonly #urlOf = new Map<ArticleId, string>()
  readonly #latest = new Map<string, ArticleId>()
  readonly #superseded = new Set<ArticleId>()
  /** The last correction applied (corrections are applied once, whoever hands them over). */
  #correctionSeq = 0
  /** Set once the linker holds articles: a second warm-up only adds what it lacks. */
  #started = false
  // Warm-up state.
  #initial: Map<ArticleId, StoryId> | undefined
  #replay: StoryCorrection[] = []
  readonly #stored = new Map<ArticleId, StoryId>()
  #fresh: { id: ArticleId; result: LinkResult }[] = []

  constructor(options: StoryLinkerOptions = {}) {
    this.windowMs = options.windowMs ?? STORY_LINKER_DEFAULTS.windowMs
    this.#k = options.relatedK ?? STORY_LINKER_DEFAULTS.relatedK
    this.#minScore = options.minRelatedScore ?? STORY_LINKER_DEFAULTS.minRelatedScore
    this.linker = createLinker({
      ...options.linker,
      newStoryId: (first) => this.#forcedId ?? first,
    })
  }

  // ---- the seam ----

  correct(corrections: readonly StoryCorrection[], options: { warmUp: boolean }): void {
    if (!options.warmUp || this.#started) {
      for (const c of corrections) this.#apply(c)
      return
    }
    // Each stored article is remembered in the story it had before its first correction; the
    // corrections are then replayed on top (in `warmed`), so the linker ends as it was live:
    // a moved article's old story remembers it and rejects look-alikes.
    const initial = new Map<ArticleId, StoryId>()
    const seen = new Set<ArticleId>()
    for (const c of corrections) {
      for (const id of c.articleIds) {
        if (seen.has(id)) continue
        seen.add(id)
        if (c.from !== undefined) initial.set(id, c.from)
      }
    }
    this.#initial = initial
    this.#replay = [...corrections]
  }

  remember(a: LinkableArticle): void {
    if (this.linker.storyOf(a.id) !== undefined) return
    this.#track(a.id, a.article)
    const input = this.#input(a.id, a.article, a.annotations, a.entityKeys, a.at)
    if (a.storyId === undefined) {
      // Stored but never linked (`--no-link`, or the linker failed): linked now, in time order.
      this.#fresh.push({ id: a.id, result: this.linker.add(input) })
      return
    }
    this.#stored.set(a.id, a.storyId)
    this.linker.remember(input, {
      storyId: this.#initial?.get(a.id) ?? a.storyId,
      userAssigned: a.userAssigned,
    })
  }

  warmed(): { id: ArticleId; links: ArticleLinks }[] {
    this.#started = true
    const replay = this.#replay
    this.#replay = []
    this.#initial = undefined
    for (const c of replay) this.#apply(c)
    // Where the linker's story still differs from the stored one (a story named twice, a merge
    // into a story older than the window), the stored id wins: map the linker's to it.
    const votes = new Map<string, Map<StoryId, number>>()
    for (const [id, stored] of this.#stored) {
      const l = this.linker.storyOf(id)
      if (l === undefined) continue
      let v = votes.get(l)
      if (!v) {
        v = new Map()
        votes.set(l, v)
      }
      v.set(stored, (v.get(stored) ?? 0) + 1)
    }
    for (const [l, v] of votes) {
      const best = [...v].sort((x, y) => y[1] - x[1])[0]![0]
      if (this.#storeStory(l) !== best) this.#alias(l, best)
    }
    this.#stored.clear()
    const fresh = this.#fresh
    this.#fresh = []
    return fresh.map(({ id, result }) => ({ id, links: this.#links(id, result) }))
  }

  link(input: LinkInput): ArticleLinks {
    this.#started = true
    this.#track(input.id, input.article)
    const result = this.linker.add(
      this.#input(input.id, input.article, input.annotations, input.entityKeys, input.at),
    )
    return this.#links(input.id, result)
  }

  // ---- questions on request ----

  /**
   * The `k` articles most related to a linked one (best first): never its copies, not its own
   * story unless `sameStory`, never an older revision of a page, none below `minRelatedScore`.
   * Fast enough to ask on each page view (docs/decisions/0082).
   */
  related(articleId: ArticleId, options: { k?: number; sameStory?: boolean } = {}): Related[] {
    const k = options.k ?? this.#k
    return this.linker
      .related(articleId, { k: k + 5, ...(options.sameStory && { sameStory: true }) })
      .filter((r) => r.score >= this.#minScore && !this.#superseded.has(r.id))
      .slice(0, k)
  }

  /** The story of a linked article, as the store names it. */
  storyOf(articleId: ArticleId): StoryId | undefined {
    const l = this.linker.storyOf(articleId)
    return l === undefined ? undefined : this.#storeStory(l)
  }

  // ---- internals ----

  #input(
    id: ArticleId,
    article: Article,
    annotations: Annotations | undefined,
    entityKeys: Record<string, EntityKey>,
    at: string,
  ) {
    const input = toLinkInput(id, article, annotations)
    // The store's time (published, else fetched): the order the window is replayed in.
    input.publishedAt = at
    input.entityKeys = entityKeys
    return input
  }

  /** Notes an article's URL; a second article under one URL is a revision of the first. */
  #track(id: ArticleId, article: Article): void {
    const url = articleUrl(article)
    const key = url === undefined ? undefined : urlKey(url)
    if (key === undefined) return
    const prev = this.#latest.get(key)
    if (prev !== undefined && prev !== id) this.#superseded.add(prev)
    this.#latest.set(key, id)
    this.#urlOf.set(id, key)
  }

  #sameUrl(a: ArticleId, b: ArticleId): boolean {
    const k = this.#urlOf.get(a)
    return k !== undefined && k === this.#urlOf.get(b)
  }

  /** The latest revision of the page an article id names. */
  #current(id: ArticleId): ArticleId {
    const k = this.#urlOf.get(id)
    return (k !== undefined ? this.#latest.get(k) : undefined) ?? id
  }

  #storeStory(linkerId: string): StoryId {
    return this.#toStore.get(linkerId) ?? linkerId
  }

  #alias(linkerId: string, storeId: StoryId): void {
    if (linkerId === storeId) {
      this.#toStore.delete(linkerId)
    } else {
      this.#toStore.set(linkerId, storeId)
      this.#toLinker.set(storeId, linkerId)
    }
  }

  #hasStory(linkerId: string): boolean {
    return this.linker.stories.membersOf(linkerId).length > 0
  }

  /** Runs `f` with the next story the linker opens named `id`. */
  #named(id: StoryId, f: () => string | undefined): string | undefined {
    this.#forcedId = id
    try {
      return f()
    } finally {
      this.#forcedId = undefined
    }
  }

  /** Applies one logged correction to the linker's state (articles it does not know are skipped). */
  #apply(c: StoryCorrection): void {
    if (c.seq <= this.#correctionSeq) return
    this.#correctionSeq = c.seq
    const l = this.linker
    const ids = c.articleIds.filter((id) => l.storyOf(id) !== undefined)
    if (ids.length === 0) return
    const to = this.#toLinker.get(c.to) ?? c.to
    const exists = this.#hasStory(to)
    if (c.kind === 'merge') {
      const from = [...new Set(ids.map((id) => l.storyOf(id)!))].filter((s) => s !== to)
      let into = to
      if (!exists) {
        // The story merged into has no article in the window: the merged one takes its name.
        const first = from.shift()
        if (first === undefined) return
        into = first
      }
      for (const s of from) l.merge(into, s)
    } else if (c.kind === 'split') {
      let target = exists ? to : undefined
      const groups = new Map<string, ArticleId[]>()
      for (const id of ids) {
        const s = l.storyOf(id)!
        groups.set(s, [...(groups.get(s) ?? []), id])
      }
      for (const [from, members] of groups) {
        if (target === undefined) target = this.#named(c.to, () => l.split(from, members))
        else for (const id of members) l.move(id, target)
      }
    } else {
      let target = exists ? to : undefined
      for (const id of ids) {
        if (target === undefined) target = this.#named(c.to, () => l.move(id, 'new'))
        else l.move(id, target)
      }
    }
    for (const id of ids) {
      const s = l.storyOf(id)
      if (s !== undefined && this.#storeStory(s) !== c.to) this.#alias(s, c.to)
    }
  }

  /** What the store saves for one linked article. */
  #links(id: ArticleId, r: LinkResult): ArticleLinks {
    const a = r.assignment
    const reason: StoryAssignment['reason'] = {
      kind: a.reason.kind,
      terms: a.reason.terms,
      entities: a.reason.entities,
      quotes: a.reason.quotes,
      ...(a.reason.runnerUp && {
        runnerUp: {
          storyId: this.#storeStory(a.reason.runnerUp.storyId),
          similarity: a.reason.runnerUp.similarity,
          ...(a.reason.runnerUp.protagonist !== undefined && {
            protagonist: a.reason.runnerUp.protagonist,
          }),
        },
      }),
      ...(a.reason.gapHours !== undefined && { gapHours: a.reason.gapHours }),
      ...(a.reason.protagonist !== undefined && { protagonist: a.reason.protagonist }),
    }
    // The story it is in now: a correction replayed after it was decided may have moved it.
    const story = this.#storeStory(this.linker.storyOf(id) ?? a.storyId)
    const links: ArticleLinks = { story: { storyId: story, similarity: a.similarity, reason } }
    // A page's new revision "copies" its previous one: that is no syndication.
    if (r.copy && !this.#sameUrl(id, r.copy.originId)) {
      links.copyOf = {
        originId: r.copy.originId,
        similarity: r.copy.similarity,
        ...(r.copy.wire !== undefined && { wire: r.copy.wire }),
      }
    }
    const related = this.related(id).map((x) => ({ articleId: x.id, score: x.score }))
    if (related.length > 0) {
      links.related = related
      links.relatedBack = related
      links.relatedKeep = this.#k
    }
    const rail = r.rail
      .map((x) => ({ ...x, toId: this.#current(x.toId) }))
      .filter((x) => x.toId !== x.fromId && !this.#superseded.has(x.fromId))
    if (rail.length > 0) links.rail = rail
    // Stories the linker merged on this arrival (decision 0074): the store moves their articles.
    const absorbed = (r.merged ?? [])
      .map((m) => this.#storeStory(m.from))
      .filter((from) => from !== story)
    if (absorbed.length > 0) links.absorbed = [...new Set(absorbed)]
    return links
  }
}

/** Creates the pipeline's linker over the link stage. */
export function createStoryLinker(options: StoryLinkerOptions = {}): StoryLinker {
  return new StoryLinker(options)
}
