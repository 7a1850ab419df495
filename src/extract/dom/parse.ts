/**
 * HTML text → the light tree of node.ts, with either parser. htmlparser2 is the default (it is
 * two to three times as fast on news pages); parse5 follows the HTML5 tree-building rules and
 * takes over where htmlparser2 is slow (very deep nesting). docs/decisions/0010-html-parser.md.
 */
import { Parser as Htmlparser2 } from 'htmlparser2'
import { type DefaultTreeAdapterMap, parse as parse5, type TreeAdapter } from 'parse5'
import { ElementNode, TextNode } from './node.js'

export type ParserName = 'htmlparser2' | 'parse5'

/** Elements whose text is never page content; their bodies are not kept (JSON-LD excepted). */
const RAW_TEXT_DROPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'textarea'])

/** Elements whose whole subtree is left out of the tree. */
const INERT = new Set(['template', 'noscript'])

const isJsonLd = (el: ElementNode): boolean =>
  el.tag === 'script' && /ld\+json/i.test(el.attrs['type'] ?? '')

/**
 * Above this nesting depth htmlparser2 hands over to parse5: htmlparser2 keeps its open-element
 * stack with Array#unshift, quadratic in depth (100,000 nested <div>s: 7.5 s, against 0.7 s with
 * parse5). Real pages stay under a few hundred levels.
 */
export const MAX_HTMLPARSER2_DEPTH = 5_000

class TooDeep extends Error {}

/**
 * Parses a whole document; the result is a `#document` element. Without a `parser`, htmlparser2
 * parses, and parse5 takes over for pages nested deeper than MAX_HTMLPARSER2_DEPTH.
 */
export function parseHtml(html: string, parser?: ParserName): ElementNode {
  if (parser === 'parse5') return parseWithParse5(html)
  if (parser === 'htmlparser2') return parseWithHtmlparser2(html, Number.POSITIVE_INFINITY)
  try {
    return parseWithHtmlparser2(html, MAX_HTMLPARSER2_DEPTH)
  } catch (e) {
    if (e instanceof TooDeep) return parseWithParse5(html)
    throw e
  }
}

function parseWithHtmlparser2(html: string, maxDepth: number): ElementNode {
  const root = new ElementNode('#document', {})
  let current = root
  let depth = 0
  let dropText = false
  // Inside <template> or <noscript> nothing is built (parse5 keeps their content out of the tree
  // too): `inert` counts the open elements of such a subtree.
  let inert = 0
  const parser = new Htmlparser2(
    {
      onopentag(name, attribs) {
        if (inert > 0 || INERT.has(name)) {
          inert++
          return
        }
        const el = new ElementNode(name, attribs)
        el.parent = current
        current.children.push(el)
        current = el
        if (++depth > maxDepth) throw new TooDeep()
        dropText = RAW_TEXT_DROPPED.has(name) && !isJsonLd(el)
      },
      onclosetag() {
        if (inert > 0) {
          inert--
          return
        }
        if (current.parent !== null) current = current.parent
        depth--
        dropText = RAW_TEXT_DROPPED.has(current.tag) && !isJsonLd(current)
      },
      ontext(data) {
        if (dropText || inert > 0) return
        const kids = current.children
        const last = kids[kids.length - 1]
        if (last !== undefined && last.type === 3) {
          last.text += data
          return
        }
        const t = new TextNode(data)
        t.parent = current
        kids.push(t)
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.end(html)
  return root
}

type Map5 = DefaultTreeAdapterMap
/** A parse5 tree adapter that builds node.ts nodes directly (parse5's own nodes are never made). */
const adapter = {
  createDocument: () => new ElementNode('#document', {}),
  createDocumentFragment: () => new ElementNode('#fragment', {}),
  createElement(tagName: string, _ns: string, attrs: { name: string; value: string }[]) {
    const a: Record<string, string> = {}
    for (const { name, value } of attrs) if (!Object.hasOwn(a, name)) a[name] = value
    return new ElementNode(tagName, a)
  },
  createCommentNode: () => new ElementNode('#comment', {}),
  createTextNode: (value: string) => new TextNode(value),
  appendChild(parent: ElementNode, node: ElementNode | TextNode) {
    if (node.type === 1 && node.tag === '#comment') return
    parent.children.push(node)
    node.parent = parent
  },
  insertBefore(parent: ElementNode, node: ElementNode | TextNode, ref: ElementNode | TextNode) {
    if (node.type === 1 && node.tag === '#comment') return
    const i = parent.children.lastIndexOf(ref)
    parent.children.splice(i < 0 ? parent.children.length : i, 0, node)
    node.parent = parent
  },
  setTemplateContent() {
    // Template contents are inert; they are not part of the page's text.
  },
  getTemplateContent: () => new ElementNode('#fragment', {}),
  setDocumentType() {},
  setDocumentMode() {},
  getDocumentMode: () => 'no-quirks',
  detachNode(node: ElementNode | TextNode) {
    const p = node.parent
    if (p === null) return
    const i = p.children.lastIndexOf(node)
    if (i >= 0) p.children.splice(i, 1)
    node.parent = null
  },
  insertText(parent: ElementNode, text: string) {
    if (RAW_TEXT_DROPPED.has(parent.tag) && !isJsonLd(parent)) return
    const last = parent.children[parent.children.length - 1]
    if (last !== undefined && last.type === 3) last.text += text
    else adapter.appendChild(parent, new TextNode(text))
  },
  insertTextBefore(parent: ElementNode, text: string, ref: ElementNode | TextNode) {
    const i = parent.children.lastIndexOf(ref)
    const prev = parent.children[i - 1]
    if (prev !== undefined && prev.type === 3) prev.text += text
    else adapter.insertBefore(parent, new TextNode(text), ref)
  },
  adoptAttributes(el: ElementNode, attrs: { name: string; value: string }[]) {
    for (const { name, value } of attrs) if (!Object.hasOwn(el.attrs, name)) el.attrs[name] = value
  },
  getFirstChild: (n: ElementNode) => n.children[0],
  getChildNodes: (n: ElementNode) => n.children,
  getParentNode: (n: ElementNode | TextNode) => n.parent,
  getAttrList: (el: ElementNode) =>
    Object.entries(el.attrs).map(([name, value]) => ({ name, value })),
  getTagName: (el: ElementNode) => el.tag,
  getNamespaceURI: () => 'http://www.w3.org/1999/xhtml',
  getTextNodeContent: (t: TextNode) => t.text,
  getCommentNodeContent: () => '',
  getDocumentTypeNodeName: () => '',
  getDocumentTypeNodePublicId: () => '',
  getDocumentTypeNodeSystemId: () => '',
  isTextNode: (n: ElementNode | TextNode) => n.type === 3,
  isCommentNode: (n: ElementNode | TextNode) => n.type === 1 && n.tag === '#comment',
  isDocumentTypeNode: () => false,
  isElementNode: (n: ElementNode | TextNode) => n.type === 1 && n.tag !== '#comment',
  setNodeSourceCodeLocation() {},
  getNodeSourceCodeLocation: () => undefined,
  updateNodeSourceCodeLocation() {},
}

function parseWithParse5(html: string): ElementNode {
  // parse5's adapter interface is typed for its own node map; ours is structurally the same
  // shape over node.ts classes, so the cast stays at this one boundary.
  return parse5(html, {
    treeAdapter: adapter as unknown as TreeAdapter<Map5>,
  }) as unknown as ElementNode
}
