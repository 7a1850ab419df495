/**
 * @module The linker's input and output types: what the pipeline feeds in (one article at a
 * time, in time order) and what it gets back (a story assignment, a copy link, rail links).
 */
import type { Annotations, Article, RelatedTeaser } from '../core/index.js'

/** One article as the linker sees it. Only `id` is required; more fields, better links. */
export interface LinkInput {
  id: string
  title?: string
  /** The body as plain text, blocks separated by a blank line (`Article.text`). */
  text?: string
  /** ISO 8601 or epoch milliseconds; absent means "time unknown" (no time evidence). */
  publishedAt?: string | number
  url?: string
  canonicalUrl?: string
  siteName?: string
  /** Bylines (`Article.authors`): a wire may be credited there. */
  authors?: string[]
  /**
   * The cast, quotes and values (dates, numbers) from the analysis stage, when it ran. Values
   * are optional: distinctive numbers and the years and dates an article mentions help tell two
   * similar events apart.
   */
  annotations?: Pick<Annotations, 'entities' | 'quotes'> & Pick<Partial<Annotations>, 'values'>
  /** Corpus-wide entity keys by local entity id (the store's), so one person is one feature. */
  entityKeys?: Record<string, string>
  /** The page's own related rail (`Article.related`). */
  related?: RelatedTeaser[]
}

/** Builds a {@link LinkInput} from an extracted (and maybe analysed) article. */
export function toLinkInput(id: string, article: Article, annotations?: Annotations): LinkInput {
  const input: LinkInput = {
    id,
    text: article.text,
    related: article.related,
    authors: article.authors,
  }
  if (article.title !== undefined) input.title = article.title
  if (article.publishedAt !== undefined) input.publishedAt = article.publishedAt
  if (article.url !== undefined) input.url = article.url
  if (article.canonicalUrl !== undefined) input.canonicalUrl = article.canonicalUrl
  if (article.siteName !== undefined) input.siteName = article.siteName
  if (annotations) {
    input.annotations = { entities: annotations.entities, quotes: annotations.quotes }
    if (annotations.values) input.annotations.values = annotations.values
  }
  return input
}

/** Why an article joined (or opened) a story. */
export interface AssignmentReason {
  /** `new` opens a story; `similar` joins one; `copy` follows its origin; `user` is a correction. */
  kind: 'new' | 'similar' | 'copy' | 'user'
  /** The heaviest terms the article shares with the story (as written). */
  terms: string[]
  /** Shared people, organisations and places (names). */
  entities: string[]
  /** Quotes the article shares with earlier members of the story. */
  quotes: string[]
  /**
   * The best competing story and its score, when one came close; `protagonist` when its score
   * would have cleared the threshold but was lowered because the article is about someone else
   * than the one that story is about.
   */
  runnerUp?: { storyId: string; similarity: number; protagonist?: string }
  /** The person the article is about (its most salient person), when the cast names one. */
  protagonist?: string
  /** Hours between the article and the story's latest article, when both have a time. */
  gapHours?: number
}

/** The story an article was put in, and why. Mirrors the Store's `StoryAssignment`. */
export interface StoryAssignment {
  articleId: string
  storyId: string
  /** The score that decided it (0..1): text, cast and quotes, weighed by time. */
  similarity: number
  reason: AssignmentReason
}

/** One article is a copy (syndication or light rewrite) of another. Mirrors `CopyLink`. */
export interface CopyLink {
  articleId: string
  /** The copy group's origin: the credited wire's earliest article, else the earliest. */
  originId: string
  /** Share of the shorter text found in the longer (shingle containment), 0..1. */
  similarity: number
  /** The wire the text credits (AP, Reuters, AFP …), when it names one. */
  wire?: string
}

/** A teaser of the page's related rail matched to a stored article. */
export interface RailLink {
  /** The article whose page shows the rail. */
  fromId: string
  /** Index into that article's `related`. */
  teaser: number
  /** The stored article the teaser points at. */
  toId: string
  by: 'url' | 'title'
}

/** What the linker decided for one article. */
export interface LinkResult {
  assignment: StoryAssignment
  copy?: CopyLink
  /** Rail teasers resolved by this article: its own, and earlier pages' that point at it. */
  rail: RailLink[]
  /**
   * Stories merged because of this article (a young story given a second chance: two halves
   * of one event that started apart). The store should merge `from` into `into`.
   */
  merged?: StoryMerge[]
}

/** Two stories merged automatically. */
export interface StoryMerge {
  /** The story that remains. */
  into: string
  /** The story merged into it (it no longer exists). */
  from: string
  /** Similarity of the two stories when merged, 0..1. */
  similarity: number
}
