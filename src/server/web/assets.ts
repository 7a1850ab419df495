/**
 * @module server/web/assets: the reader's stylesheet and script, read once from the package and
 * served under a content-hashed name, so they can be cached forever.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

export interface Asset {
  /** `/static/app.3f2a….css` */
  path: string
  body: string
  type: string
  etag: string
}

function load(name: string, type: string): Asset {
  const body = readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8')
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12)
  const dot = name.lastIndexOf('.')
  return {
    path: `/static/${name.slice(0, dot)}.${hash}${name.slice(dot)}`,
    body,
    type,
    etag: `"${hash}"`,
  }
}

/** The reader's static files. */
export interface Assets {
  css: Asset
  js: Asset
}

/** Reads the assets (once per app). */
export function loadAssets(): Assets {
  return {
    css: load('app.css', 'text/css; charset=utf-8'),
    js: load('app.js', 'text/javascript; charset=utf-8'),
  }
}
