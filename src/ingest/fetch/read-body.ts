/**
 * @module ingest/fetch/read-body: reads a response body through its Content-Encoding (gzip, br,
 * deflate, in any stack), enforcing the size cap on the decoded bytes while streaming, so a
 * 50 MB body or a small gzip bomb is cut off after `maxBytes` instead of being buffered.
 */
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import {
  createBrotliDecompress,
  createGunzip,
  createInflate,
  createInflateRaw,
  type Inflate,
  type InflateRaw,
} from 'node:zlib'
import { Transform, type TransformCallback } from 'node:stream'
import { LedeError } from '../../core/index.js'

/** The decoders to apply, in order, for a Content-Encoding header. */
export function decodersFor(contentEncoding: string | undefined, url: string): Transform[] {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity')
  // Codings are listed in the order they were applied; undo them last first.
  return codings.reverse().map((coding) => {
    if (coding === 'gzip' || coding === 'x-gzip') return createGunzip()
    if (coding === 'br') return createBrotliDecompress()
    if (coding === 'deflate') return new InflateAuto()
    throw new LedeError('unsupported_content', `unknown Content-Encoding "${coding}" from ${url}`, {
      url,
    })
  })
}

export interface ReadBodyOptions {
  contentEncoding?: string | undefined
  maxBytes: number
  /** Keep the first `maxBytes` and stop, instead of failing with `too_large`. */
  truncate?: boolean | undefined
  url: string
}

/**
 * Reads the whole body, decoded.
 * @throws LedeError `too_large` past `maxBytes`, `unsupported_content` for an unknown coding,
 *   `fetch_failed` for a corrupt compressed stream; stream errors from below pass through.
 */
export async function readBody(body: Readable, options: ReadBodyOptions): Promise<Buffer> {
  const { maxBytes, url } = options
  const decoders = decodersFor(options.contentEncoding, url)
  const chunks: Buffer[] = []
  let size = 0
  let truncated = false
  // Node 20's pipeline can reject with a generic AbortError instead of the sink's own error.
  let overflow: LedeError | undefined
  const sink = async (source: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of source) {
      if (size + chunk.length > maxBytes) {
        if (options.truncate === true) {
          chunks.push(chunk.subarray(0, maxBytes - size))
          size = maxBytes
          truncated = true
          return
        }
        overflow = new LedeError('too_large', `${url} is larger than ${maxBytes} bytes`, { url })
        throw overflow
      }
      size += chunk.length
      chunks.push(chunk)
    }
  }
  try {
    // pipeline's overloads do not type a variable number of stages.
    await (pipeline as (...stages: unknown[]) => Promise<void>)(body, ...decoders, sink)
  } catch (e) {
    if (overflow !== undefined) throw overflow
    if (truncated) return Buffer.concat(chunks, size)
    if (e instanceof LedeError) throw e
    const code = (e as NodeJS.ErrnoException).code
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw new LedeError(
        'fetch_failed',
        `corrupt compressed body from ${url}`,
        { url },
        { cause: e },
      )
    }
    throw e
  } finally {
    if (!body.readableEnded) discard(body)
  }
  return Buffer.concat(chunks, size)
}

/** Destroys a body nobody will read; its abort error has nowhere useful to go. */
export function discard(body: Readable): void {
  body.on('error', () => undefined)
  body.destroy()
}

/** "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: decide by header. */
class InflateAuto extends Transform {
  #inner: Inflate | InflateRaw | undefined

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.#inner === undefined) {
      const first = chunk[0] ?? 0
      const zlibHeader =
        chunk.length >= 2 && (first & 0x0f) === 8 && ((first << 8) | (chunk[1] ?? 0)) % 31 === 0
      const inner = zlibHeader ? createInflate() : createInflateRaw()
      inner.on('data', (d: Buffer) => this.push(d))
      inner.on('error', (e) => this.destroy(e))
      this.#inner = inner
    }
    this.#inner.write(chunk, () => done())
  }

  override _flush(done: TransformCallback): void {
    const inner = this.#inner
    if (inner === undefined) {
      done()
      return
    }
    inner.once('end', () => done())
    inner.end()
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void): void {
    this.#inner?.destroy()
    done(error)
  }
}
