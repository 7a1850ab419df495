/**
 * @module pipeline/story-view: a story as a reader shows it, read from the Store — its articles
 * in time order with the copies folded under their origin, why each joined, what each copy
 * changed (diffed on request from the stored texts), its outlets, and related stories. Used by
 * `lede story`; the web reader can use it as it is.
 */
import type { CopyDiff } from '../link/index.js'
import { diffCopy } from '../link/index.js'
import type {
  ArticleId,
  ArticleSummary,
  CopyLink,
  RailLink,
  Store,
  StoryAssignment,
  StoryId,
  StorySummary,
} from '../store/index.js'

/** Why an article is in its story: the assignment without its article id. */
export type StoryReason = Omit<StoryAssignment, 'articleId'>

/** A copy, folded under its origin. */
export interface CopyView extends ArticleSummary {
  copy: CopyLink
  /** What it changed compared with its origin (absent when `diffs: false`). */
  diff?: CopyDiff
  why?: StoryReason
}

/** One original article of a story. */
export interface StoryArticleView extends ArticleSummary {
  why?: StoryReason
  copies: CopyView[]
  /** Set when the article copies one in another story (a user moved one of them). */
  copy?: CopyLink
  /** Teasers of the page's own related rail that point at stored articles. */
  rail: (RailLink & { target: ArticleSummary })[]
}

export interface StoryView {
  story: StorySummary
  /** Outlets by number of articles (site name, else host), most first. */
  outlets: { name: string; articles: number }[]
  /** Originals in time order, each with its copies. */
  articles: StoryArticleView[]
  /** Articles of other stories most related to this one's (the best per story), best first. */
  related: (ArticleSummary & { score: number })[]
}

export interface ReadStoryOptions {
  /** Diff each copy against its origin. @default true */
  diffs?: boolean
  /** Related stories listed. @default 5 */
  related?: number
}

/** What a copy changed compared with its origin, from their stored texts. */
export async function copyDiff(store: Store, copyId: ArticleId): Promise<CopyDiff | undefined> {
  const link = await store.copyLink(copyId)
  if (!link) return undefined
  const [origin, copy] = await Promise.all([
    store.getArticle(link.originId),
    store.getArticle(copyId),
  ])
  if (!origin || !copy) return undefined
  return diffCopy(textOf(origin.article), textOf(copy.article))
}

const textOf = (a: { title?: string; text: string }) =>
  a.title !== undefined ? { title: a.title, text: a.text } : { text: a.text }

/** A story by its id, or the story of an article given by its id. */
export async function readStory(
  store: Store,
  id: StoryId | ArticleId,
  options: ReadStoryOptions = {},
): Promise<StoryView | undefined> {
  let found = await store.getStory(id)
  if (!found) {
    const storyId = (await store.getArticle(id))?.storyId
    if (storyId !== undefined) found = await store.getStory(storyId)
  }
  if (!found) return undefined
  const why = new Map(found.assignments.map(({ articleId, ...rest }) => [articleId, rest]))
  const withWhy = <T extends ArticleSummary>(a: T): T & { why?: StoryReason } => {
    const w = why.get(a.id)
    return w ? { ...a, why: w } : a
  }
  const articles: StoryArticleView[] = []
  for (const { copies, ...a } of found.articles) {
    const views: CopyView[] = []
    for (const c of copies) {
      const link = await store.copyLink(c.id)
      if (!link) continue
      const view: CopyView = withWhy({ ...c, copy: link })
      if (options.diffs !== false) {
        const diff = await copyDiff(store, c.id)
        if (diff) view.diff = diff
      }
      views.push(view)
    }
    const original: StoryArticleView = {
      ...withWhy(a),
      copies: views,
      rail: await store.railLinks(a.id),
    }
    if (a.copyOf !== undefined) {
      const link = await store.copyLink(a.id)
      if (link) original.copy = link
    }
    articles.push(original)
  }
  const storyId = found.story.id
  const best = new Map<StoryId, ArticleSummary & { score: number }>()
  const wanted = options.related ?? 5
  for (const a of wanted > 0 ? found.articles : []) {
    for (const r of await store.related(a.id, 20)) {
      if (r.storyId === undefined || r.storyId === storyId) continue
      const seen = best.get(r.storyId)
      if (!seen || r.score > seen.score) best.set(r.storyId, r)
    }
  }
  return {
    story: found.story,
    outlets: outletsOf(found.articles),
    articles,
    related: [...best.values()].sort((a, b) => b.score - a.score).slice(0, wanted),
  }
}

/** Outlets of a story's articles and their copies (site name, else host), most articles first. */
export function outletsOf(
  articles: readonly (ArticleSummary & { copies?: readonly ArticleSummary[] })[],
): { name: string; articles: number }[] {
  const outlets = new Map<string, number>()
  for (const a of articles)
    for (const x of [a, ...(a.copies ?? [])]) {
      const name = x.siteName ?? x.host ?? 'unknown'
      outlets.set(name, (outlets.get(name) ?? 0) + 1)
    }
  return [...outlets]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, n]) => ({ name, articles: n }))
}
