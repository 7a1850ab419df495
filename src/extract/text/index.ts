/**
 * @module extract/text: a plain-text page dump (one block per line, as a page copied or saved as
 * text) → Article. Steps: decode (extract/decode, no <meta> prescan), split into lines (lines.ts), score every line with
 * the trained two-stage classifier (features.ts, classify.ts), take the related rails out
 * (rail.ts), then assemble the body (subheadings as headings), the headline, the byline and the
 * furniture report (assemble.ts). Never throws; a dump with no article is `no_main_content`
 * with the furniture found as `partial`.
 */
import { err } from '../../core/index.js'
import type { ExtractOptions, ExtractResult } from '../types.js'
import { assemble } from './assemble.js'
import { classifyLines, type LineModel, shippedModel } from './classify.js'
import { decodeText } from '../decode/index.js'
import { scanDump } from './lines.js'

/**
 * Extracts the article from a plain-text dump with the shipped line model.
 *
 * @example
 * const r = extractText(readFileSync('page.txt'), {})
 * if (r.ok) console.log(r.value.title, r.value.related.length)
 */
export function extractText(input: string | Uint8Array, options: ExtractOptions): ExtractResult {
  return extractTextWithModel(input, options, shippedModel())
}

/** As `extractText`, with a given line model (for training and cross-validation). */
export function extractTextWithModel(
  input: string | Uint8Array,
  options: ExtractOptions,
  model: LineModel,
): ExtractResult {
  const { text, charset } = decodeText(
    input,
    options.contentType === undefined ? {} : { contentType: options.contentType },
  )
  options.debug?.(`text: decoded as ${charset}`)
  const dump = scanDump(text)
  const { lines } = dump
  if (lines.length === 0) return err({ code: 'no_main_content', message: 'the dump is empty' })
  const p = classifyLines(model, dump)
  return assemble(lines, p, model.threshold, options, dump.furniture)
}

export type { LineModel } from './classify.js'
