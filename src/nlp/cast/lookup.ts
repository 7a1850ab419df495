/**
 * @module nlp/cast/lookup: resolving a span of the text to a cast member, for nlp/quotes.
 * Built from the contract's Entity[] alone (what `analyze` returns), so any consumer of
 * annotations can use it: `createCastIndex(text, sentences, entities)` then
 *   - `entityAt(start, end)`: the member a mention at that span belongs to;
 *   - `salientBefore(offset, { types, gender })`: who "he" or "the ministry" most likely is there;
 *   - `resolve(start, end)`: the member that words naming a speaker point at — a name ("Kohler"),
 *     a pronoun ("she"), a role ("the French leader", "Macron's aide", "his French counterpart").
 */
import type { Entity, EntityType, Span } from '../../core/index.js'
import { type Gender, genderOfGivenName, HONORIFICS, PRONOUNS } from '../lexicons/index.js'
import { tokenize } from '../tokens/index.js'
import type { Token } from '../types.js'
import { type Doc, isQuoted, makeDoc, sentenceAt, tokenIndexAt } from './doc.js'
import { fold, isVariant, namesCompatible, parsePersonName } from './names.js'
import { parseRole, type Role, roleFit } from './roles.js'
import { Timeline } from './salience.js'

/** Finds cast members by span, salience and role. */
export interface CastIndex {
  /** The entity with a mention at exactly [start, end), else the innermost mention covering it. */
  entityAt(start: number, end?: number): Entity | undefined
  /** The most salient member before `offset`, among `types` (default person) and of `gender`. */
  salientBefore(
    offset: number,
    filter?: { types?: readonly EntityType[]; gender?: Gender; window?: number },
  ): Entity | undefined
  /** The member that the words at [start, end) name, refer to or stand for. */
  resolve(start: number, end: number): Entity | undefined
  /** What the cast knows of an entity: its gender (persons) and roles. */
  facts(id: string): { gender?: Gender; roles: readonly Role[] } | undefined
}

/**
 * Indexes a cast for lookups.
 * @param tokens the text's tokens when already made (tokenized here otherwise)
 * @example
 * const cast = createCastIndex(text, annotations.sentences, annotations.entities)
 * cast.resolve(speaker.start, speaker.end)?.id // "e3" for "the German chancellor"
 */
export function createCastIndex(
  text: string,
  sentences: readonly Span[],
  entities: readonly Entity[],
  tokens: readonly Token[] = tokenize(text),
): CastIndex {
  const doc = makeDoc(text, tokens, sentences)
  const roles = entities.map((e) =>
    e.descriptions.flatMap((d) => {
      const r = parseRole(tokenize(d).map((t) => t.text))
      return r === undefined ? [] : [r]
    }),
  )
  const genders = entities.map((e, i) => genderOf(doc, e, roles[i]!))
  const timeline = new Timeline(
    sentences,
    entities.map((e, i) => {
      const g = genders[i]
      return g === undefined ? { type: e.type } : { type: e.type, gender: g }
    }),
  )
  const spans: { start: number; end: number; member: number }[] = []
  entities.forEach((e, member) => {
    for (const m of e.mentions) spans.push({ start: m.start, end: m.end, member })
  })
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  let lastSentence = -1
  for (const s of spans) {
    const m = entities[s.member]!.mentions.find((x) => x.start === s.start && x.end === s.end)!
    const quoted = isQuoted(doc.quoted, s.start)
    const sentence = sentenceAt(sentences, s.start)
    const k = tokenIndexAt(doc, s.end)
    const possessor = /^['’]s$/.test(doc.words[k] ?? '')
    let subject = !quoted && !possessor && sentence !== lastSentence
    if (subject) lastSentence = sentence
    if (!subject && !possessor) subject = speaksAfter(doc, k)
    timeline.add({ start: s.start, end: s.end, member: s.member, kind: m.kind, subject, quoted })
  }

  const entityAt = (start: number, end?: number): Entity | undefined => {
    let best: { member: number; size: number } | undefined
    for (const s of spans) {
      if (s.start > start) break
      if (end !== undefined && s.start === start && s.end === end) return entities[s.member]
      const within = s.end >= (end ?? start + 1)
      if (within && (best === undefined || s.end - s.start < best.size)) {
        best = { member: s.member, size: s.end - s.start }
      }
    }
    return best === undefined ? undefined : entities[best.member]
  }

  const salientBefore: CastIndex['salientBefore'] = (offset, filter = {}) => {
    const types = filter.types ?? ['person']
    const member = timeline.best({
      offset,
      quoted: isQuoted(doc.quoted, offset),
      accept: (m) => types.includes(entities[m]!.type),
      ...(filter.gender !== undefined && { gender: filter.gender }),
      ...(filter.window !== undefined && { window: filter.window }),
    })
    return member === undefined ? undefined : entities[member]
  }

  const byName = (phrase: string): Entity | undefined => {
    const key = fold(phrase.replace(/^the\s+/i, ''))
    const exact = entities.filter(
      (e) => fold(e.name) === key || e.aliases.some((a) => fold(a) === key),
    )
    if (exact.length === 1) return exact[0]
    const asPerson = parsePersonName(phrase)
    const people = entities.filter((e) => {
      if (e.type !== 'person') return false
      const p = parsePersonName(e.name)
      return asPerson.words.length > 1
        ? namesCompatible(p, asPerson)
        : p.words.some((w) => isVariant(w, asPerson.surname))
    })
    return people.length === 1 ? people[0] : undefined
  }

  const resolve = (start: number, end: number): Entity | undefined => {
    const at = spans.find((s) => s.start === start && s.end === end)
    if (at !== undefined) return entities[at.member]
    const from = tokenIndexAt(doc, start)
    const to = tokenIndexAt(doc, end)
    const words = doc.words.slice(from, to)
    if (words.length === 0) return undefined
    if (words.length === 1) {
      const p = PRONOUNS.get(doc.lower[from]!)
      if (p !== undefined) {
        if (p.gender !== undefined) return salientBefore(start, { gender: p.gender })
        return salientBefore(start, { types: ['organization'], window: 1 })
      }
    }
    const role = parseRole(words)
    if (role === undefined) return byName(text.slice(start, end))
    // the owner of a possessive role: "Macron's aide", "his French counterpart"
    let owner: number | undefined
    const apostrophe = words.findIndex((w) => w === "'s" || w === '’s')
    const first = doc.lower[from]!
    if (apostrophe > 0) {
      const e = byName(words.slice(0, apostrophe).join(' '))
      if (e !== undefined) owner = entities.indexOf(e)
    } else if (first === 'his' || first === 'her' || first === 'their') {
      const g = PRONOUNS.get(first)?.gender
      const e = salientBefore(start, g === undefined ? {} : { gender: g })
      if (e !== undefined) owner = entities.indexOf(e)
    }
    if (owner !== undefined && role.head !== 'counterpart') role.of = entities[owner]!.name
    const fits = new Map<number, number>()
    entities.forEach((e, i) => {
      if (e.type !== 'person' || i === owner) return
      if (!e.mentions.some((m) => m.start < start)) return
      let fit = 0
      for (const r of roles[i]!) {
        if (role.head === 'counterpart') {
          const ownRoles = owner === undefined ? [] : roles[owner]!
          const like = ownRoles.length === 0 || ownRoles.some((o) => o.cls === r.cls)
          if (like && (role.place === undefined || r.place === role.place)) fit = Math.max(fit, 1)
        } else fit = Math.max(fit, roleFit(role, r))
      }
      if (fit > 0) fits.set(i, fit)
    })
    if (fits.size === 0) return undefined
    const top = Math.max(...fits.values())
    const best = [...fits].filter(([, f]) => f === top).map(([m]) => m)
    if (best.length === 1) return entities[best[0]!]
    const here = sentenceAt(sentences, start)
    const recent = timeline.mentionedIn(here - 1, here, start)
    const supported = best.filter((m) => recent.has(m))
    return supported.length === 1 ? entities[supported[0]!] : undefined
  }

  const facts: CastIndex['facts'] = (id) => {
    const i = entities.findIndex((e) => e.id === id)
    if (i < 0) return undefined
    const g = genders[i]
    return g === undefined ? { roles: roles[i]! } : { gender: g, roles: roles[i]! }
  }

  return { entityAt, salientBefore, resolve, facts }
}

function speaksAfter(doc: Doc, k: number): boolean {
  return /^(?:said|says|told|tells|added|stated|announced|explained|noted|asked|replied|wrote|insisted|warned|claimed|argued|stressed|confirmed|denied)$/.test(
    doc.lower[k] ?? '',
  )
}

/** A person's gender from the pronouns resolved to them, honorifics, roles and given name. */
function genderOf(doc: Doc, e: Entity, roles: readonly Role[]): Gender | undefined {
  if (e.type !== 'person') return undefined
  const votes = { male: 0, female: 0 }
  for (const m of e.mentions) {
    if (m.kind === 'pronoun') {
      const g = PRONOUNS.get(m.text.toLowerCase())?.gender
      if (g !== undefined) votes[g] += 2
    } else if (m.kind === 'name') {
      const k = tokenIndexAt(doc, m.start) - 1
      const h = HONORIFICS.get((doc.words[k] ?? '').replace(/\.$/, ''))
      if (h !== undefined) votes[h] += 3
    }
  }
  for (const r of roles) if (r.gender !== undefined) votes[r.gender] += 3
  const p = parsePersonName(e.name)
  if (p.words.length > 1) {
    const g = genderOfGivenName(p.words[0]!)
    if (g !== undefined) votes[g] += 1
  }
  if (votes.male === votes.female) return undefined
  return votes.male > votes.female ? 'male' : 'female'
}
