/**
 * @module ingest/fetch/client: Lede's HTTP client. One undici Agent whose connector applies the
 * address guard; redirects followed by hand (each hop re-checked: scheme, address, robots.txt);
 * connect, header, idle-body and total time-outs; a size cap enforced while streaming;
 * gzip/br/deflate; conditional GET; per-host concurrency and spacing; retries with backoff on
 * 429 and 5xx that honour Retry-After. Failures are thrown as LedeError with a code.
 */
import type { Readable } from 'node:stream'
import tls from 'node:tls'
import { setTimeout as sleepTimer } from 'node:timers/promises'
import { Agent, errors as undiciErrors, request } from 'undici'
import { isLedeError, LedeError } from '../../core/index.js'
import {
  type AddressPolicy,
  assertUrlAllowed,
  createGuardedConnector,
  type Resolver,
  systemResolver,
} from './address-guard.js'
import { HostLimiter } from './host-limiter.js'
import { discard, readBody } from './read-body.js'
import { backoffMs, parseRetryAfter, RETRYABLE_STATUSES } from './retry.js'
import { RobotsCache, type RobotsRules } from './robots.js'

/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'Lede'

/** The default User-Agent: names Lede and where to read about it. */
export const DEFAULT_USER_AGENT = 'Lede/0.1 (news reader; +https://github.com/lede-news/lede)'

/** One HTTP exchange as it happened: what a fetch log records. */
export interface FetchRecord {
  url: string
  /** ISO 8601, when the request was sent. */
  at: string
  status?: number
  outcome: 'ok' | 'not_modified' | 'redirect' | 'error'
  errorCode?: string
  durationMs: number
  bytes?: number
}

export interface HttpClientOptions {
  /** Default {@link DEFAULT_USER_AGENT}. */
  userAgent?: string
  /** TCP (and TLS) connect time-out. Default 10 s. */
  connectTimeoutMs?: number
  /** Time from request to the end of the response headers. Default 20 s. */
  headersTimeoutMs?: number
  /** Longest pause between two body chunks. Default 20 s. */
  bodyTimeoutMs?: number
  /** Deadline for one request, body included (a server dripping bytes). Default 60 s. */
  totalTimeoutMs?: number
  /** Redirects followed before `too_many_redirects`. Default 5. */
  maxRedirects?: number
  /** Largest decoded body. Default 10 MiB. */
  maxBytes?: number
  /** Retries after a 429, a 5xx or a dropped connection. Default 2. */
  retries?: number
  /** First backoff; doubles per retry. Default 1 s. */
  retryBaseMs?: number
  /** A longer Retry-After is not waited for: the request fails with `retryAfterMs` set. Default 60 s. */
  maxRetryAfterMs?: number
  /** Requests in flight per host. Default 2. */
  perHostConcurrency?: number
  /** Minimum spacing of request starts per host (robots.txt Crawl-delay can raise it). Default 1 s. */
  perHostDelayMs?: number
  /** Honour robots.txt. Default true. */
  respectRobots?: boolean
  /** How long a robots.txt is cached. Default 24 h (RFC 9309's ceiling). */
  robotsTtlMs?: number
  /** Connect to private, loopback and other non-public addresses too. Default false. */
  allowPrivate?: boolean
  /** An extra allow rule for single non-public addresses. */
  allowAddress?: (address: string) => boolean
  /** Extra trusted certificate authorities (PEM), for an intranet's own CA; the system's are kept. */
  ca?: string | string[]
  /** Host name resolver; default the system's. Tests inject one so that no DNS is asked. */
  resolver?: Resolver
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  debug?: (message: string) => void
  /** Called once per HTTP exchange (redirect hops and retries included), for the fetch log. */
  onFetch?: (record: FetchRecord) => void
}

export interface FetchRequest {
  /** Accept header. Default prefers HTML, then feeds and XML. */
  accept?: string
  /** Conditional GET: If-None-Match. */
  etag?: string | undefined
  /** Conditional GET: If-Modified-Since. */
  lastModified?: string | undefined
  /** Overrides the client's size cap for this request. */
  maxBytes?: number
  /** Keep the first `maxBytes` instead of failing (robots.txt). */
  truncate?: boolean
  /** Overrides the client's robots.txt setting for this request. */
  respectRobots?: boolean
  /** Overrides the client's retry count for this request. */
  retries?: number
  /**
   * Decides from the Content-Type, before the body is read, whether it is wanted; a refusal fails
   * with `unsupported_content` without downloading (a podcast's MP3 behind a feed link).
   */
  acceptContentType?: (contentType: string | undefined) => boolean
  signal?: AbortSignal
}

export interface FetchResponse {
  /** The URL that answered, after redirects. */
  url: string
  /** The URL asked for. */
  requestedUrl: string
  redirects: string[]
  /** 2xx, or 304 when a conditional GET found nothing new. */
  status: number
  notModified: boolean
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>
  contentType?: string
  /** The body with its Content-Encoding removed; the charset is left to the reader. Empty on 304. */
  body: Uint8Array
  etag?: string
  lastModified?: string
  /** ISO 8601. */
  fetchedAt: string
}

export interface HttpClient {
  /**
   * GETs a URL. Resolves to a 2xx or 304 response.
   * @throws LedeError `blocked_address`, `robots_disallowed`, `fetch_timeout`, `fetch_failed`,
   *   `http_status` (detail.status, detail.retryAfterMs), `too_large`, `too_many_redirects`,
   *   `unsupported_content`
   */
  fetch(url: string, request?: FetchRequest): Promise<FetchResponse>
  /** robots.txt rules for the origin of a URL (sitemaps, crawl delay). */
  robots(url: string): Promise<RobotsRules>
  /** Closes idle connections. */
  close(): Promise<void>
}

const DEFAULTS = {
  userAgent: DEFAULT_USER_AGENT,
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 20_000,
  bodyTimeoutMs: 20_000,
  totalTimeoutMs: 60_000,
  maxRedirects: 5, // RFC 9110 used to suggest five; browsers allow 20, crawlers ~5
  maxBytes: 10 * 1024 * 1024, // issue 6: 10 MB by default
  retries: 2,
  retryBaseMs: 1000,
  maxRetryAfterMs: 60_000,
  perHostConcurrency: 2,
  perHostDelayMs: 1000,
  respectRobots: true,
  robotsTtlMs: 24 * 3600_000,
  allowPrivate: false,
} as const

/** RFC 9309 §2.5: crawlers must parse at least the first 500 KiB of a robots.txt. */
const ROBOTS_MAX_BYTES = 512 * 1024
/** An unreachable robots.txt closes its origin for this long before it is asked again. */
const ROBOTS_UNREACHABLE_TTL_MS = 10 * 60_000
/** Crawl-delay values above one minute are capped, so one robots.txt cannot stall a run. */
const MAX_CRAWL_DELAY_MS = 60_000
const DEFAULT_ACCEPT =
  'text/html,application/xhtml+xml;q=0.9,application/rss+xml;q=0.9,application/atom+xml;q=0.9,application/feed+json;q=0.9,application/xml;q=0.8,text/xml;q=0.8,*/*;q=0.5'

/** Creates an HTTP client; call `close()` when done. */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const o = { ...DEFAULTS, ...options }
  const now = o.now ?? Date.now
  const sleep = o.sleep ?? ((ms: number) => sleepTimer(ms))
  const random = o.random ?? Math.random
  const debug = o.debug
  const policy: AddressPolicy = {
    allowPrivate: o.allowPrivate,
    ...(o.allowAddress && { allowAddress: o.allowAddress }),
  }
  const agent = new Agent({
    connect: createGuardedConnector({
      resolver: o.resolver ?? systemResolver,
      policy,
      connectTimeoutMs: o.connectTimeoutMs,
      ...(o.ca !== undefined && { ca: [...tls.rootCertificates, ...[o.ca].flat()] }),
      debug,
    }),
    headersTimeout: o.headersTimeoutMs,
    bodyTimeout: o.bodyTimeoutMs,
    // Per-host limits are the HostLimiter's job; this only bounds sockets per origin.
    connections: Math.max(1, o.perHostConcurrency),
  })
  const limiter = new HostLimiter({
    concurrency: o.perHostConcurrency,
    delayMs: o.perHostDelayMs,
    now,
    sleep,
  })
  const robots = new RobotsCache({
    agent: ROBOTS_AGENT,
    ttlMs: o.robotsTtlMs,
    unreachableTtlMs: ROBOTS_UNREACHABLE_TTL_MS,
    maxCrawlDelayMs: MAX_CRAWL_DELAY_MS,
    now,
    debug,
    fetch: async (robotsUrl) => {
      const res = await fetchWithRetries(robotsUrl, {
        accept: 'text/plain,*/*;q=0.5',
        maxBytes: ROBOTS_MAX_BYTES,
        truncate: true,
        respectRobots: false,
      })
      return new TextDecoder().decode(res.body)
    },
  })

  async function fetchWithRetries(url: string, req: FetchRequest): Promise<FetchResponse> {
    const retries = req.retries ?? o.retries
    for (let attempt = 0; ; attempt++) {
      try {
        return await fetchOnce(url, req)
      } catch (e) {
        if (!isLedeError(e) || attempt >= retries || !isRetryable(e)) throw e
        const wait = e.detail.retryAfterMs ?? backoffMs(attempt, o.retryBaseMs, random)
        if (wait > o.maxRetryAfterMs) throw e
        debug?.(`retry ${url} in ${wait} ms after ${e.code} (${e.message})`)
        await sleep(wait)
        req.signal?.throwIfAborted()
      }
    }
  }

  async function fetchOnce(url: string, req: FetchRequest): Promise<FetchResponse> {
    const maxBytes = req.maxBytes ?? o.maxBytes
    const redirects: string[] = []
    const visited = new Set<string>()
    let current = parseUrl(url)
    for (;;) {
      assertUrlAllowed(current, policy)
      let crawlDelayMs = 0
      if (req.respectRobots ?? o.respectRobots) {
        const rules = await robots.rules(current)
        if (!rules.isAllowed(current.href)) {
          const cause = rules.connectionFailure
          if (cause !== undefined) {
            throw new LedeError(
              cause.code,
              cause.message,
              { url: current.href },
              { cause: cause.cause },
            )
          }
          throw new LedeError(
            'robots_disallowed',
            rules.unreachable ?? `robots.txt of ${current.origin} disallows ${current.href}`,
            { url: current.href },
          )
        }
        crawlDelayMs = rules.crawlDelayMs ?? 0
      }
      visited.add(current.href)
      const release = await limiter.acquire(current.host, crawlDelayMs)
      // The deadline starts with the request, not while it waits its turn for the host.
      const deadline = AbortSignal.timeout(o.totalTimeoutMs)
      const signal = req.signal ? AbortSignal.any([deadline, req.signal]) : deadline
      const t0 = now()
      const log = (record: Omit<FetchRecord, 'url' | 'at' | 'durationMs'>): void =>
        o.onFetch?.({
          url: current.href,
          at: new Date(t0).toISOString(),
          durationMs: now() - t0,
          ...record,
        })
      let body: Readable | undefined
      try {
        const headers: Record<string, string> = {
          'user-agent': o.userAgent,
          accept: req.accept ?? DEFAULT_ACCEPT,
          'accept-encoding': 'gzip, deflate, br',
        }
        if (req.etag !== undefined) headers['if-none-match'] = req.etag
        if (req.lastModified !== undefined) headers['if-modified-since'] = req.lastModified
        const res = await request(current, { dispatcher: agent, method: 'GET', headers, signal })
        body = res.body
        const status = res.statusCode
        const h = flattenHeaders(res.headers)
        const header = (name: string): string | undefined => h[name]
        const location = header('location')
        if (status >= 300 && status < 400 && status !== 304 && location !== undefined) {
          await res.body.dump()
          log({ status, outcome: 'redirect' })
          const next = parseUrl(location, current)
          redirects.push(next.href)
          if (visited.has(next.href)) {
            throw new LedeError(
              'too_many_redirects',
              `redirect loop: ${[url, ...redirects].join(' → ')}`,
              { url },
            )
          }
          if (redirects.length > o.maxRedirects) {
            throw new LedeError(
              'too_many_redirects',
              `more than ${o.maxRedirects} redirects from ${url}`,
              { url },
            )
          }
          debug?.(`redirect ${status} ${current.href} → ${next.href}`)
          current = next
          continue
        }
        const contentType = header('content-type')
        const etag = header('etag')
        const lastModified = header('last-modified')
        const base = {
          url: current.href,
          requestedUrl: url,
          redirects,
          status,
          headers: h,
          fetchedAt: new Date(t0).toISOString(),
          ...(contentType !== undefined && { contentType }),
          ...(etag !== undefined && { etag }),
          ...(lastModified !== undefined && { lastModified }),
        }
        if (status === 304) {
          await res.body.dump()
          log({ status, outcome: 'not_modified' })
          return { ...base, notModified: true, body: new Uint8Array(0) }
        }
        if (status < 200 || status >= 300) {
          await res.body.dump().catch(() => undefined)
          const retryAfterMs = parseRetryAfter(header('retry-after'), now())
          throw new LedeError('http_status', `${current.href} answered ${status}`, {
            url: current.href,
            status,
            ...(retryAfterMs !== undefined && { retryAfterMs }),
          })
        }
        if (req.acceptContentType && !req.acceptContentType(header('content-type'))) {
          throw new LedeError(
            'unsupported_content',
            `${current.href} is ${header('content-type') ?? 'of no stated type'}, not a page or feed`,
            { url: current.href, status },
          )
        }
        const length = Number(header('content-length'))
        if (
          header('content-encoding') === undefined &&
          length > maxBytes &&
          req.truncate !== true
        ) {
          throw new LedeError('too_large', `${current.href} is ${length} bytes, over ${maxBytes}`, {
            url: current.href,
            status,
          })
        }
        const bytes = await readBody(res.body, {
          contentEncoding: header('content-encoding'),
          maxBytes,
          truncate: req.truncate,
          url: current.href,
        })
        log({ status, outcome: 'ok', bytes: bytes.length })
        return {
          ...base,
          notModified: false,
          body: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
        }
      } catch (e) {
        if (body !== undefined) discard(body)
        const error = toLedeError(e, current.href, deadline, req.signal)
        if (error.code !== 'too_many_redirects') {
          log({
            ...(error.detail.status !== undefined && { status: error.detail.status }),
            outcome: 'error',
            errorCode: error.code,
          })
        }
        throw error
      } finally {
        release()
      }
    }
  }

  return {
    fetch: (url, req = {}) => fetchWithRetries(url, req),
    robots: (url) => robots.rules(parseUrl(url)),
    close: () => agent.close(),
  }
}

function isRetryable(e: LedeError): boolean {
  if (e.code === 'http_status') return RETRYABLE_STATUSES.has(e.detail.status ?? 0)
  // A dropped or refused connection is worth another try; a slow server stays slow.
  return e.code === 'fetch_failed' && e.cause !== undefined && isConnectionError(e.cause)
}

function isConnectionError(cause: unknown): boolean {
  const code = (cause as { code?: unknown }).code
  return (
    code === 'ECONNRESET' ||
    code === 'ECONNREFUSED' ||
    code === 'EPIPE' ||
    code === 'UND_ERR_SOCKET' ||
    code === 'UND_ERR_CLOSED'
  )
}

function parseUrl(text: string, base?: URL): URL {
  try {
    return new URL(text, base)
  } catch (e) {
    throw new LedeError('invalid_input', `not a URL: ${text}`, {}, { cause: e })
  }
}

function flattenHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v
  }
  return out
}

/** Maps whatever a request threw to a LedeError; a caller's own abort passes through. */
function toLedeError(
  e: unknown,
  url: string,
  deadline: AbortSignal,
  callerSignal: AbortSignal | undefined,
): LedeError {
  if (isLedeError(e)) {
    if (e.detail.url === undefined)
      return new LedeError(e.code, e.message, { ...e.detail, url }, { cause: e.cause })
    return e
  }
  if (callerSignal?.aborted === true) throw callerSignal.reason
  if (deadline.aborted) {
    return new LedeError('fetch_timeout', `${url} took too long`, { url }, { cause: e })
  }
  if (
    e instanceof undiciErrors.HeadersTimeoutError ||
    e instanceof undiciErrors.BodyTimeoutError ||
    e instanceof undiciErrors.ConnectTimeoutError
  ) {
    return new LedeError('fetch_timeout', `${url}: ${e.message}`, { url }, { cause: e })
  }
  const message = e instanceof Error ? e.message : String(e)
  return new LedeError('fetch_failed', `cannot fetch ${url}: ${message}`, { url }, { cause: e })
}
