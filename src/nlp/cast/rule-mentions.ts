/**
 * @module nlp/cast/rule-mentions: a rule-based entity-mention finder — capitalised word runs
 * typed by the lexicons (places and demonyms, honorifics and titles, given names, organisation
 * words). Far weaker than the statistical tagger in nlp/entities; it stands in where no model
 * is available (tests, a missing model file) so `analyze` always returns a cast.
 */
import type { Span } from '../../core/index.js'
import {
  genderOfGivenName,
  HONORIFICS,
  hasOrgWord,
  MONTH_ABBREVIATIONS,
  NAME_PARTICLES,
  placeByDemonym,
  placeByName,
  SENTENCE_OPENERS,
} from '../lexicons/index.js'
import type { EntityMention, Token } from '../types.js'
import { asAcronym } from './names.js'
import { ROLE_WORDS } from './roles.js'

const PLACE_WORDS = new Set(
  'street avenue road square river mountain mountains lake island islands city county province region state district valley bay sea ocean'.split(
    ' ',
  ),
)
const CALENDAR = new Set(
  'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December'.split(
    ' ',
  ),
)
/** Lower-case words inside names: the particles of personal names, and "of" and "&". */
const JOINERS = new Set([...NAME_PARTICLES, 'of', '&'])

const isCap = (w: string): boolean => /^\p{Lu}/u.test(w)

/** Finds entity mentions by rule; same signature as nlp/entities' findEntityMentions. */
export function findMentionsByRule(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Span[],
): EntityMention[] {
  const starts = new Set(sentences.map((s) => s.start))
  const out: EntityMention[] = []
  let i = 0
  while (i < tokens.length) {
    const t = tokens[i]!
    if (!isCap(t.text) || !wordLike(t.text)) {
      i++
      continue
    }
    // skip sentence-initial function words, calendar words, honorifics and titles
    const bare = t.text.replace(/\.$/, '')
    if (
      (starts.has(t.start) && SENTENCE_OPENERS.has(t.text.toLowerCase())) ||
      CALENDAR.has(t.text) ||
      MONTH_ABBREVIATIONS.has(bare) ||
      HONORIFICS.has(bare) ||
      ROLE_WORDS.has(t.text.toLowerCase())
    ) {
      i++
      continue
    }
    let j = i + 1
    while (j < tokens.length) {
      const w = tokens[j]!.text
      if (isCap(w) && wordLike(w) && !CALENDAR.has(w)) j++
      else if (JOINERS.has(w) && j + 1 < tokens.length && isCap(tokens[j + 1]!.text)) j += 2
      else break
    }
    let run = tokens.slice(i, j)
    // a title inside the run ("Emergencies Minister Yevgeny Zinichev"): the name follows it
    let lastRole = -1
    run.forEach((t, k) => {
      if (ROLE_WORDS.has(t.text.toLowerCase())) lastRole = k
    })
    let before = tokens[i - 1]?.text ?? ''
    if (lastRole >= 0 && lastRole < run.length - 1) {
      before = run[lastRole]!.text
      run = run.slice(lastRole + 1)
    }
    const span = text.slice(run[0]!.start, run[run.length - 1]!.end)
    const type = typeOf(run, before)
    if (type !== undefined) {
      out.push({
        start: run[0]!.start,
        end: run[run.length - 1]!.end,
        type,
        text: span,
        confidence: 0.5,
      })
    }
    i = j
  }
  return out
}

function wordLike(w: string): boolean {
  return /^[\p{L}][\p{L}\p{M}'’.-]*$/u.test(w)
}

function typeOf(run: readonly Token[], before: string): EntityMention['type'] | undefined {
  const words = run.map((t) => t.text)
  const joined = words.join(' ')
  if (words.length === 1 && placeByDemonym(joined) !== undefined) return 'misc'
  if (placeByName(joined) !== undefined) return 'place'
  const lower = words.map((w) => w.toLowerCase())
  if (words.length > 1 && PLACE_WORDS.has(lower[lower.length - 1]!)) return 'place'
  if (hasOrgWord(lower)) return 'organization'
  if (words.length === 1 && asAcronym(joined) !== undefined && joined.length > 1)
    return 'organization'
  const titled = HONORIFICS.has(before.replace(/\.$/, '')) || ROLE_WORDS.has(before.toLowerCase())
  if (titled) return 'person'
  if (words.length >= 2 && words.length <= 4 && genderOfGivenName(words[0]!) !== undefined) {
    return 'person'
  }
  return words.length >= 2 ? 'misc' : undefined
}
