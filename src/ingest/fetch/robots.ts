/**
 * @module ingest/fetch/robots: robots.txt per origin (RFC 9309), parsed by robots-parser and
 * cached. A robots.txt that answers 4xx allows everything; one that cannot be reached (5xx, 429,
 * network error, time-out) disallows everything until it is fetched again, as the RFC requires.
 */
import * as robotsModule from 'robots-parser'
import { isLedeError, type LedeError } from '../../core/index.js'

/** What robots.txt says about one origin. */
export interface RobotsRules {
  /** Whether Lede may fetch this URL (same origin). */
  isAllowed(url: string): boolean
  /** Crawl-delay for Lede in milliseconds, when the file sets one. */
  crawlDelayMs?: number
  /** Sitemap URLs the file lists. */
  sitemaps: string[]
  /** Why everything is disallowed, when the file could not be fetched. */
  unreachable?: string
  /**
   * The origin could not be reached at all (DNS, refused connection, TLS): the page fetch would
   * fail the same way, so this failure is the one to report rather than a robots refusal.
   */
  connectionFailure?: LedeError
}

/** Fetches one robots.txt; resolves to its text, or throws the client's LedeError. */
export type RobotsFetcher = (robotsUrl: string) => Promise<string>

export interface RobotsCacheOptions {
  fetch: RobotsFetcher
  /** The product token matched against User-agent lines. */
  agent: string
  /** How long a fetched robots.txt is trusted (RFC 9309: should not exceed 24 hours). */
  ttlMs: number
  /** How long an unreachable robots.txt keeps the origin closed before it is asked again. */
  unreachableTtlMs: number
  /** Crawl-delay values above this are capped, so one file cannot stall a run. */
  maxCrawlDelayMs: number
  now: () => number
  debug?: ((message: string) => void) | undefined
}

// robots-parser is CommonJS whose typings declare an ES default export; at run time the default
// import is the function itself.
interface ParsedRobots {
  isAllowed(url: string, ua?: string): boolean | undefined
  getCrawlDelay(ua?: string): number | undefined
  getSitemaps(): string[]
}
const robotsParser = robotsModule.default as unknown as (url: string, text: string) => ParsedRobots

const ALLOW_ALL: RobotsRules = { isAllowed: () => true, sitemaps: [] }

/** Caches robots.txt rules per origin; concurrent lookups for one origin share one fetch. */
export class RobotsCache {
  readonly #options: RobotsCacheOptions
  readonly #entries = new Map<string, { expires: number; rules: Promise<RobotsRules> }>()

  constructor(options: RobotsCacheOptions) {
    this.#options = options
  }

  /** The rules for the origin of `url`. Never rejects: failures become rules. */
  rules(url: URL): Promise<RobotsRules> {
    const origin = url.origin
    const now = this.#options.now()
    const cached = this.#entries.get(origin)
    if (cached !== undefined && cached.expires > now) return cached.rules
    const entry = { expires: now + this.#options.ttlMs, rules: Promise.resolve(ALLOW_ALL) }
    entry.rules = this.#load(origin).then(({ rules, ttlMs }) => {
      entry.expires = now + ttlMs
      return rules
    })
    this.#entries.set(origin, entry)
    return entry.rules
  }

  async #load(origin: string): Promise<{ rules: RobotsRules; ttlMs: number }> {
    const { agent, debug } = this.#options
    const robotsUrl = `${origin}/robots.txt`
    try {
      const text = await this.#options.fetch(robotsUrl)
      const robot = robotsParser(robotsUrl, text)
      const delay = robot.getCrawlDelay(agent)
      debug?.(`robots.txt ${robotsUrl}: ${text.length} chars`)
      const rules: RobotsRules = {
        isAllowed: (u) => robot.isAllowed(u, agent) !== false,
        ...(delay !== undefined &&
          delay > 0 && { crawlDelayMs: Math.min(delay * 1000, this.#options.maxCrawlDelayMs) }),
        sitemaps: robot.getSitemaps(),
      }
      return { rules, ttlMs: this.#options.ttlMs }
    } catch (e) {
      if (!isLedeError(e)) throw e
      const status = e.detail.status
      // RFC 9309 §2.3.1.3: "unavailable" (4xx) allows all; 429 is treated as unreachable, as
      // major crawlers do. Too many redirects counts as unavailable (§2.3.1.2); a robots.txt
      // that redirects to a refused address tells nothing about the origin's own pages.
      const unavailable =
        (e.code === 'http_status' && status !== undefined && status < 500 && status !== 429) ||
        e.code === 'too_many_redirects' ||
        e.code === 'blocked_address'
      if (unavailable) {
        debug?.(`robots.txt ${robotsUrl} unavailable (${e.message}): all allowed`)
        return { rules: ALLOW_ALL, ttlMs: this.#options.ttlMs }
      }
      const reason = `robots.txt at ${origin} is unreachable (${e.message}); assuming disallow (RFC 9309)`
      debug?.(reason)
      return {
        rules: {
          isAllowed: () => false,
          sitemaps: [],
          unreachable: reason,
          ...(e.code === 'fetch_failed' && { connectionFailure: e }),
        },
        ttlMs: this.#options.unreachableTtlMs,
      }
    }
  }
}
