import { describe, expect, test } from 'vitest'
import { normText } from '../dom/index.js'
import { runReadability } from './index.js'

const P =
  'A paragraph of the article that is long enough for Readability to take it as content, with commas, clauses, and a full stop.'

describe('runReadability (the fallback contract: never throws, no markup in its text)', () => {
  test('finds the article and returns it as a light tree', () => {
    const html = `<html><head><title>T</title></head><body><div class="menu"><a href="/">Home</a></div><article>${`<p>${P}</p>`.repeat(5)}</article></body></html>`
    const r = runReadability(html)
    expect(r).toBeDefined()
    const text = normText(r!.content)
    expect(text).toContain(P)
    expect(text).not.toMatch(/<\/?[a-z]+[\s>]/i)
  })

  test.each([
    ['empty', ''],
    ['not HTML', '\u0000\u0001binary'],
    ['no article', '<html><body><nav><a href="/">Home</a></nav></body></html>'],
    ['truncated', `<html><body><article><p>${P}`],
  ])('%s: a value or undefined, never an exception', (_name, html) => {
    expect(() => runReadability(html)).not.toThrow()
  })
})
