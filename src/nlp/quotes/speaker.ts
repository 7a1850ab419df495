/**
 * Speakers: the name, description and anonymity of the words that name a speaker, and their
 * resolution to a cast entity (by the cast's own mentions, then the cast's lookup — salience and
 * gender for pronouns, roles for "the French leader" —, then by name, then by role), with the last
 * named speaker standing in for a pronoun when there is no cast.
 */
import type { Entity, Span, Speaker } from '../../core/index.js'
import { type CastIndex, createCastIndex } from '../cast/index.js'
import type { Range } from './phrases.js'
import type { Scan, Tok } from './scan.js'
import { INDEFINITE, SOURCE_NOUNS, SOURCE_PHRASES, SUBJECT_PRONOUNS } from './words.js'

const TITLES =
  /^(?:mr|mrs|ms|miss|dr|prof|gen|sen|rep|gov|lt|col|maj|capt|sgt|adm|rev|amb|atty|sec|pres|president|senator|governor|mayor|representative|congressman|congresswoman|secretary|minister|chancellor|premier|judge|justice|general|admiral|sheriff|chief|ambassador|pope|king|queen|prince|princess|lord|lady|sir|dame|former|then|vice|deputy|acting|state|house|senate|speaker|leader|majority|minority|republican|democratic|democrat|gop|candidate|nominee|frontrunner|front-runner|presidential|attorney|first|u\.s\.)\.?$/i
const RELATIVE = new Set(['who', 'which', 'that'])
const PLURAL_PRONOUNS = new Set(['they', 'we'])

/** What the speaker's words say by themselves, before any resolution. */
export interface LocalSpeaker {
  mention: Span
  /** The head phrase, without complements ("a spokesman" of "a spokesman for the campaign"). */
  head: Span
  text: string
  /** Capitalised words that name someone: "Emmanuel Macron", "the Élysée". */
  name?: string
  /** The role words: "a senior European diplomat", "Twitter's chief executive". */
  description?: string
  pronoun: boolean
  anonymous: boolean
}

/** Reads a speaker phrase (token range) into name, description, pronoun and anonymity. */
export function readSpeaker(sc: Scan, r: Range): LocalSpeaker {
  const { toks, text } = sc
  const mention = { start: toks[r.first]!.start, end: toks[r.last]!.end }
  const mtext = text.slice(mention.start, mention.end)
  const first = toks[r.first]!
  if (
    r.first === r.last &&
    first.kind === 'word' &&
    (SUBJECT_PRONOUNS.has(first.lower) || RELATIVE.has(first.lower))
  ) {
    return { mention, head: mention, text: mtext, pronoun: true, anonymous: false }
  }
  // a contracted pronoun is the pronoun: "I'm", "she's", "they've" (the mention is the pronoun)
  const contracted = /^(\p{L}+)['’](m|s|re|ve|d|ll)$/u.exec(first.text)
  if (r.first === r.last && contracted && SUBJECT_PRONOUNS.has(contracted[1]!.toLowerCase())) {
    const m = { start: mention.start, end: mention.start + contracted[1]!.length }
    return { mention: m, head: m, text: contracted[1]!, pronoun: true, anonymous: false }
  }
  // the base phrase ends before "of/for/with/from" + complement, which may hold other names
  let baseLast = r.last
  for (let i = r.first + 1; i <= r.last; i++) {
    const l = toks[i]!.lower
    if (
      (l === 'for' ||
        l === 'with' ||
        l === 'from' ||
        l === 'at' ||
        l === 'close' ||
        l === 'familiar') &&
      !toks[i]!.cap
    ) {
      baseLast = i - 1
      break
    }
    if (l === 'of' && !(toks[i - 1]!.cap && toks[i + 1]?.cap)) {
      baseLast = i - 1
      break
    }
  }
  // the last run of capitalised words in the base phrase, without leading titles
  let runEnd = -1
  let runStart = -1
  for (let i = lastWordOf(toks, r.first, baseLast); i >= r.first; i--) {
    const t = toks[i]!
    const capWord = (t.kind === 'word' && t.cap) || (runEnd >= 0 && isJoiner(toks, i))
    if (capWord && !/['’]s$/.test(t.lower)) {
      if (runEnd < 0) runEnd = i
      runStart = i
    } else if (runEnd >= 0) break
    else if (t.kind === 'word' && /['’]s$/.test(t.lower) && t.cap) {
    }
  }
  // the name starts after the last title in the run: "German Chancellor Olaf Scholz"
  for (let i = runEnd - 1; i >= runStart && runStart >= 0; i--) {
    if (TITLES.test(toks[i]!.text)) {
      runStart = i + 1
      break
    }
  }
  while (runStart >= 0 && runStart <= runEnd && TITLES.test(toks[runStart]!.text)) runStart++
  while (runStart >= 0 && runStart <= runEnd && ['the', 'a', 'an'].includes(toks[runStart]!.lower))
    runStart++
  let name: string | undefined
  const single = runStart === runEnd
  const runOk =
    runStart >= 0 &&
    runStart <= runEnd &&
    // a capitalised modifier before a common head is not a name ("a senior European diplomat")
    runEnd === lastWordOf(toks, r.first, baseLast) &&
    // nor is a capitalised common word that opens the sentence ("People familiar with …")
    !(
      single &&
      (SOURCE_NOUNS.has(toks[runStart]!.lower) ||
        (runStart === r.first && first.cls !== 'other' && first.cls !== 'title'))
    )
  if (runOk) name = text.slice(toks[runStart]!.start, toks[runEnd]!.end)
  const descParts: string[] = []
  if (name === undefined) descParts.push(mtext)
  else {
    const before = text.slice(mention.start, toks[runStart]!.start).trim()
    const after = text.slice(toks[runEnd]!.end, mention.end).replace(/^[\s,]+|[\s,]+$/g, '')
    if (before !== '' && !/^(?:the|a|an)$/i.test(before)) descParts.push(before)
    if (after !== '') descParts.push(after)
  }
  const description = descParts.join(', ').replace(/\s+/g, ' ') || undefined
  const head = { start: mention.start, end: toks[Math.max(r.first, baseLast)]!.end }
  const out: LocalSpeaker = { mention, head, text: mtext, pronoun: false, anonymous: false }
  if (name !== undefined) out.name = name
  if (description !== undefined) out.description = description
  out.anonymous = name === undefined && isAnonymous(toks, r, baseLast, mtext)
  return out
}

/** The last word of a phrase, past a closing parenthesis ("Sen. Jane Doe (R-Pa.)"). */
function lastWordOf(toks: readonly Tok[], first: number, last: number): number {
  let j = last
  if (toks[j]?.text === ')') {
    while (j > first && toks[j]!.text !== '(') j--
    j--
  }
  while (j > first && toks[j]!.kind !== 'word') j--
  return j
}

function isJoiner(toks: readonly Tok[], i: number): boolean {
  const t = toks[i]!
  return (
    (t.kind === 'word' &&
      ['of', 'de', 'van', 'von', 'der', 'da', 'al', 'bin', 'and', 'la', 'le', 'du'].includes(
        t.lower,
      )) ||
    t.text === '.' ||
    t.text === '-' ||
    t.text === '&'
  )
}

/** An unnamed source: an indefinite or bare plural phrase headed by a source noun. */
function isAnonymous(toks: readonly Tok[], r: Range, baseLast: number, mtext: string): boolean {
  const head = toks[baseLast]!
  const det = toks[r.first]!
  if (SOURCE_PHRASES.test(mtext)) return true
  if (!SOURCE_NOUNS.has(head.lower)) return false
  if (INDEFINITE.has(det.lower)) return true
  // bare plural: "officials said", "senior diplomats said"
  return r.first === baseLast || (head.lower.endsWith('s') && det.cls === 'other')
}

/** Resolves speakers to cast entities; keeps the last named speaker for unresolved pronouns. */
export class SpeakerResolver {
  private readonly byMention: { start: number; end: number; entity: Entity; rank: number }[] = []
  private lastNamed: { name: string; entityId?: string } | null = null

  private index: CastIndex | null = null

  constructor(
    private readonly entities: readonly Entity[],
    private readonly text: string,
    private readonly sentences: readonly Span[] = [],
  ) {
    const rank = { name: 0, title: 1, description: 2, pronoun: 3 }
    for (const e of entities) {
      for (const m of e.mentions) {
        this.byMention.push({ start: m.start, end: m.end, entity: e, rank: rank[m.kind] })
      }
    }
    this.byMention.sort((a, b) => a.start - b.start)
  }

  /** The public speaker for a local one; call in text order. */
  resolve(local: LocalSpeaker): Speaker {
    if (local.pronoun && /^(i|we)$/i.test(local.text)) return this.firstPerson(local)
    const entity = this.lookup(local)
    const sp: Speaker = { name: local.name ?? local.text, anonymous: local.anonymous }
    if (entity !== null) {
      sp.name = entity.name
      sp.entityId = entity.id
    } else if (
      local.pronoun &&
      this.lastNamed !== null &&
      !PLURAL_PRONOUNS.has(local.text.toLowerCase())
    ) {
      // no cast: "he" is the last named speaker before it
      sp.name = this.lastNamed.name
    }
    if (local.description !== undefined) sp.description = local.description
    sp.mention = local.mention
    if (!local.pronoun && !local.anonymous && (entity !== null || local.name !== undefined)) {
      this.lastNamed = { name: sp.name }
      if (sp.entityId !== undefined) this.lastNamed.entityId = sp.entityId
    }
    return sp
  }

  /**
   * "I" speaks for whoever the line is by: the label of a transcript paragraph ("Zara Kay: I
   * wanted …", "((Zara Kay)) I wanted …"), resolved to the cast by name; else it stays "I" (a
   * first person is never the cast's salient third person, nor the last named speaker). "We"
   * stays "we".
   */
  private firstPerson(local: LocalSpeaker): Speaker {
    const sp: Speaker = { name: local.text, anonymous: false, mention: local.mention }
    if (local.text.toLowerCase() !== 'i') return sp
    const at = local.mention.start
    const para = this.text.lastIndexOf('\n', at - 1) + 1
    const head = this.text.slice(para, Math.min(at, para + 80))
    const m = /^\(\(([^()\n]{1,40})\)\)|^(\p{Lu}[\p{L}\p{M} .'’-]{0,40}?)\s*:/u.exec(head)
    const label = (m?.[1] ?? m?.[2])?.trim()
    if (label === undefined || label === '') return sp
    const hit = this.byName(label, 'person')
    sp.name = hit?.name ?? label
    if (hit !== null) sp.entityId = hit.id
    return sp
  }

  /** The one cast member (of `type`, if given) a name or alias matches, whole or by its last words. */
  private byName(name: string, type?: Entity['type']): Entity | null {
    const n = name.toLowerCase()
    const hits = this.entities.filter(
      (e) =>
        (type === undefined || e.type === type) &&
        [e.name, ...e.aliases].some((a) => {
          const l = a.toLowerCase()
          return l === n || l.endsWith(` ${n}`) || n.endsWith(` ${l}`)
        }),
    )
    return hits.length === 1 ? hits[0]! : null
  }

  private lookup(local: LocalSpeaker): Entity | null {
    const { start, end } = local.head
    // 1. the cast's own mention of the speaker's head words: the largest, then names first;
    //    not an owner ("Macron's aide") nor a name inside a complement ("a spokesman for Y")
    let best: { entity: Entity; rank: number; overlap: number } | null = null
    for (const m of this.byMention) {
      if (m.start >= end) break
      if (m.end <= start) continue
      if (m.end < end && /^['’]s\b/.test(this.text.slice(m.end, m.end + 3))) continue
      // nor a possessive pronoun before the head ("his lawyers" are not he)
      if (m.rank === 3 && m.end < end) continue
      const overlap = Math.min(end, m.end) - Math.max(start, m.start)
      if (
        best === null ||
        overlap > best.overlap ||
        (overlap === best.overlap && m.rank < best.rank)
      )
        best = { entity: m.entity, rank: m.rank, overlap }
    }
    if (best !== null) return best.entity
    if (local.anonymous || this.entities.length === 0) return null
    // 2. the cast's own lookup: salience and gender for "he", roles for "the French leader"
    this.index ??= createCastIndex(this.text, this.sentences, this.entities)
    const found = this.index.resolve(start, end)
    if (found !== undefined) return found
    if (local.pronoun) return null
    // 3. by name or alias, whole or as the last word ("Macron")
    if (local.name !== undefined) {
      const hit = this.byName(local.name)
      if (hit !== null) return hit
    }
    // 4. by role: "the French leader" ~ "French President"
    const desc = (local.description ?? local.text).toLowerCase().replace(/^(?:the|a|an)\s+/, '')
    if (desc !== '') {
      const hits = this.entities.filter((e) =>
        e.descriptions.some((d) => {
          const l = d.toLowerCase()
          return l === desc || l.endsWith(desc) || desc.endsWith(l)
        }),
      )
      if (hits.length === 1) return hits[0]!
    }
    return null
  }
}
