/**
 * @module store: the Store port, the identity rules, and `openStore`, which picks the adapter.
 * Everything outside store/ imports from here (the pipeline sees only the port).
 *
 * @example
 * const store = openStore({ path: './data/lede.db' })
 * const page = await store.search({ q: '"interest rates" AND Fed', from: '2014-03-01' })
 * await store.close()
 */
import { LedeError } from '../core/index.js'
import { openSqliteStore } from './sqlite/adapter.js'
import type { Store } from './store.js'

export interface StoreOptions {
  /** A SQLite file (created with its folder if missing), or `:memory:`. */
  path?: string
  /** A database URL; only `sqlite:` / `file:` URLs are supported in this version. */
  url?: string
  /** Open without writing, for readers beside a running ingest. */
  readonly?: boolean
}

/** Opens the store a configuration names: a SQLite file by default. */
export function openStore(options: StoreOptions): Store {
  if (options.url !== undefined && options.url !== '') {
    if (/^postgres(ql)?:/i.test(options.url))
      throw new LedeError(
        'invalid_input',
        'PostgreSQL is not supported yet (docs/decisions/0060-store.md); unset DATABASE_URL to use SQLite',
      )
    const m = /^(?:sqlite|file):(?:\/\/)?(.+)$/i.exec(options.url)
    if (!m) throw new LedeError('invalid_input', `unsupported database URL: ${options.url}`)
    return openSqliteStore(m[1]!, { readonly: options.readonly ?? false })
  }
  return openSqliteStore(options.path ?? './data/lede.db', { readonly: options.readonly ?? false })
}

export * from './keys.js'
export type { QueryError, QueryNode, SearchField } from './query.js'
export { compileQuery, parseQuery, SEARCH_FIELDS, toFts5 } from './query.js'
export * from './store.js'
