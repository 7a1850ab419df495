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
import { normalizeDate, type PageMetadata } from '../metadata/index.js'
import { describe } from './furniture.js'
import {
  type FurnitureRegion,
  LINK_DENSITY_MAX,
  type Segmentation,
  type TextBlock,
} from './segment.js'

/**
 * Weight of bad text against good text when scoring containers. 0.5 was set before tuning; a sweep
 * on the 134 dev pages (0.25: F1 0.981, 0.5: 0.982, 1.0: 0.983, 1.5: 0.983, 2.0: 0.980, 3.0: 0.972)
 * shows a plateau, and choosing it by 2-fold cross-validation did not beat 0.5 on the held-out
 * halves (docs/decisions/0011-main-content.md), so it stays untuned.
 */
const LAMBDA = 0.5
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
  /** Characters of prose kept, of all text kept, and prose blocks kept. */
  proseChars: number
  keptChars: number
  paragraphs: number
  /** The container's share of all the page's prose (1 when no other prose competes). */
  share: number
  /** Elements of related rails found inside the container (for teasers). */
  rails: ElementNode[]
}

const isProse = (b: TextBlock): boolean => b.prose

/**
 * How much a candidate inside a furniture region keeps of its score, by the region's kind. Set a
 * priori (comments and footers are never the article, rails rarely, other names are weaker
 * evidence); on the dev pages this stopped comment threads from winning on 2 pages.
 */
const INSIDE_FURNITURE: Partial<Record<RemovedKind, number>> = {
  comments: 0.1,
  footer: 0.1,
  related: 0.2,
  navigation: 0.2,
}
const INSIDE_FURNITURE_DEFAULT = 0.3
/**
 * A furniture region holding the title and at least this share of the prose is a wrapper (a
 * majority, by definition of wrapping the article; not tuned).
 */
const WRAPPER_PROSE_SHARE = 0.5
/** Without a title element to anchor it, a wrapper must hold nearly all the prose (not tuned). */
const WRAPPER_PROSE_SHARE_NO_TITLE = 0.8

/**
 * Chooses the article's container and returns its cleaned blocks, or undefined when none.
 * Furniture is judged relative to the candidate: a region inside it counts as bad text, a region
 * around it is a wrapper whose name misleads (`<body class="has-comments">`) and is ignored.
 */
export function findMainContent(
  seg: Segmentation,
  meta: PageMetadata,
  debug?: (message: string) => void,
): MainContent | undefined {
  const { blocks, info, postOrder } = seg
  if (blocks.length === 0) return undefined
  markWrappers(seg, meta)
  for (const b of blocks) {
    const inf = info.get(b.owner)
    if (inf === undefined) continue
    if (isProse(b)) inf.good += b.chars - b.linkChars
    else if (b.linkChars > b.chars * LINK_DENSITY_MAX) inf.bad += b.chars
  }
  // Reverse post-order visits parents before children: the enclosing region's factor flows down.
  const factor: number[] = []
  for (let i = postOrder.length - 1; i >= 0; i--) {
    const el = postOrder[i]!
    const f = el.parent === null ? 1 : (factor[el.parent.index] ?? 1)
    const fr = info.get(el)?.furniture
    factorSet(
      factor,
      el.index,
      fr === undefined || fr.wrapper
        ? f
        : Math.min(f, INSIDE_FURNITURE[fr.kind] ?? INSIDE_FURNITURE_DEFAULT),
    )
  }
  let best: ElementNode | undefined
  let bestScore = 0
  const top: [number, ElementNode][] = []
  for (const el of postOrder) {
    const inf = info.get(el)
    if (inf === undefined) continue
    if (CONTAINER_TAGS.has(el.tag) && inf.good > 0) {
      const s = (inf.good - LAMBDA * inf.bad) * (factor[el.index] ?? 1)
      if (debug !== undefined) top.push([s, el])
      if (s > bestScore) {
        bestScore = s
        best = el
      }
    }
    const parent = el.parent === null ? undefined : info.get(el.parent)
    if (parent === undefined) continue
    if (inf.furniture !== undefined && !inf.furniture.wrapper) parent.bad += inf.good + inf.bad
    else {
      parent.good += inf.good
      parent.bad += inf.bad
    }
  }
  if (debug !== undefined)
    for (const [sc, el] of top.sort((a, b) => b[0] - a[0]).slice(0, 8)) {
      const i = info.get(el)!
      debug(
        `candidate ${describe(el)} score ${sc.toFixed(0)} good ${i.good.toFixed(0)} bad ${i.bad.toFixed(0)} factor ${factor[el.index]}`,
      )
    }
  if (best === undefined) return undefined
  let pageProse = 0
  for (const b of blocks) if (isProse(b)) pageProse += b.chars - b.linkChars
  const result = cleanContainer(seg, best, meta)
  result.share = pageProse > 0 ? info.get(best)!.good / pageProse : 0
  return result
}

function factorSet(factor: number[], index: number, value: number): void {
  // Fill holes so that the array stays dense (elements outside the walk keep factor 1).
  while (factor.length < index) factor.push(1)
  factor[index] = value
}

/**
 * Marks furniture regions that are really page wrappers (`<body class="single has-sidebar">`):
 * those that hold the title heading and most of the page's prose.
 */
function markWrappers(seg: Segmentation, meta: PageMetadata): void {
  const { blocks, info } = seg
  const prose = new Float64Array(blocks.length + 1)
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!
    prose[i + 1] = prose[i]! + (isProse(b) ? b.chars : 0)
  }
  const total = prose[blocks.length]!
  if (total === 0) return
  const titleEl = titleElement(blocks, meta)
  const titleAncestors = new Set<ElementNode>()
  for (let e = titleEl ?? null; e !== null; e = e.parent) titleAncestors.add(e)
  for (const el of info.elements()) {
    const inf = info.get(el)!
    const fr = inf.furniture
    if (fr === undefined) continue
    const share = (prose[inf.blockEnd]! - prose[inf.blockStart]!) / total
    if (
      titleEl !== undefined
        ? titleAncestors.has(el) && share >= WRAPPER_PROSE_SHARE
        : share >= WRAPPER_PROSE_SHARE_NO_TITLE
    )
      fr.wrapper = true
  }
}

/** The page's headline element: an `<h1>` (one matching the title first), else a matching h2/h3. */
function titleElement(blocks: readonly TextBlock[], meta: PageMetadata): ElementNode | undefined {
  const titles = new Set(meta.titleVariants.map(normKey))
  let firstH1: ElementNode | undefined
  for (const b of blocks) {
    const t = b.owner.tag
    if (t !== 'h1' && t !== 'h2' && t !== 'h3') continue
    if (titles.has(normKey(b.text))) return b.owner
    if (t === 'h1') firstH1 ??= b.owner
  }
  return firstH1
}

/** The outermost furniture region of a block that lies inside the container (not around it). */
function regionInside(b: TextBlock, container: ElementNode): FurnitureRegion | undefined {
  for (const r of b.regions)
    if (!r.wrapper && r.root !== container && isInside(r.root, container)) return r
  return undefined
}

/** A comparison key for titles: lower case, letters and digits only. */
export const normKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

const BOILERPLATE: [RegExp, RemovedKind, string][] = [
  [
    /^(?:advertisement|advertising|advert|adverts|sponsored|ad|anzeige|publicidad|publicité|pubblicità|story continues below(?: advertisement)?|continue reading below|article continues below)$/i,
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
  [
    // A caption ending with its credit: "… on Monday. (AP Photo/Jane Doe)", "… | Getty Images".
    /^.{0,250}(?:\((?:ap|afp|reuters|epa|getty|photo|image|credit|file)\b[^)]{0,60}\)|[|/]\s*(?:getty images|shutterstock|istock(?:photo)?|ap|afp|reuters|epa|alamy)(?:\s+via\s+getty images)?)\.?$/i,
    'caption',
    'caption with a photo credit',
  ],
  [/^\d+\s*(?:min(?:ute)?s?)\.?\s+read$/i, 'byline', 'reading time'],
  [/^(?:image|photo|picture|slide)\s+\d+\s*(?:of|\/)\s*\d+$/i, 'other', 'gallery counter'],
  [/^[\d.,]+\s*k?\s+shares?$/i, 'share', 'share count'],
  [/^(?:copyright|©|\(c\)|all rights reserved).{0,200}$/i, 'footer', 'copyright line'],
  [
    /^(?:comments?|\d+\s+comments?|leave a (?:comment|reply)|post a comment|join the (?:conversation|discussion)|(?:tell us )?what do you think\??|tell us what you think\W*|have your say\W*)$/i,
    'comments',
    'comments label',
  ],
  [/^(?:we use cookies|this (?:web)?site uses cookies).{0,300}$/i, 'cookie', 'cookie notice'],
  [
    /^(?:(?:get|sign up for|subscribe to|receive)\b.{0,80}\b(?:newsletters?|inbox|e-?mail updates|alerts)\b.{0,80}|.{0,120}\b(?:sign up|subscribe)\b.{0,80}\bnewsletters?\b.{0,80})$/i,
    'newsletter',
    'newsletter prompt',
  ],
  [
    /^(?:have a (?:news )?tip\b|contact (?:the|this) (?:author|reporter|writer)\b|.{0,60}\b(?:can|may) be (?:reached|contacted) at\b|follow (?:him|her|them|us|the author) on\b|(?:e-?mail|contact|reach) [\p{Lu}][\p{L}.'’-]+(?: [\p{Lu}][\p{L}.'’-]+){0,3} at\b).{0,200}$/iu,
    'byline',
    'author contact line',
  ],
]

const BYLINE_RE = /^(?:by|written by|posted by|von|par|por|di)\s+\p{Lu}/iu
/** "05/10/2018 - Publicado por: Ana Lima - Categoria: …": a metadata line, in several languages. */
const META_LINE_RE =
  /\b(?:published|posted|written|publicado|publicada|publié|publiée|pubblicato|pubblicata|veröffentlicht|geschrieben|escrito)\s*(?:by|por|par|da|von|on)\b/i
const DATELINE_RE =
  /^(?:(?:published|updated|posted|last updated|modified|first published)(?:\s+on)?\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b.{0,40}$|^(?:published|updated|posted|last updated)\b.{0,60}$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?:\s+\d{1,2}:\d{2}.{0,10})?$|^\d{4}-\d{2}-\d{2}.{0,20}$/i

/**
 * Blocks before the headline are dropped unless they hold this many times the prose after it
 * (then the "headline" is probably a repeated title lower on the page). 3 rather than 1: a news
 * ticker above the headline can outweigh a short article (1 dev page); not tuned further.
 */
const TITLE_ANCHOR_PROSE_RATIO = 3

/** A linked block that reads as a sentence (a lead sentence linked to its source) is prose. */
const isSentence = (t: string): boolean =>
  /[.!?]["”’)]?$/.test(t) &&
  t.split(/\s+/).length >= 8 &&
  !/^(?:read|see|watch|related|more)\b/i.test(t)

/** Headings that open a rail of links to other articles, in the languages news pages use most. */
const RAIL_HEADING_RE = new RegExp(
  '^(?:' +
    [
      'related(?: articles?| stories| posts?| content| coverage| news| links| reading| topics| videos?)?',
      'more (?:from|on|about|in) .{1,40}',
      'more (?:stories|news|articles|videos|coverage|headlines|like this|to read|to explore)',
      'read (?:more|next|also)',
      'also read',
      'see also',
      'further reading',
      'what to read next',
      'you (?:may|might|will) (?:also )?(?:like|enjoy|be interested in)',
      'recommended(?: for you| stories| articles| reading)?',
      'we recommend',
      "editors?’?'?s? picks?",
      'trending(?: now| stories| news)?',
      'popular(?: now| posts| stories| articles)?',
      'most (?:read|popular|viewed|shared|commented|emailed)',
      'top stories',
      'latest(?: news| stories| posts| articles)?',
      'around the web',
      'from the web',
      'sponsored(?: stories| content| links)?',
      'promoted stories',
      "don’?'?t miss",
      'must read',
      'in case you missed it',
      'up next',
      'watch next',
      'next up',
      'other (?:stories|articles|news)',
      'você (?:pode|também pode) gostar',
      'leia (?:também|mais)',
      'veja (?:também|mais)',
      'notícias relacionadas',
      'posts relacionados',
      'artigos relacionados',
      'mais lidas',
      'relacionad[oa]s',
      'te puede interesar',
      'también te puede interesar',
      'lee también',
      'noticias relacionadas',
      'más leídas',
      'artículos relacionados',
      'lire aussi',
      'à lire aussi',
      'a lire aussi',
      'articles similaires',
      'sur le même sujet',
      'les plus lus',
      'voir aussi',
      'das könnte sie auch interessieren',
      'mehr zum thema',
      'weitere artikel',
      'meistgelesen',
      'auch interessant',
      'lesen sie auch',
      'potrebbe interessarti',
      'ti potrebbe interessare',
      'leggi anche',
      'articoli correlati',
      'più letti',
      'читайте также',
      'похожие статьи',
      'по теме',
      'смотрите также',
    ].join('|') +
    ')\\s*[:.!…]*$',
  'i',
)

/** "More Washington Examiner": a rail named after the site. */
const MORE_FROM_SITE_RE = /^More (?:\p{Lu}[\p{L}.'’&-]*\s?){1,3}$/u

const isDateline = (t: string): boolean => DATELINE_RE.test(t) || normalizeDate(t) !== undefined

type Verdict = { kind: RemovedKind; reason: string; region?: FurnitureRegion } | undefined

/**
 * The blocks of `container` without furniture inside it, the headline and what precedes it,
 * related rails, link lists, boilerplate lines, bylines and datelines.
 */
export function cleanContainer(
  seg: Segmentation,
  container: ElementNode,
  meta: PageMetadata,
): MainContent {
  const inf = seg.info.get(container)!
  const start = inf.blockStart
  const blocks = seg.blocks.slice(start, inf.blockEnd)
  const verdicts: Verdict[] = new Array(blocks.length).fill(undefined)
  const titles = new Set(meta.titleVariants.map(normKey))
  const titleLengths = meta.titleVariants.map((t) => t.length)
  const minTitle = Math.min(...titleLengths) * 0.8 - 5
  const maxTitle = Math.max(...titleLengths, 0) * 1.2 + 10
  const authorKeys = meta.authors.map(normKey).filter((a) => a.length > 3)

  // 1. Furniture regions inside the container.
  for (let i = 0; i < blocks.length; i++) {
    const r = regionInside(blocks[i]!, container)
    if (r !== undefined) verdicts[i] = { kind: r.kind, reason: r.reason, region: r }
  }
  const firstProse = blocks.findIndex((b, i) => verdicts[i] === undefined && isProse(b))

  // 2. The headline, and what precedes it (kicker, breadcrumbs, tickers).
  const titleAt = blocks.findIndex(
    (b) => /^h[1-3]$/.test(b.owner.tag) && b.chars < 300 && titles.has(normKey(b.text)),
  )
  const proseBefore = blocks
    .slice(0, Math.max(titleAt, 0))
    .reduce((n, b) => n + (isProse(b) ? b.chars : 0), 0)
  const proseAfter = blocks.slice(titleAt + 1).reduce((n, b) => n + (isProse(b) ? b.chars : 0), 0)
  if (titleAt > 0 && proseBefore < TITLE_ANCHOR_PROSE_RATIO * proseAfter) {
    for (let i = 0; i < titleAt; i++)
      verdicts[i] ??= { kind: 'navigation', reason: 'before the headline' }
  }

  // 3. Rails opened by a "Related"/"More from…" heading: the heading and what follows it in its
  // section. When that section is the container itself, only up to the next prose paragraph.
  for (let i = Math.max(firstProse, 0) + 1; i < blocks.length; i++) {
    const b = blocks[i]!
    const v = verdicts[i]
    const relatedHeading =
      v?.region !== undefined &&
      v.kind === 'related' &&
      seg.info.get(v.region.root)!.blockEnd - seg.info.get(v.region.root)!.blockStart === 1
    if ((v !== undefined && !relatedHeading) || b.chars > 60) continue
    if (
      !relatedHeading &&
      (b.kind === 'list-item' || !(RAIL_HEADING_RE.test(b.text) || MORE_FROM_SITE_RE.test(b.text)))
    )
      continue
    // A related box around the heading alone (its items load later) is the whole rail; a heading
    // classed as related opens the rail of its following siblings.
    if (relatedHeading && v?.region?.root !== b.owner) continue
    let scope = b.owner
    // Climb past wrappers that hold only the heading itself.
    while (scope.parent !== null && scope !== container && scope.parent !== container) {
      const pi = seg.info.get(scope.parent)
      if (pi === undefined || pi.blockEnd - pi.blockStart > 1) break
      scope = scope.parent
    }
    const section = scope === container ? container : (scope.parent ?? container)
    const end = Math.min(seg.info.get(section)!.blockEnd - start, blocks.length)
    for (let k = i; k < end; k++) {
      const x = blocks[k]!
      // In the article's own container the rail ends at the next paragraph of prose.
      if (section === container && k > i && isProse(x) && x.linkChars < x.chars * 0.2) break
      verdicts[k] ??= { kind: 'related', reason: `rail under "${b.text.slice(0, 40)}"` }
    }
  }

  // 4. Block by block: headline, link lists, boilerplate lines, bylines and datelines.
  for (let i = 0; i < blocks.length; i++) {
    if (verdicts[i] !== undefined) continue
    const b = blocks[i]!
    // Only texts about as long as a title can be one (normKey is the costly part).
    const key = b.text.length >= minTitle && b.text.length <= maxTitle ? normKey(b.text) : ''
    if (b.owner.tag === 'h1' || (key !== '' && titles.has(key))) {
      verdicts[i] = { kind: 'other', reason: 'headline' }
      continue
    }
    if (b.linkChars > b.chars * LINK_DENSITY_MAX && !isSentence(b.text)) {
      verdicts[i] = { kind: b.chars >= 20 ? 'related' : 'navigation', reason: 'mostly links' }
      continue
    }
    if (b.chars < 400) {
      const hit = BOILERPLATE.find(([re]) => re.test(b.text))
      if (hit) {
        verdicts[i] = { kind: hit[1], reason: hit[2] }
        continue
      }
    }
    const nearEdge = i < firstProse || i > blocks.length - 4
    if (b.chars < 150 && nearEdge) {
      const k = key !== '' ? key : authorKeys.length > 0 ? normKey(b.text) : ''
      if (
        BYLINE_RE.test(b.text) ||
        (i < firstProse && META_LINE_RE.test(b.text)) ||
        authorKeys.some((a) => k.startsWith(a))
      ) {
        verdicts[i] = { kind: 'byline', reason: 'byline' }
        continue
      }
      if (isDateline(b.text)) verdicts[i] = { kind: 'byline', reason: 'dateline' }
    }
  }

  // Assemble: kept blocks, and one removed entry per furniture region or removed block.
  const kept: { kind: BlockKind; text: string }[] = []
  const removed: Removed[] = []
  let proseChars = 0
  let keptChars = 0
  let paragraphs = 0
  const regionText = new Map<FurnitureRegion, { kind: RemovedKind; reason: string; text: string }>()
  // Inline furniture (a credit <span> inside a paragraph) is reported where it was cut.
  const inline = seg.inlineRemoved.filter(
    (x) =>
      x.at >= start &&
      x.at <= start + blocks.length &&
      x.text.trim() !== '' &&
      isInside(x.region.root, container),
  )
  let nextInline = 0
  const flushInline = (upTo: number) => {
    while (nextInline < inline.length && inline[nextInline]!.at <= upTo) {
      const x = inline[nextInline++]!
      removed.push({ kind: x.region.kind, reason: x.region.reason, text: x.text })
    }
  }
  for (let i = 0; i < blocks.length; i++) {
    flushInline(start + i)
    const b = blocks[i]!
    const v = verdicts[i]
    if (v === undefined) {
      kept.push({ kind: b.kind, text: b.text })
      keptChars += b.chars
      if (isProse(b)) {
        proseChars += b.chars
        paragraphs++
      }
    } else if (v.region !== undefined) {
      const e = regionText.get(v.region)
      if (e !== undefined) {
        if (e.text.length <= 2 * REMOVED_TEXT_MAX) e.text += ` ${b.text}`
      } else {
        const entry = { kind: v.kind, reason: v.reason, text: b.text }
        regionText.set(v.region, entry)
        removed.push(entry)
      }
    } else removed.push({ kind: v.kind, reason: v.reason, text: b.text })
  }
  flushInline(Number.POSITIVE_INFINITY)
  for (const r of removed) r.text = clip(r.text)
  const rails: ElementNode[] = []
  for (let i = 0; i < blocks.length; i++) {
    const v = verdicts[i]
    if (v?.kind !== 'related') continue
    const el = v.region?.root ?? blocks[i]!.owner
    if (rails[rails.length - 1] !== el) rails.push(el)
  }
  return { container, blocks: kept, removed, proseChars, keptChars, paragraphs, share: 1, rails }
}

/**
 * What lies outside the container, level by level from the container up to the page root: each
 * run of blocks under one child of the level's element is one entry, with that child's furniture
 * kind, the kind covering most of its text, or what the text itself shows (headline, byline).
 */
export function outsideRemoved(
  seg: Segmentation,
  container: ElementNode,
  meta: PageMetadata,
): Removed[] {
  const out: Removed[] = []
  const titles = new Set(meta.titleVariants.map(normKey))
  for (let node = container; node.parent !== null; node = node.parent) {
    const parent = node.parent
    const pi = seg.info.get(parent)
    const ni = seg.info.get(node)
    if (pi === undefined || ni === undefined) continue
    const ranges: [number, number][] = [
      [pi.blockStart, ni.blockStart],
      [ni.blockEnd, pi.blockEnd],
    ]
    for (const [from, to] of ranges) {
      let i = from
      while (i < to) {
        const key = childUnder(seg.blocks[i]!.owner, parent)
        let j = i + 1
        while (j < to && key !== parent && childUnder(seg.blocks[j]!.owner, parent) === key) j++
        out.push(
          describeRun(
            seg.blocks.slice(i, j),
            key === parent ? undefined : seg.info.get(key)?.furniture,
            titles,
          ),
        )
        i = j
      }
    }
  }
  return out
}

/** The child of `ancestor` that contains `el` (or `ancestor` itself when `el` is it). */
function childUnder(el: ElementNode, ancestor: ElementNode): ElementNode {
  let e = el
  while (e.parent !== null && e.parent !== ancestor) e = e.parent
  return e.parent === ancestor ? e : ancestor
}

function describeRun(
  blocks: TextBlock[],
  own: FurnitureRegion | undefined,
  titles: Set<string>,
): Removed {
  const text = clipJoin(blocks)
  if (own !== undefined && !own.wrapper) return { kind: own.kind, text, reason: own.reason }
  const byKind = new Map<RemovedKind, number>()
  let total = 0
  for (const b of blocks) {
    total += b.chars
    const r = b.regions.findLast((x) => !x.wrapper)
    if (r !== undefined) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + b.chars)
  }
  const [kind, n] = [...byKind].sort((a, b) => b[1] - a[1])[0] ?? ['other', 0]
  if (n >= total / 2 && n > 0) return { kind, text, reason: 'outside the article' }
  if (blocks.length === 1) {
    const t = blocks[0]!.text
    if (titles.has(normKey(t))) return { kind: 'other', text, reason: 'headline' }
    if (t.length < 150 && BYLINE_RE.test(t)) return { kind: 'byline', text, reason: 'byline' }
    if (t.length < 150 && isDateline(t)) return { kind: 'byline', text, reason: 'dateline' }
  }
  return { kind: 'other', text, reason: 'outside the article' }
}

/** The first REMOVED_TEXT_MAX characters of the blocks' texts, without joining them all. */
function clipJoin(blocks: readonly TextBlock[]): string {
  let s = ''
  for (const b of blocks) {
    s += s === '' ? b.text : ` ${b.text}`
    if (s.length > 2 * REMOVED_TEXT_MAX) break
  }
  return clip(s)
}

function clip(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim()
  return t.length <= REMOVED_TEXT_MAX ? t : `${t.slice(0, REMOVED_TEXT_MAX - 1)}…`
}
