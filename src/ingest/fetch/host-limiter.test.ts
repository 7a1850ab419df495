import { expect, test } from 'vitest'
import { HostLimiter } from './host-limiter.js'

/** A fake clock: sleeping advances it, so spacing is checked without waiting. */
function fakeTime() {
  let now = 0
  const log: string[] = []
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms
    },
    log,
  }
}

test('request starts to one host are spaced by the delay; other hosts are not held up', async () => {
  const t = fakeTime()
  const limiter = new HostLimiter({ concurrency: 4, delayMs: 1000, now: t.now, sleep: t.sleep })
  const starts: [string, number][] = []
  const go = async (host: string) => {
    const release = await limiter.acquire(host)
    starts.push([host, t.now()])
    release()
  }
  await go('a.example')
  await go('a.example')
  await go('b.example')
  await go('a.example')
  expect(starts).toEqual([
    ['a.example', 0],
    ['a.example', 1000],
    ['b.example', 1000],
    ['a.example', 2000],
  ])
})

test('a larger per-host delay (Crawl-delay) wins over the default', async () => {
  const t = fakeTime()
  const limiter = new HostLimiter({ concurrency: 1, delayMs: 100, now: t.now, sleep: t.sleep })
  ;(await limiter.acquire('h', 5000))()
  ;(await limiter.acquire('h', 5000))()
  expect(t.now()).toBe(5000)
})

test('at most `concurrency` slots per host; a release lets the next waiter in', async () => {
  const limiter = new HostLimiter({
    concurrency: 2,
    delayMs: 0,
    now: Date.now,
    sleep: async () => undefined,
  })
  const r1 = await limiter.acquire('h')
  const r2 = await limiter.acquire('h')
  let third = false
  const p = limiter.acquire('h').then((r) => {
    third = true
    return r
  })
  await new Promise((resolve) => setImmediate(resolve))
  expect(third).toBe(false)
  r1()
  const r3 = await p
  expect(third).toBe(true)
  r2()
  r3()
  r3() // releasing twice is harmless
  const r4 = await limiter.acquire('h')
  const r5 = await limiter.acquire('h')
  r4()
  r5()
})
