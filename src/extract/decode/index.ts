/**
 * @module extract/decode: page bytes → text, deciding the charset the way browsers do: BOM, then
 * the HTTP charset, then the page's `<meta>`, then sniffing. Reusable by ingest/ and extract/text/.
 *
 * @example
 * const { text, charset } = decodeHtml(bytes, { contentType: res.headers.get('content-type') })
 */
import { decodeWith, isSingleByteCharset, utf8 } from './charset.js'
import { charsetFromBom, charsetFromContentType, charsetFromMeta, sniffCharset } from './sniff.js'
import { isUtf8 } from 'node:buffer'

export { normalizeCharset, isSingleByteCharset } from './charset.js'
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
  const bom = charsetFromBom(input)
  if (bom)
    return {
      text: decodeWith(input.subarray(bom.length), bom.charset),
      charset: bom.charset,
      source: 'bom',
    }
  const http = charsetFromContentType(options.contentType)
  if (http !== undefined) return declared(input, http, 'http')
  if (options.html !== false) {
    const meta = charsetFromMeta(input)
    if (meta !== undefined) return declared(input, meta, 'meta')
  }
  const sniffed = sniffCharset(input)
  return { text: decodeWith(input, sniffed), charset: sniffed, source: 'sniffed' }
}

/** Plain text: BOM, HTTP charset, then sniffing (no `<meta>` prescan). */
export function decodeText(
  input: Uint8Array | string,
  options: Omit<DecodeOptions, 'html'> = {},
): Decoded {
  return decodeHtml(input, { ...options, html: false })
}

function declared(bytes: Uint8Array, charset: string, source: 'http' | 'meta'): Decoded {
  // A declared single-byte charset over bytes that are valid UTF-8 with multi-byte sequences is
  // a stale declaration (servers default to ISO-8859-1; CMS templates keep old <meta> tags):
  // such bytes are almost never meaningful Latin-1, so UTF-8 is the better reading.
  if (isSingleByteCharset(charset) && hasMultibyte(bytes) && isUtf8(bytes)) {
    return { text: utf8(bytes), charset: 'utf-8', source: 'sniffed' }
  }
  return { text: decodeWith(bytes, charset), charset, source }
}

function hasMultibyte(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true
  return false
}
