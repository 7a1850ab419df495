import { describe, expect, test } from 'vitest'
import { createLinker, Linker, type LinkInput } from './index.js'

// Hand-written articles on three subjects, a few hours apart.
const H = (h: number) => new Date(Date.UTC(2024, 4, 1, h)).toISOString()
const flood = [
  'Floods in Valencia: rescuers search for missing residents after torrential rain swept through the Valencia region, Spanish emergency services said.',
  'Spanish emergency services in Valencia pulled residents from flooded homes as the torrential rain continued and rescuers searched for the missing.',
  'The death toll from the Valencia floods rose as rescuers searched flooded towns; the regional government asked Spanish emergency services for help.',
]
const election = [
  'Norway votes in a parliamentary election: Labour leader Jonas Gahr Store hopes to keep power as polls show a close race with the Conservatives.',
  'Polls closed in Norway, where the parliamentary election pits Labour leader Jonas Gahr Store against the Conservatives in a close race.',
  'Jonas Gahr Store claimed victory for Labour in the Norway parliamentary election after a close race with the Conservatives.',
]
const merger = [
  'Two regional banks, Northbank and Fjordsparebank, agreed to merge, creating the largest lender in the region, the banks said in a statement.',
  'Shareholders of Northbank and Fjordsparebank will vote on the merger that creates the largest regional lender, the banks said.',
  'Regulators will review the Northbank and Fjordsparebank merger, which would create the largest lender in the region.',
]
const article = (
  id: string,
  text: string,
  h: number,
  extra: Partial<LinkInput> = {},
): LinkInput => ({
  id,
  title: text.split(/[:,.]/)[0]!,
  text,
  publishedAt: H(h),
  ...extra,
})
const stream = (): LinkInput[] => [
  article('f1', flood[0]!, 1),
  article('e1', election[0]!, 2),
  article('m1', merger[0]!, 3),
  article('f2', flood[1]!, 4),
  article('e2', election[1]!, 5),
  article('m2', merger[1]!, 6),
  article('f3', flood[2]!, 7),
  article('e3', election[2]!, 8),
  article('m3', merger[2]!, 9),
]

describe('stories', () => {
  test('articles on one subject share a story; each subject has its own', () => {
    const l = createLinker()
    const results = stream().map((a) => l.add(a))
    expect(results[0]!.assignment.reason.kind).toBe('new')
    for (const s of ['f', 'e', 'm']) {
      const ids = [1, 2, 3].map((n) => l.storyOf(`${s}${n}`))
      expect(new Set(ids).size).toBe(1)
    }
    expect(new Set(['f1', 'e1', 'm1'].map((id) => l.storyOf(id))).size).toBe(3)
  })

  test('an assignment says why: shared terms and the similarity', () => {
    const l = createLinker()
    const r = stream().map((a) => l.add(a))
    const e2 = r[4]!.assignment
    expect(e2.reason.kind).toBe('similar')
    expect(e2.storyId).toBe('e1')
    expect(e2.similarity).toBeGreaterThan(0)
    expect(e2.reason.terms.join(' ')).toMatch(/Store|Labour|Norway|election/)
  })

  test('shared entities from annotations are named in the reason', () => {
    const l = createLinker()
    const ent = (name: string) => ({
      id: name,
      type: 'person' as const,
      name,
      aliases: [],
      descriptions: [],
      mentions: [{ start: 0, end: 1, text: name, kind: 'name' as const }],
    })
    const ann = { entities: [ent('Jonas Gahr Store')], quotes: [] }
    l.add(article('a', election[0]!, 1, { annotations: ann }))
    const r = l.add(article('b', election[1]!, 2, { annotations: ann }))
    expect(r.assignment.storyId).toBe('a')
    expect(r.assignment.reason.entities).toContain('Jonas Gahr Store')
  })

  test('time: the same subject days later opens a new story', () => {
    const l = createLinker()
    l.add(article('f1', flood[0]!, 1))
    const r = l.add(article('f2', flood[1]!, 24 * 20))
    expect(r.assignment.reason.kind).toBe('new')
  })
})

/** A cast member named `mentions` times (salience √mentions, doubled in the headline). */
const person = (name: string, mentions = 9) => ({
  id: name,
  type: 'person' as const,
  name,
  aliases: [],
  descriptions: [],
  mentions: Array.from({ length: mentions }, () => ({
    start: 0,
    end: 1,
    text: name,
    kind: 'name' as const,
  })),
})

describe('the protagonist', () => {
  // Two arrests of two players of one team, told in the same words: what tells them apart is
  // who each article is about.
  const arrest = (id: string, name: string, detail: string, other?: string): LinkInput => ({
    id,
    title: `Chargers player ${name} arrested on suspicion of drunk driving`,
    text: `San Diego Chargers player ${name} was arrested on suspicion of drunk driving ${detail}, police said. The team said it was aware of the arrest.`,
    annotations: {
      entities: [person(name, 9), ...(other ? [person(other, 1)] : [])],
      quotes: [],
    },
  })
  const run = (stories: Record<string, number>) => {
    const l = createLinker({ stories })
    l.add(
      arrest('j1', 'Vincent Jackson', 'early on Tuesday after failing sobriety tests on a freeway'),
    )
    l.add(arrest('j2', 'Vincent Jackson', 'five days before a playoff game against Pittsburgh'))
    l.add(
      arrest(
        'w1',
        'Jamal Williams',
        'early on Sunday after he was stopped for speeding downtown',
        'Vincent Jackson',
      ),
    )
    return l
  }

  test('an article about another person than the story is about needs more to join', () => {
    expect(run({ leadPenalty: 1 }).storyOf('w1')).toBe('j1')
    expect(run({ leadPenalty: 0.5, leadSalience: 5 }).storyOf('w1')).toBe('w1')
    // A protagonist below the salience floor is not evidence against the story.
    expect(run({ leadPenalty: 0.5, leadSalience: 7 }).storyOf('w1')).toBe('j1')
  })

  test('the reason names the protagonist, and the runner-up it lowered (also after a restore)', () => {
    const stories = { leadPenalty: 0.5, leadSalience: 5 }
    const l = createLinker({ stories })
    l.add(
      arrest('j1', 'Vincent Jackson', 'early on Tuesday after failing sobriety tests on a freeway'),
    )
    const j2 = l.add(
      arrest('j2', 'Vincent Jackson', 'five days before a playoff game against Pittsburgh'),
    )
    expect(j2.assignment.reason.protagonist).toBe('Vincent Jackson')
    expect(j2.assignment.reason.runnerUp).toBeUndefined()
    const restored = Linker.fromJSON(JSON.parse(JSON.stringify(l.toJSON())), { stories })
    const w1 = restored.add(
      arrest('w1', 'Jamal Williams', 'early on Sunday after he was stopped for speeding downtown'),
    )
    expect(w1.assignment.reason.kind).toBe('new')
    expect(w1.assignment.reason.protagonist).toBe('Jamal Williams')
    expect(w1.assignment.reason.runnerUp).toMatchObject({
      storyId: 'j1',
      protagonist: 'Vincent Jackson',
    })
  })

  test("an article about the story's protagonist gains the bonus, and the state keeps it", () => {
    const about = (id: string, title: string, text: string): LinkInput => ({
      id,
      title,
      text,
      annotations: { entities: [person('Hugh Jackman', 9)], quotes: [] },
    })
    const first = about(
      'h1',
      'Hugh Jackman to host the Academy Awards',
      'The producers of the Academy Awards picked Hugh Jackman to host the ceremony in February, the academy said.',
    )
    // One shared word (cosine 0.11, under the threshold of 0.25); the same protagonist.
    const second = about(
      'h2',
      'It is a tough job',
      'It is a tough job, and the song-and-dance man Jackman has done it twice on Broadway before a crowd of thousands.',
    )
    for (const [bonus, joined] of [
      [0, false],
      [0.3, true],
    ] as const) {
      // Entities as terms off: the shared name alone would carry the join.
      const stories = { leadBonus: bonus, leadSalience: 0, entityWeight: 0 }
      const l = createLinker({ stories })
      l.add(first)
      const restored = Linker.fromJSON(JSON.parse(JSON.stringify(l.toJSON())), { stories })
      expect(restored.add(second).assignment.storyId === 'h1').toBe(joined)
    }
  })
})

describe('second chance for stories with text: one protagonist', () => {
  const about = (id: string, who: string, title: string, text: string): LinkInput => ({
    id,
    title,
    text,
    annotations: { entities: [person(who)], quotes: [] },
  })
  // Two stories that share few words; the third article bridges them and joins the first.
  const run = (second: string, stories: Record<string, number>) => {
    const l = createLinker({ stories: { mergeThreshold: 0.2, ...stories } })
    l.add(
      about(
        'h1',
        'Hugh Jackman',
        'Hugh Jackman to host the Academy Awards',
        'The producers of the Academy Awards picked Hugh Jackman to host the ceremony in February, the academy said.',
      ),
    )
    l.add(
      about(
        'h2',
        second,
        'A song-and-dance man on Broadway',
        `The song-and-dance man ${second.split(' ')[1]} sang twice on Broadway before a crowd of thousands, and won a Tony.`,
      ),
    )
    const last = l.add(
      about(
        'h3',
        'Hugh Jackman',
        'The song-and-dance man will host the Academy Awards',
        'The song-and-dance man, who won a Tony on Broadway, will host the Academy Awards ceremony in February, the producers said.',
      ),
    )
    return { l, last }
  }

  test('merged when both are about one person, not when about two', () => {
    const same = run('Hugh Jackman', { mergeSameLead: 1 })
    expect(same.last.merged).toEqual([{ into: 'h1', from: 'h2', similarity: 0.417 }])
    expect(same.l.storyOf('h2')).toBe('h1')
    const two = run('Ellen DeGeneres', { mergeSameLead: 1 })
    expect(two.last.merged).toBeUndefined()
    expect(two.l.storyOf('h2')).toBe('h2')
    // Without the protagonist test the two stories merge on their words alone.
    expect(run('Ellen DeGeneres', { mergeSameLead: 0 }).l.storyOf('h2')).toBe('h1')
  })
})

describe('user corrections', () => {
  test('a moved article leaves its story, and look-alikes do not join that story again', () => {
    const l = createLinker()
    for (const a of stream().slice(0, 6)) l.add(a)
    const to = l.move('f2', 'new')!
    expect(l.storyOf('f2')).toBe(to)
    expect(to).not.toBe(l.storyOf('f1'))
    // A near copy of f2's text arrives: it follows the user's decision.
    const r = l.add(article('f2b', `${flood[1]!} More rain is expected.`, 7))
    expect(r.assignment.storyId).not.toBe(l.storyOf('f1'))
  })

  test('merged stories take later articles as one', () => {
    const l = createLinker()
    for (const a of stream().slice(0, 3)) l.add(a)
    expect(l.merge('f1', 'e1')).toBe(true)
    expect(l.storyOf('e1')).toBe('f1')
    const r = l.add(article('e2', election[1]!, 4))
    expect(r.assignment.storyId).toBe('f1')
  })

  test('a split keeps later articles on their side', () => {
    const l = createLinker()
    for (const a of stream()) l.add(a)
    l.merge('f1', 'e1')
    const split = l.split('f1', ['e1', 'e2', 'e3'])!
    expect(l.storyOf('e2')).toBe(split)
    expect(l.storyOf('f2')).toBe('f1')
    const r = l.add(article('e4', election[2]!.replace('claimed', 'celebrated'), 10))
    expect(r.assignment.storyId).toBe(split)
  })
})

describe('second chance: young stories merged', () => {
  // Headlines only, minutes apart: a phone launch and a stage show start as two stories (join
  // threshold 0.3), then a headline naming both joins one with the other as runner-up. The two
  // stories' centroids then meet at 0.205.
  const M = (m: number) => new Date(Date.UTC(2024, 4, 1, 9, m)).toISOString()
  const heads = [
    'iPhone 6 unveiled with a bigger screen',
    'Storm Ciara floods towns across northern England',
    'Tim Cook shows the new watch on stage in Cupertino',
    'The iPhone 6 has a bigger screen',
    'Tim Cook on stage in Cupertino with the watch',
    'Northern England towns flooded as Storm Ciara hits',
    'Tim Cook unveils iPhone 6 with a bigger screen and the watch in Cupertino',
  ]
  const run = (stories: Record<string, number>, before?: (l: Linker) => void) => {
    const l = createLinker({ stories: { titleOnlyThreshold: 0.3, ...stories } })
    const results = heads.map((title, i) => {
      if (i === heads.length - 1) before?.(l)
      return l.add({ id: `h${i}`, title, publishedAt: M(5 * i) })
    })
    return { l, last: results[results.length - 1]! }
  }

  test.each([
    { threshold: 0.2, merged: true },
    { threshold: 0.21, merged: false },
    { threshold: 0, merged: false },
  ])('merge threshold $threshold: merged $merged', ({ threshold, merged }) => {
    const { l, last } = run({ titleOnlyMergeThreshold: threshold })
    expect(l.storyOf('h0') === l.storyOf('h2')).toBe(merged)
    expect(l.storyOf('h1')).not.toBe(l.storyOf('h0'))
    if (merged) {
      expect(last.merged).toEqual([{ into: 'h2', from: 'h0', similarity: 0.205 }])
      expect(last.assignment.storyId).toBe('h2')
      expect(l.storyOf('h3')).toBe('h2')
    } else expect(last.merged).toBeUndefined()
  })

  test('stories with text ask for the (stricter) mergeThreshold', () => {
    const l = createLinker({ stories: { titleOnlyThreshold: 0.3, titleOnlyMergeThreshold: 0.2 } })
    heads.forEach((title, i) => {
      const text = i === 0 ? `${title}. The phone goes on sale next week.` : undefined
      l.add({ id: `h${i}`, title, ...(text && { text }), publishedAt: M(5 * i) })
    })
    expect(l.storyOf('h0')).not.toBe(l.storyOf('h2'))
  })

  test.each([false, true])(
    'restored from JSON, a story a user corrected (pinned: %s) is never merged automatically',
    (pinned) => {
      const options = { stories: { titleOnlyThreshold: 0.3, titleOnlyMergeThreshold: 0.2 } }
      const l = createLinker(options)
      for (const [i, title] of heads.slice(0, -1).entries())
        l.add({ id: `h${i}`, title, publishedAt: M(5 * i) })
      const state = JSON.parse(JSON.stringify(l.toJSON()))
      for (const s of state.stories.stories) if (s.id === 'h0') s.pinned = pinned
      const restored = Linker.fromJSON(state, options)
      const last = restored.add({ id: 'h6', title: heads[6]!, publishedAt: M(30) })
      expect(last.merged === undefined).toBe(pinned)
      expect(restored.storyOf('h0') === restored.storyOf('h2')).toBe(!pinned)
    },
  )
})

describe('state', () => {
  test('saved and restored (through JSON), the linker decides as if never stopped', () => {
    const all = stream()
    const a = createLinker()
    const b = createLinker()
    for (const x of all.slice(0, 5)) {
      a.add(x)
      b.add(x)
    }
    const restored = Linker.fromJSON(JSON.parse(JSON.stringify(b.toJSON())))
    for (const x of all.slice(5)) {
      expect(restored.add(x)).toEqual(a.add(x))
    }
    expect(restored.related('f3', { k: 3 })).toEqual(a.related('f3', { k: 3 }))
  })

  test('rebuilt from stored assignments, later decisions follow them', () => {
    const all = stream()
    const first = createLinker()
    const stored = all.slice(0, 6).map((x) => ({ x, storyId: first.add(x).assignment.storyId }))
    const rebuilt = createLinker()
    for (const { x, storyId } of stored) rebuilt.remember(x, { storyId })
    for (const x of all.slice(6)) expect(rebuilt.add(x).assignment).toEqual(first.add(x).assignment)
  })
})

describe('related articles', () => {
  const base = 'Valencia emergency services rescuers floods torrential rain'
  test('top-k across the corpus, not the same story unless asked, never copies', () => {
    const l = createLinker()
    for (const a of stream()) l.add(a)
    // A later flood article, weeks on: its own story, related to the first flood story.
    l.add(
      article(
        'g1',
        `${base}: a month after the floods, Valencia rebuilds homes and roads.`,
        24 * 30,
      ),
    )
    const rel = l.related('g1', { k: 3 })
    expect(rel.map((r) => r.id)).toContain('f1')
    expect(rel[0]!.terms.length).toBeGreaterThan(0)
    expect(l.related('f1', { k: 5 }).map((r) => r.id)).not.toContain('f2')
    expect(l.related('f1', { k: 5, sameStory: true }).map((r) => r.id)).toContain('f2')
  })
})

describe('the related rail', () => {
  test('teasers match stored articles by URL (tracking parameters ignored) or title, either order', () => {
    const l = createLinker()
    l.add(article('a', flood[0]!, 1, { url: 'https://www.example.com/news/floods-valencia/' }))
    const r = l.add(
      article('b', election[0]!, 2, {
        related: [
          {
            title: 'Something else',
            url: 'https://example.com/news/floods-valencia?utm_source=rss',
          },
          { title: 'Northbank and Fjordsparebank agree to merge' },
        ],
      }),
    )
    expect(r.rail).toEqual([{ fromId: 'b', teaser: 0, toId: 'a', by: 'url' }])
    const later = l.add({
      ...article('c', merger[0]!, 3),
      title: 'Northbank and Fjordsparebank agree to merge',
    })
    expect(later.rail).toEqual([{ fromId: 'b', teaser: 1, toId: 'c', by: 'title' }])
  })
})
