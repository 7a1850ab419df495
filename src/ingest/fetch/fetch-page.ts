/**
 * @module ingest/fetch/fetch-page: one page fetched on a person's request (`lede extract URL`),
 * through the full client: address guard, time-outs, size cap, decompression, retries.
 */
import { createHttpClient, type HttpClientOptions } from './client.js'

export interface FetchedPage {
  bytes: Uint8Array
  /** The URL that answered, after redirects. */
  url: string
  contentType?: string
}

/**
 * Fetches one page. robots.txt is not consulted by default: like a browser (and like the
 * user-triggered fetchers of the big crawlers), this fetches one page a person asked for.
 * @throws LedeError (see {@link HttpClient.fetch})
 */
export async function fetchPage(
  url: string,
  options: HttpClientOptions = {},
): Promise<FetchedPage> {
  const client = createHttpClient({ respectRobots: false, perHostDelayMs: 0, ...options })
  try {
    const res = await client.fetch(url)
    return {
      bytes: res.body,
      url: res.url,
      ...(res.contentType !== undefined && { contentType: res.contentType }),
    }
  } finally {
    await client.close()
  }
}
