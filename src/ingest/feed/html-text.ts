/** @module ingest/feed/html-text: the plain text of an HTML fragment (feed summaries). */
import { Parser } from 'htmlparser2'

const SKIP = new Set(['script', 'style', 'template', 'noscript'])
const BREAK = /^(p|div|br|li|h[1-6]|blockquote|tr|section|article|figure|figcaption)$/

/** Text with tags dropped, entities decoded and white space collapsed. */
export function htmlToText(html: string): string {
  let out = ''
  let skipping = 0
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SKIP.has(name)) skipping++
        else if (BREAK.test(name)) out += ' '
      },
      onclosetag(name) {
        if (SKIP.has(name)) skipping = Math.max(0, skipping - 1)
        else if (BREAK.test(name)) out += ' '
      },
      ontext(text) {
        if (skipping === 0) out += text
      },
    },
    { decodeEntities: true },
  )
  parser.end(html)
  return out.replace(/\s+/g, ' ').trim()
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}
