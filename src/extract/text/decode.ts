/**
 * Bytes of a text dump → a string. A BOM decides; otherwise strict UTF-8; when the bytes are not
 * valid UTF-8, chardet guesses the charset and iconv-lite decodes it (Node 20's TextDecoder is
 * wrong for windows-1252); windows-1252 is the last resort, as browsers do for unlabelled text.
 */
import chardet from 'chardet'
import iconv from 'iconv-lite'

const UTF8 = new TextDecoder('utf-8', { fatal: true })

/** The text of a dump, and the charset it was read as. */
export function decodeText(
  input: string | Uint8Array,
  contentType?: string,
): { text: string; charset: string } {
  if (typeof input === 'string') return { text: input.replace(/^\uFEFF/, ''), charset: 'utf-16' }
  const bytes = input
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8' }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), charset: 'utf-16le' }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), charset: 'utf-16be' }
  }
  const declared = /charset=["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase()
  if (declared && declared !== 'utf-8' && declared !== 'utf8' && iconv.encodingExists(declared)) {
    return { text: iconv.decode(Buffer.from(bytes), declared), charset: declared }
  }
  try {
    return { text: UTF8.decode(bytes), charset: 'utf-8' }
  } catch {
    const guess = chardet.detect(bytes)?.toLowerCase()
    const charset =
      guess && guess !== 'utf-8' && guess !== 'ascii' && iconv.encodingExists(guess)
        ? guess
        : 'windows-1252'
    return { text: iconv.decode(Buffer.from(bytes), charset), charset }
  }
}
