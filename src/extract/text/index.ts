/** @module extract/text: a plain-text page dump → Article. (stub; issue 3 builds it) */
import type { ExtractOptions, ExtractResult } from '../types.js'
import { err } from '../../core/index.js'

export function extractText(_input: string | Uint8Array, _options: ExtractOptions): ExtractResult {
  return err({ code: 'no_main_content', message: 'text extraction is not built yet' })
}
