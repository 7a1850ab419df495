/**
 * @module A corpus of syndicated copies built by rules from original articles: each original
 * gets 0–3 copies, each copy rewritten the way aggregators and partner sites do (headline
 * changed, paragraphs added or cut, sentences reordered, words swapped, a wire credit added).
 * Used by the copies test and by `npm run bench:copies`. Deterministic for a seed.
 */
import { seededRandom, shuffle } from '../../src/core/index.js'

export interface Original {
  id: string
  title: string
  text: string
  date?: string
  url?: string
}

export interface CorpusArticle {
  id: string
  title: string
  text: string
  publishedAt: string
  url: string
  siteName: string
  /** The original this article is, or copies (the truth). */
  group: string
  /** The rules applied (empty for an original). */
  rules: string[]
}

const SYNONYMS: Record<string, string> = {
  said: 'stated',
  says: 'states',
  people: 'persons',
  announced: 'revealed',
  government: 'administration',
  city: 'town',
  large: 'big',
  began: 'started',
  killed: 'left dead',
  about: 'around',
  country: 'nation',
  officials: 'authorities',
  however: 'but',
  including: 'among them',
  reported: 'stated',
  more: 'over',
  told: 'informed',
  also: 'additionally',
  after: 'following',
  before: 'prior to',
  because: 'as',
  many: 'numerous',
  help: 'assist',
  show: 'indicate',
  number: 'total',
}

const SITES = ['Daily Planet', 'Metro Wire', 'News Now', 'The Aggregator', 'Evening Post', 'Info24']
const BOILERPLATE = [
  'Sign up for our newsletter to get the top stories of the day delivered to your inbox.',
  'This article originally appeared on a partner site and is republished here with permission.',
  'Follow us on social media for the latest updates on this and other stories.',
  'Readers can share their views on this story in the comments below.',
  'Our reporters will continue to follow this story as it develops over the coming days.',
]
const WIRES = ['(AP) —', '(Reuters) -', '(AFP) —']
const CITIES = ['LONDON', 'NEW YORK', 'PARIS', 'SYDNEY', 'NAIROBI', 'TORONTO']

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!
}

function sentencesOf(p: string): string[] {
  return p.split(/(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[A-Z0-9])/)
}

type Rule = (r: () => number, a: { title: string; paras: string[] }) => string

const RULES = {
  headline: (r, a) => {
    const k = Math.floor(r() * 3)
    if (k === 0) a.title = `${pick(r, ['UPDATE:', 'Breaking:', 'Watch:', 'Report:'])} ${a.title}`
    else if (k === 1) a.title = `${a.title} | ${pick(r, SITES)}`
    else a.title = sentencesOf(a.paras[0]!)[0]!.split(' ').slice(0, 10).join(' ')
    return 'headline'
  },
  dropParagraphs: (r, a) => {
    if (a.paras.length <= 3) return 'dropParagraphs:none'
    if (r() < 0.5) {
      const n = 1 + Math.floor(r() * Math.min(3, a.paras.length - 3))
      a.paras.splice(a.paras.length - n, n)
      return `dropParagraphs:last${n}`
    }
    a.paras.splice(1 + Math.floor(r() * (a.paras.length - 2)), 1)
    return 'dropParagraphs:middle'
  },
  addParagraph: (r, a) => {
    const p = pick(r, BOILERPLATE)
    if (r() < 0.5) a.paras.push(p)
    else a.paras.splice(1 + Math.floor(r() * (a.paras.length - 1)), 0, p)
    return 'addParagraph'
  },
  reorderSentences: (r, a) => {
    const multi = a.paras.map((p, i) => [p, i] as const).filter(([p]) => sentencesOf(p).length >= 2)
    if (multi.length === 0) {
      if (a.paras.length >= 3) {
        const i = 1 + Math.floor(r() * (a.paras.length - 2))
        ;[a.paras[i], a.paras[i + 1]] = [a.paras[i + 1]!, a.paras[i]!]
      }
      return 'reorderParagraphs'
    }
    const [p, i] = pick(r, multi)
    const s = sentencesOf(p)
    const j = Math.floor(r() * (s.length - 1))
    ;[s[j], s[j + 1]] = [s[j + 1]!, s[j]!]
    a.paras[i] = s.join(' ')
    return 'reorderSentences'
  },
  swapWords: (r, a) => {
    let n = 0
    a.paras = a.paras.map((p) =>
      p.replace(/\b[a-z]+\b/g, (w) => {
        const s = SYNONYMS[w]
        if (s && r() < 0.6) {
          n++
          return s
        }
        return w
      }),
    )
    return `swapWords:${n}`
  },
  credit: (r, a) => {
    a.paras[0] = `${pick(r, CITIES)} ${pick(r, WIRES)} ${a.paras[0]}`
    return 'credit'
  },
} satisfies Record<string, Rule>

/** Builds the corpus: the originals plus their copies, in time order. */
export function buildCopyCorpus(
  originals: readonly Original[],
  options: { seed?: number; maxCopies?: number } = {},
): CorpusArticle[] {
  const r = seededRandom(options.seed ?? 7)
  const maxCopies = options.maxCopies ?? 3
  const out: CorpusArticle[] = []
  const base = Date.parse('2020-01-01T00:00:00Z')
  originals.forEach((o, n) => {
    const t0 = (o.date ? Date.parse(o.date) : base) + n * 60_000
    out.push({
      id: o.id,
      title: o.title,
      text: o.text,
      publishedAt: new Date(t0).toISOString(),
      url: o.url ?? `https://origin.example/${n}`,
      siteName: 'Origin',
      group: o.id,
      rules: [],
    })
    const copies = Math.floor(r() * (maxCopies + 1))
    for (let c = 0; c < copies; c++) {
      const a = { title: o.title, paras: o.text.split(/\n\s*\n/).map((p) => p.trim()) }
      const names = Object.keys(RULES) as (keyof typeof RULES)[]
      const rules: string[] = []
      if (r() < 0.8) rules.push(RULES.headline(r, a))
      // Two to four of the other rules, in a random order.
      const others = shuffle(
        names.filter((x) => x !== 'headline'),
        r,
      )
      for (const name of others.slice(0, 2 + Math.floor(r() * 3))) rules.push(RULES[name](r, a))
      const site = pick(r, SITES)
      out.push({
        id: `${o.id}#copy${c + 1}`,
        title: a.title,
        text: a.paras.join('\n\n'),
        publishedAt: new Date(t0 + (1 + Math.floor(r() * 47)) * 3_600_000).toISOString(),
        url: `https://${site.toLowerCase().replace(/\s+/g, '-')}.example/${n}-${c}`,
        siteName: site,
        group: o.id,
        rules,
      })
    }
  })
  return out.sort((a, b) =>
    a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : 0,
  )
}

/** Pairwise precision and recall of predicted copy groups against the truth. */
export function scoreCopyGroups(
  articles: readonly CorpusArticle[],
  predictedGroup: (id: string) => string,
): { precision: number; recall: number; truePairs: number; predictedPairs: number } {
  let tp = 0
  let pp = 0
  let gp = 0
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      const a = articles[i]!
      const b = articles[j]!
      const gold = a.group === b.group
      const pred = predictedGroup(a.id) === predictedGroup(b.id)
      if (gold) gp++
      if (pred) pp++
      if (gold && pred) tp++
    }
  }
  return {
    precision: pp ? tp / pp : 1,
    recall: gp ? tp / gp : 1,
    truePairs: gp,
    predictedPairs: pp,
  }
}
