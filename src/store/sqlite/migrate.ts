/**
 * @module store/sqlite/migrate: applies the numbered SQL files in migrations/ in order, each in
 * its own transaction, and records them in `schema_version`. A released migration is never
 * edited; a change is a new file with the next number.
 */
import { readdirSync, readFileSync } from 'node:fs'
import type Database from 'better-sqlite3'
import { LedeError } from '../../core/index.js'

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url)

export interface Migration {
  version: number
  name: string
  sql: string
}

/** The migrations shipped with this version, in order. */
export function loadMigrations(): Migration[] {
  let files: string[]
  try {
    files = readdirSync(MIGRATIONS_DIR)
  } catch (e) {
    throw new LedeError(
      'storage_failed',
      `the SQLite migrations are missing (${MIGRATIONS_DIR.pathname}); rebuild with npm run build`,
      {},
      { cause: e },
    )
  }
  return files
    .filter((f) => /^\d{4}-[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: Number(f.slice(0, 4)),
      name: f.replace(/\.sql$/, ''),
      sql: readFileSync(new URL(f, MIGRATIONS_DIR), 'utf8'),
    }))
}

/** Brings a database to the latest schema. Returns the versions applied now. */
export function migrate(db: Database.Database, migrations = loadMigrations()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
  const done = new Set(
    (db.prepare('SELECT version FROM schema_version').all() as { version: number }[]).map(
      (r) => r.version,
    ),
  )
  const newest = Math.max(0, ...done)
  const known = Math.max(0, ...migrations.map((m) => m.version))
  if (newest > known) {
    throw new LedeError(
      'storage_failed',
      `the database has schema version ${newest}, newer than this Lede knows (${known}); upgrade Lede`,
    )
  }
  const applied: number[] = []
  for (const m of migrations) {
    if (done.has(m.version)) continue
    db.transaction(() => {
      db.exec(m.sql)
      db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      )
    }).immediate()
    applied.push(m.version)
  }
  return applied
}
