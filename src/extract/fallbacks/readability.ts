/**
 * The second opinion: Mozilla Readability on a linkedom document. Used only when the main method
 * finds too little or is unsure (html/choose.ts decides). Never throws: any failure is `undefined`.
 */
import { Readability } from '@mozilla/readability'
import { DOMParser } from 'linkedom'
import { ElementNode, TextNode } from '../dom/index.js'

export interface ReadabilityOutput {
  /** The article content as a light tree, ready for extract/html's segmentation. */
  content: ElementNode
  title?: string
  byline?: string
}

/** Readability gives up on documents with more elements than this (its own guard), for speed. */
const MAX_ELEMENTS = 30_000

/** Minimal shape of the linkedom nodes the serializer reads. */
interface DomLike {
  nodeType: number
  localName?: string
  nodeValue?: string | null
  childNodes: ArrayLike<DomLike>
  getAttribute?: (name: string) => string | null
}

/** Runs Readability over `html`; undefined when it finds nothing or fails. */
export function runReadability(html: string): ReadabilityOutput | undefined {
  try {
    const doc = new DOMParser().parseFromString(html, 'text/html')
    const reader = new Readability<ElementNode>(doc as never, {
      maxElemsToParse: MAX_ELEMENTS,
      serializer: (node) => toTree(node as unknown as DomLike),
    })
    const r = reader.parse()
    if (r === null || r.content === null || r.content === undefined) return undefined
    return {
      content: r.content,
      ...(r.title ? { title: r.title } : {}),
      ...(r.byline ? { byline: r.byline } : {}),
    }
  } catch {
    return undefined
  }
}

/** Copies a linkedom subtree into the light tree (iteratively: deep pages must not overflow). */
function toTree(node: DomLike): ElementNode {
  const root = new ElementNode('div', {})
  let count = 1
  const stack: [DomLike, ElementNode][] = [[node, root]]
  while (stack.length > 0) {
    const [src, dst] = stack.pop()!
    const kids = src.childNodes
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i]!
      if (k.nodeType === 3) {
        const t = new TextNode(k.nodeValue ?? '')
        t.parent = dst
        dst.children.push(t)
      } else if (k.nodeType === 1) {
        const attrs: Record<string, string> = {}
        const cls = k.getAttribute?.('class')
        if (cls) attrs['class'] = cls
        const href = k.getAttribute?.('href')
        if (href) attrs['href'] = href
        const el = new ElementNode((k.localName ?? 'div').toLowerCase(), attrs)
        el.index = count++
        el.parent = dst
        dst.children.push(el)
        stack.push([k, el])
      }
    }
  }
  return root
}
