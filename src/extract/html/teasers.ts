/**
 * Teaser cards: the items of a rail or grid that point to other articles. Their mark is a heading
 * that is all link (`<h3><a href>Other story</a></h3>`) inside a small box with an image or an
 * excerpt. The box is the largest ancestor of that heading that holds no other such heading and
 * stays short; it becomes a `related` furniture region, and its link a related teaser.
 */
import type { ElementNode } from '../dom/index.js'

/**
 * A teaser box holds at most this many characters of text: a headline (≤ 150), a kicker and a
 * date, and an excerpt of two sentences (≤ 350). Set a priori, not tuned.
 */
const TEASER_MAX_CHARS = 600
/** A linked heading shorter than this is a label ("More", "Sports"), not a headline. */
const HEADLINE_MIN_CHARS = 10

const HEADING = /^h[1-6]$/

/**
 * Finds teaser boxes under `root`. `isTitle` tells the page's own headline (often linked to its
 * permalink) from the headlines of other articles.
 */
export function findTeasers(
  root: ElementNode,
  isTitle: (text: string) => boolean,
): Set<ElementNode> {
  const headings: ElementNode[] = []
  // Iterative post-order: children are finished before their parent.
  const order: ElementNode[] = []
  const stack: ElementNode[] = [root]
  let maxIndex = 0
  while (stack.length > 0) {
    const el = stack.pop()!
    order.push(el)
    if (el.index > maxIndex) maxIndex = el.index
    for (const k of el.children)
      if (k.type === 1 && k.tag !== 'script' && k.tag !== 'style') stack.push(k)
  }
  // Per-element counts, indexed by element index.
  const chars = new Float64Array(maxIndex + 1)
  const linkChars = new Float64Array(maxIndex + 1)
  const linkHeadings = new Int32Array(maxIndex + 1)
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!
    let c = 0
    let l = 0
    let h = 0
    for (const k of el.children) {
      if (k.type === 3) c += k.text.trim().length
      else {
        c += chars[k.index]!
        l += linkChars[k.index]!
        h += linkHeadings[k.index]!
      }
    }
    if (el.tag === 'a') l = c
    chars[el.index] = c
    linkChars[el.index] = l
    if (isHeadline(el, c, l) && !isTitle(textOf(el))) {
      h++
      headings.push(el)
    }
    linkHeadings[el.index] = h
  }
  const teasers = new Set<ElementNode>()
  if (headings.length < 2) return teasers
  for (const hd of headings) {
    let item = hd
    for (let p = item.parent; p !== null; p = p.parent) {
      if (linkHeadings[p.index]! > 1 || chars[p.index]! > TEASER_MAX_CHARS) break
      item = p
    }
    if (item !== hd && chars[item.index]! > chars[hd.index]!) teasers.add(item)
  }
  return teasers
}

/** A headline of another article: a heading that is all link. */
function isHeadline(el: ElementNode, c: number, l: number): boolean {
  return HEADING.test(el.tag) && c >= HEADLINE_MIN_CHARS && l >= 0.9 * c
}

function textOf(el: ElementNode): string {
  let out = ''
  const stack: ElementNode[] = [el]
  while (stack.length > 0) {
    const n = stack.pop()!
    for (let i = n.children.length - 1; i >= 0; i--) {
      const k = n.children[i]!
      if (k.type === 3) out += k.text
      else stack.push(k)
    }
  }
  return out
}
