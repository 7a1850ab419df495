/**
 * @module store/keys: the identity rules of the corpus, shared by every adapter and the pipeline.
 * A revision is identified by its canonical URL and the hash of its content; an entity across the
 * corpus by its type and normalised name.
 */
import { createHash } from 'node:crypto'
import type { Article, EntityType } from '../core/index.js'
import type { ArticleId, EntityKey } from './store.js'

/** sha256 hex of a string or bytes. */
export function sha256(input: string | Uint8Array): string {
  return createHash('sha256').update(input).digest('hex')
}

/** Query parameters that only track a click and never change the page. */
const TRACKING_PARAM =
  /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid|icid|_ga|igshid|ref_src)$/i

/**
 * The normalised form of a URL used to recognise the same page: lower-case scheme and host, no
 * default port, no fragment, no tracking parameters. Returns undefined for what is not an
 * http(s) URL.
 */
export function urlKey(url: string | undefined): string | undefined {
  if (url === undefined || url === '') return undefined
  // The pipeline and the store key the same URL one after the other: remember the last few.
  const hit = recentKeys.get(url)
  if (hit !== undefined) return hit ?? undefined
  const key = computeUrlKey(url)
  if (recentKeys.size >= 64) recentKeys.delete(recentKeys.keys().next().value!)
  recentKeys.set(url, key ?? null)
  return key
}

const recentKeys = new Map<string, string | null>()

function computeUrlKey(url: string): string | undefined {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return undefined
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined
  u.hash = ''
  const keep = [...u.searchParams].filter(([k]) => !TRACKING_PARAM.test(k))
  u.search = ''
  for (const [k, v] of keep) u.searchParams.append(k, v)
  return u.toString()
}

/** The host of a URL without `www.`, lower-case; used by the source filter. */
export function hostOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined
  // A URL key is already normalised: read the host off it without parsing again.
  const fast = /^https?:\/\/(?:www\.)?([^/:?#@]+)(?::\d+)?(?:[/?]|$)/.exec(url)
  if (fast && fast[1] === fast[1]!.toLowerCase()) return fast[1]
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '') || undefined
  } catch {
    return undefined
  }
}

const normaliseText = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim()

/**
 * sha256 of the normalised title and text: the identity of a revision. Whitespace and Unicode
 * composition do not count, so a page re-rendered with other spacing is the same revision.
 */
export function contentHash(article: Pick<Article, 'title' | 'text'>): string {
  return sha256(`${normaliseText(article.title ?? '')}\n${normaliseText(article.text)}`)
}

/** The URL that names an article: its canonical URL if it has one, else the URL it came from. */
export function articleUrl(article: Pick<Article, 'canonicalUrl' | 'url'>): string | undefined {
  return urlKey(article.canonicalUrl) ?? urlKey(article.url)
}

/**
 * A stored revision's public id: 16 hex characters of sha256(url key, content hash). Deterministic,
 * so the same document always gets the same id (in any database), and the pipeline knows the id
 * before it writes (the linker needs it). 64 bits: a collision among 10 million articles has a
 * probability of about 3·10⁻⁶.
 */
export function articleId(url: string | undefined, hash: string): ArticleId {
  return sha256(`${url ?? ''}\n${hash}`).slice(0, 16)
}

/** A name reduced to what identifies it: no diacritics, lower case, words joined by `-`. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]s\b/g, 's')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
}

// Words that name no one on their own: pronouns and determiners a speaker mention can be.
const NOT_A_NAME = new Set(
  'i me we us you he him she her it they them this that these those who one someone somebody everyone others'.split(
    ' ',
  ),
)

/**
 * Whether an unresolved speaker's words look like a person's name ("Ana Ruiz", "de Gaulle"), so
 * that the store may give them an entity: some word is capitalised, and the whole is not a
 * pronoun or determiner ("They", "heartbroken" and "officials" are not names).
 */
export function looksLikeName(name: string): boolean {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '')
  if (words.length === 0 || words.length > 6) return false
  if (words.length === 1 && NOT_A_NAME.has(words[0]!.toLowerCase())) return false
  return (
    words.some((w) => /^\p{Lu}/u.test(w)) &&
    words.every((w) => !/^\p{Ll}+$/u.test(w) || w.length <= 4)
  )
}

/**
 * The corpus-wide key of an entity, e.g. `person:emmanuel-macron`: its type and normalised name.
 * Two people with the same name share a key; that is the known limit of keying by name.
 */
export function entityKey(type: EntityType, name: string): EntityKey {
  return `${type}:${normaliseName(name)}`
}

/** Splits an entity key into its type and normalised name, or undefined if it is not one. */
export function parseEntityKey(key: string): { type: EntityType; name: string } | undefined {
  const m = /^(person|organization|place|misc):(.+)$/.exec(key)
  return m ? { type: m[1] as EntityType, name: m[2]! } : undefined
}
