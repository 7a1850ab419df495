/**
 * The main method: choose the element that holds the article, then keep its text blocks minus
 * furniture and the headline, dek, byline and boilerplate lines around the body.
 *
 * The container is the element that maximises `good − LAMBDA·bad` over its blocks: good is the
 * text of paragraph-like blocks (long enough, few links, not furniture), bad is link-heavy or
 * furniture text. Wrappers that add only menus and rails score lower than the article's own
 * container; an article split over sibling containers lifts their common parent.
 */
import type { BlockKind, Removed, RemovedKind } from '../../core/index.js'
import { type ElementNode, isInside } from '../dom/index.js'
import type { PageMetadata } from '../metadata/index.js'
import type { FurnitureRegion, Segmentation, TextBlock } from './segment.js'

/** Weight of bad text against good text when scoring containers. */
const LAMBDA = 0.5
/** A block with more link text than this share is navigation, not prose. */
const LINK_DENSITY_MAX = 0.5
/** Characters for a block to count as prose on its own, or with end punctuation. */
const PROSE_CHARS = 80
const PROSE_CHARS_PUNCT = 30
/** Removed texts are reported up to this length. */
const REMOVED_TEXT_MAX = 300

const CONTAINER_TAGS = new Set([
  'div',
  'section',
  'article',
  'main',
  'body',
  'td',
  'form',
  'span',
  'center',
  'font',
  'blockquote',
  'dd',
  'li',
  'p',
  'table',
  'tbody',
  'tr',
  'html',
  '#document',
  'header',
  'footer',
  'aside',
  'figure',
])

export interface MainContent {
  container: ElementNode
  blocks: { kind: BlockKind; text: string }[]
  removed: Removed[]
  /** Characters of prose kept, the share of link text kept, prose blocks kept. */
  proseChars: number
  keptChars: number
  paragraphs: number
}

const isProse = (b: TextBlock): boolean =>
  b.linkChars <= b.chars * LINK_DENSITY_MAX &&
  (b.chars >= PROSE_CHARS || (b.chars >= PROSE_CHARS_PUNCT && /[.!?…:;"'”’»)]$/.test(b.text)))

/**
 * Chooses the article's container and returns its cleaned blocks, or undefined when none.
 * Furniture is judged relative to the candidate: a region inside it counts as bad text, a region
 * around it is a wrapper whose name misleads (`<body class="has-comments">`) and is ignored.
 */
export function findMainContent(seg: Segmentation, meta: PageMetadata): MainContent | undefined {
  const { blocks, info, postOrder } = seg
  if (blocks.length === 0) return undefined
  for (const b of blocks) {
    const inf = info.get(b.owner)
    if (inf === undefined) continue
    if (isProse(b)) inf.good += b.chars - b.linkChars
    else if (b.linkChars > b.chars * LINK_DENSITY_MAX) inf.bad += b.chars
  }
  let best: ElementNode | undefined
  let bestScore = 0
  for (const el of postOrder) {
    const inf = info.get(el)
    if (inf === undefined) continue
    if (CONTAINER_TAGS.has(el.tag) && inf.good > 0) {
      const s = inf.good - LAMBDA * inf.bad
      if (s > bestScore) {
        bestScore = s
        best = el
      }
    }
    const parent = el.parent === null ? undefined : info.get(el.parent)
    if (parent === undefined) continue
    if (inf.furniture !== undefined) parent.bad += inf.good + inf.bad
    else {
      parent.good += inf.good
      parent.bad += inf.bad
    }
  }
  if (best === undefined) return undefined
  const inf = info.get(best)!
  return clean(blocks.slice(inf.blockStart, inf.blockEnd), best, meta)
}

/** The outermost furniture region of a block that lies inside the container (not around it). */
function regionInside(b: TextBlock, container: ElementNode): FurnitureRegion | undefined {
  for (const r of b.regions) if (r.root !== container && isInside(r.root, container)) return r
  return undefined
}

const normKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

const BOILERPLATE: [RegExp, RemovedKind, string][] = [
  [
    /^(?:advertisement|advertising|sponsored|ad|anzeige|publicidad|publicité|pubblicità|story continues below(?: advertisement)?|continue reading below|article continues below)$/i,
    'ad',
    'advertising label',
  ],
  [
    /^(?:share|share this|share this (?:article|story|post)|share on \w+|tweet|email|print|pin it|whatsapp|facebook|twitter|linkedin|reddit)(?:\s+(?:share|tweet|email|print|facebook|twitter|linkedin|whatsapp|reddit|pinterest))*$/i,
    'share',
    'share label',
  ],
  [
    /^(?:sign up|subscribe|get (?:our|the) (?:\w+ )?newsletter|join our newsletter|sign up for (?:our|the)\b).{0,120}$/i,
    'newsletter',
    'newsletter prompt',
  ],
  [
    /^(?:related|related articles?|related stories|related coverage|read more|more from|see also|recommended|you may also like|more on this|further reading|also read|read also|most read|most popular|trending)\b.{0,100}$/i,
    'related',
    'related-links heading',
  ],
  [
    /^(?:(?:photo|image|picture|video|file photo|illustration|credit|source)s?\s*(?::|by\b)|\((?:photo|image|credit)\b).{0,200}$/i,
    'caption',
    'photo credit or caption',
  ],
  [/^(?:copyright|©|\(c\)|all rights reserved).{0,200}$/i, 'footer', 'copyright line'],
  [
    /^(?:comments?|\d+\s+comments?|leave a (?:comment|reply)|post a comment|join the (?:conversation|discussion))$/i,
    'comments',
    'comments label',
  ],
  [/^(?:we use cookies|this (?:web)?site uses cookies).{0,300}$/i, 'cookie', 'cookie notice'],
]

const BYLINE_RE = /^(?:by|written by|posted by|von|par|por|di)\s+\p{Lu}/iu
const DATELINE_RE =
  /^(?:(?:published|updated|posted|last updated|modified|first published)(?:\s+on)?\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b.{0,40}$|^(?:published|updated|posted|last updated)\b.{0,60}$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?:\s+\d{1,2}:\d{2}.{0,10})?$|^\d{4}-\d{2}-\d{2}.{0,20}$/i

function clean(blocks: TextBlock[], container: ElementNode, meta: PageMetadata): MainContent {
  const kept: { kind: BlockKind; text: string }[] = []
  const removed: Removed[] = []
  const titles = new Set(meta.titleVariants.map(normKey))
  const authorKeys = meta.authors.map(normKey).filter((a) => a.length > 3)
  const regionsSeen = new Set<ElementNode>()
  let proseChars = 0
  let keptChars = 0
  let paragraphs = 0
  const firstProse = blocks.findIndex((b) => isProse(b) && regionInside(b, container) === undefined)

  const remove = (kind: RemovedKind, text: string, reason: string) =>
    removed.push({ kind, text: clip(text), reason })

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!
    const r = regionInside(b, container)
    if (r !== undefined) {
      if (!regionsSeen.has(r.root)) {
        regionsSeen.add(r.root)
        const text = blocks
          .slice(i)
          .filter((x) => x.regions.includes(r))
          .map((x) => x.text)
          .join(' ')
        remove(r.kind, text, r.reason)
      }
      continue
    }
    const key = normKey(b.text)
    if (b.owner.tag === 'h1' || (b.chars < 300 && titles.has(key))) {
      remove('other', b.text, 'headline')
      continue
    }
    if (b.linkChars > b.chars * LINK_DENSITY_MAX) {
      remove(b.chars >= 20 ? 'related' : 'navigation', b.text, 'mostly links')
      continue
    }
    if (b.chars < 400) {
      const hit = BOILERPLATE.find(([re]) => re.test(b.text))
      if (hit) {
        remove(hit[1], b.text, hit[2])
        continue
      }
    }
    const nearEdge = i < firstProse || i > blocks.length - 4
    if (b.chars < 150 && nearEdge) {
      if (
        BYLINE_RE.test(b.text) ||
        (authorKeys.length > 0 && authorKeys.some((a) => key.startsWith(a) || key === a))
      ) {
        remove('byline', b.text, 'byline')
        continue
      }
      if (DATELINE_RE.test(b.text)) {
        remove('byline', b.text, 'dateline')
        continue
      }
    }
    kept.push({ kind: b.kind, text: b.text })
    keptChars += b.chars
    if (isProse(b)) {
      proseChars += b.chars
      paragraphs++
    }
  }
  return { container, blocks: kept, removed, proseChars, keptChars, paragraphs }
}

function clip(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim()
  return t.length <= REMOVED_TEXT_MAX ? t : `${t.slice(0, REMOVED_TEXT_MAX - 1)}…`
}
