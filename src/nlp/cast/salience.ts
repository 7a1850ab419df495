/**
 * @module nlp/cast/salience: who "he" is. A small Lappin–Leass-style salience model over the
 * mentions seen so far: recent mentions weigh more (a sentence back costs 20 points), a
 * mention that is its sentence's first outside quotes (the likely subject) or that speaks
 * ("Macron said") gains 35, a mention inside a quotation loses 40 for a pronoun outside one,
 * a candidate whose gender is known to agree gains 20 over one of unknown gender, and
 * candidates of the wrong gender or number are out. The weights were set by hand on the
 * cast test articles (test/nlp/cast), not fitted to a corpus.
 */
import type { EntityType, MentionKind, Span } from '../../core/index.js'
import type { Gender } from '../lexicons/index.js'
import { sentenceAt } from './doc.js'

/** A mention on the timeline: where it is, whose it is, and how prominent. */
export interface TimelineEntry extends Span {
  member: number
  kind: MentionKind
  /** The sentence's first mention outside quotes, or the subject of a speech verb. */
  subject: boolean
  quoted: boolean
}

/** What the salience model knows about a cast member. */
export interface MemberFacts {
  type: EntityType
  gender?: Gender
}

/** A salience question: who, of those accepted, is most salient before `offset`. */
export interface SalienceQuery {
  offset: number
  /** Only members this accepts are candidates. */
  accept: (member: number) => boolean
  /** Whether the pronoun itself is inside quotes. */
  quoted: boolean
  /** How many sentences back to look (the pronoun's own is 0). */
  window?: number
  /** A member that cannot be meant: the subject of the pronoun's own clause for "him". */
  avoid?: number
  gender?: Gender
}

// Points: see the module comment for where they come from. Mentions count within the window.
const BASE = 100
const PER_SENTENCE = 20
const SUBJECT = 35
const QUOTED = -40
const GENDER_KNOWN = 20
const PER_MENTION = 5
const MAX_MENTION_BONUS = 4
const MIN_SCORE = 40
const DEFAULT_WINDOW = 4

/** The mentions of a document in text order, with a salience query. */
export class Timeline {
  private readonly entries: TimelineEntry[] = []

  constructor(
    private readonly sentences: readonly Span[],
    readonly members: MemberFacts[],
  ) {}

  /** Adds a mention, keeping text order. */
  add(entry: TimelineEntry): void {
    let i = this.entries.length
    while (i > 0 && this.entries[i - 1]!.start > entry.start) i--
    this.entries.splice(i, 0, entry)
  }

  /** Mentions in text order. */
  all(): readonly TimelineEntry[] {
    return this.entries
  }

  /** The most salient accepted member before `offset`, or undefined when none scores enough. */
  best(q: SalienceQuery): number | undefined {
    const here = sentenceAt(this.sentences, q.offset)
    const window = q.window ?? DEFAULT_WINDOW
    // newest first: a member's first entry seen is its latest mention; later ones only count
    const latest = new Map<number, TimelineEntry>()
    const latestSentence = new Map<number, number>()
    const subject = new Set<number>() // the subject of the sentence of its latest mention
    const counts = new Map<number, number>()
    for (let i = this.lastIndexBefore(q.offset); i >= 0; i--) {
      const e = this.entries[i]!
      if (e.end > q.offset) continue
      const s = sentenceAt(this.sentences, e.start)
      if (here - s > window) break
      counts.set(e.member, (counts.get(e.member) ?? 0) + 1)
      if (!latest.has(e.member)) {
        latest.set(e.member, e)
        latestSentence.set(e.member, s)
      }
      if (e.subject && latestSentence.get(e.member) === s) subject.add(e.member)
    }
    let best: number | undefined
    let bestScore = MIN_SCORE - 1
    for (const [member, e] of latest) {
      if (!q.accept(member)) continue
      const facts = this.members[member]!
      if (q.gender !== undefined && facts.gender !== undefined && facts.gender !== q.gender)
        continue
      const distance = here - sentenceAt(this.sentences, e.start)
      // "Macron met Putin and told him": an object pronoun is not its own clause's subject
      if (q.avoid === member && distance === 0) continue
      let score = BASE - PER_SENTENCE * distance
      if (subject.has(member)) score += SUBJECT
      if (e.quoted && !q.quoted) score += QUOTED
      if (q.gender !== undefined && facts.gender === q.gender) score += GENDER_KNOWN
      score += PER_MENTION * Math.min(MAX_MENTION_BONUS, counts.get(member) ?? 0)
      if (score > bestScore) {
        best = member
        bestScore = score
      }
    }
    return best
  }

  /** The index of the last entry that starts before `offset` (-1 when none). */
  private lastIndexBefore(offset: number): number {
    let lo = 0
    let hi = this.entries.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.entries[mid]!.start < offset) lo = mid + 1
      else hi = mid
    }
    return lo - 1
  }

  /** The members mentioned in sentences [from, to], for deciding whether context is clear. */
  mentionedIn(from: number, to: number, before: number): Set<number> {
    const out = new Set<number>()
    for (let i = this.lastIndexBefore(before); i >= 0; i--) {
      const e = this.entries[i]!
      const s = sentenceAt(this.sentences, e.start)
      if (s < from) break
      if (s <= to) out.add(e.member)
    }
    return out
  }

  /** The last mention of a member before an offset. */
  lastBefore(member: number, offset: number): TimelineEntry | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!
      if (e.member === member && e.end <= offset) return e
    }
    return undefined
  }
}
