/**
 * HTML text → the light tree of node.ts, with either parser. htmlparser2 is the default (it is
 * two to three times as fast on news pages); parse5 follows the HTML5 tree-building rules and
 * takes over where htmlparser2 is slow (very deep nesting). docs/decisions/0010-html-parser.md.
 */
import { decodeHTML, decodeHTMLAttribute } from 'entities'
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

export interface ParseOptions {
  /**
   * `html` holds UTF-8 bytes read as Latin-1 (one character per byte). Markup is ASCII, so the
   * tokenizer sees the same structure, and it runs on a one-byte string that is cheaper to make
   * and to scan; only the text and attribute values kept are decoded from UTF-8 afterwards (with
   * their entities). On the benchmark pages this saves a fifth of decoding and parsing.
   */
  utf8AsLatin1?: boolean
}

/**
 * Parses a whole document; the result is a `#document` element. Without a `parser`, htmlparser2
 * parses, and parse5 takes over for pages nested deeper than MAX_HTMLPARSER2_DEPTH.
 */
export function parseHtml(
  html: string,
  parser?: ParserName,
  options: ParseOptions = {},
): ElementNode {
  const latin1 = options.utf8AsLatin1 === true
  if (parser === 'parse5') return parseWithParse5(latin1 ? utf8FromLatin1(html) : html)
  if (parser === 'htmlparser2') return parseWithHtmlparser2(html, Number.POSITIVE_INFINITY, latin1)
  try {
    return parseWithHtmlparser2(html, MAX_HTMLPARSER2_DEPTH, latin1)
  } catch (e) {
    if (e instanceof TooDeep) return parseWithParse5(latin1 ? utf8FromLatin1(html) : html)
    throw e
  }
}

/** UTF-8 bytes that were read as Latin-1 → the text they encode. */
export function utf8FromLatin1(s: string): string {
  return HIGH.test(s) ? Buffer.from(s, 'latin1').toString('utf8') : s
}

const HIGH = /[\u0080-\u00ff]/
/** Elements whose text is raw (no entities), per the HTML tokenizer. */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext'])

function parseWithHtmlparser2(html: string, maxDepth: number, latin1: boolean): ElementNode {
  const root = new ElementNode('#document', {})
  let current = root
  let count = 1
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
        if (latin1) {
          for (const k in attribs) {
            const v = attribs[k]!
            if (v.includes('&') || HIGH.test(v)) attribs[k] = decodeHTMLAttribute(utf8FromLatin1(v))
          }
        }
        const el = new ElementNode(name, attribs)
        el.index = count++
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
      ontext(raw) {
        if (dropText || inert > 0) return
        let data = raw
        if (latin1) {
          data = utf8FromLatin1(data)
          if (data.includes('&') && !RAW_TEXT.has(current.tag)) data = decodeHTML(data)
        }
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
    { decodeEntities: !latin1, lowerCaseTags: true, lowerCaseAttributeNames: true },
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
    const el = new ElementNode(tagName, a)
    el.index = parse5Count++
    return el
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

/** Element numbering for the parse5 build in progress (parsing is synchronous). */
let parse5Count = 1

function parseWithParse5(html: string): ElementNode {
  parse5Count = 1
  // parse5's adapter interface is typed for its own node map; ours is structurally the same
  // shape over node.ts classes, so the cast stays at this one boundary.
  return parse5(html, {
    treeAdapter: adapter as unknown as TreeAdapter<Map5>,
  }) as unknown as ElementNode
}
