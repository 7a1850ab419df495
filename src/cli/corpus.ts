/**
 * @module cli/corpus: the `--db` option every command that reads the corpus takes, and opening
 * the store it names (`--db`, else `DATABASE_URL`, else `LEDE_DB`, else ./data/lede.db).
 */
import { existsSync } from 'node:fs'
import { Option } from 'commander'
import type { Config } from '../config/index.js'
import { loadConfig } from '../config/index.js'
import { LedeError } from '../core/index.js'
import type { Store } from '../store/index.js'
import { openStore } from '../store/index.js'

/** `--db PATH`: the corpus database. */
export const dbOption = (): Option =>
  new Option('--db <path>', 'the corpus database (default: $LEDE_DB, else ./data/lede.db)')

/** The Config of a command: the environment, with `--db` on top. */
export function commandConfig(opts: { db?: string }, env: NodeJS.ProcessEnv = process.env): Config {
  const config = loadConfig(env, opts.db !== undefined ? { 'database.path': opts.db } : {})
  // An explicit --db wins over DATABASE_URL too.
  if (opts.db !== undefined) delete config.database.url
  return config
}

/**
 * Opens the store a Config names. With `mustExist`, a missing SQLite file is an error that says
 * how to make one, instead of an empty new corpus.
 */
export function openCorpus(config: Config, mustExist = false): Store {
  const path = config.database.path
  if (mustExist && config.database.url === undefined && path !== ':memory:' && !existsSync(path)) {
    throw new LedeError(
      'not_found',
      `no corpus at ${path}: ingest something first (lede ingest …) or pass --db`,
    )
  }
  return openStore(config.database.url !== undefined ? { url: config.database.url } : { path })
}
