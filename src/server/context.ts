/**
 * @module server/context: what every route can reach through `c.var` — the app's dependencies,
 * set once per request by createApp. No module-level state anywhere in server/.
 */
import type { Logger } from '../log/index.js'
import type { Store } from '../store/index.js'
import type { IngestService } from './ingest/service.js'

/** What createApp needs; everything the reader and the API touch comes through here. */
export interface AppDeps {
  store: Store
  /** One JSON line per request goes here. @default a silent logger */
  logger?: Logger
  /** Background ingestion; without it the ingest endpoints and the add-a-feed form answer 503. */
  ingest?: IngestService
  /** The reader's name in titles and feeds. @default 'Lede' */
  siteName?: string
  /** A line shown at the foot of every page (e.g. the demo corpus's attribution). */
  notice?: string
  /** The clock (fetch times of posted documents). @default () => new Date() */
  now?: () => Date
}

export interface AppEnv {
  Variables: {
    deps: Required<Pick<AppDeps, 'store' | 'siteName'>> & AppDeps
  }
}
