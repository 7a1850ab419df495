import { describe, expect, test } from 'vitest'
import { pairMarks } from './marks.js'
import { scan } from './scan.js'

/** The quoted pieces of a text, by depth: "0:words" for top level, "1:words" inside. */
function pieces(text: string): string[] {
  const blocks = [...text.matchAll(/[^\n]+/g)].map((m) => ({
    kind: 'paragraph' as const,
    start: m.index,
    end: m.index + m[0].length,
  }))
  return pairMarks(scan(text, blocks, [])).map(
    (m) => `${m.depth}:${m.pieces.map((p) => text.slice(p.start, p.end)).join(' | ')}`,
  )
}

describe('pairMarks', () => {
  test.each([
    ['curly', 'He said “we win” today.', ['0:we win']],
    ['straight', 'He said "we win" and "they lose".', ['0:we win', '0:they lose']],
    ['doubled apostrophes', "''It is over,'' she said.", ['0:It is over,']],
    ['backticks and apostrophes', "``It is over,'' she said.", ['0:It is over,']],
    ['guillemets', '«Nous gagnerons», a-t-il dit.', ['0:Nous gagnerons']],
    ['low-high', 'Sie sagte: „Wir schaffen das.“', ['0:Wir schaffen das.']],
    ['nested single', '“He told me ‘no’ twice,” she said.', ['0:He told me ‘no’ twice,']],
    ['nested double', '“He said “no” twice,” she said.', ['0:He said “no” twice,', '1:no']],
    ['apostrophes', "The voters’ mood and the party's plan in the ’90s.", []],
    ['single-mark headline', 'Mayor says ‘I will win’ at rally', ['0:I will win']],
    [
      'over two paragraphs',
      '“First part of it.\n“Second part,” he said.',
      ['0:First part of it. | Second part,'],
    ],
    [
      'closing mark lost at paragraph end',
      'He said: “We are done.\nNext story.',
      ['0:We are done.'],
    ],
    ['markup attributes', '<tweet author="x" id="1">Hello</tweet>', []],
  ])('%s', (_name, text, want) => {
    expect(pieces(text)).toEqual(want)
  })
})
