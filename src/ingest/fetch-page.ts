/**
 * @module ingest/fetch-page: a plain fetch of one page for `lede extract URL`.
 * Only http(s) to public addresses; the full client (robots.txt, rate limits, retries) is in issue 6.
 */
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import { LedeError } from '../core/index.js'
import { isPublicAddress } from './address-guard.js'

export interface FetchedPage {
  bytes: Uint8Array
  url: string
  contentType?: string
}

const TIMEOUT_MS = 20_000
const MAX_BYTES = 10 * 1024 * 1024
const MAX_REDIRECTS = 5

export async function fetchPage(url: string): Promise<FetchedPage> {
  let current = url
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    await assertPublic(current)
    const res = await fetch(current, {
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { 'user-agent': 'Lede/0.1 (+https://github.com/lede-news/lede)' },
    }).catch((e: unknown) => {
      const timeout = e instanceof Error && e.name === 'TimeoutError'
      throw new LedeError(
        timeout ? 'fetch_timeout' : 'fetch_failed',
        `cannot fetch ${current}`,
        { url: current },
        { cause: e },
      )
    })
    if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
      current = new URL(res.headers.get('location')!, current).toString()
      continue
    }
    if (!res.ok)
      throw new LedeError('http_status', `${current} answered ${res.status}`, {
        status: res.status,
        url: current,
      })
    const body = new Uint8Array(await res.arrayBuffer())
    if (body.length > MAX_BYTES)
      throw new LedeError('too_large', `${current} is larger than ${MAX_BYTES} bytes`, {
        url: current,
      })
    const contentType = res.headers.get('content-type')
    return { bytes: body, url: current, ...(contentType !== null && { contentType }) }
  }
  throw new LedeError('fetch_failed', `too many redirects from ${url}`, { url })
}

async function assertPublic(url: string): Promise<void> {
  const u = new URL(url)
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new LedeError('blocked_address', `only http(s) is allowed: ${url}`, { url })
  }
  const host = u.hostname.replace(/^\[|\]$/g, '')
  const addresses = isIP(host)
    ? [host]
    : (
        await lookup(host, { all: true }).catch((e: unknown) => {
          throw new LedeError('fetch_failed', `cannot resolve ${host}`, { url }, { cause: e })
        })
      ).map((a) => a.address)
  for (const a of addresses) {
    if (!isPublicAddress(a))
      throw new LedeError('blocked_address', `${host} resolves to a non-public address (${a})`, {
        url,
      })
  }
}
