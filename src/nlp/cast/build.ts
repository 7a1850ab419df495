/**
 * @module nlp/cast/build: the cast list. Groups the tagger's entity mentions into one entity per
 * real-world referent and adds what refers to them without a name:
 *  1. mentions are tidied (honorifics and titles peeled off, "the" and "'s" dropped, demonyms
 *     made mentions of their place, acronyms defined in brackets linked to their long form);
 *  2. titles before a name ("French President Emmanuel Macron") and appositions after it
 *     ("Olaf Scholz, Germany's chancellor,") become the entity's descriptions and roles;
 *  3. names are joined: full names by their words in order (variants and transliterations
 *     allowed), then bare surnames and first names to the one full name they fit (the most
 *     recently mentioned when several fit); organisations by their short forms and acronyms,
 *     places through the lexicon (U.S. = United States, French → France);
 *  4. untagged repeats of a known name are picked up;
 *  5. role references ("the French leader", "his French counterpart", "Macron's aide") are
 *     resolved to the member who holds that role in the article;
 *  6. pronouns (he/she and, before a speech verb, they/it) are resolved by salience.
 */
import type { Entity, EntityType, Mention, MentionKind, Span } from '../../core/index.js'
import {
  CURRENCY_PREFIXES,
  type Gender,
  genderOfGivenName,
  HONORIFICS,
  hasOrgWord,
  MONTH_ABBREVIATIONS,
  PLATFORMS,
  type PlaceEntry,
  PRONOUNS,
  placeByDemonym,
  placeByName,
  ROLE_MODIFIERS,
  ROLE_RANKS,
  SENTENCE_OPENERS,
  SPEECH_VERBS,
  TIME_ZONES,
} from '../lexicons/index.js'
import type { EntityMention, Token } from '../types.js'
import { type Doc, isQuoted, makeDoc, sentenceAt, tokenIndexAt } from './doc.js'
import {
  acronymOf,
  asAcronym,
  fold,
  isParticle,
  isVariant,
  namesCompatible,
  orgKey,
  type PersonName,
  parsePersonName,
} from './names.js'
import { parseRole, ROLE_WORDS, type Role, roleAt, roleFit } from './roles.js'
import { Timeline } from './salience.js'

/** What the cast is built from. */
export interface CastInput {
  text: string
  tokens: readonly Token[]
  sentences: readonly Span[]
  /** The tagger's mentions (nlp/entities), or hand-made ones in tests. */
  mentions: readonly EntityMention[]
  /**
   * Whether a lowercased word is a common word, written in lower case where nothing forces a
   * capital (the tagger's lexicon knows). A one-word mention of such a word that is capitalised
   * only by its place (first in its sentence, after an opening quote) is left out unless the
   * document writes it capitalised elsewhere: “Heartbroken and numb,” writes …
   * @default no word is common
   */
  isCommonWord?: (lower: string) => boolean
  /** Diagnostics; a no-op unless given. */
  debug?: (message: string) => void
}

/** What the cast knows about a member beyond the contract's Entity. */
export interface MemberInfo {
  gender?: Gender
  roles: Role[]
  /** The place a place-entity is in the lexicon, with its demonyms. */
  place?: PlaceEntry
}

/** The cast: entities (the contract) and, by entity id, what was learnt about each. */
export interface Cast {
  entities: Entity[]
  info: Map<string, MemberInfo>
}

interface Item extends Span {
  text: string
  kind: MentionKind
  tok: number
  tokEnd: number
}

/** The mention item covering tokens `tok` up to (not including) `tokEnd`. */
function itemOf(doc: Doc, tok: number, tokEnd: number, kind: MentionKind): Item {
  const start = doc.tokens[tok]!.start
  const end = doc.tokens[tokEnd - 1]!.end
  return { start, end, text: doc.text.slice(start, end), kind, tok, tokEnd }
}

interface NameItem extends Item {
  type: EntityType
  person?: PersonName
  place?: PlaceEntry
  demonym: boolean
  honorific?: string
  /** A cluster this mention must join (an acronym defined in brackets). */
  linkTo?: NameItem
  cluster?: Cluster
}

interface Cluster {
  index: number
  type: EntityType
  names: NameItem[]
  others: Item[]
  longest: NameItem
  roles: Role[]
  descriptions: string[]
  gender?: Gender
  genderVotes: { male: number; female: number }
  place?: PlaceEntry
  acronyms: Set<string>
  keys: Set<string>
  /** orgKey(longest.text) split into words, kept up to date by join(). */
  longWords: string[]
  /** The earliest start of a name mention. */
  firstStart: number
}

const DETERMINER_START = new Set(['the', 'a', 'an'])
const WEEKDAYS = new Set('Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' '))
const MONTHS = new Set(
  'January February March April May June July August September October November December'.split(
    ' ',
  ),
)
const APPOSITION_STOP = new Set([',', '.', ';', ':', ')', '"', '“', '”', '—', '–', '?', '!'])
const CLAUSE_WORDS = new Set(
  'who which whose whom where when that and but or is was were are has have had will would could said says told'.split(
    ' ',
  ),
)

/** Builds the cast from a text's tokens, sentences and tagged entity mentions. */
export function buildCast(input: CastInput): Cast {
  const doc = makeDoc(input.text, input.tokens, input.sentences)
  const debug = input.debug
  const items = tidyMentions(doc, input.mentions, input.isCommonWord)
  linkAcronyms(doc, items)
  const clusters = clusterNames(items)
  const others: Item[] = []
  for (const c of clusters) attachTitles(doc, c, others)
  addRepeats(doc, items, clusters)
  for (const c of clusters) decideGender(c)
  const timeline = makeTimeline(doc, clusters)
  resolveRoleReferences(doc, clusters, timeline, debug)
  resolvePronouns(doc, clusters, timeline)
  return toEntities(clusters)
}

// ── 1. tidy the tagger's mentions ──────────────────────────────────────────────────────────

/**
 * Whether tokens [tok, tokEnd) are titles and nothing else: an honorific alone ("Dr" of "Dr
 * Seager", when the tagger split the two) or a role after an optional honorific ("Lord Mayor",
 * "President"; the cast's role references resolve it to whoever holds it).
 */
function titlesOnly(t: Doc['tokens'], tok: number, tokEnd: number): boolean {
  let k = tok
  if (HONORIFICS.has(t[k]!.text.replace(/\.$/, ''))) k++
  if (k === tokEnd) return true
  const words = []
  for (let j = k; j < tokEnd; j++) words.push(t[j]!.text)
  const role = roleAt(words, 0)
  return role !== undefined && role.length === words.length
}

/** Openers after which a capital says nothing: quotes, brackets, a colon, dashes. */
const CAPITAL_OPENERS = new Set(['"', '“', '‘', "'", '«', '„', '(', '[', ':', '-', '—', '–'])

/** Whether token `k` is capitalised by its place: first in its sentence, or after an opener. */
function capitalByPlace(doc: Doc, k: number): boolean {
  const s = doc.tokenSentence[k] ?? -1
  if (s < 0 || doc.sentenceFirstToken[s] === k) return true
  const prev = doc.tokens[k - 1]
  return prev !== undefined && CAPITAL_OPENERS.has(prev.text)
}

function tidyMentions(
  doc: Doc,
  mentions: readonly EntityMention[],
  isCommonWord?: (lower: string) => boolean,
): NameItem[] {
  // words the document capitalises where nothing forces it (for the common-word check)
  const capitalised = new Set<string>()
  if (isCommonWord !== undefined) {
    doc.tokens.forEach((t, k) => {
      if (/^\p{Lu}/u.test(t.text) && !capitalByPlace(doc, k)) capitalised.add(t.text.toLowerCase())
    })
  }
  const sorted = splitAffiliations(
    doc.text,
    joinAcrossParticles(
      doc.text,
      [...mentions].sort((a, b) => a.start - b.start || b.end - a.end),
    ),
  )
  const out: NameItem[] = []
  let lastEnd = -1
  for (const m of sorted) {
    if (m.start < lastEnd) continue // overlapping mentions: the tagger's first, longest wins
    let tok = tokenIndexAt(doc, m.start)
    let tokEnd = tokenIndexAt(doc, m.end)
    const t = doc.tokens
    let honorific: string | undefined
    // drop "the", a trailing "'s", honorifics and (for people) titles the tagger included
    while (tok < tokEnd - 1) {
      const w = t[tok]!.text
      const bare = w.replace(/\.$/, '')
      if (w.toLowerCase() === 'the') tok++
      else if (m.type === 'person' && HONORIFICS.has(bare)) {
        honorific = bare
        tok++
      } else if (m.type === 'person' && roleAt([w], 0) !== undefined && /^\p{Lu}/u.test(w)) tok++
      else break
    }
    while (tokEnd > tok + 1 && /^['’]s?$/.test(t[tokEnd - 1]!.text)) tokEnd--
    if (tok >= tokEnd) continue
    let type = m.type
    // "Secretary of [State Condoleezza Rice]": the end of a title the tagger joined to a name;
    // the name is a person from its given name on (only after a role and "of": "a graduate of
    // Harvard Law School" stays the school)
    const role =
      (type === 'organization' || type === 'misc') &&
      tok > 1 &&
      t[tok - 1]!.text === 'of' &&
      tokEnd - tok >= 2
        ? roleAt(
            t.slice(tok - 2, tokEnd).map((w) => w.text),
            0,
          )
        : undefined
    if (role !== undefined) {
      // where the name starts: after a title the role lexicon knows ("Secretary of State"), or
      // at a given name ("Minister of Education Marietta Yannakou")
      let k = role.length >= 3 ? tok - 2 + role.length : -1
      for (let j = tok + 1; k < 0 && j <= tokEnd - 2; j++) {
        if (genderOfGivenName(t[j]!.text) !== undefined) k = j
      }
      if (
        k > tok &&
        k <= tokEnd - 1 &&
        tokEnd - k <= 4 &&
        t.slice(k, tokEnd).every((w) => /^\p{Lu}/u.test(w.text))
      ) {
        tok = k
        type = 'person'
      }
    }
    // "Hurricane Katrina" is a storm, not a person
    if (type === 'person' && tok > 0 && STORMS.has(t[tok - 1]!.text)) {
      tok--
      type = 'misc'
    }
    // titles alone name nobody
    if (titlesOnly(t, tok, tokEnd)) continue
    if (tokEnd === tok + 1) {
      const lower = t[tok]!.text.toLowerCase()
      if (isCommonWord?.(lower) && capitalByPlace(doc, tok) && !capitalised.has(lower)) continue
    }
    const start = t[tok]!.start
    const end = t[tokEnd - 1]!.end
    const text = doc.text.slice(start, end)
    // nor does a currency or a time zone the tagger took for a name ("US$", "UTC")
    if (Object.hasOwn(CURRENCY_PREFIXES, text) || TIME_ZONES.has(text)) continue
    if (honorific === undefined && tok > 0) {
      const before = t[tok - 1]!.text.replace(/\.$/, '')
      if (type === 'person' && HONORIFICS.has(before)) honorific = before
    }
    const item: NameItem = {
      start,
      end,
      text,
      kind: 'name',
      tok,
      tokEnd,
      type,
      demonym: false,
    }
    if (honorific !== undefined) item.honorific = honorific
    if (type === 'person') item.person = parsePersonName(text)
    const demonymPlace = placeByDemonym(text)
    if ((type === 'misc' || type === 'place') && demonymPlace !== undefined) {
      item.type = 'place'
      item.place = demonymPlace
      item.demonym = true
    } else if (type === 'place') {
      const p = placeByName(text)
      if (p !== undefined) item.place = p
    }
    if (type !== 'person' && PLATFORMS.has(text)) {
      item.type = 'organization'
      delete item.place
    }
    out.push(item)
    lastEnd = m.end
  }
  // a one-word "person" that is a country's name, with no person of that surname, is the place
  // (Jordan the country tagged as a person)
  const surnames = new Set(
    out
      .filter((i) => i.person !== undefined && i.person.words.length > 1)
      .map((i) => i.person!.surname),
  )
  // a storm's name alone is the storm ("Hurricane Katrina … Katrina left thousands homeless")
  const storms = new Map(
    out
      .filter((i) => i.type === 'misc' && STORMS.has(i.text.split(' ')[0]!))
      .map((i) => [i.text.slice(i.text.indexOf(' ') + 1), i]),
  )
  for (const i of out) {
    if (i.type !== 'person' || i.person!.words.length !== 1 || i.honorific !== undefined) continue
    const storm = storms.get(i.text)
    if (storm !== undefined && !surnames.has(i.person!.surname)) {
      i.type = 'misc'
      i.linkTo = storm
      delete i.person
      continue
    }
    const p = placeByName(i.text)
    if (p !== undefined && !surnames.has(i.person!.surname)) {
      i.type = 'place'
      i.place = p
      delete i.person
    }
  }
  return out
}

/**
 * A name the tagger split at its particle — "[Osama] bin [Laden]", "[Ludwig] van [Beethoven]" —
 * is one person: a one-word mention, one lower-case particle, then a person.
 */
function joinAcrossParticles(text: string, sorted: EntityMention[]): EntityMention[] {
  const out: EntityMention[] = []
  for (const m of sorted) {
    const prev = out[out.length - 1]
    if (prev !== undefined && m.type === 'person' && prev.end < m.start) {
      const gap = text.slice(prev.end, m.start)
      const first = text.slice(prev.start, prev.end)
      if (/^ [a-z]+ $/.test(gap) && isParticle(gap.trim()) && /^\p{Lu}\p{Ll}+$/u.test(first)) {
        const joined = { ...prev, end: m.end, type: 'person' as const }
        joined.text = text.slice(joined.start, joined.end)
        joined.confidence = Math.min(prev.confidence, m.confidence)
        out[out.length - 1] = joined
        continue
      }
    }
    out.push(m)
  }
  return out
}

/**
 * A person the tagger joined to an affiliation — "[Miloš Aligrudić of Democratic Party of
 * Serbia]" — is the person and the organisation: split at the first "of" when what follows names
 * an organisation.
 */
function splitAffiliations(text: string, sorted: EntityMention[]): EntityMention[] {
  const out: EntityMention[] = []
  for (const m of sorted) {
    const t = text.slice(m.start, m.end)
    const k = t.indexOf(' of ')
    if (
      m.type === 'person' &&
      k > 0 &&
      /\s/.test(t.slice(0, k)) &&
      hasOrgWord(
        t
          .slice(k + 4)
          .toLowerCase()
          .split(/\s+/),
      )
    ) {
      const org = m.start + k + 4
      out.push({ ...m, end: m.start + k, text: t.slice(0, k) })
      out.push({ ...m, start: org, text: text.slice(org, m.end), type: 'organization' })
      continue
    }
    out.push(m)
  }
  return out
}

/** Words before a storm's name ("Hurricane Katrina", "Typhoon Haiyan"). */
const STORMS = new Set(['Hurricane', 'Typhoon', 'Cyclone', 'Storm'])

/** "Deutsche Presse-Agentur (dpa)" and "dpa (Deutsche Presse-Agentur)": the two are one. */
function linkAcronyms(doc: Doc, items: NameItem[]): void {
  const t = doc.tokens
  const added: NameItem[] = []
  for (const item of items) {
    const open = item.tokEnd
    if (t[open]?.text !== '(' || t[open + 2]?.text !== ')') continue
    const inner = t[open + 1]!
    const acr = asAcronym(inner.text)
    if (acr === undefined) continue
    const existing = items.find((i) => i.start === inner.start)
    if (existing !== undefined) {
      existing.linkTo = item
      existing.type = item.type
      if (item.type === 'person') existing.person = parsePersonName(existing.text)
      else delete existing.person
    } else {
      added.push({
        start: inner.start,
        end: inner.end,
        text: inner.text,
        kind: 'name',
        tok: open + 1,
        tokEnd: open + 2,
        type: item.type,
        demonym: false,
        linkTo: item,
        ...(item.type === 'person' && { person: parsePersonName(inner.text) }),
      })
    }
  }
  // the other way round: "AEW (All Elite Wrestling)", the acronym first; its letters must be the
  // long form's initials, and the long form's type wins (the tagger often calls the acronym misc)
  for (const item of items) {
    if (item.tokEnd !== item.tok + 1 || t[item.tokEnd]?.text !== '(') continue
    const acr = asAcronym(item.text)
    if (acr === undefined || item.linkTo !== undefined) continue
    const long = items.find((i) => i.tok === item.tokEnd + 1 && t[i.tokEnd]?.text === ')')
    if (long === undefined || long.tokEnd - long.tok < 2 || acronymOf(long.text) !== acr) continue
    item.linkTo = long
    item.type = long.type
    if (long.type === 'person') item.person = parsePersonName(item.text)
    else delete item.person
  }
  if (added.length > 0) {
    items.push(...added)
    items.sort((a, b) => a.start - b.start)
  }
  // the acronym's other mentions take the type of the one defined in brackets
  const defined = new Map<string, NameItem>()
  for (const i of items) {
    const acr = i.linkTo !== undefined && i.type !== 'person' ? asAcronym(i.text) : undefined
    if (acr !== undefined && !defined.has(acr)) defined.set(acr, i)
  }
  if (defined.size === 0) return
  for (const i of items) {
    if (i.linkTo !== undefined || i.type === 'person' || i.tokEnd !== i.tok + 1) continue
    const acr = asAcronym(i.text)
    const d = acr === undefined ? undefined : defined.get(acr)
    if (d !== undefined) i.type = d.type
  }
}

// ── 3. join names into clusters ────────────────────────────────────────────────────────────

function newCluster(clusters: Cluster[], item: NameItem): Cluster {
  const c: Cluster = {
    index: clusters.length,
    type: item.type,
    names: [],
    others: [],
    longest: item,
    roles: [],
    descriptions: [],
    genderVotes: { male: 0, female: 0 },
    acronyms: new Set(),
    keys: new Set(),
    longWords: [],
    firstStart: item.start,
  }
  clusters.push(c)
  return c
}

function join(c: Cluster, item: NameItem): void {
  c.names.push(item)
  item.cluster = c
  if (item.start < c.firstStart) c.firstStart = item.start
  const before = c.longest
  if (
    wordCount(item) > wordCount(c.longest) ||
    (wordCount(item) === wordCount(c.longest) &&
      item.text.length > c.longest.text.length &&
      !item.demonym)
  ) {
    if (!(c.longest.demonym === false && item.demonym)) c.longest = item
  }
  if (c.longest.demonym && !item.demonym) c.longest = item
  if (c.longest !== before || c.longWords.length === 0)
    c.longWords = orgKey(c.longest.text).split(' ')
  if (item.place !== undefined) c.place ??= item.place
  if (item.linkTo !== undefined) {
    const acr = asAcronym(item.text)
    if (acr !== undefined) c.acronyms.add(acr) // "Mohammed bin Salman (MBS)" too
  }
  if (item.type === 'organization' || item.type === 'misc') {
    c.keys.add(orgKey(item.text))
    const acr = asAcronym(item.text)
    if (acr !== undefined) c.acronyms.add(acr)
    if (wordCount(item) > 1) c.acronyms.add(acronymOf(item.text))
  } else if (item.type === 'place') {
    c.keys.add(item.place?.name ?? fold(item.text))
  }
}

function wordCount(i: NameItem): number {
  return i.person?.words.length ?? i.tokEnd - i.tok
}

function clusterNames(items: NameItem[]): Cluster[] {
  const clusters: Cluster[] = []
  const people = items.filter((i) => i.type === 'person')
  // full names first, longest first; then one-word names in text order
  const full = people
    .filter((i) => i.person!.words.length > 1)
    .sort((a, b) => b.person!.words.length - a.person!.words.length || a.start - b.start)
  for (const item of full) {
    const c = clusters.find(
      (c) => c.type === 'person' && namesCompatible(c.longest.person!, item.person!),
    )
    join(c ?? newCluster(clusters, item), item)
  }
  for (const item of people.filter((i) => i.person!.words.length === 1)) {
    const c = item.linkTo?.cluster ?? pickPersonCluster(clusters, item)
    join(c ?? newCluster(clusters, item), item)
  }
  const linked = new Map<NameItem, NameItem[]>()
  for (const i of items) {
    if (i.linkTo === undefined) continue
    const list = linked.get(i.linkTo)
    if (list === undefined) linked.set(i.linkTo, [i])
    else list.push(i)
  }
  for (const item of items.filter((i) => i.type !== 'person')) {
    if (item.linkTo?.cluster !== undefined) {
      join(item.linkTo.cluster, item)
      continue
    }
    // the long form of an acronym met before it ("AEW (All Elite Wrestling)") joins its cluster
    const before = (linked.get(item) ?? []).find((o) => o.cluster !== undefined)
    const c = before?.cluster ?? findNonPersonCluster(clusters, item)
    join(c ?? newCluster(clusters, item), item)
    // an acronym defined in brackets after its long form, met before it in this order
    for (const other of linked.get(item) ?? []) {
      if (other.cluster === undefined) join(item.cluster!, other)
    }
  }
  mergeSameNames(clusters)
  return clusters
}

/**
 * The same name tagged as an organisation once and a place (or misc) another time — "Fath
 * Airport", a stadium, a ministry building — is one referent: the type most of its mentions
 * have wins (the first on a tie). People are never merged this way (Washington stays two).
 */
function mergeSameNames(clusters: Cluster[]): void {
  const byName = new Map<string, Cluster>()
  for (const c of clusters) {
    if (c.type === 'person' || c.names.length === 0 || c.longest.demonym) continue
    const key = fold(c.longest.text)
    const other = byName.get(key)
    if (other === undefined) {
      byName.set(key, c)
      continue
    }
    const [keep, drop] = c.names.length > other.names.length ? [c, other] : [other, c]
    for (const n of drop.names) {
      n.type = keep.type
      join(keep, n)
    }
    drop.names = []
    byName.set(key, keep)
  }
}

/** The person cluster a one-word name belongs to: by surname, then other name words. */
function pickPersonCluster(clusters: Cluster[], item: NameItem): Cluster | undefined {
  const word = item.person!.surname
  const people = clusters.filter((c) => c.type === 'person')
  const acr = asAcronym(item.text)
  if (acr !== undefined) {
    const byAcronym = people.filter((c) => c.acronyms.has(acr))
    if (byAcronym.length === 1) return byAcronym[0]
  }
  const bySurname = people.filter(
    (c) => c.longest.person!.words.length > 1 && isVariant(word, c.longest.person!.surname),
  )
  const byOther = people.filter(
    (c) =>
      c.longest.person!.words.length > 1 &&
      c.longest.person!.words.slice(0, -1).some((w) => isVariant(word, w)),
  )
  const bySingle = people.filter(
    (c) => c.longest.person!.words.length === 1 && isVariant(word, c.longest.person!.surname),
  )
  for (const candidates of [bySurname, byOther, bySingle]) {
    if (candidates.length === 0) continue
    if (candidates.length === 1) return candidates[0]
    return disambiguate(candidates, item)
  }
  return undefined
}

/**
 * Several people fit a bare surname: an honorific's gender decides, else the one mentioned
 * most recently before it (or, when none was, first after it).
 */
function disambiguate(candidates: Cluster[], item: NameItem): Cluster | undefined {
  let pool = candidates
  const g = item.honorific !== undefined ? HONORIFICS.get(item.honorific) : undefined
  if (g !== undefined) {
    const agreeing = pool.filter((c) => clusterGenderHint(c) === g)
    if (agreeing.length > 0) pool = agreeing
  }
  let best: Cluster | undefined
  let bestPos = -1
  for (const c of pool) {
    for (const n of c.names)
      if (n.start < item.start && n.start > bestPos) {
        best = c
        bestPos = n.start
      }
  }
  if (best !== undefined) return best
  let firstAfter = Number.POSITIVE_INFINITY
  for (const c of pool) {
    for (const n of c.names)
      if (n.start > item.start && n.start < firstAfter) {
        best = c
        firstAfter = n.start
      }
  }
  return best
}

function clusterGenderHint(c: Cluster): Gender | undefined {
  for (const n of c.names) {
    const g = n.honorific !== undefined ? HONORIFICS.get(n.honorific) : undefined
    if (g !== undefined) return g
  }
  const first = c.longest.person?.words[0]
  return first === undefined || c.longest.person!.words.length < 2
    ? undefined
    : genderOfGivenName(first)
}

function findNonPersonCluster(clusters: Cluster[], item: NameItem): Cluster | undefined {
  const same = clusters.filter((c) => c.type === item.type)
  if (item.type === 'place') {
    const key = item.place?.name ?? fold(item.text)
    const exact = same.find((c) => c.keys.has(key))
    if (exact !== undefined) return exact
    // one place spelt two ways (Magnitogorsk, Magnitigorsk), unless the lexicon knows both apart
    const folded = fold(item.text)
    const variants = same.filter(
      (c) =>
        (item.place === undefined || c.place === undefined) &&
        !c.longest.demonym &&
        isVariant(folded, fold(c.longest.text)),
    )
    return variants.length === 1 ? variants[0] : undefined
  }
  const key = orgKey(item.text)
  const exact = same.find((c) => c.keys.has(key))
  if (exact !== undefined) return exact
  const acr = asAcronym(item.text)
  if (acr !== undefined) {
    const byAcronym = same.filter((c) => c.acronyms.has(acr))
    if (byAcronym.length === 1) return byAcronym[0]
  }
  // a short form that the long one starts with: "Goldman Sachs" in "Goldman Sachs Group"
  if (item.type === 'organization') {
    const words = key.split(' ')
    const prefixed = same.filter((c) => {
      const long = c.longWords
      return long.length > words.length && words.every((w, i) => long[i] === w)
    })
    if (prefixed.length === 1) return prefixed[0]
    // the long form written after the short one
    const longer = same.filter((c) => {
      const short = c.longWords
      return short.length < words.length && short.every((w, i) => words[i] === w)
    })
    if (longer.length === 1) return longer[0]
    const acronym = wordCount(item) > 1 ? acronymOf(item.text) : undefined
    if (acronym !== undefined) {
      const shorts = same.filter((c) => c.acronyms.has(acronym) && wordCount(c.longest) === 1)
      if (shorts.length === 1) return shorts[0]
    }
  }
  return undefined
}

// ── 2. titles and appositions ──────────────────────────────────────────────────────────────

function isCapitalized(w: string): boolean {
  return /^\p{Lu}/u.test(w)
}

function isTitleWord(w: string): boolean {
  const l = w.toLowerCase()
  return ROLE_WORDS.has(l) || ROLE_MODIFIERS.has(l) || ROLE_RANKS.has(l) || l === 'ex-'
}

/** Records the titles before and appositions after each name of a person cluster. */
function attachTitles(doc: Doc, c: Cluster, others: Item[]): void {
  if (c.type !== 'person' && c.type !== 'organization') return
  for (const n of [...c.names]) {
    if (c.type === 'person') {
      const title = findTitle(doc, n)
      if (title !== undefined) addDescription(doc, c, title, 'title', others)
    }
    const appo = findApposition(doc, n, c.type)
    if (appo !== undefined) addDescription(doc, c, appo, 'description', others)
  }
}

function addDescription(doc: Doc, c: Cluster, span: Item, kind: MentionKind, others: Item[]): void {
  const words = doc.tokens.slice(span.tok, span.tokEnd).map((t) => t.text)
  const role = parseRole(words)
  if (c.type === 'person' && role === undefined) return
  let from = 0
  while (from < words.length && DETERMINER_START.has(words[from]!.toLowerCase())) from++
  const description = doc.text.slice(doc.tokens[span.tok + from]!.start, span.end)
  if (!c.descriptions.some((d) => d.toLowerCase() === description.toLowerCase())) {
    c.descriptions.push(description)
  }
  if (role !== undefined) c.roles.push(role)
  const item: Item = { ...span, kind }
  c.others.push(item)
  others.push(item)
}

/** "French President | Emmanuel Macron", "Germany's Chancellor, | Olaf Scholz". */
function findTitle(doc: Doc, n: NameItem): Item | undefined {
  const t = doc.tokens
  const sentence = doc.tokenSentence[n.tok] ?? -1
  if (sentence < 0) return undefined
  const first = doc.sentenceFirstToken[sentence]!
  let j = n.tok - 1
  if (j >= first && n.honorific !== undefined && t[j]!.text.replace(/\.$/, '') === n.honorific) j--
  let end = j
  if (j >= first && t[j]!.text === ',') {
    if (j - 1 < first || !ROLE_WORDS.has(t[j - 1]!.text.toLowerCase())) return undefined
    j--
    end = j
  }
  let start = j + 1
  while (j >= first) {
    const w = t[j]!.text
    const lower = w.toLowerCase()
    if (isTitleWord(w)) {
      start = j--
      continue
    }
    if ((w === "'s" || w === '’s') && j - 1 >= first && isCapitalized(t[j - 1]!.text)) {
      j -= 1
      start = j--
      while (j >= first && isCapitalized(t[j]!.text) && !stopsTitle(t[j]!.text, j === first))
        start = j--
      continue
    }
    if (isCapitalized(w) && !stopsTitle(w, j === first)) {
      start = j--
      continue
    }
    if (/^\p{L}+-(?:based|born|led|backed|run|owned)$/u.test(w) || lower === 'of') {
      start = j--
      continue
    }
    break
  }
  while (start <= end && /^(?:of|and|for|'s|’s)$/i.test(t[start]!.text)) start++
  if (start > end || !ROLE_WORDS.has(t[end]!.text.toLowerCase())) return undefined
  if (start - 1 >= first && POSSESSIVE_PRONOUNS.has(t[start - 1]!.text.toLowerCase())) start--
  return itemOf(doc, start, end + 1, 'title')
}

function stopsTitle(w: string, sentenceStart: boolean): boolean {
  const bare = w.replace(/\.$/, '')
  if (WEEKDAYS.has(w) || MONTHS.has(w) || MONTH_ABBREVIATIONS.has(bare)) return true
  if (HONORIFICS.has(bare) && !ROLE_WORDS.has(w.toLowerCase())) return true
  if (SENTENCE_OPENERS.has(w.toLowerCase())) return true
  return sentenceStart && SENTENCE_OPENERS.has(w.toLowerCase())
}

/** "Olaf Scholz, | Germany's chancellor, |" and "dpa, | the German news agency, |". */
function findApposition(doc: Doc, n: NameItem, type: EntityType): Item | undefined {
  const t = doc.tokens
  let j = n.tokEnd
  if (t[j]?.text !== ',') return undefined
  const sentence = doc.tokenSentence[n.tok]
  j++
  if (/^\d+$/.test(t[j]?.text ?? '') && t[j + 1]?.text === ',') j += 2 // "Jane Doe, 45, a teacher"
  const start = j
  while (j < t.length && doc.tokenSentence[j] === sentence && !APPOSITION_STOP.has(t[j]!.text)) {
    const lower = t[j]!.text.toLowerCase()
    if (CLAUSE_WORDS.has(lower) || SPEECH_VERBS.has(lower)) return undefined
    if (j - start >= 12) return undefined
    j++
  }
  if (j === start) return undefined
  const stop = t[j]?.text
  if (
    stop !== undefined &&
    doc.tokenSentence[j] === sentence &&
    stop !== ',' &&
    stop !== '.' &&
    stop !== ';' &&
    stop !== ')' &&
    stop !== '—' &&
    stop !== '–'
  ) {
    return undefined
  }
  const words = t.slice(start, j).map((x) => x.text)
  const firstWord = words[0]!.toLowerCase()
  if (type === 'person') {
    if (parseRole(words) === undefined) return undefined
    // a list of names ("Macron, Scholz and Draghi") is not an apposition
    if (words.every((w) => isCapitalized(w) || w === 'and')) return undefined
  } else if (!DETERMINER_START.has(firstWord)) return undefined
  return itemOf(doc, start, j, 'description')
}

// ── 4. untagged repeats ────────────────────────────────────────────────────────────────────

/**
 * A name the tagger found once is the same name where it missed it: "Kohler" untagged after
 * "Alexis Kohler". Only exact, capitalised repeats standing alone (no capitalised neighbour)
 * of a name that fits a single member are taken.
 */
function addRepeats(doc: Doc, items: NameItem[], clusters: Cluster[]): void {
  const surfaces = new Map<string, Cluster | null>()
  const note = (s: string, c: Cluster): void => {
    if (s.length < 3 || !isCapitalized(s) || SENTENCE_OPENERS.has(s.toLowerCase())) return
    if (WEEKDAYS.has(s) || MONTHS.has(s)) return
    const had = surfaces.get(s)
    surfaces.set(s, had === undefined || had === c ? c : null)
  }
  for (const c of clusters) {
    if (c.type !== 'person' && c.type !== 'organization') continue
    for (const n of c.names) {
      if (!n.text.includes(' ')) note(n.text, c)
      if (c.type === 'person' && n.tokEnd - n.tok > 1) note(doc.tokens[n.tokEnd - 1]!.text, c)
    }
  }
  if (surfaces.size === 0) return
  const taken = new Uint8Array(doc.tokens.length)
  // names only: a name inside a title or description ("Macron's chief of staff") is a mention too
  for (const i of items) for (let k = i.tok; k < i.tokEnd; k++) taken[k] = 1
  const t = doc.tokens
  for (let k = 0; k < t.length; k++) {
    if (taken[k] === 1) continue
    const c = surfaces.get(t[k]!.text)
    if (c === undefined || c === null) continue
    const prev = t[k - 1]
    const next = t[k + 1]
    const sentenceStart = doc.sentenceFirstToken[doc.tokenSentence[k] ?? 0] === k
    if (
      prev !== undefined &&
      !sentenceStart &&
      isCapitalized(prev.text) &&
      !isTitleWord(prev.text) &&
      !HONORIFICS.has(prev.text.replace(/\.$/, ''))
    )
      continue
    if (next !== undefined && isCapitalized(next.text) && next.start === t[k]!.end + 1) continue
    const item: NameItem = { ...itemOf(doc, k, k + 1, 'name'), type: c.type, demonym: false }
    if (c.type === 'person') item.person = parsePersonName(item.text)
    const honorific = prev?.text.replace(/\.$/, '')
    if (honorific !== undefined && HONORIFICS.has(honorific)) item.honorific = honorific
    join(c, item)
    items.push(item)
  }
}

// ── gender ─────────────────────────────────────────────────────────────────────────────────

function decideGender(c: Cluster): void {
  if (c.type !== 'person') return
  for (const n of c.names) {
    const g = n.honorific !== undefined ? HONORIFICS.get(n.honorific) : undefined
    if (g !== undefined) c.genderVotes[g] += 3
  }
  for (const r of c.roles) if (r.gender !== undefined) c.genderVotes[r.gender] += 3
  const p = c.longest.person
  if (p !== undefined && p.words.length > 1) {
    const g = genderOfGivenName(p.words[0]!)
    if (g !== undefined) c.genderVotes[g] += 1
  }
  const { male, female } = c.genderVotes
  if (male > female) c.gender = 'male'
  else if (female > male) c.gender = 'female'
}

// ── salience timeline ──────────────────────────────────────────────────────────────────────

function makeTimeline(doc: Doc, clusters: Cluster[]): Timeline {
  const timeline = new Timeline(
    doc.sentences,
    clusters.map((c) =>
      c.gender === undefined ? { type: c.type } : { type: c.type, gender: c.gender },
    ),
  )
  const entries: {
    start: number
    end: number
    member: number
    kind: MentionKind
    tok: number
    tokEnd: number
  }[] = []
  for (const c of clusters) {
    if (c.names.every((n) => n.demonym)) continue
    for (const n of c.names) {
      if (!n.demonym) entries.push(entryOf(n, c.index))
    }
    for (const o of c.others) entries.push(entryOf(o, c.index))
  }
  entries.sort((a, b) => a.start - b.start)
  let lastSentence = -1
  for (const e of entries) {
    const s = doc.tokenSentence[e.tok] ?? -1
    const quoted = isQuoted(doc.quoted, e.start)
    // a possessor ("Macron's aide") is not what the sentence is about
    const possessor = /^['’]s$/.test(doc.tokens[e.tokEnd]?.text ?? '') && e.kind === 'name'
    let subject = false
    if (!quoted && !possessor && s !== lastSentence) {
      subject = true
      lastSentence = s
    }
    if (!subject && !possessor) subject = speaks(doc, e.tokEnd)
    timeline.add({ start: e.start, end: e.end, member: e.member, kind: e.kind, subject, quoted })
  }
  return timeline
}

function entryOf(
  m: Item,
  member: number,
): { start: number; end: number; member: number; kind: MentionKind; tok: number; tokEnd: number } {
  return { start: m.start, end: m.end, member, kind: m.kind, tok: m.tok, tokEnd: m.tokEnd }
}

/** Whether a role word is among the next few tokens (a cheap test before reading a reference). */
function roleWordAhead(doc: Doc, from: number): boolean {
  const to = Math.min(doc.lower.length, from + 5)
  for (let k = from; k < to; k++) {
    if (ROLE_WORDS.has(doc.lower[k]!) || ROLE_WORDS.has(doc.words[k]!)) return true
  }
  return false
}

/** Whether a speech verb follows (after an apposition, if any): "Macron said", "Kohler, 50, told". */
function speaks(doc: Doc, k: number): boolean {
  const t = doc.tokens
  let j = k
  if (t[j]?.text === ',' && SPEECH_VERBS.has(doc.lower[j + 1] ?? '')) return true
  if (t[j]?.text === ',') {
    const s = doc.tokenSentence[j]
    j++
    while (j < t.length && doc.tokenSentence[j] === s && t[j]!.text !== ',' && j - k < 14) j++
    j++
  }
  return SPEECH_VERBS.has(t[j]?.text.toLowerCase() ?? '')
}

// ── 5. role references ─────────────────────────────────────────────────────────────────────

interface RoleReference extends Item {
  role: Role
  /** The member whose role it is ("his" counterpart, "Macron's" aide), when resolved. */
  owner?: number
  counterpart: boolean
}

const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their'])

function resolveRoleReferences(
  doc: Doc,
  clusters: Cluster[],
  timeline: Timeline,
  debug: ((m: string) => void) | undefined,
): void {
  const t = doc.tokens
  const covered = new Uint8Array(t.length)
  for (const c of clusters) {
    for (const o of c.others) for (let k = o.tok; k < o.tokEnd; k++) covered[k] = 1
  }
  const nameAt = new Map<number, NameItem>()
  const orgTokens = new Uint8Array(t.length) // tokens of organisation names
  for (const c of clusters) {
    for (const n of c.names) {
      nameAt.set(n.tokEnd, n)
      if (c.type === 'organization') for (let k = n.tok; k < n.tokEnd; k++) orgTokens[k] = 1
    }
  }

  for (let i = 0; i < t.length; i++) {
    if (covered[i] === 1) continue
    const lower = doc.lower[i]!
    let from = -1
    let owner: number | undefined
    let ownerKnown = false
    if (lower === 'the') from = i + 1
    else if (POSSESSIVE_PRONOUNS.has(lower)) {
      from = i + 1
      ownerKnown = true
      const pronoun = PRONOUNS.get(lower)!
      owner = timeline.best({
        offset: t[i]!.start,
        quoted: isQuoted(doc.quoted, t[i]!.start),
        accept: (m) =>
          clusters[m]!.type === 'person' ||
          (pronoun.plural && clusters[m]!.type === 'organization'),
        ...(pronoun.gender !== undefined && !pronoun.plural && { gender: pronoun.gender }),
      })
    } else if ((t[i + 1]?.text === "'s" || t[i + 1]?.text === '’s') && nameAt.has(i + 1)) {
      const n = nameAt.get(i + 1)!
      from = i + 2
      if (n.type === 'person' || n.type === 'organization') {
        owner = n.cluster!.index
        ownerKnown = true
      }
    }
    if (from < 0 || !roleWordAhead(doc, from)) continue
    const ref = readRoleReference(doc, i, from, covered, orgTokens)
    if (ref === undefined) continue
    if (owner !== undefined && POSSESSIVE_PRONOUNS.has(lower)) {
      const pronoun = itemOf(doc, i, i + 1, 'pronoun')
      clusters[owner]!.others.push(pronoun)
      timeline.add({
        ...pronoun,
        member: owner,
        subject: false,
        quoted: isQuoted(doc.quoted, pronoun.start),
      })
    }
    if (ownerKnown && owner !== undefined && !ref.counterpart)
      ref.role.of = clusters[owner]!.longest.text
    if (ownerKnown && ref.role.of === undefined && !ref.counterpart && owner === undefined) continue
    if (owner !== undefined) ref.owner = owner
    const member = resolveRole(doc, clusters, timeline, ref)
    debug?.(
      `role reference "${ref.text}" → ${member === undefined ? 'unresolved' : clusters[member]!.longest.text}`,
    )
    if (member === undefined) continue
    const item: Item = {
      start: ref.start,
      end: ref.end,
      text: ref.text,
      kind: 'description',
      tok: ref.tok,
      tokEnd: ref.tokEnd,
    }
    clusters[member]!.others.push(item)
    timeline.add({
      start: item.start,
      end: item.end,
      member,
      kind: 'description',
      subject: speaks(doc, item.tokEnd) || doc.sentenceFirstToken[doc.tokenSentence[i] ?? 0] === i,
      quoted: isQuoted(doc.quoted, item.start),
    })
    for (let k = ref.tok; k < ref.tokEnd; k++) covered[k] = 1
    i = ref.tokEnd - 1
  }
}

/** Reads "[French] [former] leader [of X]" from token `from`; `i` is where the reference starts. */
function readRoleReference(
  doc: Doc,
  i: number,
  from: number,
  covered: Uint8Array,
  orgTokens: Uint8Array,
): RoleReference | undefined {
  const t = doc.tokens
  const words: string[] = []
  let k = from
  const s = doc.tokenSentence[i]
  let headEnd = -1
  while (k < t.length && doc.tokenSentence[k] === s && k - from < 5 && covered[k] !== 1) {
    const w = t[k]!.text
    const role = roleAt(doc.words, k)
    if (role !== undefined) {
      for (let r = 0; r < role.length; r++) words.push(t[k + r]!.text)
      k += role.length
      headEnd = k
      // "president of France"
      if (
        t[k]?.text === 'of' &&
        t[k + 1] !== undefined &&
        placeByName(t[k + 1]!.text) !== undefined
      ) {
        words.push('of', t[k + 1]!.text)
        k += 2
        headEnd = k
      }
      break
    }
    const lower = w.toLowerCase()
    // a place, a demonym, or an organisation's name: "the Kremlin spokesman"
    const isPlaceWord =
      placeByDemonym(w) !== undefined ||
      placeByName(w) !== undefined ||
      (orgTokens[k] === 1 && isCapitalized(w))
    if (
      !isPlaceWord &&
      !ROLE_MODIFIERS.has(lower) &&
      !ROLE_RANKS.has(lower) &&
      !/^\p{Ll}+$/u.test(w)
    )
      return undefined
    if (isCapitalized(w) && !isPlaceWord) return undefined
    words.push(w)
    k++
  }
  if (headEnd < 0) return undefined
  // a title before a name ("the French President Emmanuel Macron") is not a reference
  const next = t[headEnd]
  if (
    next !== undefined &&
    isCapitalized(next.text) &&
    next.start === t[headEnd - 1]!.end + 1 &&
    doc.tokenSentence[headEnd] === s
  ) {
    return undefined
  }
  const role = parseRole(words)
  if (role === undefined) return undefined
  const counterpart = role.head === 'counterpart'
  if (!counterpart && ROLES_TOO_VAGUE.has(role.head)) return undefined
  return { ...itemOf(doc, i, headEnd, 'description'), role, counterpart }
}

// Heads too general to point at one member on their own ("the head", "the chief", "the owner").
const ROLES_TOO_VAGUE = new Set([
  'head',
  'chief',
  'owner',
  'general',
  'speaker',
  'deputy',
  'justice',
  'chair',
])

/**
 * The member a role reference points at. One member fits: that one. Several fit: the one the
 * context supports — mentioned in this or the previous sentence while the others were not —
 * or none ("the president" after two presidents in one sentence stays unresolved).
 */
function resolveRole(
  doc: Doc,
  clusters: Cluster[],
  timeline: Timeline,
  ref: RoleReference,
): number | undefined {
  const fits = new Map<number, number>()
  for (const c of clusters) {
    if (c.type !== 'person' || c.index === ref.owner || c.roles.length === 0) continue
    if (c.firstStart >= ref.start) continue
    let fit = 0
    if (ref.counterpart) {
      const owner = ref.owner === undefined ? undefined : clusters[ref.owner]
      for (const r of c.roles) {
        if (r.former) continue
        if (ref.role.place !== undefined && r.place !== undefined && r.place !== ref.role.place)
          continue
        const like =
          owner === undefined || owner.roles.length === 0
            ? r.cls === 'leader' || r.cls === 'minister'
            : owner.roles.some((o) => o.head === r.head || o.cls === r.cls)
        if (!like) continue
        // a counterpart is of another country than the owner
        if (owner?.roles.some((o) => o.place !== undefined && o.place === r.place) === true)
          continue
        fit = Math.max(fit, ref.role.place !== undefined && r.place === ref.role.place ? 2 : 1)
      }
    } else {
      for (const r of c.roles) fit = Math.max(fit, roleFit(ref.role, r))
    }
    if (fit > 0) fits.set(c.index, fit)
  }
  if (fits.size === 0) return undefined
  const top = Math.max(...fits.values())
  const best = [...fits].filter(([, f]) => f === top).map(([m]) => m)
  if (best.length === 1) return best[0]
  const here = sentenceAt(doc.sentences, ref.start)
  const recent = timeline.mentionedIn(here - 1, here, ref.start)
  const supported = best.filter((m) => recent.has(m))
  return supported.length === 1 ? supported[0] : undefined
}

// ── 6. pronouns ────────────────────────────────────────────────────────────────────────────

function resolvePronouns(doc: Doc, clusters: Cluster[], timeline: Timeline): void {
  const t = doc.tokens
  const taken = new Set(
    timeline
      .all()
      .filter((e) => e.kind === 'pronoun')
      .map((e) => e.start),
  )
  for (let i = 0; i < t.length; i++) {
    const lower = doc.lower[i]!
    const p = PRONOUNS.get(lower)
    if (p === undefined || taken.has(t[i]!.start)) continue
    const quoted = isQuoted(doc.quoted, t[i]!.start)
    if (quoted) continue // inside a quotation "he" is someone the speaker talks about
    const speech = SPEECH_VERBS.has(t[i + 1]?.text.toLowerCase() ?? '')
    let accept: (m: number) => boolean
    if (p.gender !== undefined) accept = (m) => clusters[m]!.type === 'person'
    else if (speech && p.case === 'subject') accept = (m) => clusters[m]!.type === 'organization'
    else continue // they/it: only as the subject of a speech verb, and only for organisations
    const sentence = doc.tokenSentence[i] ?? -1
    let avoid: number | undefined
    if (lower === 'him' && sentence >= 0) {
      const subj = timeline
        .all()
        .find(
          (e) =>
            e.subject && sentenceAt(doc.sentences, e.start) === sentence && e.start < t[i]!.start,
        )
      avoid = subj?.member
    }
    const member = timeline.best({
      offset: t[i]!.start,
      quoted,
      accept,
      ...(p.gender !== undefined && { gender: p.gender }),
      ...(avoid !== undefined && { avoid }),
      ...(p.gender === undefined && { window: 1 }),
    })
    if (member === undefined) continue
    const c = clusters[member]!
    const item = itemOf(doc, i, i + 1, 'pronoun')
    c.others.push(item)
    if (c.gender === undefined && p.gender !== undefined) {
      c.gender = p.gender
      timeline.members[member] = { type: c.type, gender: p.gender }
    }
    const first = sentence >= 0 && doc.sentenceFirstToken[sentence] === i
    timeline.add({
      start: item.start,
      end: item.end,
      member,
      kind: 'pronoun',
      subject: first || speech,
      quoted,
    })
  }
}

// ── entities ───────────────────────────────────────────────────────────────────────────────

function toEntities(clusters: Cluster[]): Cast {
  const live = clusters.filter((c) => c.names.length > 0)
  // ids follow the first name (a title or demonym nested at the same place comes after)
  const firstOf = (c: Cluster): number => Math.min(...c.names.map((n) => n.start))
  live.sort((a, b) => firstOf(a) - firstOf(b))
  const entities: Entity[] = []
  const info = new Map<string, MemberInfo>()
  live.forEach((c, i) => {
    const id = `e${i + 1}`
    // a place the lexicon knows goes by its canonical name ("U.S." and "America" are both the
    // United States), so that one country is one entity across the articles of a corpus
    const name = c.type === 'place' && c.place !== undefined ? c.place.name : c.longest.text
    const aliases: string[] = []
    for (const n of c.names) if (n.text !== name && !aliases.includes(n.text)) aliases.push(n.text)
    const seen = new Set<number>()
    const mentions: Mention[] = []
    for (const m of [...c.names, ...c.others].sort((a, b) => a.start - b.start || b.end - a.end)) {
      if (seen.has(m.start * 65_536 + (m.end - m.start))) continue
      seen.add(m.start * 65_536 + (m.end - m.start))
      mentions.push({ start: m.start, end: m.end, text: m.text, kind: m.kind })
    }
    entities.push({ id, type: c.type, name, aliases, descriptions: [...c.descriptions], mentions })
    const memberInfo: MemberInfo = { roles: c.roles }
    if (c.gender !== undefined) memberInfo.gender = c.gender
    if (c.place !== undefined) memberInfo.place = c.place
    info.set(id, memberInfo)
  })
  return { entities, info }
}
