/**
 * Related-article teasers from the page's rails and cards: each link that reads as a headline
 * becomes `{ title, url, excerpt?, image? }`, with the card's excerpt and image when it has them.
 */
import type { RelatedTeaser } from '../../core/index.js'
import { collapseSpace, type ElementNode, forEachElement, normText } from '../dom/index.js'

/** At most this many teasers are reported. */
const MAX_TEASERS = 50
/** A link needs this many words to be a headline rather than a label ("More", "Next"). */
const TITLE_MIN_WORDS = 3
const EXCERPT_MIN_CHARS = 40
/** A card is at most this many levels above its headline link. */
const CARD_MAX_DEPTH = 5

/** Teasers from rail and card elements, in document order, one per URL. */
export function collectRelated(sources: readonly ElementNode[], pageUrl?: string): RelatedTeaser[] {
  const out: RelatedTeaser[] = []
  const seen = new Set<string>()
  // A source inside another source (a card inside a rail) is walked with it.
  const all = new Set(sources)
  const outer = [...all].filter((src) => {
    for (let p = src.parent; p !== null; p = p.parent) if (all.has(p)) return false
    return true
  })
  for (const src of outer) {
    if (out.length >= MAX_TEASERS) break
    forEachElement(src, (el) => {
      if (out.length >= MAX_TEASERS) return false
      if (el.tag !== 'a') return true
      const title = normText(el)
      const href = absolute(el.attr('href'), pageUrl)
      if (title.split(' ').length < TITLE_MIN_WORDS || href === undefined || seen.has(href))
        return false
      seen.add(href)
      const card = cardOf(el, src)
      const teaser: RelatedTeaser = { title, url: href }
      if (card !== el) {
        const excerpt = collapseSpace(normText(card).replace(title, ''))
        if (excerpt.length >= EXCERPT_MIN_CHARS) teaser.excerpt = excerpt.slice(0, 300)
        const image = imageIn(card, pageUrl)
        if (image !== undefined) teaser.image = image
      }
      out.push(teaser)
      return false
    })
  }
  return out
}

/** The largest ancestor of the link, inside `bound`, that holds no other headline link. */
function cardOf(link: ElementNode, bound: ElementNode): ElementNode {
  let card = link
  let depth = 0
  for (
    let p = link.parent;
    p !== null && p !== bound.parent && depth < CARD_MAX_DEPTH;
    p = p.parent, depth++
  ) {
    let links = 0
    forEachElement(p, (el) => {
      if (links > 1) return false
      if (el.tag === 'a' && normText(el).split(' ').length >= TITLE_MIN_WORDS) links++
      return el.tag !== 'a'
    })
    if (links > 1) break
    card = p
    if (p === bound) break
  }
  return card
}

function imageIn(card: ElementNode, pageUrl?: string): string | undefined {
  let src: string | undefined
  forEachElement(card, (el) => {
    if (src !== undefined) return false
    if (el.tag === 'img' || el.tag === 'source') {
      const s =
        el.attr('data-src') ??
        el.attr('data-lazy-src') ??
        el.attr('src') ??
        el.attr('srcset')?.split(/[\s,]/)[0]
      if (s !== undefined && !s.startsWith('data:')) src = absolute(s, pageUrl)
    }
    return true
  })
  return src
}

function absolute(href: string | undefined, base?: string): string | undefined {
  if (href === undefined) return undefined
  const h = href.trim()
  if (h === '' || h.startsWith('#') || /^(?:javascript|mailto|tel|data):/i.test(h)) return undefined
  try {
    return new URL(h, base).toString()
  } catch {
    return /^https?:\/\//i.test(h) ? h : undefined
  }
}
