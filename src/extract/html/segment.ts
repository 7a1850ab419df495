/**
 * The page as a sequence of text blocks in document order. A block is the inline content of one
 * block-level element (or a run of it between `<br><br>`), with its owner element, its length,
 * how much of it is link text, and the furniture region it sits in, if any. Every later step
 * (choosing the article's container, filtering, reporting what was removed) works on this list.
 */
import type { BlockKind } from '../../core/index.js'
import type { DomNode, ElementNode } from '../dom/index.js'
import { classifyElement, type Furniture } from './furniture.js'

export interface TextBlock {
  text: string
  /** The nearest block-level element whose inline content this is. */
  owner: ElementNode
  kind: BlockKind
  /** Non-space characters, and those inside links. */
  chars: number
  linkChars: number
  /** The furniture regions around the block, outermost first (empty when none). */
  regions: FurnitureRegion[]
  /** Inside a `<blockquote>` or `<q>`-like quote element. */
  quoted: boolean
  /** Reads as prose: long enough (or a punctuated sentence) and not mostly links. */
  prose: boolean
}

/** A block with more link text than this share is navigation, not prose (the usual 0.5). */
export const LINK_DENSITY_MAX = 0.5
/**
 * Characters for a block to count as prose on its own (a long sentence), or when it ends like a
 * sentence (a short one). Set a priori; not tuned on the benchmark.
 */
const PROSE_CHARS = 80
const PROSE_CHARS_PUNCT = 30

const isProse = (text: string, chars: number, linkChars: number): boolean =>
  linkChars <= chars * LINK_DENSITY_MAX &&
  (chars >= PROSE_CHARS || (chars >= PROSE_CHARS_PUNCT && /[.!?…:;"'”’»)。！？」』]$/.test(text)))

export interface FurnitureRegion extends Furniture {
  root: ElementNode
  /** Set when the region turned out to wrap the article (its name misled): then it is ignored. */
  wrapper?: boolean
}

/**
 * What segmentation learns about one element. The same object closes the element on the walk's
 * stack (`type` 0), so the walk allocates one object per element.
 */
export class ElementInfo {
  readonly type = 0 as const
  /** Index of the first block inside the element and one past the last. */
  blockStart: number
  blockEnd: number
  /** Set when the element itself looks like furniture. */
  furniture: FurnitureRegion | undefined = undefined
  /** Scratch for container scoring (main-content.ts). */
  good = 0
  bad = 0
  constructor(
    readonly el: ElementNode,
    at: number,
    /** The element opened a furniture region, or cut inline furniture, on the walk. */
    readonly opensRegion: boolean,
    readonly cutsInline: boolean,
  ) {
    this.blockStart = at
    this.blockEnd = at
  }
}

export interface Segmentation {
  blocks: TextBlock[]
  info: InfoTable
  /** Elements in post-order (children before parents). */
  postOrder: ElementNode[]
  /** Inline furniture (a caption span inside a paragraph) cut out of blocks. */
  inlineRemoved: InlineRemoved[]
}

/** Inline furniture cut out of a block; `at` is the index the next block will have. */
export interface InlineRemoved {
  region: FurnitureRegion
  text: string
  at: number
}

/** Per-element data, in an array indexed by the element's index in its tree. */
export class InfoTable {
  readonly #items: (ElementInfo | undefined)[] = []
  readonly #elements: ElementNode[] = []

  get(el: ElementNode): ElementInfo | undefined {
    return this.#items[el.index]
  }

  set(el: ElementNode, value: ElementInfo): void {
    if (this.#items[el.index] === undefined) this.#elements.push(el)
    this.#items[el.index] = value
  }

  /** The elements that have data, in the order they were first set. */
  elements(): readonly ElementNode[] {
    return this.#elements
  }
}

/** Elements skipped with all their content. */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'iframe',
  'frame',
  'frameset',
  'map',
  'area',
  'source',
  'track',
  'param',
  'base',
  'option',
  'datalist',
  'math',
  '#comment',
])

/** Elements that start and end a block. */
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'pre',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'figure',
  'figcaption',
  'form',
  'fieldset',
  'address',
  'details',
  'summary',
  'center',
  'hr',
  'body',
  'html',
  '#document',
  'dialog',
  'hgroup',
  'legend',
  'menu',
  'picture',
  'video',
  'audio',
  'object',
  'embed',
  'svg',
  'canvas',
  'select',
  'textarea',
  'output',
  'noscript',
  'marquee',
  'listing',
  'plaintext',
  'xmp',
  'frameset',
  'frame',
  'dir',
  'optgroup',
])

const HEADING = /^h[1-6]$/

const NO_REGIONS: FurnitureRegion[] = []
const TEASER: Furniture = { kind: 'related', reason: 'teaser card' }

const hasBlockChild = (el: ElementNode): boolean =>
  el.children.some((k) => k.type === 1 && BLOCK.has(k.tag))

/** Tables whose cells are short are data: one 'table' block, rows on lines, cells split by " | ". */
const DATA_TABLE_MAX_CELL = 250

const isSpace = (c: number): boolean =>
  c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 12

/**
 * Non-space characters, a Chinese, Japanese or Korean character counting twice: one carries
 * about as much as two Latin letters, and the prose thresholds are set in Latin letters.
 */
const countChars = (s: string): number => {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c > 32 && c !== 160)
      n += (c >= 0x3040 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) ? 2 : 1
  }
  return n
}

/** Splits the page under `root` into text blocks. Iterative: deep nesting is safe. */
export function segment(
  root: ElementNode,
  teasers: ReadonlySet<ElementNode> = new Set(),
): Segmentation {
  const blocks: TextBlock[] = []
  const info = new InfoTable()
  const postOrder: ElementNode[] = []
  const inlineRemoved: InlineRemoved[] = []

  // The inline run being collected.
  let buf = ''
  let chars = 0
  let linkChars = 0
  let pendingBreak = false // a <br> was seen and nothing but space since
  let linkDepth = 0
  let preDepth = 0
  let quoteDepth = 0
  const owners: ElementNode[] = [] // block-level ancestors
  const furnitureStack: FurnitureRegion[] = []
  let inlineFurniture: { region: FurnitureRegion; text: string } | undefined

  // Blocks share one snapshot of the furniture stack until it changes.
  let snapshot: FurnitureRegion[] = NO_REGIONS
  let snapshotValid = true
  const regionsNow = (): FurnitureRegion[] => {
    if (!snapshotValid) {
      snapshot = furnitureStack.length > 0 ? [...furnitureStack] : NO_REGIONS
      snapshotValid = true
    }
    return snapshot
  }

  const flush = () => {
    if (chars > 0) {
      const owner = owners[owners.length - 1] ?? root
      const text = preDepth > 0 ? buf.replace(/^\n+|\s+$/g, '') : tidy(buf)
      if (text !== '') {
        blocks.push({
          text,
          owner,
          kind: kindOf(owners, preDepth > 0, quoteDepth > 0),
          chars,
          linkChars,
          regions: regionsNow(),
          quoted: quoteDepth > 0,
          prose: isProse(text, chars, linkChars),
        })
      }
    }
    buf = ''
    chars = 0
    linkChars = 0
    pendingBreak = false
  }

  // Explicit stack: nodes to enter, and ElementInfo frames for elements being left.
  const stack: (DomNode | ElementInfo)[] = [root]
  while (stack.length > 0) {
    const f = stack.pop()!
    if (f.type === 3) {
      const t = f.text
      if (inlineFurniture !== undefined) {
        inlineFurniture.text += t
        continue
      }
      const n = countChars(t)
      if (n === 0) {
        if (buf !== '' && !isSpace(buf.charCodeAt(buf.length - 1))) buf += ' '
        continue
      }
      pendingBreak = false
      buf += t
      chars += n
      if (linkDepth > 0) linkChars += n
      continue
    }
    if (f.type === 0) {
      const el = f.el
      const tag = el.tag
      if (f.cutsInline && inlineFurniture !== undefined) {
        inlineRemoved.push({ ...inlineFurniture, at: blocks.length })
        inlineFurniture = undefined
      }
      // Flush before leaving <pre> or <blockquote>: their text keeps its kind.
      if (BLOCK.has(tag)) {
        flush()
        owners.pop()
      }
      if (tag === 'a') linkDepth--
      else if (tag === 'pre') preDepth--
      else if (tag === 'blockquote' || tag === 'q') quoteDepth--
      if (f.opensRegion) {
        furnitureStack.pop()
        snapshotValid = false
      }
      f.blockEnd = blocks.length
      postOrder.push(el)
      continue
    }
    const el = f
    const tag = el.tag
    if (SKIP.has(tag)) continue
    if (tag === 'br') {
      if (inlineFurniture !== undefined) continue
      if (pendingBreak) flush()
      else {
        buf += '\n'
        pendingBreak = true
      }
      continue
    }
    const isBlock = BLOCK.has(tag)
    const fr =
      el === root ? undefined : (classifyElement(el) ?? (teasers.has(el) ? TEASER : undefined))
    let isFurniture = false
    let isInlineF = false
    if (fr !== undefined) {
      const region: FurnitureRegion = { kind: fr.kind, reason: fr.reason, root: el }
      if (isBlock || hasBlockChild(el)) {
        isFurniture = true
        furnitureStack.push(region)
        snapshotValid = false
      } else if (inlineFurniture === undefined) {
        // Inline furniture (a caption <span> inside a paragraph): cut its text out of the block.
        isInlineF = true
        inlineFurniture = { region, text: '' }
      }
    }
    if (isBlock) {
      flush()
      owners.push(el)
    }
    if (tag === 'a') linkDepth++
    else if (tag === 'pre') preDepth++
    else if (tag === 'blockquote' || tag === 'q') quoteDepth++
    const inf = new ElementInfo(el, blocks.length, isFurniture, isInlineF)
    if (isFurniture) inf.furniture = furnitureStack[furnitureStack.length - 1]!
    info.set(el, inf)

    if (tag === 'table' && inlineFurniture === undefined && isDataTable(el)) {
      const text = tableText(el)
      if (text !== '') {
        blocks.push({
          text,
          owner: el,
          kind: 'table',
          chars: countChars(text),
          linkChars: 0,
          regions: regionsNow(),
          quoted: quoteDepth > 0,
          prose: false,
        })
      }
      stack.push(inf)
      continue
    }

    stack.push(inf)
    const kids = el.children
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!)
  }
  flush()
  return { blocks, info, postOrder, inlineRemoved }
}

function kindOf(owners: readonly ElementNode[], pre: boolean, quoted: boolean): BlockKind {
  if (pre) return 'pre'
  for (let i = owners.length - 1; i >= 0 && i >= owners.length - 4; i--) {
    const t = owners[i]!.tag
    if (HEADING.test(t)) return 'heading'
    if (t === 'li' || t === 'dd' || t === 'dt') return 'list-item'
    if (t === 'p') break
  }
  return quoted ? 'quote' : 'paragraph'
}

/**
 * Unrendered CMS shortcodes (`[caption id="x"]`, `[button link=…]`, `[/button]`): markup that
 * leaked into the text. Only well-known shortcode names: [1], [sic] or [Photo] stay.
 */
const SHORTCODE_PAIR_RE =
  /\[(?:\/?)(?:caption|button|embed|gallery|video|audio|automerge|vc_[a-z_]+|et_pb_[a-z_]+)\b[^\]]*\]/gi

/** Collapses spaces, keeps single line breaks from <br>, trims. */
function tidy(s: string): string {
  let t = s.includes('[') ? s.replace(SHORTCODE_PAIR_RE, '') : s
  t = t.replace(/[ \t\r\f\v\u00a0\u200b\u2028\u2029]+/g, ' ')
  if (t.includes('\n')) t = t.replace(/ ?\n ?/g, '\n').replace(/\n{2,}/g, '\n')
  return t.trim()
}

function isDataTable(table: ElementNode): boolean {
  let rows = 0
  let ok = true
  const stack: ElementNode[] = [table]
  while (stack.length > 0 && ok) {
    const el = stack.pop()!
    for (const k of el.children) {
      if (k.type !== 1) continue
      if (
        k.tag === 'table' ||
        k.tag === 'p' ||
        k.tag === 'div' ||
        k.tag === 'ul' ||
        k.tag === 'blockquote'
      ) {
        ok = false
        break
      }
      if (k.tag === 'tr') rows++
      if (k.tag === 'td' || k.tag === 'th') {
        if (countChars(cellText(k)) > DATA_TABLE_MAX_CELL) ok = false
        continue
      }
      stack.push(k)
    }
  }
  return ok && rows >= 2
}

function cellText(el: ElementNode): string {
  let out = ''
  const stack = [...el.children].reverse()
  while (stack.length > 0) {
    const n = stack.pop()!
    if (n.type === 3) out += n.text
    else if (!SKIP.has(n.tag)) {
      if (n.tag === 'br') out += ' '
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!)
    }
  }
  return out.replace(/\s+/g, ' ').trim()
}

function tableText(table: ElementNode): string {
  const lines: string[] = []
  const stack: ElementNode[] = [table]
  while (stack.length > 0) {
    const el = stack.pop()!
    if (el.tag === 'tr') {
      const cells = el.children
        .filter((c): c is ElementNode => c.type === 1 && (c.tag === 'td' || c.tag === 'th'))
        .map(cellText)
        .filter((c) => c !== '')
      if (cells.length > 0) lines.push(cells.join(' | '))
      continue
    }
    for (let i = el.children.length - 1; i >= 0; i--) {
      const k = el.children[i]!
      if (k.type === 1 && !SKIP.has(k.tag)) stack.push(k)
    }
  }
  return lines.join('\n')
}
