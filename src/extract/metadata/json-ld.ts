/** JSON-LD blocks → the page's main creative work (an Article type when there is one). */

export type JsonObject = Record<string, unknown>

const ARTICLE_TYPE_RE =
  /^(?:Article|NewsArticle|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|LiveBlogPosting|BlogPosting|SocialMediaPosting|TechArticle|ScholarlyArticle|Report|SatiricalArticle|AdvertiserContentArticle|MedicalScholarlyArticle|Review|CreativeWork|Recipe|HowTo)$/
const PAGE_TYPE_RE = /^(?:WebPage|ItemPage|AboutPage|CollectionPage|QAPage|FAQPage)$/

/** Parses JSON-LD script bodies leniently; bad blocks are skipped. */
export function parseJsonLd(sources: readonly string[]): JsonObject[] {
  const out: JsonObject[] = []
  for (const src of sources) {
    const cleaned = src
      .trim()
      .replace(/^<!--|-->$/g, '')
      .replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '')

    let data: unknown
    try {
      data = JSON.parse(withoutControlChars(cleaned))
    } catch {
      continue
    }
    flatten(data, out, 0)
  }
  return out
}

/** Raw control characters (tabs, newlines) inside strings are invalid JSON but common in CMS output. */
function withoutControlChars(s: string): string {
  let out = ''
  let from = 0
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) < 0x20) {
      out += `${s.slice(from, i)} `
      from = i + 1
    }
  }
  return from === 0 ? s : out + s.slice(from)
}

function flatten(data: unknown, out: JsonObject[], depth: number): void {
  if (depth > 4 || data === null || typeof data !== 'object') return
  if (Array.isArray(data)) {
    for (const d of data) flatten(d, out, depth + 1)
    return
  }
  const o = data as JsonObject
  out.push(o)
  if (Array.isArray(o['@graph'])) flatten(o['@graph'], out, depth + 1)
  // An Article nested as the page's main entity.
  const main = o['mainEntity']
  if (main !== null && typeof main === 'object') flatten(main, out, depth + 1)
}

export function types(o: JsonObject): string[] {
  const t = o['@type']
  if (typeof t === 'string') return [t]
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string')
  return []
}

/** The object that describes the article: an Article type with a headline, else a WebPage. */
export function mainWork(objects: readonly JsonObject[]): JsonObject | undefined {
  const articles = objects.filter((o) => types(o).some((t) => ARTICLE_TYPE_RE.test(t)))
  const withHeadline = articles.find(
    (o) => typeof o['headline'] === 'string' || typeof o['articleBody'] === 'string',
  )
  return (
    withHeadline ?? articles[0] ?? objects.find((o) => types(o).some((t) => PAGE_TYPE_RE.test(t)))
  )
}

/** Strings from a value that may be a string, an object with `name`/`url`, or an array of them. */
export function strings(v: unknown, key: 'name' | 'url' = 'name'): string[] {
  if (typeof v === 'string') return [v]
  if (Array.isArray(v)) return v.flatMap((x) => strings(x, key))
  if (v !== null && typeof v === 'object') {
    const o = v as JsonObject
    const x = o[key] ?? (key === 'url' ? (o['contentUrl'] ?? o['@id']) : undefined)
    if (typeof x === 'string') return [x]
    if (Array.isArray(x)) return strings(x, key)
  }
  return []
}

/** Authors that are people (or unnamed-type objects), not organisations. */
export function personNames(v: unknown): string[] {
  if (typeof v === 'string') return [v]
  if (Array.isArray(v)) return v.flatMap(personNames)
  if (v !== null && typeof v === 'object') {
    const o = v as JsonObject
    if (types(o).some((t) => /Organization|Corporation|NewsMediaOrganization/.test(t))) return []
    const n = o['name']
    if (typeof n === 'string') return [n]
    if (Array.isArray(n)) return n.filter((x): x is string => typeof x === 'string')
  }
  return []
}

export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0].trim() || undefined
  return undefined
}
