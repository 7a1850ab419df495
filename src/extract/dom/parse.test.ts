import { describe, expect, test } from 'vitest'
import { type DomNode, type ElementNode, elementsByTag, normText, parseHtml } from './index.js'

/** The text nodes under <body>, joined by spaces. */
function bodyText(root: ElementNode): string {
  const parts: string[] = []
  const walk = [elementsByTag(root, 'body')[0] ?? root] as DomNode[]
  while (walk.length > 0) {
    const n = walk.pop()!
    if (n.type === 3) parts.push(n.text)
    else for (let i = n.children.length - 1; i >= 0; i--) walk.push(n.children[i]!)
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim()
}

describe('both parsers build the same light tree', () => {
  // Messy markup of the kinds real pages have: unclosed paragraphs and list items, misnested
  // inline tags, stray end tags, a block inside a link, entities, and a page cut off mid-tag.
  test.each([
    ['<p>One<p>Two<p>Three', 'One Two Three'],
    ['<ul><li>a<li>b</ul><p>after', 'a b after'],
    ['<p><b>bold <i>both</b> italic</i> plain</p>', 'bold both italic plain'],
    ['<div>x</span></div></div><p>y</p>', 'x y'],
    ['<a href="/"><div>block in a link</div></a>', 'block in a link'],
    ['<p>caf&eacute; &amp; &#8220;quotes&#8221;&nbsp;x</p>', 'café & “quotes” x'],
    ['<p>cut off in the mid', 'cut off in the mid'],
    ['<p>before<script>var a = "<p>not text</p>"</script>after</p>', 'before after'],
    ['<p>a<style>p { color: red }</style>b</p><template><p>inert</p></template>', 'a b'],
    ['<noscript><img src="x"><p>Enable JavaScript</p></noscript><p>text</p>', 'text'],
  ])('%s', (html, text) => {
    for (const parser of ['htmlparser2', 'parse5'] as const) {
      expect(bodyText(parseHtml(`<html><body>${html}</body></html>`, parser)), parser).toBe(text)
    }
  })

  test('JSON-LD script bodies are kept', () => {
    for (const parser of ['htmlparser2', 'parse5'] as const) {
      const root = parseHtml('<script type="application/ld+json">{"a":1}</script>', parser)
      expect(normText(elementsByTag(root, 'script')[0]!)).toBe('{"a":1}')
    }
  })

  test('attributes are lower-cased and kept once', () => {
    for (const parser of ['htmlparser2', 'parse5'] as const) {
      const p = elementsByTag(parseHtml('<P CLASS="a" class="b" ID=x>t</P>', parser), 'p')[0]!
      expect(p.attrs).toEqual({ class: 'a', id: 'x' })
    }
  })
})

describe('UTF-8 bytes read as Latin-1', () => {
  test('give the same tree as the decoded text', () => {
    const html =
      '<html><head><title>Café &amp; “news”</title><script type="application/ld+json">{"headline":"Zürich &amp; co"}</script></head><body><p class="naïve" title="a &amp; b – ü">Crème brûlée &eacute;&#233; 東京 &lt;tag&gt; 😀</p><p>x&amp;y</p></body></html>'
    const latin1 = Buffer.from(html, 'utf8').toString('latin1')
    const fast = parseHtml(latin1, 'htmlparser2', { utf8AsLatin1: true })
    const slow = parseHtml(html, 'htmlparser2')
    const dump = (root: ElementNode) =>
      JSON.stringify(root, (k, v) => (k === 'parent' ? undefined : v))
    expect(dump(fast)).toBe(dump(slow))
    expect(normText(elementsByTag(fast, 'script')[0]!)).toBe('{"headline":"Zürich &amp; co"}')
    expect(elementsByTag(fast, 'p')[0]!.attrs).toEqual({ class: 'naïve', title: 'a & b – ü' })
  })

  test('hand over to parse5 with the decoded text', () => {
    const html = `<html><body>${'<div>'.repeat(6000)}naïve${'</div>'.repeat(6000)}</body></html>`
    const root = parseHtml(Buffer.from(html).toString('latin1'), undefined, { utf8AsLatin1: true })
    expect(bodyText(root)).toBe('naïve')
  })
})

describe('deep nesting', () => {
  test('a page deeper than htmlparser2 handles well is parsed, with parse5', () => {
    const n = 20_000
    const root = parseHtml(
      `<html><body>${'<div>'.repeat(n)}deep${'</div>'.repeat(n)}</body></html>`,
    )
    let depth = 0
    for (
      let el: ElementNode | undefined = elementsByTag(root, 'body')[0];
      el;
      el = el.children.find((k): k is ElementNode => k.type === 1)
    )
      depth++
    expect(depth).toBe(n + 1)
    expect(bodyText(root)).toBe('deep')
  })
})
