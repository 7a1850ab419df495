/** @module store/sqlite/codec: blobs stored compressed when that pays, with their encoding. */
import { deflateRawSync, inflateRawSync } from 'node:zlib'

export type Encoding = 'identity' | 'deflate'

/**
 * Below this size deflate saves a few bytes and costs its fixed set-up per call (a 256 KiB window
 * is allocated each time), so small bodies are kept as they are.
 */
const MIN_COMPRESS_BYTES = 512

/**
 * Level 1, not zlib's default 6: on the 134 real news pages of ../shared/data/extraction-html
 * (163 KiB on average) level 6 took 2.5 ms of CPU per page and shrank them 4.9×, level 1 took
 * 1.2 ms for 4.25× (15% more bytes). At the ingest bar of 300 documents per second (3.3 ms each)
 * level 6 alone would spend most of a document's budget; the raw input is an archive, read rarely.
 * Annotations JSON: 3.7× at level 1 against 4.1× (measured on 200 Wikinews articles).
 */
const LEVEL = 1

export function pack(body: Uint8Array | string): {
  encoding: Encoding
  body: Buffer
  size: number
} {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body)
  if (bytes.length < MIN_COMPRESS_BYTES)
    return { encoding: 'identity', body: bytes, size: bytes.length }
  return { encoding: 'deflate', body: deflateRawSync(bytes, { level: LEVEL }), size: bytes.length }
}

export function unpack(encoding: string, body: Buffer): Buffer {
  return encoding === 'deflate' ? inflateRawSync(body) : body
}
