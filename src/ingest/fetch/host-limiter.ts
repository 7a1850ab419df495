/**
 * @module ingest/fetch/host-limiter: politeness per host. At most `concurrency` requests in
 * flight to one host, and request starts spaced by at least a delay (the larger of the
 * configured delay and the host's robots.txt Crawl-delay).
 */

export interface HostLimiterOptions {
  /** Requests in flight per host. */
  concurrency: number
  /** Minimum milliseconds between the starts of two requests to one host. */
  delayMs: number
  now: () => number
  sleep: (ms: number) => Promise<void>
}

interface HostState {
  active: number
  nextStart: number
  waiters: (() => void)[]
}

/** Hands out request slots per host; `acquire` resolves to a release function. */
export class HostLimiter {
  readonly #options: HostLimiterOptions
  readonly #hosts = new Map<string, HostState>()

  constructor(options: HostLimiterOptions) {
    this.#options = options
  }

  /**
   * Waits for a slot for `host` and returns the function that frees it. Call it exactly once,
   * when the response body has been read or abandoned.
   * @param delayMs this host's spacing when larger than the default (robots.txt Crawl-delay)
   */
  async acquire(host: string, delayMs = 0): Promise<() => void> {
    const { concurrency, now, sleep } = this.#options
    const spacing = Math.max(this.#options.delayMs, delayMs)
    let state = this.#hosts.get(host)
    if (state === undefined) {
      state = { active: 0, nextStart: 0, waiters: [] }
      this.#hosts.set(host, state)
    }
    const s = state
    for (;;) {
      if (s.active < concurrency) {
        const wait = s.nextStart - now()
        if (wait <= 0) break
        await sleep(wait)
        continue
      }
      await new Promise<void>((resolve) => s.waiters.push(resolve))
    }
    s.active++
    s.nextStart = now() + spacing
    let released = false
    return () => {
      if (released) return
      released = true
      s.active--
      s.waiters.shift()?.()
    }
  }
}
