import { describe, expect, test } from 'vitest'
import { ElementNode } from '../dom/index.js'
import { classifyElement } from './furniture.js'

const el = (tag: string, attrs: Record<string, string> = {}) => new ElementNode(tag, attrs)

describe('classifyElement', () => {
  test.each([
    ['div', { class: 'share-buttons' }, 'share'],
    ['div', { class: 'sharedaddy sd-sharing-enabled' }, 'share'],
    ['ul', { class: 'social-links' }, 'share'],
    ['aside', { class: 'related-stories' }, 'related'],
    ['div', { class: 'relatedPosts' }, 'related'],
    ['div', { id: 'taboola-below-article' }, 'related'],
    ['div', { class: 'ad-slot' }, 'ad'],
    ['div', { class: 'dfp-tag-wrapper' }, 'ad'],
    ['div', { class: 'newsletter-signup' }, 'newsletter'],
    ['div', { id: 'cookie-consent' }, 'cookie'],
    ['section', { id: 'comments' }, 'comments'],
    ['div', { class: 'site-footer' }, 'footer'],
    ['header', { class: 'masthead' }, 'navigation'],
    ['p', { class: 'byline' }, 'byline'],
    ['div', { class: 'InlineImage-imageEmbedCaption' }, 'caption'],
    ['span', { class: 'newsCaption' }, 'caption'],
    ['figcaption', {}, 'caption'],
    ['nav', {}, 'navigation'],
    ['footer', {}, 'footer'],
    ['div', { role: 'navigation' }, 'navigation'],
    ['div', { 'aria-hidden': 'true' }, 'other'],
    ['div', { style: 'display: none' }, 'other'],
    ['div', { hidden: '' }, 'other'],
    ['span', { itemprop: 'author' }, 'byline'],
  ])('<%s %j> is %s', (tag, attrs, kind) => {
    expect(classifyElement(el(tag, attrs))?.kind).toBe(kind)
  })

  test.each([
    ['div', { class: 'article-body' }],
    ['div', { class: 'commentary' }],
    ['div', { class: 'hidden-xs col-md-8' }],
    ['blockquote', { class: 'twitter-tweet' }],
    ['div', { class: 'social-media-embed' }],
    ['div', { class: 'loading' }],
    ['p', {}],
  ])('<%s %j> is not furniture', (tag, attrs) => {
    expect(classifyElement(el(tag, attrs))).toBeUndefined()
  })
})
