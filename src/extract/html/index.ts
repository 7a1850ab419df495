/**
 * @module extract/html: an HTML page → Article. Decode the bytes (extract/decode), parse them into
 * the light tree (extract/dom), read the metadata (extract/metadata), find the article's container
 * and clean its blocks (main-content.ts), and consult Readability (extract/fallbacks) when the main
 * method finds too little or is unsure. Never throws.
 */
import {
  ARTICLE_SCHEMA,
  type Article,
  type BlockKind,
  err,
  joinBlocks,
  ok,
  type Removed,
} from '../../core/index.js'
import { decodeWith, detectCharset } from '../decode/index.js'
import { type ElementNode, parseHtml, type ParserName, utf8FromLatin1 } from '../dom/index.js'
import { runReadability } from '../fallbacks/index.js'
import { extractMetadata, type PageMetadata } from '../metadata/index.js'
import type { ExtractOptions, ExtractResult } from '../types.js'
import { limitSize } from './guards.js'
import {
  cleanContainer,
  findMainContent,
  type MainContent,
  normKey,
  outsideRemoved,
} from './main-content.js'
import { collectRelated } from './related.js'
import { segment } from './segment.js'
import { findTeasers } from './teasers.js'

export type { ParserName } from '../dom/index.js'

export interface HtmlExtractOptions extends ExtractOptions {
  /** Force one HTML parser; by default htmlparser2, handing over to parse5 on very deep pages. */
  parser?: ParserName
}

/**
 * When the main method keeps less prose than this (characters), it "finds too little" and
 * Readability is consulted. 250: under every dev page's true body. At 500 (and share 0.25)
 * Readability ran on 9 of the 134 dev pages, never found more, and each run costs as much as four
 * pages of the main method (docs/decisions/0012-fallback-rule.md).
 */
const TOO_LITTLE_PROSE = 250
/**
 * When the container holds less than this share of the page's prose, the main method is unsure
 * (another, larger text competes: usually comments) and Readability is consulted. 0.1: one dev
 * page; at 0.25, 3 pages, where Readability found the same text.
 */
const UNSURE_SHARE = 0.1
/**
 * Readability's body replaces the main one only when it has at least this many times its prose,
 * plus FALLBACK_MARGIN characters: on the dev pages, switching whenever the two disagree lowered F1
 * (0.981 → 0.973), so the second opinion only wins by finding clearly more.
 */
const FALLBACK_RATIO = 2
const FALLBACK_MARGIN = 200
/**
 * Readability on linkedom is slow on huge or pathological pages (100,000 nested elements take
 * minutes); above this many characters or elements it is not consulted.
 */
const FALLBACK_MAX_CHARS = 3_000_000
const FALLBACK_MAX_ELEMENTS = 30_000

/** Extracts the article from an HTML page. Never throws. */
export function extractHtml(
  input: string | Uint8Array,
  options: HtmlExtractOptions = {},
): ExtractResult {
  try {
    return extract(input, options)
  } catch (e) {
    return err({
      code: 'invalid_input',
      message: `HTML extraction failed: ${e instanceof Error ? e.message : String(e)}`,
    })
  }
}

function extract(input: string | Uint8Array, options: HtmlExtractOptions): ExtractResult {
  const debug = options.debug
  if (typeof input !== 'string' && looksBinary(input)) {
    return err({ code: 'unsupported_content', message: 'input looks binary, not HTML' })
  }
  // UTF-8 pages (nearly all) are parsed from their bytes read as Latin-1 (dom/parse.ts says why).
  let html: string
  let latin1 = false
  if (typeof input === 'string') html = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  else {
    const d = detectCharset(
      input,
      options.contentType !== undefined ? { contentType: options.contentType } : {},
    )
    debug?.(`charset ${d.charset} (${d.source})`)
    const body = input.subarray(d.bomLength)
    latin1 = d.charset === 'utf-8'
    html = latin1
      ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1')
      : decodeWith(body, d.charset)
  }
  html = limitSize(html, debug)
  const root = parseHtml(html, options.parser, { utf8AsLatin1: latin1 })
  const meta = extractMetadata(root, options.url !== undefined ? { url: options.url } : {})
  const titleKeys = new Set(meta.titleVariants.map(normKey))
  const teasers = findTeasers(root, (t) => titleKeys.has(normKey(t)))
  const seg = segment(root, teasers)
  const main = findMainContent(seg, meta, debug)

  let chosen: MainContent | undefined = main
  let method = 'main'
  const mainProse = main?.proseChars ?? 0
  if (
    (main === undefined || mainProse < TOO_LITTLE_PROSE || main.share < UNSURE_SHARE) &&
    html.length <= FALLBACK_MAX_CHARS &&
    seg.postOrder.length <= FALLBACK_MAX_ELEMENTS
  ) {
    const second = readabilityBody(latin1 ? utf8FromLatin1(html) : html, meta)
    debug?.(
      `readability consulted: main ${mainProse} prose chars, readability ${second?.proseChars ?? 0}`,
    )
    if (second !== undefined && second.proseChars >= FALLBACK_RATIO * mainProse + FALLBACK_MARGIN) {
      chosen = second
      method = 'readability'
    }
  }
  let parts: { kind: BlockKind; text: string }[] = chosen?.blocks ?? []
  if ((chosen?.proseChars ?? 0) < TOO_LITTLE_PROSE && meta.jsonLdBody !== undefined) {
    const ld = jsonLdBlocks(meta.jsonLdBody)
    const ldChars = ld.reduce((n, b) => n + b.text.length, 0)
    if (ldChars >= FALLBACK_RATIO * (chosen?.proseChars ?? 0) + FALLBACK_MARGIN) {
      parts = ld
      method = 'json-ld'
    }
  }

  const removed: Removed[] = [...(chosen?.removed ?? [])]
  if (main !== undefined && method === 'main')
    removed.push(...outsideRemoved(seg, main.container, meta))
  const railSources: ElementNode[] = [...teasers, ...(main?.rails ?? [])]
  for (const el of seg.info.elements()) {
    const f = seg.info.get(el)!.furniture
    if (f?.kind === 'related' && !f.wrapper) railSources.push(el)
  }
  const related = collectRelated(railSources, options.url)

  const { text, blocks } = joinBlocks(parts)
  const article: Article = {
    schema: ARTICLE_SCHEMA,
    ...(options.url !== undefined && { url: options.url }),
    ...(meta.canonicalUrl !== undefined && { canonicalUrl: meta.canonicalUrl }),
    ...(meta.siteName !== undefined && { siteName: meta.siteName }),
    ...(meta.title !== undefined && { title: meta.title }),
    ...(meta.description !== undefined && { description: meta.description }),
    authors: meta.authors,
    ...(meta.publishedAt !== undefined && { publishedAt: meta.publishedAt }),
    ...(meta.modifiedAt !== undefined && { modifiedAt: meta.modifiedAt }),
    ...(meta.language !== undefined && { language: meta.language }),
    ...(meta.image !== undefined && { image: meta.image }),
    text,
    blocks,
    related,
    removed,
    extraction: { inputFormat: 'html', method, confidence: confidence(chosen, method, meta) },
  }
  if (text === '') {
    return err({
      code: 'no_main_content',
      message: 'no article text found on the page',
      partial: article,
    })
  }
  return ok(article)
}

function readabilityBody(html: string, meta: PageMetadata): MainContent | undefined {
  const r = runReadability(html)
  if (r === undefined) return undefined
  return cleanContainer(segment(r.content), r.content, meta)
}

/** The JSON-LD articleBody as paragraphs (it is plain text; line breaks separate paragraphs). */
function jsonLdBlocks(body: string): { kind: BlockKind; text: string }[] {
  return body
    .split(/\n\s*\n|\r?\n/)
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .filter((t) => t !== '')
    .map((text) => ({ kind: 'paragraph' as const, text }))
}

/**
 * 0..1: how sure we are that the text is the article and only the article. Grows with the prose
 * kept (a full article is ≥ 1,500 characters), the number of paragraphs, and the container's share
 * of the page's prose; the fallbacks start lower, as they ran because the main method was unsure.
 */
function confidence(c: MainContent | undefined, method: string, meta: PageMetadata): number {
  if (c === undefined) return method === 'json-ld' ? 0.4 : 0
  const size = Math.min(1, c.proseChars / 1500)
  const paras = Math.min(1, c.paragraphs / 5)
  let x = 0.45 * size + 0.2 * paras + 0.35 * Math.min(1, c.share)
  if (method !== 'main') x *= 0.8
  if (meta.title === undefined) x *= 0.9
  return Math.round(Math.max(0.01, Math.min(0.99, x)) * 100) / 100
}

function looksBinary(bytes: Uint8Array): boolean {
  // UTF-16 pages have NULs in every other byte; their BOM says so.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return false
  const n = Math.min(bytes.length, 8192)
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true
  return false
}
