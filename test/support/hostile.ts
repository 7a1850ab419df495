/**
 * The hostile corpus (test/hostile/): served from a local server on 127.0.0.1 and ingested
 * through the real feed → fetch → extract → store pipeline, with annotations that carry hostile
 * names, descriptions and quotes, and one story linking the hostile articles.
 */
import { readFileSync } from 'node:fs'
import type { AnalyzedArticle, Article, Entity, Quote } from '../../src/core/index.js'
import { ANNOTATIONS_SCHEMA } from '../../src/core/index.js'
import type { HttpClient } from '../../src/ingest/index.js'
import type { Linker } from '../../src/pipeline/index.js'
import { ingestUrls } from '../../src/server/index.js'
import type { Store } from '../../src/store/index.js'
import type { LocalServer } from './local-server.js'
import { startServer } from './local-server.js'

const PAYLOAD = 'window.__pwned=(window.__pwned||0)+1'
/** A person whose name, alias and description are payloads. */
export const HOSTILE_NAME = `<img src=x onerror=${PAYLOAD}> Grimm`
export const HOSTILE_PAGES = [
  'script-and-handlers.html',
  'svg-mathml.html',
  'mutation-xss.html',
  'text-payloads.html',
] as const

const dir = new URL('../hostile/', import.meta.url)

/** Serves test/hostile/ (the feed with its links pointing back at the server). */
export async function serveHostile(): Promise<LocalServer> {
  const routes: Parameters<typeof startServer>[0] = {}
  const server = await startServer(
    new Proxy(routes, {
      get(_t, path: string) {
        const name = path.replace(/^\//, '')
        if (name === 'feed.xml')
          return (_req: unknown, res: import('node:http').ServerResponse) => {
            res.setHeader('content-type', 'application/rss+xml; charset=utf-8')
            res.end(
              readFileSync(new URL('feed.xml', dir), 'utf8').replaceAll('ORIGIN', server.origin),
            )
          }
        if ((HOSTILE_PAGES as readonly string[]).includes(name))
          return (_req: unknown, res: import('node:http').ServerResponse) => {
            res.setHeader('content-type', 'text/html; charset=utf-8')
            res.end(readFileSync(new URL(name, dir)))
          }
        return undefined
      },
    }),
  )
  return server
}

/** Hostile annotations: one person with payloads in every field, quoting every "…" passage. */
export function hostileAnalyzer(article: Article): AnalyzedArticle {
  const text = article.text
  const mentions: Entity['mentions'] = []
  for (let at = text.indexOf('Grimm'); at >= 0; at = text.indexOf('Grimm', at + 5))
    mentions.push({ start: at, end: at + 5, text: 'Grimm', kind: 'name' })
  if (mentions.length === 0 && text.length > 5)
    mentions.push({ start: 0, end: 5, text: text.slice(0, 5), kind: 'name' })
  const person: Entity = {
    id: 'e1',
    type: 'person',
    name: HOSTILE_NAME,
    aliases: [`<script>${PAYLOAD}</script>`],
    descriptions: [`"><svg onload=${PAYLOAD}> mayor`],
    mentions,
  }
  const quotes: Quote[] = []
  for (const m of text.matchAll(/["“]([^"”]{10,})["”]/g)) {
    const start = m.index + 1
    quotes.push({
      id: `q${quotes.length + 1}`,
      kind: 'direct',
      text: m[1]!,
      start,
      end: start + m[1]!.length,
      speaker: {
        name: HOSTILE_NAME,
        entityId: 'e1',
        anonymous: false,
        description: `<script>${PAYLOAD}</script>`,
        ...(mentions[0] && { mention: { start: mentions[0].start, end: mentions[0].end } }),
      },
      confidence: 0.9,
    })
  }
  return {
    article,
    annotations: { schema: ANNOTATIONS_SCHEMA, sentences: [], entities: [person], quotes },
  }
}

/** Puts every hostile article into one story. */
export function hostileLinker(): Linker {
  let storyId: string | undefined
  return {
    name: 'hostile-linker',
    link(input) {
      const known = storyId
      storyId ??= input.id
      return {
        story: {
          storyId,
          similarity: 0.5,
          reason: {
            terms: [`<script>${PAYLOAD}</script>`],
            entities: [],
            quotes: [],
            kind: known ? 'similar' : 'new',
          },
        },
      }
    },
  }
}

/** Ingests the hostile feed (followed as a source) into the store; returns what was stored. */
export async function ingestHostile(store: Store, client: HttpClient, origin: string) {
  const summary = await ingestUrls({
    urls: [`${origin}/feed.xml`],
    follow: true,
    store,
    client,
    pipeline: { analyze: hostileAnalyzer, linker: hostileLinker() },
  })
  return summary
}
