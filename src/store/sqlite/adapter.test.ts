import { describe, expect, test } from 'vitest'
import { storeContract } from '../store.case.js'
import { openSqliteStore } from './adapter.js'
import { loadMigrations, migrate } from './migrate.js'

storeContract('sqlite :memory:', () => openSqliteStore(':memory:'))

describe('sqlite migrations', () => {
  test('are numbered, applied once, and recorded', () => {
    const store = openSqliteStore(':memory:')
    const db = store.database
    const versions = (
      db.prepare('SELECT version FROM schema_version ORDER BY version').all() as {
        version: number
      }[]
    ).map((r) => r.version)
    expect(versions).toEqual(loadMigrations().map((m) => m.version))
    expect(migrate(db)).toEqual([])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  test('a database newer than this code is refused', () => {
    const store = openSqliteStore(':memory:')
    store.database.prepare("INSERT INTO schema_version VALUES (9999, '9999-future', 'now')").run()
    expect(() => migrate(store.database)).toThrow(/newer than this Lede knows/)
  })
})
