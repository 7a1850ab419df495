import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { buildCopyCorpus, type Original, scoreCopyGroups } from '../../test/helpers/copy-corpus.js'
import { createLinker } from './index.js'

const fixture = new URL('../../test/link/wikinews-sample.jsonl', import.meta.url)
const originals: Original[] = readFileSync(fixture, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))

describe('copies on a corpus rewritten by rules', () => {
  test.each([7, 23])('seed %i: precision ≥ 0.99, recall ≥ 0.95', (seed) => {
    const corpus = buildCopyCorpus(originals, { seed })
    const linker = createLinker({ related: false })
    for (const a of corpus) linker.add(a)
    const s = scoreCopyGroups(corpus, (id) => linker.originOf(id))
    expect(s.truePairs).toBeGreaterThan(50)
    expect(s.precision).toBeGreaterThanOrEqual(0.99)
    expect(s.recall).toBeGreaterThanOrEqual(0.95)
  })

  test('a copy names the earliest article as origin, the credited wire, and joins its story', () => {
    const corpus = buildCopyCorpus(originals, { seed: 7 })
    const linker = createLinker({ related: false })
    const results = new Map(corpus.map((a) => [a.id, linker.add(a)]))
    const credited = corpus.filter((a) => a.rules.includes('credit'))
    expect(credited.length).toBeGreaterThan(3)
    for (const a of credited) {
      const r = results.get(a.id)!
      expect(r.copy?.originId).toBe(a.group)
      expect(r.copy?.wire).toMatch(/^(AP|Reuters|AFP)$/)
      expect(r.assignment.reason.kind).toBe('copy')
      expect(r.assignment.storyId).toBe(linker.storyOf(a.group))
    }
  })

  test('originals on the same subject are not copies of each other', () => {
    const linker = createLinker({ related: false })
    const links = originals.map((o) => linker.add(o).copy)
    expect(links.filter(Boolean)).toEqual([])
  })
})

describe('diff of a copy', () => {
  const o = originals[0]!
  const paras = o.text.split('\n\n')

  test('headline, added and cut paragraphs', () => {
    const copyText = [...paras.slice(0, -1), 'Sign up for our newsletter today.'].join('\n\n')
    const d = createLinker().diff(o, { id: 'c', title: `UPDATE: ${o.title}`, text: copyText })
    expect(d.headline).toEqual({ from: o.title, to: `UPDATE: ${o.title}` })
    expect(d.paragraphsAdded).toEqual(['Sign up for our newsletter today.'])
    expect(d.paragraphsRemoved).toEqual([paras.at(-1)])
    expect(d.sentencesRewritten).toEqual([])
    expect(d.reordered).toBe(false)
  })

  test('reworded and moved sentences', () => {
    const first = paras[0]!.split(/(?<=\.)\s+/)
    expect(first.length).toBeGreaterThan(1)
    const reworded = first[0]!.replace(/\b(\w{5,})\b/, 'REPLACED')
    const moved = [...first.slice(1), reworded].join(' ')
    const d = createLinker().diff(o, {
      id: 'c',
      title: o.title,
      text: [moved, ...paras.slice(1)].join('\n\n'),
    })
    expect(d.headline).toBeUndefined()
    expect(d.reordered).toBe(true)
    expect(d.sentencesRewritten).toHaveLength(1)
    expect(
      d.sentencesRewritten[0]!.changes.some(
        (c) => c.kind === 'added' && c.text.includes('REPLACED'),
      ),
    ).toBe(true)
  })
})
