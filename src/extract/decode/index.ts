/**
 * @module extract/decode: page bytes → text, deciding the charset the way browsers do: BOM, then
 * the HTTP charset, then the page's `<meta>`, then sniffing. Reusable by ingest/ and extract/text/.
 *
 * @example
 * const { text, charset } = decodeHtml(bytes, { contentType: res.headers.get('content-type') })
 */
import { decodeWith, isSingleByteCharset } from './charset.js'
import { charsetFromBom, charsetFromContentType, charsetFromMeta, sniffCharset } from './sniff.js'
import { isAscii, isUtf8 } from 'node:buffer'

export { decodeWith, isSingleByteCharset, normalizeCharset } from './charset.js'
export { charsetFromBom, charsetFromContentType, charsetFromMeta, sniffCharset } from './sniff.js'

/** Where the charset came from. */
export type CharsetSource = 'bom' | 'http' | 'meta' | 'sniffed' | 'string'

export interface Decoded {
  text: string
  /** The canonical charset used (`utf-8`, `windows-1252`, `windows-31j`, `gbk`, `cp949`, …). */
  charset: string
  source: CharsetSource
}

export interface DecodeOptions {
  /** The HTTP Content-Type header; its charset wins over the page's own declaration. */
  contentType?: string
  /** Read `<meta charset>` and http-equiv declarations (HTML); off for plain text. @default true */
  html?: boolean
}

/** A charset decision for bytes, before decoding them. */
export interface CharsetDecision {
  charset: string
  source: Exclude<CharsetSource, 'string'>
  /** Bytes of byte-order mark to skip. */
  bomLength: number
}

/**
 * Decides the charset of a page's bytes without decoding them: BOM, then the HTTP charset, then
 * the page's `<meta>` (when `html` is not false), then sniffing.
 */
export function detectCharset(bytes: Uint8Array, options: DecodeOptions = {}): CharsetDecision {
  const bom = charsetFromBom(bytes)
  if (bom) return { charset: bom.charset, source: 'bom', bomLength: bom.length }
  const http = charsetFromContentType(options.contentType)
  if (http !== undefined) return declared(bytes, http, 'http')
  if (options.html !== false) {
    const meta = charsetFromMeta(bytes)
    if (meta !== undefined) return declared(bytes, meta, 'meta')
  }
  return { charset: sniffCharset(bytes), source: 'sniffed', bomLength: 0 }
}

/**
 * Decodes a page's bytes to text. Strings pass through (a leading BOM is dropped). Never throws;
 * bytes invalid in the chosen charset become U+FFFD.
 */
export function decodeHtml(input: Uint8Array | string, options: DecodeOptions = {}): Decoded {
  if (typeof input === 'string') {
    return {
      text: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input,
      charset: 'utf-8',
      source: 'string',
    }
  }
  const d = detectCharset(input, options)
  return {
    text: decodeWith(input.subarray(d.bomLength), d.charset),
    charset: d.charset,
    source: d.source,
  }
}

/** Plain text: BOM, HTTP charset, then sniffing (no `<meta>` prescan). */
export function decodeText(
  input: Uint8Array | string,
  options: Omit<DecodeOptions, 'html'> = {},
): Decoded {
  return decodeHtml(input, { ...options, html: false })
}

function declared(bytes: Uint8Array, charset: string, source: 'http' | 'meta'): CharsetDecision {
  // A declared single-byte charset over bytes that are valid UTF-8 with multi-byte sequences is
  // a stale declaration (servers default to ISO-8859-1; CMS templates keep old <meta> tags):
  // such bytes are almost never meaningful Latin-1, so UTF-8 is the better reading.
  if (isSingleByteCharset(charset) && hasMultibyte(bytes) && isUtf8(bytes)) {
    return { charset: 'utf-8', source: 'sniffed', bomLength: 0 }
  }
  return { charset, source, bomLength: 0 }
}

function hasMultibyte(bytes: Uint8Array): boolean {
  return !isAscii(bytes)
}
