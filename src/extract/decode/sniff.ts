/**
 * Finding a page's charset when it does not come with one: the BOM, the `<meta>` prescan of the
 * HTML standard (a `charset` attribute, or `http-equiv="content-type"` with a `content` charset,
 * or an XML declaration), then statistics (chardet) when the bytes are not UTF-8.
 */
import { isUtf8 } from 'node:buffer'
import chardet from 'chardet'
import { normalizeCharset } from './charset.js'

/** The charset a byte-order mark names, and the BOM's length. */
export function charsetFromBom(bytes: Uint8Array): { charset: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { charset: 'utf-8', length: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 }
  return undefined
}

/**
 * The charset parameter of an HTTP Content-Type header, normalised.
 * @example charsetFromContentType('text/html; charset="Shift_JIS"') // 'windows-31j'
 */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined
  const m = /;\s*charset\s*=\s*("[^"]*"|'[^']*'|[^;\s]+)/i.exec(contentType)
  return m ? normalizeCharset(m[1]) : undefined
}

/**
 * How far into the page the `<meta>` prescan looks. The HTML standard says 1024 bytes; real pages
 * put many scripts and styles before their <meta charset>, so we read the head up to this many
 * bytes, stopping at `<body`.
 */
const PRESCAN_BYTES = 64 * 1024

/** The charset a page declares in its head (`<meta charset>`, http-equiv, `<?xml encoding?>`). */
export function charsetFromMeta(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.byteLength, PRESCAN_BYTES),
  ).toString('latin1')
  const bodyAt = head.search(/<body[\s>]/i)
  const region = bodyAt >= 0 ? head.slice(0, bodyAt) : head
  const xml = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']?([\w.:-]+)/i.exec(region)
  const metaRe = /<meta\s[^>]*>/gi
  for (let m = metaRe.exec(region); m !== null; m = metaRe.exec(region)) {
    const tag = m[0]
    const direct = /\scharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag)
    if (direct) {
      const c = normalizeCharset(direct[1])
      if (c !== undefined) return c
      continue
    }
    if (/http-equiv\s*=\s*["']?\s*content-type/i.test(tag)) {
      const content = /content\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i.exec(tag)
      const c = content
        ? charsetFromContentType(`x; ${content[1]!.replace(/^["']|["']$/g, '')}`)
        : undefined
      if (c !== undefined) return c
    }
  }
  return xml ? normalizeCharset(xml[1]) : undefined
}

/** How many bytes chardet reads: enough for its statistics, bounded for speed on huge pages. */
const SNIFF_BYTES = 64 * 1024

/**
 * Guesses the charset of undeclared bytes: UTF-8 when they are valid UTF-8 (or almost all of
 * their non-ASCII bytes form valid UTF-8 sequences), otherwise chardet's best guess.
 */
export function sniffCharset(bytes: Uint8Array): string {
  if (isUtf8(bytes)) return 'utf-8'
  if (mostlyUtf8(bytes)) return 'utf-8'
  const sample = bytes.subarray(0, SNIFF_BYTES)
  const guess = normalizeCharset(chardet.detect(textBytes(sample)) ?? undefined)
  return guess ?? 'windows-1252'
}

/**
 * Markup is ASCII and dilutes chardet's statistics; feed it only the text between tags when that
 * leaves enough to judge.
 */
function textBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length)
  let n = 0
  let inTag = false
  for (const b of bytes) {
    if (b === 0x3c) inTag = true
    else if (b === 0x3e) inTag = false
    else if (!inTag) out[n++] = b
  }
  return n >= 256 ? out.subarray(0, n) : bytes
}

/**
 * True when the bytes are UTF-8 with a few broken sequences (a truncated page, one pasted Latin-1
 * character): at least three valid multi-byte sequences, twice as many as invalid bytes. A page in
 * a legacy single-byte charset almost never forms a valid multi-byte UTF-8 sequence by chance
 * (that takes an accented capital followed by a C1 punctuation byte), so even a few are telling.
 */
export function mostlyUtf8(bytes: Uint8Array): boolean {
  let valid = 0
  let invalid = 0
  const n = Math.min(bytes.length, 1 << 20)
  for (let i = 0; i < n; ) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    const len =
      b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    let ok = len > 0 && i + len <= n
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80
    if (ok) {
      valid++
      i += len
    } else {
      invalid++
      i++
    }
  }
  return valid >= 3 && valid >= 2 * invalid
}
