import { describe, expect, test } from 'vitest'
import { JsonRecordSchema, plainRecord, recordToDocument } from './json-record.js'

/** Hand-made records: the shapes the fast path takes, and ones it must leave to zod. */
const plain: [string, unknown][] = [
  ['a headline', { title: 'Fed holds rates', date: '2014-03-10T16:52:50Z', source: 'Reuters' }],
  ['html with url', { url: 'https://example.com/a', html: '<p>x</p>', lang: 'en' }],
  ['text, blank and null fields', { text: 'Body.', title: '  ', url: null, description: '' }],
  ['authors as a string', { text: 'Body.', author: 'Ann Lee' }],
  ['authors as a list', { text: 'Body.', authors: ['Ann Lee', 'Bo Chen'] }],
  ['unknown fields kept aside', { text: 'Body.', id: 7, cluster_id: 'c1', source: { x: 1 } }],
]
const other: [string, unknown][] = [
  ['a number title', { title: 3 }],
  ['authors with a number', { text: 'x', authors: ['a', 1] }],
  ['an array', [{ title: 'x' }]],
  ['a string', 'just text'],
  ['null', null],
]

describe('plainRecord', () => {
  test.each(plain)('%s: the same data as the zod schema', (_, value) => {
    const fast = plainRecord(value)
    const { success, data } = JsonRecordSchema.safeParse(value)
    expect(success).toBe(true)
    const known = Object.fromEntries(
      Object.entries(data as Record<string, unknown>).filter(
        ([k, v]) => v !== undefined && k in (fast ?? {}),
      ),
    )
    expect(fast).toEqual(known)
    // …and every known field zod kept, the fast path kept too.
    for (const [k, v] of Object.entries(data as Record<string, unknown>))
      if (v !== undefined && k in (value as object) && !['id', 'cluster_id'].includes(k))
        expect(fast).toHaveProperty(k)
  })

  test.each(other)('%s: left to zod', (_, value) => {
    expect(plainRecord(value)).toBeUndefined()
  })

  test.each(other)('%s: recordToDocument still explains it', (_, value) => {
    const r = recordToDocument(value, { location: 'x#L1', kind: 'file', fetchedAt: '2026-01-01' })
    expect(r.ok).toBe(false)
  })
})
