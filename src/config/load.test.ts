import { describe, expect, test } from 'vitest'
import { describeConfig, loadConfig } from './load.js'

describe('loadConfig', () => {
  test('works with no configuration at all', () => {
    expect(loadConfig({})).toEqual({
      database: { path: './data/lede.db' },
      log: { level: 'info' },
      ingest: { allowPrivate: false, keepRaw: true },
    })
  })

  test('reads the environment; flags win over it', () => {
    const env = { LEDE_DB: '/srv/lede.db', LEDE_LOG_LEVEL: 'debug', LEDE_ALLOW_PRIVATE: 'yes' }
    expect(loadConfig(env)).toMatchObject({
      database: { path: '/srv/lede.db' },
      log: { level: 'debug' },
      ingest: { allowPrivate: true },
    })
    expect(loadConfig(env, { 'database.path': 'x.db' }).database.path).toBe('x.db')
  })

  test.each([
    [{ LEDE_LOG_LEVEL: 'loud' }, /LEDE_LOG_LEVEL/],
    [{ LEDE_ALLOW_PRIVATE: 'maybe' }, /LEDE_ALLOW_PRIVATE: expected true or false/],
    [{ LEDE_DB: '  ' }, /LEDE_DB/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message)
  })

  test('secrets are redacted when described', () => {
    const rows = describeConfig(loadConfig({ DATABASE_URL: 'postgres://lede:hunter2@db/lede' }))
    const url = rows.find((r) => r.env === 'DATABASE_URL')
    expect(url?.value).toBe('postgres://lede:***@db/lede')
    expect(JSON.stringify(rows)).not.toContain('hunter2')
  })
})
