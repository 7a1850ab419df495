/** Loads a benchmark folder: `pages/<id>.html`, `<id>.html.gz` or `<id>.txt`, and `ground-truth.json`. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'

export interface BenchPage {
  id: string
  bytes: Uint8Array
  format: 'html' | 'text'
  url?: string
}

export type Truth = Record<string, { articleBody: string; url?: string }>

export function loadTruth(dir: string): Truth {
  return JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Truth
}

/** Every page of `dir/pages`, sorted by id; gzip is undone here, outside any timing. */
export function loadPages(dir: string, truth: Truth): BenchPage[] {
  const pagesDir = join(dir, 'pages')
  const out: BenchPage[] = []
  for (const name of readdirSync(pagesDir).sort()) {
    const m = /^(.+?)\.(html\.gz|html|htm|txt)$/.exec(name)
    if (!m) continue
    const id = m[1]!
    const raw = readFileSync(join(pagesDir, name))
    const bytes = m[2] === 'html.gz' ? gunzipSync(raw) : raw
    const url = truth[id]?.url
    out.push({
      id,
      bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      format: m[2] === 'txt' ? 'text' : 'html',
      ...(url !== undefined && { url }),
    })
  }
  return out
}
