/**
 * @module ingest/warc/read-warc: web archives (WARC 1.0/1.1, plain or gzip per record as CC-NEWS
 * publishes them) through warcio → one RawDocument per HTML `response` record with status 200.
 * Other records (requests, metadata, revisits, images, redirects, errors) are skipped; an HTML
 * response over the size cap is reported as `too_large`. The file is streamed, never loaded whole.
 */
import { createReadStream } from 'node:fs'
import type { Readable } from 'node:stream'
import { WARCParser } from 'warcio'
import type { RawDocument } from '../../core/index.js'
import type { Debug, IngestFailure } from '../types.js'

export interface ReadWarcOptions {
  /** Largest HTML payload kept. Default 10 MiB, as for fetched pages. */
  maxBytes?: number
  debug?: Debug
}

/** What reading a WARC yields: a document, or a failure for one record or the whole file. */
export type WarcEvent =
  | { type: 'document'; document: RawDocument }
  | { type: 'error'; error: IngestFailure }

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024
/** Room for the HTTP headers inside a record, on top of the payload cap. */
const HEADER_ALLOWANCE = 64 * 1024
const HTML_TYPE = /^\s*(text\/html|application\/xhtml\+xml)\b/i

/**
 * Streams the HTML pages of a WARC or WARC.gz file. Never throws for bad input: an unreadable or
 * non-WARC file is one `invalid_input` error event, after the documents read before it.
 * @param input a file path, or a readable stream of the (possibly gzipped) WARC bytes
 * @param location what to name the source in documents and errors (default: the path)
 */
export async function* readWarc(
  input: string | Readable,
  options: ReadWarcOptions = {},
  location: string = typeof input === 'string' ? input : 'warc',
): AsyncGenerator<WarcEvent> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const stream = typeof input === 'string' ? createReadStream(input) : input
  const opened = new Promise<void>((resolve, reject) => {
    if (typeof input !== 'string') resolve()
    stream.once('open', () => resolve())
    stream.once('error', reject)
  })
  try {
    await opened
  } catch (e) {
    yield {
      type: 'error',
      error: { code: 'invalid_input', message: `cannot read ${location}: ${messageOf(e)}` },
    }
    return
  }
  let records = 0
  let kept = 0
  try {
    for await (const record of new WARCParser(stream)) {
      records++
      const type: string | undefined = record.warcType ?? undefined
      if (!type) {
        yield {
          type: 'error',
          error: {
            code: 'invalid_input',
            message: `${location} is not a WARC file (record ${records} has no WARC-Type)`,
          },
        }
        return
      }
      if (type !== 'response') continue
      const url = record.warcTargetURI ?? undefined
      const status = record.httpHeaders?.statusCode
      const contentType = record.httpHeaders?.headers.get('content-type') ?? undefined
      if (Number(status) !== 200 || contentType === undefined || !HTML_TYPE.test(contentType)) {
        options.debug?.(
          `${location}: skip ${url ?? '?'} (${status ?? 'no status'}, ${contentType ?? 'no type'})`,
        )
        continue
      }
      if (record.warcContentLength > maxBytes + HEADER_ALLOWANCE) {
        // A compressed payload is (nearly always) smaller than the page it unpacks to, so a
        // record this long cannot fit; refuse it without reading it into memory.
        yield { type: 'error', error: tooLarge(url, maxBytes) }
        continue
      }
      const body = await record.readFully(true)
      if (body.length > maxBytes) {
        yield { type: 'error', error: tooLarge(url, maxBytes) }
        continue
      }
      kept++
      yield {
        type: 'document',
        document: {
          body,
          ...(url !== undefined && { url }),
          contentType,
          format: 'html',
          source: { kind: 'warc', location },
          fetchedAt: isoDate(record.warcDate) ?? new Date(0).toISOString(),
        },
      }
    }
  } catch (e) {
    yield {
      type: 'error',
      error: {
        code: 'invalid_input',
        message: `${location}: unreadable after record ${records} (${messageOf(e)})`,
      },
    }
  } finally {
    stream.destroy()
  }
  options.debug?.(`${location}: ${records} records, ${kept} HTML documents`)
}

function tooLarge(url: string | undefined, maxBytes: number): IngestFailure {
  return {
    code: 'too_large',
    message: `${url ?? 'a record'} is larger than ${maxBytes} bytes`,
    ...(url !== undefined && { url }),
  }
}

function isoDate(text: string | null | undefined): string | undefined {
  if (!text) return undefined
  const d = new Date(text)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString()
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
