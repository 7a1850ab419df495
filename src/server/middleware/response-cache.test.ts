import { Hono } from 'hono'
import { etag } from 'hono/etag'
import { describe, expect, test } from 'vitest'
import { responseCache } from './response-cache.js'

function setup(ttlMs = 1000) {
  let clock = 0
  let renders = 0
  let version = 'v1'
  const cache = responseCache({
    ttlMs,
    now: () => clock,
    skip: (p) => p === '/live',
    version: async () => version,
    checkEveryMs: 100,
  })
  const app = new Hono()
  app.use(cache.middleware)
  app.use(etag())
  app.get('*', (c) => {
    renders++
    return c.text(`render ${renders} of ${c.req.path}`)
  })
  return {
    app,
    cache,
    renders: () => renders,
    tick: (ms: number) => {
      clock += ms
    },
    bump: (v: string) => {
      version = v
    },
  }
}

describe('responseCache', () => {
  test('a second request within the TTL is served without rendering', async () => {
    const s = setup()
    expect(await (await s.app.request('/a')).text()).toBe('render 1 of /a')
    expect(await (await s.app.request('/a')).text()).toBe('render 1 of /a')
    expect(s.renders()).toBe(1)
    s.tick(1000)
    expect(await (await s.app.request('/a')).text()).toBe('render 2 of /a')
  })

  test('query strings and accepted encodings are separate entries', async () => {
    const s = setup()
    await s.app.request('/a?x=1')
    await s.app.request('/a?x=2')
    await s.app.request('/a?x=1', { headers: { 'accept-encoding': 'gzip' } })
    expect(s.renders()).toBe(3)
  })

  test('clear() empties it; skipped paths and posts are never cached', async () => {
    const s = setup()
    await s.app.request('/a')
    s.cache.clear()
    await s.app.request('/a')
    await s.app.request('/live')
    await s.app.request('/live')
    expect(s.renders()).toBe(4)
  })

  test('a cached entry answers If-None-Match with 304', async () => {
    const s = setup()
    const first = await s.app.request('/a')
    const tag = first.headers.get('etag')!
    const again = await s.app.request('/a', { headers: { 'if-none-match': tag } })
    expect(again.status).toBe(304)
    expect(s.renders()).toBe(1)
  })

  test('a moved change token empties it, read at most once per interval', async () => {
    const s = setup(60_000)
    await s.app.request('/a')
    s.bump('v2')
    await s.app.request('/a')
    expect(s.renders()).toBe(1)
    s.tick(100)
    expect(await (await s.app.request('/a')).text()).toBe('render 2 of /a')
  })

  test('ttl 0 turns it off', async () => {
    const s = setup(0)
    await s.app.request('/a')
    await s.app.request('/a')
    expect(s.renders()).toBe(2)
  })
})
