/**
 * @module pipeline/linker: the seam where the link stage (src/link/: copies, stories, related)
 * plugs into ingest. The pipeline calls `link` after analysis with the article's final id, and
 * saves what it returns through the Store in the same transaction as the article. A linker is
 * pure: it never touches the store; the pipeline warms it up from stored articles instead.
 */
import type { Annotations, Article } from '../core/index.js'
import type { ArticleId, ArticleLinks, EntityKey, LinkableArticle } from '../store/index.js'

/** One new article, as the linker sees it. */
export interface LinkInput {
  /** Its id in the store (deterministic: known before it is written). */
  id: ArticleId
  article: Article
  annotations?: Annotations
  /** The corpus-wide key of each entity, by local entity id. */
  entityKeys: Record<string, EntityKey>
  /** ISO 8601: published, else fetched. Articles arrive roughly in this order. */
  at: string
}

export interface Linker {
  /** Name and version, recorded in logs. */
  readonly name: string
  /**
   * How far back (ms before the newest stored article) the linker wants to see stored articles
   * when a run starts, to rebuild its state. 0 or absent: no warm-up.
   */
  readonly windowMs?: number
  /** Takes a stored, already linked article into the linker's state (warm-up), without linking it. */
  remember?(article: LinkableArticle): void
  /** Links a new article: its story, the article it copies, related articles. */
  link(input: LinkInput): ArticleLinks
}
