/**
 * Page furniture: elements that are not the article although they sit near or inside it (share
 * bars, related rails, ads, newsletter and cookie boxes, comments, footers, bylines, captions).
 * Classified from the tag, ARIA role, `hidden`/inline style, and class/id/itemprop/data names —
 * the conventions of common CMSs and ad/social widgets, never a particular site.
 */
import type { RemovedKind } from '../../core/index.js'
import type { ElementNode } from '../dom/index.js'

export interface Furniture {
  kind: RemovedKind
  reason: string
}

/** Tags that never hold article text. */
const DROP_TAGS: Record<string, Furniture> = {
  nav: { kind: 'navigation', reason: '<nav>' },
  header: { kind: 'other', reason: '<header> (headline, standfirst, byline)' },
  footer: { kind: 'footer', reason: '<footer>' },
  aside: { kind: 'other', reason: '<aside>' },
  button: { kind: 'other', reason: 'button' },
  select: { kind: 'other', reason: 'form control' },
  input: { kind: 'other', reason: 'form control' },
  textarea: { kind: 'other', reason: 'form control' },
  label: { kind: 'other', reason: 'form label' },
  figcaption: { kind: 'caption', reason: '<figcaption>' },
  svg: { kind: 'other', reason: 'graphic' },
  canvas: { kind: 'other', reason: 'graphic' },
  audio: { kind: 'other', reason: 'media player' },
  video: { kind: 'other', reason: 'media player' },
  object: { kind: 'other', reason: 'embedded object' },
  embed: { kind: 'other', reason: 'embedded object' },
  dialog: { kind: 'other', reason: 'dialog' },
  menu: { kind: 'navigation', reason: '<menu>' },
}

const ROLES: Record<string, Furniture> = {
  navigation: { kind: 'navigation', reason: 'role=navigation' },
  banner: { kind: 'navigation', reason: 'role=banner (site header)' },
  contentinfo: { kind: 'footer', reason: 'role=contentinfo' },
  complementary: { kind: 'other', reason: 'role=complementary' },
  dialog: { kind: 'other', reason: 'role=dialog' },
  alertdialog: { kind: 'cookie', reason: 'role=alertdialog' },
  search: { kind: 'navigation', reason: 'role=search' },
  menu: { kind: 'navigation', reason: 'role=menu' },
  menubar: { kind: 'navigation', reason: 'role=menubar' },
  toolbar: { kind: 'share', reason: 'role=toolbar' },
  tablist: { kind: 'navigation', reason: 'role=tablist' },
}

/**
 * Class/id name patterns, tested against `class id` in lower case. Each entry: a regular
 * expression source, the kind, and the reason reported. Boundaries are `[\s_-]` or the string's
 * ends, so `ad` matches `ad-slot` but not `header`, and `comment` does not match `commentary`.
 */
const B = '(?:^|[\\s_-])'
const E = '(?:$|[\\s_-])'
const NAME_RULES: [string, RemovedKind, string][] = [
  [
    `${B}(?:share|sharing|shares|sharebar|share-?tools|social|socials|sociable|addthis|addtoany|a2a|sharethis|social-?links|social-?media|follow-?us)`,
    'share',
    'share widget',
  ],
  [
    `${B}(?:related\\w*|more-?(?:stories|articles|news|from|like-?this|on)|read-?more|also-?(?:read|like)|you-?may-?(?:also-?)?like|recommend\\w*|trending|popular|most-?(?:read|popular|viewed|shared)|recirc\\w*|outbrain|taboola|zergnet|next-?(?:up|article|post|story)|prev-?(?:article|post)|previous-?(?:article|post)|post-?navigation|further-?reading|see-?also|teasers?|rail)${E}`,
    'related',
    'related links',
  ],
  [
    `${B}(?:ad|ads|adv|advert|adverts|advertisement|advertising|adsense|adslot|adunit|ad-?slot|ad-?unit|ad-?container|ad-?wrapper|dfp|gpt|doubleclick|sponsor|sponsored|promo|promoted|promotion|banner-?ad|native-?ad|googleads?|commercial|affiliate-?disclosure)${E}`,
    'ad',
    'advertising',
  ],
  [
    `${B}(?:newsletter|newsletters|subscribe|subscription|signup|sign-?up|opt-?in|mailing-?list|email-?(?:signup|capture|form)|paywall|regwall|meter|membership|donate|donation|support-?us)${E}`,
    'newsletter',
    'newsletter or subscription box',
  ],
  [
    `${B}(?:cookie|cookies|consent|gdpr|ccpa|cmp|privacy-?(?:banner|notice))`,
    'cookie',
    'cookie or consent notice',
  ],
  [
    `${B}(?:comment|comments|commentlist|comment-?list|disqus|discussion|respond|replies|reply|talkback|livefyre|coral|viafoura|spot-?im|openweb)${E}`,
    'comments',
    'comments',
  ],
  [
    `${B}(?:footer|site-?footer|page-?footer|global-?footer|colophon|copyright)${E}`,
    'footer',
    'footer',
  ],
  [
    `${B}(?:nav|navbar|navigation|menu|menus|breadcrumb|breadcrumbs|crumbs|pagination|pager|skip-?link|masthead|site-?header|global-?header|page-?header|topbar|top-?bar|toolbar|sidebar|side-?bar|widget|widgets|widget-?area|tags|tag-?list|tagcloud|post-?tags|article-?tags|categories|cat-?links|topics|keywords)${E}`,
    'navigation',
    'navigation',
  ],
  [
    `${B}(?:byline|bylines|author|authors|author-?(?:info|name|bio|box|details)|contributor|contributors|writer|reporter|dateline|timestamp|published|pubdate|post-?date|entry-?date|article-?date|date|dates|time-?stamp|posted-?on|entry-?meta|post-?meta|article-?meta|meta-?data|article-?info|story-?meta|updated)${E}`,
    'byline',
    'byline or dateline',
  ],
  [
    `(?:${B}|image|photo|img|pic|media|news)(?:caption|captions|figcaption|credit|credits)${E}`,
    'caption',
    'caption',
  ],
  [
    `${B}(?:headline|article-?title|entry-?title|post-?title|story-?title|page-?title|title-?wrapper|dek|subhead|subheadline|sub-?title|subtitle|standfirst|strapline|kicker|eyebrow|article-?header|entry-?header|post-?header|story-?header|header)${E}`,
    'other',
    'headline or standfirst',
  ],
  // `hidden` as a whole class (not `hidden-xs`: responsive helpers hide only on some screens).
  ['(?:^|\\s)(?:hidden|hide|invisible)(?:$|\\s)', 'other', 'hidden'],
  [
    `${B}(?:sr-?only|visually-?hidden|screen-?reader-?text|screenreader|offscreen|print-?only|modal|popup|pop-?up|popover|overlay|lightbox|tooltip|toast|rollover|hovercard|hover-?card)${E}`,
    'other',
    'hidden or overlay',
  ],
  [
    `${B}(?:video-?player|player|jwplayer|brightcove|gallery|slideshow|carousel|slider)${E}`,
    'other',
    'player or gallery',
  ],
]
const NAME_RES = NAME_RULES.map(([src, kind, reason]) => ({ re: new RegExp(src), kind, reason }))
/** All name rules in one expression: one test per element on the common path. */
const ANY_NAME_RE = new RegExp(NAME_RULES.map(([src]) => `(?:${src})`).join('|'))

/** Embedded posts (tweets, Instagram) quote the story's sources: content, whatever else the box is called. */
const EMBED_RE =
  /(?:^|[\s_-])(?:twitter-?tweet|tweet|embedded-?(?:tweet|post)|instagram-?media|tiktok-?embed|fb-?post|social-?media-?embed|oembed)(?:$|[\s_-])/

const HIDDEN_STYLE_RE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i

/** The class and id of an element, lower-cased and joined, for name matching. */
export function nameSignature(el: ElementNode): string {
  const c = el.attrs['class']
  const i = el.attrs['id']
  if (c === undefined && i === undefined) return ''
  // camelCase and PascalCase names split into tokens: `imageEmbedCaption` → `image-embed-caption`.
  return `${c ?? ''} ${i ?? ''}`.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()
}

/** Classifies an element as furniture by its own markup, or returns undefined. */
export function classifyElement(el: ElementNode): Furniture | undefined {
  const byTag = DROP_TAGS[el.tag]
  // Sectioning tags say less than their names: <header class="masthead"> is navigation.
  if (byTag !== undefined && !SECTIONING.has(el.tag)) return byTag
  return classifyAttributes(el) ?? byTag
}

const SECTIONING = new Set(['header', 'footer', 'aside'])

function classifyAttributes(el: ElementNode): Furniture | undefined {
  const a = el.attrs
  if (a['hidden'] !== undefined) return { kind: 'other', reason: 'hidden' }
  if (a['aria-hidden'] === 'true') return { kind: 'other', reason: 'aria-hidden' }
  const style = a['style']
  if (style !== undefined && HIDDEN_STYLE_RE.test(style))
    return { kind: 'other', reason: 'hidden by style' }
  const role = a['role']
  if (role !== undefined) {
    const r = ROLES[role.toLowerCase()]
    if (r !== undefined) return r
  }
  const itemprop = a['itemprop']
  if (itemprop !== undefined) {
    if (/\b(?:author|creator)\b/i.test(itemprop))
      return { kind: 'byline', reason: 'itemprop=author' }
    if (/\bdate(?:published|modified|created)\b/i.test(itemprop))
      return { kind: 'byline', reason: 'itemprop=date' }
    if (/\bheadline\b/i.test(itemprop)) return { kind: 'other', reason: 'itemprop=headline' }
    if (/\bcaption\b/i.test(itemprop)) return { kind: 'caption', reason: 'itemprop=caption' }
  }
  const c = a['class']
  const i = a['id']
  if (c === undefined && i === undefined) return undefined
  // Most elements have only a class: its string is the key, with no allocation.
  const key = i === undefined ? c! : c === undefined ? `#${i}` : `${c}#${i}`
  let hit = nameCache.get(key)
  if (hit === undefined) {
    hit = classifyName(nameSignature(el), el) ?? null
    if (nameCache.size >= NAME_CACHE_MAX) nameCache.clear()
    nameCache.set(key, hit)
  }
  return hit ?? undefined
}

/**
 * Pages repeat the same class names hundreds of times: classification by name is memoised (and
 * the memo is bounded, so that a long-running process does not grow it without end).
 */
const nameCache = new Map<string, Furniture | null>()
const NAME_CACHE_MAX = 20_000

function classifyName(sig: string, el: ElementNode): Furniture | undefined {
  if (sig === '' || !ANY_NAME_RE.test(sig) || EMBED_RE.test(sig)) return undefined
  for (const r of NAME_RES)
    if (r.re.test(sig)) return { kind: r.kind, reason: `${r.reason} (${describe(el)})` }
  return undefined
}

/** `tag.class#id`, shortened, for removal reasons. */
export function describe(el: ElementNode): string {
  const c = (el.attrs['class'] ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 2)
  const id = el.attrs['id']
  return `${el.tag}${c.map((x) => `.${x}`).join('')}${id ? `#${id}` : ''}`.slice(0, 80)
}
