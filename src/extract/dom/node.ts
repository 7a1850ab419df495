/**
 * The light document tree that extraction works on. Both parsers (htmlparser2 and parse5, see
 * parse.ts) build it, so the extractor does not depend on either one's node types. Comments and
 * doctypes are not kept; script and style bodies are dropped while parsing, except JSON-LD.
 */

export class TextNode {
  readonly type = 3 as const
  parent: ElementNode | null = null
  constructor(public text: string) {}
}

export class ElementNode {
  readonly type = 1 as const
  parent: ElementNode | null = null
  readonly children: DomNode[] = []
  /**
   * Position in creation order within its tree (0 for the root), set by the tree's builder, so
   * that per-element data can live in arrays rather than maps.
   */
  index = 0
  constructor(
    /** Lower-case tag name; `#document` for the root. */
    public readonly tag: string,
    public readonly attrs: Record<string, string>,
  ) {}

  /** The attribute's value, or undefined. */
  attr(name: string): string | undefined {
    return Object.hasOwn(this.attrs, name) ? this.attrs[name] : undefined
  }
}

export type DomNode = ElementNode | TextNode

/** Calls `visit` on every element under `root` (itself included) in document order; iterative. */
export function forEachElement(root: ElementNode, visit: (el: ElementNode) => unknown): void {
  // An explicit stack: pages can nest 100,000 elements deep, far past the call stack.
  const stack: ElementNode[] = [root]
  while (stack.length > 0) {
    const el = stack.pop()!
    if (visit(el) === false) continue // false: do not descend
    const kids = el.children
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i]!
      if (k.type === 1) stack.push(k)
    }
  }
}

/** The first element under `root` (itself included) matching `test`, in document order. */
export function findElement(
  root: ElementNode,
  test: (el: ElementNode) => boolean,
): ElementNode | undefined {
  let found: ElementNode | undefined
  forEachElement(root, (el) => {
    if (found !== undefined) return false
    if (test(el)) {
      found = el
      return false
    }
    return true
  })
  return found
}

/** All elements under `root` (itself included) with one of the given tags, in document order. */
export function elementsByTag(root: ElementNode, ...tags: string[]): ElementNode[] {
  const out: ElementNode[] = []
  const set = new Set(tags)
  forEachElement(root, (el) => {
    if (set.has(el.tag)) out.push(el)
  })
  return out
}

/** The raw text under `node`, concatenated in document order (no whitespace normalisation). */
export function rawText(node: DomNode): string {
  if (node.type === 3) return node.text
  let out = ''
  const stack: DomNode[] = [node]
  while (stack.length > 0) {
    const n = stack.pop()!
    if (n.type === 3) {
      out += n.text
      continue
    }
    const kids = n.children
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!)
  }
  return out
}

/** Text with runs of whitespace collapsed to one space and trimmed. */
export function normText(node: DomNode): string {
  return collapseSpace(rawText(node))
}

/** Collapses whitespace runs (including non-breaking spaces) to one space and trims. */
export function collapseSpace(s: string): string {
  return s.replace(/[\s\u00a0\u200b\u2028\u2029]+/g, ' ').trim()
}

/** Is `node` inside `ancestor` (or equal to it)? */
export function isInside(node: DomNode, ancestor: ElementNode): boolean {
  let n: DomNode | null = node
  while (n !== null) {
    if (n === ancestor) return true
    n = n.parent
  }
  return false
}

/** Removes `node` from its parent. */
export function detach(node: DomNode): void {
  const p = node.parent
  if (p === null) return
  const i = p.children.indexOf(node)
  if (i >= 0) p.children.splice(i, 1)
  node.parent = null
}
