/** @module ingest/fetch/retry: when to retry a request and how long to wait first. */

/** Statuses worth retrying: rate limiting and the server-side errors that are usually transient. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504])

/**
 * Parses a Retry-After header (delay-seconds or an HTTP date) into milliseconds from `nowMs`.
 * Returns undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const at = Date.parse(text)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - nowMs)
}

/**
 * Exponential backoff with jitter: `baseMs · 2^attempt`, scaled by a random factor in [0.5, 1)
 * so that many clients retrying together spread out ("equal jitter").
 */
export function backoffMs(attempt: number, baseMs: number, random: () => number): number {
  return Math.round(baseMs * 2 ** attempt * (0.5 + random() / 2))
}
