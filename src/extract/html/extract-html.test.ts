/** The main method on small pages: one behaviour per case. Whole pages are in test/pages/. */
import { describe, expect, test } from 'vitest'
import { extractHtml } from './index.js'

const P1 =
  'The first paragraph of the story explains what happened on Tuesday night in the harbour, and who was there.'
const P2 =
  'A second paragraph adds the reaction of the harbour master, who said the damage would take weeks to repair.'
const P3 =
  'A third paragraph closes the story with what happens next, and when the harbour will reopen.'

const page = (body: string, head = '<title>Storm damages harbour | Daily</title>') =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`

const text = (html: string) => {
  const r = extractHtml(html)
  return r.ok ? r.value.text.split('\n\n') : [`(${r.error.code})`]
}

describe('extractHtml', () => {
  test('the container with the prose wins over menus and rails around it', () => {
    expect(
      text(
        page(
          `<nav><a href="/">Home</a><a href="/w">World</a></nav><div class="story"><p>${P1}</p><p>${P2}</p></div><div class="sidebar"><ul><li><a href="/a">Other headline one here</a></li><li><a href="/b">Other headline two here</a></li></ul></div>`,
        ),
      ),
    ).toEqual([P1, P2])
  })

  test('an article split over sibling containers is joined by their parent', () => {
    expect(
      text(
        page(
          `<article><div class="part"><p>${P1}</p></div><div class="ad">Advertisement</div><div class="part"><p>${P2}</p><p>${P3}</p></div></article>`,
        ),
      ),
    ).toEqual([P1, P2, P3])
  })

  test('a misleading class on the wrapper does not hide the article', () => {
    expect(
      text(
        page(
          `<div class="page has-comments"><h1>Storm damages harbour</h1><p>${P1}</p><p>${P2}</p></div>`,
        ),
      ),
    ).toEqual([P1, P2])
  })

  test('the headline, and what comes before it in the container, are dropped', () => {
    expect(
      text(
        page(
          `<article><div class="ticker"><p>${P3}</p></div><h1>Storm damages harbour</h1><p>${P1}</p><p>${P2}</p><p>${P2}</p></article>`,
        ),
      ),
    ).toEqual([P1, P2, P2])
  })

  test('byline and dateline lines at the top are dropped', () => {
    expect(
      text(
        page(
          `<article><p>By Jane Doe</p><p>Updated: November 19, 2019</p><p>${P1}</p><p>${P2}</p></article>`,
        ),
      ),
    ).toEqual([P1, P2])
  })

  test('a "Related" heading opens a rail that ends at the next paragraph of prose', () => {
    expect(
      text(
        page(
          `<article><p>${P1}</p><h3>Related</h3><p><a href="/x">Harbour fees to rise next year for boats</a></p><p>${P2}</p></article>`,
        ),
      ),
    ).toEqual([P1, P2])
  })

  test('teaser cards (linked headline and excerpt) leave the text and become related teasers', () => {
    const r = extractHtml(
      page(
        `<article><p>${P1}</p><p>${P2}</p><div class="grid"><div><h3><a href="https://x.example/1">First other story headline</a></h3><p>An excerpt of the first other story, long enough to look like prose.</p></div><div><h3><a href="https://x.example/2">Second other story headline</a></h3><p>An excerpt of the second other story, long enough to look like prose.</p></div></div></article>`,
      ),
    )
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.text.split('\n\n')).toEqual([P1, P2])
    expect(r.value.related.map((t) => t.url)).toEqual([
      'https://x.example/1',
      'https://x.example/2',
    ])
  })

  test('boilerplate lines inside the body are dropped and reported', () => {
    const r = extractHtml(
      page(
        `<article><p>${P1}</p><p>Advertisement</p><p>${P2}</p><p>Sign up for our daily newsletter here.</p></article>`,
      ),
    )
    expect(r.ok && r.value.text.split('\n\n')).toEqual([P1, P2])
    expect(r.ok && r.value.removed.map((x) => x.kind)).toEqual(['ad', 'newsletter'])
  })

  test('the method and a confidence are reported', () => {
    const r = extractHtml(page(`<article><p>${P1}</p><p>${P2}</p><p>${P3}</p></article>`))
    expect(r.ok && r.value.extraction.method).toBe('main')
    expect(r.ok && r.value.extraction.confidence).toBeGreaterThan(0)
  })

  test('when the page has too little prose, the JSON-LD articleBody is the text', () => {
    const body = `${P1}\n${P2}\n${P3}\n${P1}`
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Storm', articleBody: body })
    const r = extractHtml(
      page('<div id="app">Loading…</div>', `<script type="application/ld+json">${ld}</script>`),
    )
    expect(r.ok && r.value.extraction.method).toBe('json-ld')
    expect(r.ok && r.value.text.split('\n\n')).toEqual([P1, P2, P3, P1])
  })
})
