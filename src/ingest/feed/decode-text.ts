/**
 * @module ingest/feed/decode-text: bytes of an XML or JSON document → text. Feeds arrive in every
 * encoding and often with the wrong label, so: a byte-order mark wins; then the XML declaration
 * (written by the software that wrote the bytes); then the Content-Type charset (often a server
 * default); then UTF-8. A label that contradicts the bytes is overruled: text labelled UTF-8 that
 * is not valid UTF-8 is detected (chardet), and text labelled with a Latin single-byte charset
 * that is valid multi-byte UTF-8 is read as UTF-8.
 */
import chardet from 'chardet'
import iconv from 'iconv-lite'

export interface DecodedText {
  text: string
  /** The charset used, as iconv-lite names it (`utf-8`, `windows-1252`, `utf-16le` …). */
  encoding: string
  /** Where the charset came from. */
  from: 'bom' | 'declaration' | 'content-type' | 'default' | 'detected'
}

// WHATWG Encoding Standard: these labels all mean windows-1252 on the web.
const WINDOWS_1252_ALIASES = new Set([
  'iso-8859-1',
  'iso8859-1',
  'latin1',
  'l1',
  'us-ascii',
  'ascii',
  'ansi_x3.4-1968',
  'cp1252',
  'x-cp1252',
])
const LATIN_SINGLE_BYTE = /^(windows-125\d|iso-?8859-\d+|latin\d|koi8-[ru]|macintosh)$/

/** Decodes an XML document (`kind: 'xml'`) or a JSON one (no declaration, UTF-8 by RFC 8259). */
export function decodeText(
  bytes: Uint8Array,
  contentType: string | undefined,
  kind: 'xml' | 'json' = 'xml',
): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const bom = sniffBom(buf)
  if (bom !== undefined) {
    return {
      text: iconv.decode(buf.subarray(bom.length), bom.encoding),
      encoding: bom.encoding,
      from: 'bom',
    }
  }
  const utf16 = sniffUtf16(buf)
  if (utf16 !== undefined) return { text: iconv.decode(buf, utf16), encoding: utf16, from: 'bom' }

  const declared = kind === 'xml' ? declaredEncoding(buf) : undefined
  const header = charsetOf(contentType)
  const label = normalize(declared ?? header)
  const from =
    declared !== undefined ? 'declaration' : header !== undefined ? 'content-type' : 'default'

  if (label === undefined || label === 'utf-8' || label.startsWith('utf-16')) {
    // A UTF-16 label on bytes whose declaration we could read as single bytes is wrong.
    const utf8 = tryUtf8(buf)
    if (utf8 !== undefined)
      return { text: utf8, encoding: 'utf-8', from: label === 'utf-8' ? from : 'default' }
    return detect(buf)
  }
  if (LATIN_SINGLE_BYTE.test(label) && hasNonAscii(buf)) {
    const utf8 = tryUtf8(buf)
    if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', from: 'detected' }
  }
  if (iconv.encodingExists(label)) return { text: iconv.decode(buf, label), encoding: label, from }
  return detect(buf)
}

/** The `charset` parameter of a Content-Type header. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')
  return m?.[1]
}

function normalize(label: string | undefined): string | undefined {
  if (label === undefined) return undefined
  const l = label.trim().toLowerCase()
  if (l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8'
  if (WINDOWS_1252_ALIASES.has(l)) return 'windows-1252'
  return l
}

function sniffBom(buf: Buffer): { encoding: string; length: number } | undefined {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'utf-8', length: 3 }
  if (buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', length: 2 }
  return undefined
}

/** UTF-16 without a BOM, recognised by `<?` or `<` plus a letter in two-byte units. */
function sniffUtf16(buf: Buffer): string | undefined {
  if (buf.length < 4) return undefined
  if (buf[0] === 0x3c && buf[1] === 0 && buf[2] !== 0 && buf[3] === 0) return 'utf-16le'
  if (buf[0] === 0 && buf[1] === 0x3c && buf[2] === 0 && buf[3] !== 0) return 'utf-16be'
  return undefined
}

function declaredEncoding(buf: Buffer): string | undefined {
  const head = buf.subarray(0, 512).toString('latin1')
  return /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1]
}

function tryUtf8(buf: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf)
  } catch {
    return undefined
  }
}

function hasNonAscii(buf: Buffer): boolean {
  for (const b of buf) if (b > 0x7f) return true
  return false
}

/** The bytes are not what they say: UTF-8 if they are valid UTF-8, else chardet's guess, else windows-1252. */
function detect(buf: Buffer): DecodedText {
  const utf8 = tryUtf8(buf)
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', from: 'detected' }
  const guess = normalize(chardet.detect(buf.subarray(0, 64 * 1024)) ?? undefined)
  const encoding =
    guess !== undefined && guess !== 'utf-8' && iconv.encodingExists(guess) ? guess : 'windows-1252'
  return { text: iconv.decode(buf, encoding), encoding, from: 'detected' }
}
