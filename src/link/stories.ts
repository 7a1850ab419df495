/**
 * @module Online story clustering. Articles arrive one at a time in time order; each is compared
 * with the stories still open (TF-IDF centroids over headline, lead and cast, found through an
 * inverted index), weighed by the time since the story's latest article, and joins the best
 * story above a threshold or opens a new one. Nothing is re-run: an assignment is final unless
 * a user moves the article, and user corrections shape later assignments.
 */
import {
  extractFeatures,
  type FeatureOptions,
  type Features,
  type YearEvidence,
} from './features.js'
import type { AssignmentReason, LinkInput, StoryAssignment, StoryMerge } from './types.js'
import {
  type BackgroundFrequencies,
  DocFrequencies,
  type DocFrequenciesState,
  dot,
  type SparseVector,
  topKey,
} from './vectors.js'

const HOUR_MS = 3_600_000

export interface StoryOptions extends FeatureOptions {
  /** Join the best story when its score reaches this (articles with a body). */
  threshold: number
  /** The same for headline-only articles (short texts have lower cosines). */
  titleOnlyThreshold: number
  /** Terms kept per article vector (the heaviest). */
  docTerms: number
  /** Terms kept per story centroid (the heaviest). */
  centroidTerms: number
  /** A story keeps its full score while its latest article is at most this old. */
  holdHours: number
  /** After that the score decays as exp(-(gap - hold) / decay). */
  decayHours: number
  /**
   * The hold when either time is a bare date (a day-granular source): such sources say only
   * which day, and their stories are followed over days.
   */
  dateOnlyHoldHours: number
  /** Stories quiet for longer than this take no more articles. */
  expireHours: number
  /**
   * Stories with no article among the last `windowArticles` leave the index, whatever their
   * time: a bound on memory and work per article (articles without a time can still join any
   * story inside the window).
   */
  windowArticles: number
  /** Added to the score per quote shared with the story (at most two count). */
  quoteBonus: number
  /** Weight of the background IDF table, in articles (0: online frequencies only). */
  backgroundWeight: number
  /**
   * Mix of the two similarities: 0 is the cosine with the story centroid, 1 is coverage (the
   * share of the article's weight on terms typical of the story's members).
   */
  coverage: number
  /** Least share of the article's weight (squared) on terms the story has, to join it. */
  minOverlap: number
  /**
   * Weight of the nearest recent member: the score is the larger of the centroid score and
   * this times the best cosine with one of the last `memberWindow` articles (0: off).
   */
  memberWeight: number
  memberWindow: number
  /**
   * 0: cosine with the centroid; 1: average link (mean cosine with the members), which a
   * loose story (one that mixes two events) scores lower. Values between mix the two.
   */
  averageLink: number
  /**
   * Factor on the score when exactly one side (the article or the story) has a time: time
   * neither confirms nor rules out the match, so the text must carry more of it. 1: off.
   */
  untimedFactor: number
  /** IDF is raised to this power (above 1 favours rare, specific terms). */
  idfPower: number
  /**
   * Share of the similarity given to the cast (cosine of the annotated entities with the
   * story's), when both sides have one: (1 − w) × text + w × cast.
   */
  castWeight: number
  /**
   * Factor on the score when the article's year and every year of the story are at least two
   * apart (years of publication, else the latest year the text names). 1: off.
   */
  yearPenalty: number
  /**
   * Factor on the score when the article's protagonist (its most salient person) leads no
   * member of the story and the article gives the story's own protagonist little weight (under
   * half its own's): two events of one kind about two people. 1: off.
   */
  leadPenalty: number
  /** Added to the score when the article's protagonist is the story's. 0: off. */
  leadBonus: number
  /** Least salience of the article's protagonist for either (√mentions, ×2 in the headline). */
  leadSalience: number
  /**
   * Second chance for young stories: when an article joins a story, any other open story last
   * fed within `mergeHours` whose centroid has at least this cosine with the joined story's
   * is merged into the larger one. 0: off.
   */
  mergeThreshold: number
  /** 1: stories with text merge only when both have one protagonist, the same (0: any). */
  mergeSameLead: number
  /** `mergeThreshold` when the article that joined has no body (headlines only). */
  titleOnlyMergeThreshold: number
  /** See `mergeThreshold`: how recent both stories must be, in hours. */
  mergeHours: number
  /**
   * A story's own radius: an article joins only if its cosine is at least this times the
   * story's cohesion (the mean cosine of a member with the others). A tight story asks more of
   * a newcomer than a loose one. 0: off.
   */
  cohesion: number
  /**
   * The threshold grows with the story: threshold + growth × (1 − 1/size). A mature centroid
   * scores its own articles higher, so it can ask for more.
   */
  thresholdGrowth: number
}

/** One story as the clusterer keeps it. */
interface Story {
  id: string
  /** Sum of member vectors. */
  centroid: SparseVector
  sumsq: number
  /** Sum of member cast vectors. */
  cast: SparseVector
  castSumsq: number
  /** Members by year: `p2013` published in 2013, `t2013` naming 2013 at the latest. */
  years: Map<string, number>
  /** Members by protagonist (cast key) → count. */
  leads: Map<string, number>
  /** A user corrected it: it is never merged automatically. */
  pinned: boolean
  /** Some member had a body (not only a headline): merges then ask for `mergeThreshold`. */
  hasBody: boolean
  /** term → number of members whose vector has it. */
  presence: Map<string, number>
  size: number
  firstAt: number | undefined
  lastAt: number | undefined
  /** Arrival number of the latest member. */
  lastSeq: number
  /** The largest time uncertainty of its members (date-only times: a day). */
  timeSlack: number
  members: string[]
  quotes: Map<string, string>
  /** Surface forms of the story's terms, for explanations. */
  surface: Map<string, string>
  /** Vectors of articles a user moved out: look-alikes do not join again. */
  rejected: SparseVector[]
  /** Whether the story still takes articles (not expired, not merged away). */
  open: boolean
}

/** Serialisable state of one story. */
export interface StoryState {
  id: string
  centroid: [string, number][]
  cast?: [string, number][]
  years?: [string, number][]
  pinned?: boolean
  hasBody?: boolean
  presence: [string, number][]
  size: number
  firstAt?: number
  lastAt?: number
  lastSeq: number
  timeSlack?: number
  members: string[]
  quotes: [string, string][]
  surface: [string, string][]
  rejected: [string, number][][]
  open: boolean
}

/** Serialisable state of the clusterer. */
export interface StoryClustererState {
  df: DocFrequenciesState
  stories: StoryState[]
  /** article id → story id, vector */
  articles: {
    id: string
    story: string
    vector: [string, number][]
    cast?: [string, number][]
    year?: YearEvidence
    lead?: string
    leadName?: string
  }[]
  nextStory: number
  seq: number
  now?: number
}

/** A candidate story with its score. */
interface Scored {
  story: Story
  cosine: number
  score: number
  gapHours: number | undefined
  quotes: string[]
  /** The story's protagonist, when the protagonist test lowered this score below the threshold. */
  otherLead?: string
}

/** A recent article, for nearest-member matching. */
interface RecentDoc {
  id: string
  seq: number
  vector: SparseVector
}

/** What the clusterer remembers of each article. */
interface Member {
  story: Story
  vector: SparseVector
  cast: SparseVector
  year: YearEvidence | undefined
  lead: string | undefined
  leadName?: string
  /** The article's time (ms), when it has one: a user's move carries it to the new story. */
  time?: number
}

export class StoryClusterer {
  readonly df: DocFrequencies
  private readonly stories = new Map<string, Story>()
  private readonly postings = new Map<string, Set<Story>>()
  private readonly members = new Map<string, Member>()
  private readonly active = new Set<Story>()
  private nextStory = 1
  /** Articles seen (the article clock). */
  private seq = 0
  /** The latest article time seen. */
  private now: number | undefined
  /** Recent articles for nearest-member matching: term → recent member entries. */
  private readonly recentPostings = new Map<string, RecentDoc[]>()
  private readonly recent: RecentDoc[] = []
  private recentHead = 0
  private sinceSweep = 0
  private merges: StoryMerge[] = []

  constructor(
    readonly options: StoryOptions,
    background?: BackgroundFrequencies,
    private readonly newStoryId: (seq: number, firstArticleId: string) => string = (seq) =>
      `story-${seq}`,
  ) {
    this.df = new DocFrequencies(background, options.backgroundWeight)
  }

  /** Features of an article under these options. */
  features(input: LinkInput): Features {
    return extractFeatures(input, this.options)
  }

  /** The TF-IDF vector (unit length, heaviest `docTerms` terms) of an article's features. */
  vectorize(f: Features): SparseVector {
    const entries: [string, number][] = []
    const p = this.options.idfPower
    for (const [t, c] of f.counts) entries.push([t, (1 + Math.log(c)) * this.df.idf(t) ** p])
    entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    const kept = entries.slice(0, this.options.docTerms)
    let s = 0
    for (const [, w] of kept) s += w * w
    const n = Math.sqrt(s) || 1
    return new Map(kept.map(([t, w]) => [t, w / n]))
  }

  /** The cast vector (unit length): salience × IDF of each annotated entity. */
  castVector(f: Features): SparseVector {
    const v: SparseVector = new Map()
    let n = 0
    for (const [k, c] of f.cast) {
      const w = c * this.df.idf(k)
      v.set(k, w)
      n += w * w
    }
    n = Math.sqrt(n) || 1
    for (const [k, w] of v) v.set(k, w / n)
    return v
  }

  /** Merges the clusterer made on its own since the last call (young stories joined). */
  takeMerges(): StoryMerge[] {
    const m = this.merges
    this.merges = []
    return m
  }

  /** The story of an article, if the clusterer has seen it. */
  storyOf(articleId: string): string | undefined {
    return this.members.get(articleId)?.story.id
  }

  /** The vector of an article seen before. */
  vectorOf(articleId: string): SparseVector | undefined {
    return this.members.get(articleId)?.vector
  }

  /** Members of a story, in arrival order. */
  membersOf(storyId: string): readonly string[] {
    return this.resolve(storyId)?.members ?? []
  }

  /** Ids of all stories, including closed ones. */
  storyIds(): string[] {
    return [...this.stories.keys()]
  }

  /**
   * Assigns one article. `force` puts it in a given story (a copy following its origin, or a
   * replay of a stored assignment) instead of deciding.
   */
  assign(
    input: LinkInput,
    f: Features = this.features(input),
    force?: { storyId: string; kind: 'copy' | 'user' },
  ): StoryAssignment {
    if (this.members.has(input.id)) {
      const m = this.members.get(input.id)!
      return {
        articleId: input.id,
        storyId: m.story.id,
        similarity: 1,
        reason: { kind: 'user', terms: [], entities: [], quotes: [] },
      }
    }
    const vec = this.vectorize(f)
    const cast = this.castVector(f)
    this.seq++
    if (f.time !== undefined && (this.now === undefined || f.time > this.now)) this.now = f.time
    this.maybeSweep()
    let result: StoryAssignment
    if (force) {
      const story = this.resolve(force.storyId) ?? this.createStory(force.storyId)
      const cos = this.cosine(vec, story)
      const quotes = [...f.quotes.keys()].filter((k) => story.quotes.has(k))
      result = this.explain(input.id, story, vec, f, cos, quotes, force.kind)
      if (force.kind === 'user') story.pinned = true
      this.addMember(story, input.id, vec, cast, f)
    } else {
      const ranked = this.rank(vec, cast, f)
      const base = this.joinThreshold(f)
      const g = this.options.thresholdGrowth
      // The best story that clears its own threshold.
      const k = this.options.cohesion
      const best = ranked.find(
        (c) =>
          c.score >= base + g * (1 - 1 / Math.max(1, c.story.size)) &&
          (k <= 0 || c.cosine >= k * cohesion(c.story)),
      )
      if (best) {
        result = this.explain(input.id, best.story, vec, f, best.score, best.quotes, 'similar')
        if (best.gapHours !== undefined) result.reason.gapHours = round(best.gapHours)
        const second = ranked.find((c) => c !== best)
        if (second) result.reason.runnerUp = runnerUp(second)
        this.addMember(best.story, input.id, vec, cast, f)
        this.secondChance(best.story, ranked, f.time)
      } else {
        const story = this.createStory(undefined, input.id)
        result = {
          articleId: input.id,
          storyId: story.id,
          similarity: ranked[0] ? round(ranked[0].score) : 0,
          reason: { kind: 'new', terms: [], entities: [], quotes: [] },
        }
        const top = ranked[0]
        if (top) result.reason.runnerUp = runnerUp(top)
        if (f.leadName !== undefined) result.reason.protagonist = f.leadName
        this.addMember(story, input.id, vec, cast, f)
      }
    }
    this.df.add(f.cast.size > 0 ? new Set([...f.counts.keys(), ...f.cast.keys()]) : f.counts.keys())
    return result
  }

  /** Ranks open stories for an article vector, best first (at most five). */
  private rank(vec: SparseVector, cast: SparseVector, f: Features): Scored[] {
    const acc = new Map<Story, number>()
    const cov = new Map<Story, number>()
    const mass = new Map<Story, number>()
    const o = this.options
    const extra = o.coverage > 0 || o.minOverlap > 0
    for (const [t, w] of vec) {
      const post = this.postings.get(t)
      if (!post) continue
      for (const s of post) {
        const c = s.centroid.get(t)
        if (c === undefined) continue
        acc.set(s, (acc.get(s) ?? 0) + w * c)
        if (extra) {
          cov.set(s, (cov.get(s) ?? 0) + w * w * (s.presence.get(t) ?? 0))
          mass.set(s, (mass.get(s) ?? 0) + w * w)
        }
      }
    }
    const nearest = new Map<Story, number>()
    if (this.options.memberWeight > 0) {
      const minSeq = this.seq - this.options.memberWindow
      const dots = new Map<RecentDoc, number>()
      for (const [t, w] of vec) {
        const post = this.recentPostings.get(t)
        if (!post) continue
        for (const r of post) {
          if (r.seq < minSeq) continue
          dots.set(r, (dots.get(r) ?? 0) + w * r.vector.get(t)!)
        }
      }
      for (const [r, d] of dots) {
        const m = this.members.get(r.id)
        if (!m) continue
        if (d > (nearest.get(m.story) ?? 0)) nearest.set(m.story, d)
        if (!acc.has(m.story)) acc.set(m.story, 0)
      }
    }
    // Stories that share a quote are candidates even without shared terms.
    if (f.quotes.size > 0) {
      for (const s of this.active) {
        if (!acc.has(s)) for (const k of f.quotes.keys()) if (s.quotes.has(k)) acc.set(s, 0)
      }
    }
    const out: Scored[] = []
    for (const [s, d] of acc) {
      if (!s.open) continue
      if (o.minOverlap > 0 && (mass.get(s) ?? 0) < o.minOverlap && f.quotes.size === 0) continue
      const cos =
        (1 - o.averageLink) * (d / Math.sqrt(s.sumsq || 1)) +
        o.averageLink * (d / Math.max(1, s.size))
      const coverage = (cov.get(s) ?? 0) / Math.max(1, s.size)
      let text = (1 - o.coverage) * cos + o.coverage * coverage
      if (o.castWeight > 0 && cast.size > 0 && s.castSumsq > 0) {
        text =
          (1 - o.castWeight) * text + (o.castWeight * dot(cast, s.cast)) / Math.sqrt(s.castSumsq)
      } else if (o.castWeight < 0 && cast.size > 0 && s.castSumsq > 0) {
        const w = -o.castWeight
        const c = Math.max(0, dot(cast, s.cast)) / Math.sqrt(s.castSumsq)
        text = Math.max(0, text) ** (1 - w) * c ** w
      }
      const cosine = Math.max(text, o.memberWeight * (nearest.get(s) ?? 0))
      let score = cosine
      if (o.yearPenalty < 1 && f.year !== undefined && yearConflict([yearKey(f.year)], s.years))
        score *= o.yearPenalty
      let otherLead: string | undefined
      const lead = f.lead !== undefined && s.leads.size > 0 ? this.leadTest(f, s) : undefined
      if (lead !== undefined && lead === f.lead) score += o.leadBonus
      else if (lead !== undefined) {
        // named only when the test decided: the score would have cleared the threshold
        if (score >= this.joinThreshold(f)) otherLead = this.leadName(s, lead)
        score *= o.leadPenalty
      }
      let gapHours: number | undefined
      if (f.time !== undefined && s.lastAt !== undefined) {
        let gap = Math.abs(f.time - s.lastAt)
        if (f.time < s.lastAt && s.firstAt !== undefined && f.time >= s.firstAt) gap = 0
        const slack = Math.max(f.timeSlack, s.timeSlack)
        gapHours = Math.max(0, gap - slack) / HOUR_MS
        const hold = slack > 0 ? Math.max(o.holdHours, o.dateOnlyHoldHours) : o.holdHours
        if (gapHours > Math.max(o.expireHours, hold)) continue
        if (gapHours > hold) score *= Math.exp(-(gapHours - hold) / o.decayHours)
      } else if ((f.time === undefined) !== (s.lastAt === undefined)) {
        // One side has a time and the other none: no evidence that they are close in time.
        score *= o.untimedFactor
      }
      const quotes: string[] = []
      for (const k of f.quotes.keys()) if (s.quotes.has(k)) quotes.push(k)
      score += o.quoteBonus * Math.min(2, quotes.length)
      if (s.rejected.length > 0) {
        let worst = 0
        for (const r of s.rejected) worst = Math.max(worst, dot(vec, r))
        if (worst >= cosine) continue
      }
      out.push({
        story: s,
        cosine,
        score,
        gapHours,
        quotes,
        ...(otherLead !== undefined && { otherLead }),
      })
    }
    out.sort((a, b) => b.score - a.score)
    return out.slice(0, 5)
  }

  /**
   * The protagonist test. It returns the story's protagonist (the person most of its members are
   * about) when it decides: that is the article's own (the score gains `leadBonus`), or the
   * article is about someone who leads no member and gives the story's protagonist under half
   * the salience of its own (the score is multiplied by `leadPenalty`). Undefined otherwise.
   */
  private leadTest(f: Features, s: Story): string | undefined {
    const lead = f.lead!
    // A person named once in a headline, or a few times in passing, is nobody's protagonist.
    const own = f.people.get(lead) ?? 0
    if (own < this.options.leadSalience) return undefined
    const top = topKey(s.leads)
    if (top === undefined || top === lead) return top
    if (s.leads.has(lead)) return undefined
    return (f.people.get(top) ?? 0) < 0.5 * own ? top : undefined
  }

  /** The name a story's members give one of its protagonists (its cast key's word, else). */
  private leadName(s: Story, key: string): string {
    for (const id of s.members) {
      const m = this.members.get(id)
      if (m?.lead === key && m.leadName !== undefined) return m.leadName
    }
    return key.slice(2)
  }

  /** The score an article must reach to join a story: lower for a headline alone. */
  private joinThreshold(f: Features): number {
    return f.hasBody ? this.options.threshold : this.options.titleOnlyThreshold
  }

  private cosine(vec: SparseVector, s: Story): number {
    return s.sumsq > 0 ? dot(vec, s.centroid) / Math.sqrt(s.sumsq) : 0
  }

  /** Builds the explanation: shared terms by contribution, shared entities, shared quotes. */
  private explain(
    articleId: string,
    story: Story,
    vec: SparseVector,
    f: Features,
    similarity: number,
    quoteKeys: string[],
    kind: 'similar' | 'copy' | 'user',
  ): StoryAssignment {
    const shared: [string, number][] = []
    for (const [t, w] of vec) {
      const c = story.centroid.get(t)
      if (c !== undefined) shared.push([t, w * c])
    }
    shared.sort((a, b) => b[1] - a[1])
    const terms: string[] = []
    const entities: string[] = []
    for (const [t] of shared) {
      if (t.startsWith('e:')) {
        if (entities.length < 5) entities.push(f.entities.get(t) ?? story.surface.get(t) ?? t)
      } else if (terms.length < 6) {
        terms.push(f.surface.get(t) ?? story.surface.get(t) ?? t)
      }
    }
    const quotes = quoteKeys.map((k) => f.quotes.get(k) ?? story.quotes.get(k) ?? k)
    const reason: AssignmentReason = { kind, terms, entities, quotes }
    if (f.leadName !== undefined) reason.protagonist = f.leadName
    return {
      articleId,
      storyId: story.id,
      similarity: round(Math.min(1, similarity)),
      reason,
    }
  }

  private createStory(id?: string, firstArticleId = ''): Story {
    const story: Story = {
      id: id ?? this.newStoryId(this.nextStory++, firstArticleId),
      centroid: new Map(),
      sumsq: 0,
      cast: new Map(),
      castSumsq: 0,
      years: new Map(),
      leads: new Map(),
      pinned: false,
      hasBody: false,
      presence: new Map(),
      size: 0,
      firstAt: undefined,
      lastAt: undefined,
      lastSeq: this.seq,
      timeSlack: 0,
      members: [],
      quotes: new Map(),
      surface: new Map(),
      rejected: [],
      open: true,
    }
    this.stories.set(story.id, story)
    this.active.add(story)
    return story
  }

  private addMember(
    story: Story,
    articleId: string,
    vec: SparseVector,
    cast: SparseVector,
    f: Features,
  ): void {
    this.addVector(story, vec)
    const member: Member = { story, vector: vec, cast, year: f.year, lead: f.lead }
    if (f.leadName !== undefined) member.leadName = f.leadName
    if (f.time !== undefined) member.time = f.time
    this.addCast(story, member)
    if (f.hasBody) story.hasBody = true
    story.size++
    story.members.push(articleId)
    story.lastSeq = this.seq
    if (f.timeSlack > story.timeSlack) story.timeSlack = f.timeSlack
    if (f.time !== undefined) {
      if (story.firstAt === undefined || f.time < story.firstAt) story.firstAt = f.time
      if (story.lastAt === undefined || f.time > story.lastAt) story.lastAt = f.time
    }
    for (const [k, q] of f.quotes) if (!story.quotes.has(k)) story.quotes.set(k, q)
    for (const t of vec.keys()) {
      if (!story.surface.has(t)) {
        const s = f.surface.get(t)
        if (s !== undefined) story.surface.set(t, s)
      }
    }
    this.members.set(articleId, member)
    if (this.options.memberWeight > 0) this.remember(articleId, vec)
  }

  /** Adds an article to the recent window and drops those that fell out of it. */
  private remember(id: string, vector: SparseVector): void {
    const r: RecentDoc = { id, seq: this.seq, vector }
    this.recent.push(r)
    for (const t of vector.keys()) {
      let p = this.recentPostings.get(t)
      if (!p) {
        p = []
        this.recentPostings.set(t, p)
      }
      p.push(r)
    }
    const minSeq = this.seq - this.options.memberWindow
    while (this.recentHead < this.recent.length && this.recent[this.recentHead]!.seq < minSeq) {
      const old = this.recent[this.recentHead++]!
      for (const t of old.vector.keys()) {
        const p = this.recentPostings.get(t)
        if (!p) continue
        let k = 0
        while (k < p.length && p[k]!.seq < minSeq) k++
        if (k === p.length) this.recentPostings.delete(t)
        else if (k > 0) p.splice(0, k)
      }
    }
    if (this.recentHead > 4096 && this.recentHead * 2 > this.recent.length) {
      this.recent.splice(0, this.recentHead)
      this.recentHead = 0
    }
  }

  private addVector(story: Story, vec: SparseVector, sign = 1): void {
    const c = story.centroid
    const p = story.presence
    for (const [t, w] of vec) {
      const pc = (p.get(t) ?? 0) + sign
      if (pc > 0) p.set(t, pc)
      else p.delete(t)
      const old = c.get(t) ?? 0
      const nw = old + sign * w
      story.sumsq += nw * nw - old * old
      if (nw <= 1e-9) {
        c.delete(t)
        this.postings.get(t)?.delete(story)
      } else {
        c.set(t, nw)
        if (old === 0 && story.open) {
          let p = this.postings.get(t)
          if (!p) {
            p = new Set()
            this.postings.set(t, p)
          }
          p.add(story)
        }
      }
    }
    if (c.size > this.options.centroidTerms * 2) this.prune(story)
  }

  /** Adds (or with sign −1 removes) a member's cast vector, year and protagonist. */
  private addCast(story: Story, m: Pick<Member, 'cast' | 'year' | 'lead'>, sign = 1): void {
    const { cast, year, lead } = m
    if (lead !== undefined) {
      const n = (story.leads.get(lead) ?? 0) + sign
      if (n > 0) story.leads.set(lead, n)
      else story.leads.delete(lead)
    }
    const c = story.cast
    for (const [k, w] of cast) {
      const old = c.get(k) ?? 0
      const nw = old + sign * w
      story.castSumsq += nw * nw - old * old
      if (nw <= 1e-9) c.delete(k)
      else c.set(k, nw)
    }
    if (story.castSumsq < 1e-12) story.castSumsq = 0
    if (year !== undefined) {
      const k = yearKey(year)
      const n = (story.years.get(k) ?? 0) + sign
      if (n > 0) story.years.set(k, n)
      else story.years.delete(k)
    }
  }

  /** Similarity of two stories: their centroids compared as an article with a story. */
  private storySimilarity(a: Story, b: Story): number {
    const o = this.options
    if (a.sumsq <= 0 || b.sumsq <= 0) return 0
    let sim = dot(a.centroid, b.centroid) / Math.sqrt(a.sumsq * b.sumsq)
    if (o.castWeight > 0 && a.castSumsq > 0 && b.castSumsq > 0) {
      const c = dot(a.cast, b.cast) / Math.sqrt(a.castSumsq * b.castSumsq)
      sim = (1 - o.castWeight) * sim + o.castWeight * c
    }
    if (o.yearPenalty < 1 && yearConflict(a.years.keys(), b.years)) sim *= o.yearPenalty
    return sim
  }

  /**
   * A second chance for young stories: after `story` took an article, the other stories the
   * article was scored against (its runners-up, open and fed within `mergeHours`) are compared
   * with it, centroid to centroid, and the best at or above the merge threshold is merged into
   * the larger of the two. Two halves of one story that started apart (different words for one
   * event) come together once the article that bridges them has joined one of them.
   */
  private secondChance(
    story: Story,
    candidates: readonly Scored[],
    time: number | undefined,
  ): void {
    const o = this.options
    if (story.pinned || story.size < 2) return
    const limit = o.mergeHours * HOUR_MS
    let best: Story | undefined
    let bestSim = 0
    // the protagonist most of the story's members are about
    const lead = topKey(story.leads)
    for (const { story: s } of candidates) {
      if (s === story || !s.open || s.pinned || s.size === 0) continue
      // Headline-only stories are sparser and meet at lower cosines than stories with text.
      const text = story.hasBody || s.hasBody
      const threshold = text ? o.mergeThreshold : o.titleOnlyMergeThreshold
      if (threshold <= 0) continue
      // Stories with text merge only when they are about one person (decision 0085).
      if (text && o.mergeSameLead > 0) {
        if (lead === undefined || lead !== topKey(s.leads)) continue
      }
      if (time !== undefined && s.lastAt !== undefined && Math.abs(time - s.lastAt) > limit)
        continue
      const sim = this.storySimilarity(story, s)
      if (sim >= threshold && sim >= bestSim) {
        best = s
        bestSim = sim
      }
    }
    if (!best) return
    const [into, from] = best.size > story.size ? [best, story] : [story, best]
    this.mergeInto(into, from)
    this.merges.push({ into: into.id, from: from.id, similarity: round(bestSim) })
  }

  /** Keeps the heaviest `centroidTerms` terms of a centroid. */
  private prune(story: Story): void {
    const entries = [...story.centroid].sort((a, b) => b[1] - a[1])
    for (const [t] of entries.slice(this.options.centroidTerms)) {
      story.centroid.delete(t)
      story.presence.delete(t)
      this.postings.get(t)?.delete(story)
    }
    let s = 0
    for (const w of story.centroid.values()) s += w * w
    story.sumsq = s
  }

  /**
   * Closes stories with no article among the last `windowArticles`, or whose latest article is
   * more than `expireHours` older than the latest time seen (every 256 articles). Articles
   * without a time that arrive later can no longer join those.
   */
  private maybeSweep(): void {
    if (++this.sinceSweep < 256) return
    this.sinceSweep = 0
    const minSeq = this.seq - this.options.windowArticles
    const o = this.options
    const now = this.now ?? Number.POSITIVE_INFINITY
    for (const s of this.active) {
      const keepHours =
        (s.timeSlack > 0 ? Math.max(o.expireHours, o.dateOnlyHoldHours) : o.expireHours) + 24
      if (s.lastSeq < minSeq || (s.lastAt !== undefined && s.lastAt < now - keepHours * HOUR_MS))
        this.close(s)
    }
  }

  private close(s: Story): void {
    s.open = false
    this.active.delete(s)
    for (const t of s.centroid.keys()) this.postings.get(t)?.delete(s)
  }

  private reopen(s: Story): void {
    if (s.open) return
    s.open = true
    this.active.add(s)
    for (const t of s.centroid.keys()) {
      let p = this.postings.get(t)
      if (!p) {
        p = new Set()
        this.postings.set(t, p)
      }
      p.add(s)
    }
  }

  private resolve(storyId: string): Story | undefined {
    return this.stories.get(storyId)
  }

  // ---- user corrections ----

  /**
   * Moves an article to another story (or a new one) and returns its id. The old story
   * remembers the article, so look-alikes arriving later do not join it again.
   */
  move(articleId: string, to: string | 'new'): string | undefined {
    const m = this.members.get(articleId)
    if (!m) return undefined
    const from = m.story
    const target = to === 'new' ? this.createStory(undefined, articleId) : this.resolve(to)
    if (!target || target === from) return target?.id
    this.removeMember(from, articleId, m)
    from.rejected.push(m.vector)
    from.pinned = true
    target.pinned = true
    if (from.hasBody) target.hasBody = true
    this.reopen(target)
    this.addVector(target, m.vector)
    this.addCast(target, m)
    target.size++
    target.members.push(articleId)
    m.story = target
    // The story now reaches the article's time: later articles near it in time may join.
    if (m.time !== undefined) {
      if (target.firstAt === undefined || m.time < target.firstAt) target.firstAt = m.time
      if (target.lastAt === undefined || m.time > target.lastAt) target.lastAt = m.time
    }
    return target.id
  }

  /** Merges story `from` into `into`: later articles like either join `into`. */
  merge(into: string, from: string): boolean {
    const a = this.resolve(into)
    const b = this.resolve(from)
    if (!a || !b || a === b) return false
    this.reopen(a)
    this.mergeInto(a, b)
    a.pinned = true
    return true
  }

  /** Moves every member of `b` into `a` and deletes `b`. */
  private mergeInto(a: Story, b: Story): void {
    if (b.hasBody) a.hasBody = true
    for (const id of b.members) {
      const m = this.members.get(id)!
      this.addVector(a, m.vector)
      this.addCast(a, m)
      m.story = a
      a.members.push(id)
      a.size++
    }
    for (const [k, q] of b.quotes) if (!a.quotes.has(k)) a.quotes.set(k, q)
    for (const [k, s] of b.surface) if (!a.surface.has(k)) a.surface.set(k, s)
    a.rejected.push(...b.rejected)
    if (b.firstAt !== undefined && (a.firstAt === undefined || b.firstAt < a.firstAt))
      a.firstAt = b.firstAt
    if (b.lastAt !== undefined && (a.lastAt === undefined || b.lastAt > a.lastAt))
      a.lastAt = b.lastAt
    a.lastSeq = Math.max(a.lastSeq, b.lastSeq)
    a.timeSlack = Math.max(a.timeSlack, b.timeSlack)
    this.close(b)
    b.members = []
    b.centroid.clear()
    b.sumsq = 0
    b.cast.clear()
    b.castSumsq = 0
    b.leads.clear()
    b.size = 0
    this.stories.delete(b.id)
  }

  /**
   * Splits the given articles out of their story into a new one and returns its id. Each side
   * remembers the other's articles as rejected, so later articles pick a side.
   */
  split(storyId: string, articleIds: string[]): string | undefined {
    const from = this.resolve(storyId)
    if (!from) return undefined
    const moving = articleIds.filter((id) => this.members.get(id)?.story === from)
    if (moving.length === 0) return undefined
    const target = this.createStory(undefined, moving[0])
    for (const id of moving) {
      const m = this.members.get(id)!
      this.removeMember(from, id, m)
      this.addVector(target, m.vector)
      this.addCast(target, m)
      target.members.push(id)
      target.size++
      m.story = target
    }
    target.rejected.push(...from.members.map((id) => this.members.get(id)!.vector).slice(-20))
    from.rejected.push(...moving.map((id) => this.members.get(id)!.vector).slice(-20))
    target.firstAt = from.firstAt
    target.lastAt = from.lastAt
    target.pinned = true
    from.pinned = true
    target.hasBody = from.hasBody
    return target.id
  }

  private removeMember(story: Story, articleId: string, m: Member): void {
    this.addVector(story, m.vector, -1)
    this.addCast(story, m, -1)
    story.members = story.members.filter((id) => id !== articleId)
    story.size--
  }

  // ---- state ----

  toJSON(): StoryClustererState {
    const stories: StoryState[] = []
    for (const s of this.stories.values()) {
      const st: StoryState = {
        id: s.id,
        centroid: [...s.centroid].map(([t, w]) => [t, round6(w)]),
        cast: [...s.cast].map(([t, w]) => [t, round6(w)]),
        years: [...s.years],
        pinned: s.pinned,
        hasBody: s.hasBody,
        presence: [...s.presence],
        size: s.size,
        lastSeq: s.lastSeq,
        members: s.members,
        quotes: [...s.quotes],
        surface: [...s.surface],
        rejected: s.rejected.map((r) => [...r].map(([t, w]) => [t, round6(w)])),
        open: s.open,
      }
      if (s.firstAt !== undefined) st.firstAt = s.firstAt
      if (s.lastAt !== undefined) st.lastAt = s.lastAt
      stories.push(st)
    }
    const articles: StoryClustererState['articles'] = []
    for (const [id, m] of this.members) {
      const a: StoryClustererState['articles'][number] = {
        id,
        story: m.story.id,
        vector: [...m.vector].map(([t, w]) => [t, round6(w)]),
      }
      if (m.cast.size > 0) a.cast = [...m.cast].map(([t, w]) => [t, round6(w)])
      if (m.year !== undefined) a.year = m.year
      if (m.lead !== undefined) a.lead = m.lead
      if (m.leadName !== undefined) a.leadName = m.leadName
      articles.push(a)
    }
    const state: StoryClustererState = {
      df: this.df.toJSON(),
      stories,
      articles,
      nextStory: this.nextStory,
      seq: this.seq,
    }
    if (this.now !== undefined) state.now = this.now
    return state
  }

  restore(state: StoryClustererState): void {
    this.df.restore(state.df)
    this.stories.clear()
    this.postings.clear()
    this.members.clear()
    this.active.clear()
    this.nextStory = state.nextStory
    this.seq = state.seq
    this.now = state.now
    for (const st of state.stories) {
      const s: Story = {
        id: st.id,
        centroid: new Map(),
        sumsq: 0,
        cast: new Map(),
        castSumsq: 0,
        years: new Map(st.years ?? []),
        leads: new Map(),
        pinned: st.pinned ?? false,
        // Unknown in older states: the stricter threshold.
        hasBody: st.hasBody ?? true,
        presence: new Map(st.presence),
        size: st.size,
        firstAt: st.firstAt,
        lastAt: st.lastAt,
        lastSeq: st.lastSeq,
        timeSlack: st.timeSlack ?? 0,
        members: [...st.members],
        quotes: new Map(st.quotes),
        surface: new Map(st.surface),
        rejected: st.rejected.map((r) => new Map(r)),
        open: false,
      }
      for (const [t, w] of st.centroid) {
        s.centroid.set(t, w)
        s.sumsq += w * w
      }
      for (const [t, w] of st.cast ?? []) {
        s.cast.set(t, w)
        s.castSumsq += w * w
      }
      this.stories.set(s.id, s)
      if (st.open) this.reopen(s)
    }
    for (const a of state.articles) {
      const s = this.stories.get(a.story)
      if (!s) continue
      const m: Member = {
        story: s,
        vector: new Map(a.vector),
        cast: new Map(a.cast ?? []),
        year: a.year,
        lead: a.lead,
      }
      if (a.leadName !== undefined) m.leadName = a.leadName
      this.members.set(a.id, m)
      // Protagonists are counted from the members (older states have none).
      if (a.lead !== undefined) s.leads.set(a.lead, (s.leads.get(a.lead) ?? 0) + 1)
    }
  }
}

/**
 * How alike a story's members are: the mean cosine of a member with the centroid of the
 * others, from the centroid alone (members are unit vectors, so the mean of v·C is |C|²/n).
 * Undefined (0) below two members.
 */
function cohesion(s: Story): number {
  const n = s.size
  if (n < 2) return 0
  const S = s.sumsq
  const num = S / n - 1
  const den = Math.sqrt(Math.max(1e-9, S - (2 * S) / n + 1))
  return Math.max(0, num / den)
}

/** A runner-up as the reason gives it: its id, score and, when lowered by it, its protagonist. */
function runnerUp(c: Scored): NonNullable<AssignmentReason['runnerUp']> {
  const r: NonNullable<AssignmentReason['runnerUp']> = {
    storyId: c.story.id,
    similarity: round(c.score),
  }
  if (c.otherLead !== undefined) r.protagonist = c.otherLead
  return r
}

function yearKey(y: YearEvidence): string {
  return `${y.published ? 'p' : 't'}${y.year}`
}

/**
 * Whether two sets of year keys contradict each other: some pair of them is evidence (at least
 * one side a year of publication; two years merely named prove nothing) and no such pair is
 * within a year of each other.
 */
function yearConflict(a: Iterable<string>, b: Map<string, number>): boolean {
  let evidence = false
  for (const x of a) {
    const xp = x[0] === 'p'
    const xy = Number(x.slice(1))
    for (const y of b.keys()) {
      if (!xp && y[0] !== 'p') continue
      evidence = true
      if (Math.abs(xy - Number(y.slice(1))) <= 1) return false
    }
  }
  return evidence
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6
}
