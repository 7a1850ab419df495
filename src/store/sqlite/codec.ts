/** @module store/sqlite/codec: blobs stored compressed when that pays, with their encoding. */
import { deflateRawSync, inflateRawSync } from 'node:zlib'

export type Encoding = 'identity' | 'deflate'

/**
 * Below this size deflate saves a few bytes and costs its fixed set-up per call (a 256 KiB window
 * is allocated each time), so small bodies are kept as they are.
 */
const MIN_COMPRESS_BYTES = 512

export function pack(body: Uint8Array | string): {
  encoding: Encoding
  body: Buffer
  size: number
} {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body)
  if (bytes.length < MIN_COMPRESS_BYTES)
    return { encoding: 'identity', body: bytes, size: bytes.length }
  // Level 6 (zlib's default): HTML shrinks 4–8×; the higher levels buy little for much more time.
  return { encoding: 'deflate', body: deflateRawSync(bytes, { level: 6 }), size: bytes.length }
}

export function unpack(encoding: string, body: Buffer): Buffer {
  return encoding === 'deflate' ? inflateRawSync(body) : body
}
