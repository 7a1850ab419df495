/**
 * @module pipeline/linker: the seam where the link stage (src/link/: copies, stories, related)
 * plugs into ingest. The pipeline calls `link` after analysis with the article's final id, and
 * saves what it returns through the Store in the same transaction as the article. A linker is
 * pure: it never touches the store; the pipeline warms it up from stored articles instead, and
 * hands it the user corrections the store logged. `story-linker.ts` is the implementation over
 * src/link/.
 */
import type { Annotations, Article } from '../core/index.js'
import type {
  ArticleId,
  ArticleLinks,
  EntityKey,
  LinkableArticle,
  StoryCorrection,
} from '../store/index.js'

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
  /**
   * Warm-up, first step: every user correction logged so far, oldest first, before any
   * `remember`. Later, during a run: the corrections logged since (`warmUp: false`).
   */
  correct?(corrections: readonly StoryCorrection[], options: { warmUp: boolean }): void
  /**
   * Takes a stored, already linked article into the linker's state (warm-up), without linking
   * it; the pipeline feeds the window in time order. An article the linker finds unlinked (no
   * story) it may link now: `warmed` returns those links for the pipeline to save.
   */
  remember?(article: LinkableArticle): void
  /** Warm-up, last step: every article was remembered. Returns links decided during warm-up. */
  warmed?(): { id: ArticleId; links: ArticleLinks }[]
  /** Links a new article: its story, the article it copies, related articles. */
  link(input: LinkInput): ArticleLinks
}
