import { describe, expect, test } from 'vitest'
import { parseHtml } from '../dom/index.js'
import { segment } from './segment.js'

const blocks = (html: string) =>
  segment(parseHtml(`<html><body>${html}</body></html>`)).blocks.map((b) => [b.kind, b.text])

describe('segment', () => {
  test('block elements, inline runs and kinds', () => {
    expect(
      blocks(
        '<h2>Head</h2><p>One <b>two</b> <a href="#">three</a></p><div>loose text<p>inner</p>tail</div><ul><li>item</li></ul><blockquote><p>quoted</p></blockquote><pre>a\n  b</pre>',
      ),
    ).toEqual([
      ['heading', 'Head'],
      ['paragraph', 'One two three'],
      ['paragraph', 'loose text'],
      ['paragraph', 'inner'],
      ['paragraph', 'tail'],
      ['list-item', 'item'],
      ['quote', 'quoted'],
      ['pre', 'a\n  b'],
    ])
  })

  test('<br> breaks a line, <br><br> a block', () => {
    expect(blocks('<div>first line<br>same block<br><br>next block</div>')).toEqual([
      ['paragraph', 'first line\nsame block'],
      ['paragraph', 'next block'],
    ])
  })

  test('a data table is one block; a layout table is its cells', () => {
    expect(
      blocks('<table><tr><th>Team</th><th>Pts</th></tr><tr><td>Ayr</td><td>12</td></tr></table>'),
    ).toEqual([['table', 'Team | Pts\nAyr | 12']])
    expect(
      blocks(
        '<table><tr><td><p>A long column of text.</p></td><td><div>side</div></td></tr></table>',
      ),
    ).toEqual([
      ['paragraph', 'A long column of text.'],
      ['paragraph', 'side'],
    ])
  })

  test('inline furniture is cut out of its paragraph and kept apart', () => {
    const seg = segment(
      parseHtml('<p>Before <span class="image-credit">(Image: X)</span>after.</p>'),
    )
    expect(seg.blocks.map((b) => b.text)).toEqual(['Before after.'])
    expect(seg.inlineRemoved.map((r) => [r.region.kind, r.text])).toEqual([
      ['caption', '(Image: X)'],
    ])
  })

  test('link characters are counted', () => {
    const [b] = segment(parseHtml('<p>See <a href="/x">this story</a></p>')).blocks
    expect([b?.chars, b?.linkChars]).toEqual([12, 9])
  })

  test('furniture regions are recorded, outermost first', () => {
    const seg = segment(
      parseHtml('<div class="sidebar"><div class="newsletter"><p>Sign up</p></div></div>'),
    )
    expect(seg.blocks[0]?.regions.map((r) => r.kind)).toEqual(['navigation', 'newsletter'])
  })
})
