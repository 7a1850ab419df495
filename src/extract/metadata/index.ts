/**
 * @module extract/metadata: a parsed page → its title, authors, dates, site name, language,
 * canonical URL, lead image and description, from JSON-LD, `<meta>`/`<link>` tags, the `<h1>`,
 * byline markup and the URL, in that order of trust.
 */
import { collapseSpace, type ElementNode, forEachElement, normText, rawText } from '../dom/index.js'
import { cleanAuthors } from './authors.js'
import { dateFromUrl, normalizeDate } from './dates.js'
import { type JsonObject, mainWork, parseJsonLd, personNames, str, strings } from './json-ld.js'

export { cleanAuthors } from './authors.js'
export { dateFromUrl, normalizeDate } from './dates.js'

export interface PageMetadata {
  title?: string
  description?: string
  authors: string[]
  publishedAt?: string
  modifiedAt?: string
  siteName?: string
  language?: string
  canonicalUrl?: string
  image?: string
  /** Every headline form seen (JSON-LD, og:title, `<h1>`, `<title>`), for dropping it from the body. */
  titleVariants: string[]
  /** The JSON-LD `articleBody`, when the page has one. */
  jsonLdBody?: string
}

export interface MetadataOptions {
  /** The page's URL: resolves relative links and gives a date when the path has one. */
  url?: string
}

/** Reads the metadata of a parsed page. Never throws. */
export function extractMetadata(root: ElementNode, options: MetadataOptions = {}): PageMetadata {
  const meta = new Map<string, string>()
  const ldSources: string[] = []
  const h1s: string[] = []
  const relAuthors: string[] = []
  const bylines: string[] = []
  const timeValues: string[] = []
  let titleTag: string | undefined
  let htmlLang: string | undefined
  let canonical: string | undefined
  let imageSrc: string | undefined

  forEachElement(root, (el) => {
    const a = el.attrs
    switch (el.tag) {
      case 'html':
        htmlLang ??= a['lang'] ?? a['xml:lang']
        break
      case 'title':
        titleTag ??= normText(el)
        return false
      case 'meta': {
        const key = (a['property'] ?? a['name'] ?? a['itemprop'] ?? a['http-equiv'])?.toLowerCase()
        const content = a['content'] ?? a['datetime']
        if (key !== undefined && content !== undefined && content.trim() !== '' && !meta.has(key))
          meta.set(key, content.trim())
        break
      }
      case 'link': {
        const rel = (a['rel'] ?? '').toLowerCase()
        if (rel === 'canonical') canonical ??= a['href']
        else if (rel === 'image_src') imageSrc ??= a['href']
        break
      }
      case 'script':
        if (/ld\+json/i.test(a['type'] ?? '')) ldSources.push(rawText(el))
        return false
      case 'h1': {
        const t = normText(el)
        if (t !== '') h1s.push(t)
        break
      }
      case 'time':
        if (a['datetime'] !== undefined) timeValues.push(a['datetime'])
        break
      case 'a':
        if (/\bauthor\b/i.test(a['rel'] ?? '')) relAuthors.push(normText(el))
        break
    }
    const ip = a['itemprop']
    if (ip !== undefined && el.tag !== 'meta') {
      const key = ip.toLowerCase()
      if (/^date(published|modified)$/.test(key) && !meta.has(key)) {
        const v = a['datetime'] ?? a['content'] ?? normText(el)
        if (v !== '') meta.set(key, v)
      }
    }
    const cls = a['class']
    if (
      cls !== undefined &&
      (cls.includes('yline') || cls.includes('uthor')) &&
      /(?:^|[\s_-])(?:byline|author|author-?name)(?:$|[\s_-])/i.test(cls)
    ) {
      const t = normText(el)
      if (t.length > 2 && t.length <= 120) bylines.push(t)
      return false
    }
    return true
  })

  const objects = parseJsonLd(ldSources)
  const work = mainWork(objects)
  const m = (...keys: string[]): string | undefined => {
    for (const k of keys) {
      const v = meta.get(k)
      if (v !== undefined) return collapseSpace(v)
    }
    return undefined
  }
  const abs = (u: string | undefined): string | undefined => absolutize(u, options.url)

  const siteName =
    m('og:site_name', 'application-name') ??
    publisherName(work, objects) ??
    (m('twitter:site')?.replace(/^@/, '') || undefined)

  const ldHeadline = work ? (str(work['headline']) ?? str(work['name'])) : undefined
  const ogTitle = m(
    'og:title',
    'twitter:title',
    'title',
    'dc.title',
    'sailthru.title',
    'parsely-title',
  )
  const cleanedTitleTag = titleTag !== undefined ? stripSiteTail(titleTag, siteName) : undefined
  const firstH1 = h1s.find((h) => h.length >= 10) ?? h1s[0]
  const title = firstOf(
    ldHeadline && collapseSpace(decodeEntities(ldHeadline)),
    ogTitle && stripSiteTail(ogTitle, siteName),
    firstH1,
    cleanedTitleTag,
  )

  const rawAuthors: string[][] = [
    work ? personNames(work['author']).concat(personNames(work['creator'])) : [],
    [
      m(
        'author',
        'article:author',
        'parsely-author',
        'sailthru.author',
        'dc.creator',
        'dcterms.creator',
        'byl',
        'cxenseparse:author',
      ),
    ].filter((x): x is string => x !== undefined && !/^https?:\/\//.test(x)),
    relAuthors,
    bylines.slice(0, 3),
  ]
  let authors: string[] = []
  for (const group of rawAuthors) {
    authors = cleanAuthors(group.map(decodeEntities), siteName)
    if (authors.length > 0) break
  }

  const publishedAt = firstOf(
    normalizeDate(work ? str(work['datePublished']) : undefined),
    normalizeDate(
      m(
        'article:published_time',
        'og:published_time',
        'datepublished',
        'parsely-pub-date',
        'sailthru.date',
        'publish-date',
        'publishdate',
        'pubdate',
        'date',
        'dc.date',
        'dc.date.issued',
        'dcterms.created',
        'dcterms.date',
        'article.published',
        'cxenseparse:recs:publishtime',
      ),
    ),
    normalizeDate(timeValues[0]),
    dateFromUrl(options.url),
  )
  const modifiedAt = firstOf(
    normalizeDate(work ? str(work['dateModified']) : undefined),
    normalizeDate(
      m(
        'article:modified_time',
        'og:updated_time',
        'datemodified',
        'dcterms.modified',
        'last-modified',
        'article.updated',
      ),
    ),
  )

  const description = firstOf(
    m('og:description', 'description', 'twitter:description', 'dc.description'),
    work ? str(work['description']) : undefined,
  )
  const image = abs(
    firstOf(
      m('og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src'),
      work ? strings(work['image'], 'url')[0] : undefined,
      imageSrc,
    ),
  )
  const language = normalizeLanguage(
    firstOf(
      htmlLang,
      m('content-language', 'language', 'dc.language'),
      m('og:locale'),
      work ? str(work['inLanguage']) : undefined,
    ),
  )
  const canonicalUrl = abs(firstOf(canonical, m('og:url'), work ? str(work['url']) : undefined))
  const jsonLdBody = work ? str(work['articleBody']) : undefined

  // The first <h1> only: later ones are often the headlines of teasers and embedded stories.
  const titleVariants = [
    ldHeadline,
    ogTitle,
    ogTitle && stripSiteTail(ogTitle, siteName),
    firstH1,
    titleTag,
    cleanedTitleTag,
  ]
    .filter((t): t is string => typeof t === 'string' && t.length >= 4)
    .map((t) => collapseSpace(decodeEntities(t)))

  return {
    ...(title !== undefined && { title }),
    ...(description !== undefined && { description: decodeEntities(description) }),
    authors,
    ...(publishedAt !== undefined && { publishedAt }),
    ...(modifiedAt !== undefined && { modifiedAt }),
    ...(siteName !== undefined && { siteName: decodeEntities(siteName) }),
    ...(language !== undefined && { language }),
    ...(canonicalUrl !== undefined && { canonicalUrl }),
    ...(image !== undefined && { image }),
    titleVariants,
    ...(jsonLdBody !== undefined && { jsonLdBody }),
  }
}

function firstOf(...xs: (string | undefined | false | '')[]): string | undefined {
  for (const x of xs) if (typeof x === 'string' && x.trim() !== '') return x.trim()
  return undefined
}

function publisherName(
  work: JsonObject | undefined,
  objects: readonly JsonObject[],
): string | undefined {
  const p = work?.['publisher']
  const fromWork = strings(p)[0]
  if (fromWork !== undefined) return fromWork
  const org = objects.find((o) => /Organization$/.test(String(o['@type'] ?? '')))
  return org ? str(org['name']) : undefined
}

/** JSON-LD strings are sometimes HTML-escaped twice; undo the common entities. */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|apos|lt|gt|nbsp|#39);/gi, (all, e: string) => {
    const k = e.toLowerCase()
    if (k === 'amp') return '&'
    if (k === 'quot') return '"'
    if (k === 'apos' || k === '#39') return "'"
    if (k === 'lt') return '<'
    if (k === 'gt') return '>'
    if (k === 'nbsp') return ' '
    const code = k.startsWith('#x')
      ? Number.parseInt(k.slice(2), 16)
      : Number.parseInt(k.slice(1), 10)
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all
  })
}

const TITLE_SEPARATORS = /\s+(?:\||-|–|—|::|·|•|»|\/)\s+/

/**
 * Removes a site-name tail or head from a title: "Headline | Site" → "Headline". A part is dropped
 * when it matches the site name, or when it is short (≤ 4 words) and the remaining part is longer.
 */
export function stripSiteTail(title: string, siteName?: string): string {
  const t = collapseSpace(decodeEntities(title))
  const parts = t.split(TITLE_SEPARATORS)
  if (parts.length < 2) return t
  const site = siteName?.toLowerCase().replace(/^the\s+/, '')
  const isSite = (p: string) => {
    const l = p.toLowerCase().replace(/^the\s+/, '')
    return (
      site !== undefined &&
      (l === site || l.replace(/\.\w+$/, '') === site || site.includes(l) || l.includes(site))
    )
  }
  const last = parts[parts.length - 1]!
  const first = parts[0]!
  const words = (p: string) => p.split(/\s+/).length
  if (isSite(last) || (words(last) <= 4 && words(parts.slice(0, -1).join(' ')) > words(last))) {
    return stripSiteTail(t.slice(0, t.lastIndexOf(last)).replace(/\s+\S+\s*$/, ''), siteName)
  }
  if (isSite(first)) return t.slice(t.indexOf(parts[1]!)).trim()
  return t
}

function absolutize(u: string | undefined, base: string | undefined): string | undefined {
  if (u === undefined || u.trim() === '') return undefined
  try {
    return new URL(u.trim(), base).toString()
  } catch {
    return /^https?:\/\//i.test(u) ? u.trim() : undefined
  }
}

/** `en_US` → `en-US`; `EN` → `en`; junk → undefined. */
export function normalizeLanguage(lang: string | undefined): string | undefined {
  if (lang === undefined) return undefined
  const m = /^\s*([a-z]{2,3})(?:[-_]([a-z0-9]{2,8}))?/i.exec(lang)
  if (!m) return undefined
  const primary = m[1]!.toLowerCase()
  const region = m[2]
  if (region === undefined) return primary
  return `${primary}-${region.length === 2 ? region.toUpperCase() : region}`
}
