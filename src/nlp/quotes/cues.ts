/**
 * Finds speech cues in the text: lexicon verbs and phrases used as verbs (not "the report", "his
 * call"), with their particles ("called for") and whether they are passive ("was asked").
 */
import type { Scan, Tok } from './scan.js'
import { CUE_FORMS, CUE_PHRASES, type CueInfo } from './speech-cues.js'

export interface Cue {
  /** Token range of the cue words, inclusive. */
  first: number
  last: number
  info: CueInfo
  /** A form of "be" comes before a participle: "was asked", "is expected". */
  passive: boolean
  /** The verb is an -ing form ("saying", "adding"). */
  ing: boolean
  /** The verb is the bare form ("say", "want"): often after "to" or a modal. */
  bare: boolean
  /** Mostly not a cue in running text ("at one point", "the states"): trusted only next to a quote. */
  weak: boolean
}

/** Forms that are nouns after a determiner or possessive ("the report", "his claims"). */
const NOUN_OPENERS = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'your',
  'this',
  'that',
  'these',
  'those',
  'some',
  'any',
  'no',
  'one',
  'every',
  'each',
  'such',
  'many',
  'several',
  'new',
  'first',
  'last',
  'recent',
  'public',
  'final',
  'other',
  'more',
  'whose',
])
const CONTRACTED = new Set([
  "he's",
  "she's",
  "it's",
  "that's",
  "there's",
  "who's",
  "what's",
  'he’s',
  'she’s',
  'it’s',
  'that’s',
  'there’s',
  'who’s',
  'what’s',
])
const BE = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', "'re", '’re', 'am'])

/** Verb forms that are as often nouns. */
const NOUNISH = new Set([
  'talk',
  'talks',
  'counsel',
  'chant',
  'chants',
  'states',
  'points',
  'known',
  'show',
  'shows',
  'report',
  'reports',
  'claim',
  'claims',
  'plan',
  'plans',
  'call',
  'calls',
  'support',
  'view',
  'views',
  'hope',
  'hopes',
  'fear',
  'fears',
  'attack',
  'attacks',
  'question',
  'questions',
  'demand',
  'demands',
  'comment',
  'comments',
  'answer',
  'answers',
  'reply',
  'replies',
  'tweet',
  'tweets',
  'post',
  'posts',
  'warning',
  'finding',
  'findings',
  'promise',
  'promises',
  'vow',
  'vows',
  'pledge',
  'pledges',
  'threat',
  'estimate',
  'estimates',
  'doubt',
  'doubts',
  'wish',
  'wishes',
  'note',
  'notes',
  'remark',
  'remarks',
  'charge',
  'charges',
  'order',
  'orders',
  'request',
  'requests',
  'appeal',
  'appeals',
  'text',
  'email',
  'emails',
  'quote',
  'quotes',
  'label',
  'brand',
  'term',
  'terms',
  'address',
  'protest',
  'protests',
  'love',
  'like',
  'hate',
  'regret',
  'welcome',
  'challenge',
  'challenges',
  'dispute',
  'back',
  'favor',
  'counter',
  'reason',
  'figure',
  'figures',
  'aim',
  'campaign',
  'lobby',
  'object',
  'echo',
  'echoes',
  'cry',
  'cries',
  'sigh',
  'laugh',
  'groan',
  'thunder',
  'pen',
  'blog',
  'vent',
  'smear',
  'insight',
  'praise',
  'blame',
  'criticism',
  'read',
  'reads',
  'sing',
  'discovery',
  'retort',
  'quip',
  'guarantee',
  'rant',
  'gripe',
  'moan',
  'snarl',
  'growl',
  'whisper',
  'shout',
  'yell',
  'scream',
  'plea',
  'pledge',
  'forecast',
  'project',
  'signal',
  'signals',
  'hint',
  'hints',
  'rebuke',
  'snipe',
  'tease',
  'volunteer',
  'witness',
  'dub',
  'deal',
  'mention',
  'mentions',
  'reason',
  'reasons',
  'list',
  'lists',
  'voice',
  'voices',
])

/** Adjective endings ("territorial", "previous", "surviving"). */
const ADJECTIVE = /(?:al|ous|ive|ic|ful|less|ary|ing|ed)$/

/** Third-person forms that are far more often plural nouns. */
const STRICT_3SG = new Set([
  'chants',
  'states',
  'points',
  'emails',
  'texts',
  'reports',
  'calls',
  'attacks',
  'supports',
  'views',
  'notes',
  'charges',
  'orders',
  'quotes',
])

/** Lemmas whose bare form is mostly not a cue ("at one point", "the states"). */
const NO_BARE = new Set([
  'back',
  'point',
  'state',
  'counter',
  'charge',
  'project',
  'view',
  'post',
  'reason',
  'muse',
  'read',
])

/**
 * Every cue outside quoted text (`quoted[i]` is 1 for tokens inside quote marks), in text order.
 */
export function findCues(sc: Scan, quoted: Uint8Array): Cue[] {
  const { toks } = sc
  const out: Cue[] = []
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!
    if (t.kind !== 'word' || quoted[i] || t.markup) continue
    const phrase = matchPhrase(toks, i)
    let info: CueInfo | undefined
    let last = i
    if (phrase !== null) {
      info = phrase.info
      last = phrase.last
    } else {
      info = CUE_FORMS.get(t.lower)
      if (info === undefined) continue
      if (!verbal(sc, i, info.lemma)) continue
    }
    // particles that belong to the verb: "called for", "pointed out", "lashed out at"
    let particle = false
    if (info.particles !== undefined) {
      const n = toks[last + 1]
      if (n !== undefined && n.kind === 'word' && info.particles.includes(n.lower)) {
        last++
        particle = true
      }
    }
    const passive = isPassive(toks, i, sc.sents[t.sent]!.first, info)
    out.push({
      first: i,
      last,
      info,
      passive,
      ing: t.lower.endsWith('ing') && info.cls !== 'according',
      bare: t.lower === info.lemma,
      weak:
        (info.tier === 3 && !particle) ||
        (t.lower === info.lemma && NO_BARE.has(info.lemma)) ||
        (phrase === null && nounish(sc, i)),
    })
    i = last
  }
  return out
}

function matchPhrase(toks: readonly Tok[], i: number): { info: CueInfo; last: number } | null {
  const list = CUE_PHRASES.get(toks[i]!.lower)
  if (list === undefined) return null
  for (const { words, info } of list) {
    let ok = true
    for (let w = 1; w < words.length; w++) {
      if (toks[i + w]?.lower !== words[w]) {
        ok = false
        break
      }
    }
    if (ok) return { info, last: i + words.length - 1 }
  }
  return null
}

/**
 * Words after a cue (by lemma) that make it no speech: "thanks to a big win" (a preposition), "a
 * liberal think tank", "found a way" (finding a thing, not that something is so), "added to the
 * confusion", "reported from Kabul", "showing off the hat", "showed up at the rally", "the strike
 * was called off".
 */
const NOT_BEFORE: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    thank: ['to'],
    think: ['tank', 'tanks'],
    find: ['a', 'an'],
    add: ['to'],
    report: ['from'],
    show: ['off', 'up'],
    call: ['off'],
  }).map(([lemma, words]) => [lemma, new Set(words)]),
)

/** Whether the lexicon form at `i` (a form of `lemma`) is used as a verb. */
function verbal(sc: Scan, i: number, lemma: string): boolean {
  const { toks } = sc
  const t = toks[i]!
  const prev = toks[i - 1]
  // after a determiner or possessive, a form that can be a noun is one ("the report", "his
  // claims", "a saying"); other forms stay verbs ("Some said", "He's said")
  const canBeNoun = NOUNISH.has(t.lower) || t.lower.endsWith('ing')
  if (prev !== undefined && prev.sent === t.sent && canBeNoun) {
    if (prev.kind === 'word' && NOUN_OPENERS.has(prev.lower)) return false
    if (prev.kind === 'word' && /['’]s$/.test(prev.lower) && !CONTRACTED.has(prev.lower))
      return false
  }
  // "That said, …" is a linking phrase
  if (
    t.lower === 'said' &&
    prev?.lower === 'that' &&
    toks[i + 1]?.text === ',' &&
    (i < 2 || toks[i - 2]!.sent !== t.sent)
  )
    return false
  // "so-called"
  if (t.lower === 'called' && prev?.text === '-' && toks[i - 2]?.lower === 'so') return false
  const next = toks[i + 1]
  // "thanks to", "think tank", "found a way", "showed up": the next word makes it no cue
  if (next !== undefined && NOT_BEFORE.get(lemma)?.has(next.lower)) return false
  // "posted bail", "posted US$2 million bond": money, not words
  if (/^post(s|ed|ing)?$/.test(t.lower)) {
    for (let k = i + 1; k < toks.length && k - i <= 5 && toks[k]!.sent === t.sent; k++) {
      if (toks[k]!.lower === 'bail' || toks[k]!.lower === 'bond') return false
      if (
        toks[k]!.kind === 'word' &&
        toks[k]!.cls === 'other' &&
        !/^(million|billion)$/.test(toks[k]!.lower)
      )
        break
    }
  }
  // "a firm called eTranslate", "a play called “Los Hijos”": naming after a common noun, not speech
  const named =
    next?.kind === 'word'
      ? /\p{Lu}/u.test(next.text) && !complementAfterName(toks, i + 1) // a name, "eTranslate" too
      : next?.kind === 'mark' && toks[i + 2]?.cap === true
  if (
    t.lower === 'called' &&
    prev !== undefined &&
    prev.sent === t.sent &&
    prev.kind === 'word' &&
    !prev.cap &&
    prev.cls === 'other' &&
    named
  )
    return false
  // a participle before its noun is an adjective: "the state's 41 pledged delegates", "the June
  // 15 planned date", "its stated goal"
  if (
    t.lower.endsWith('ed') &&
    t.lower !== 'called' &&
    prev !== undefined &&
    prev.sent === t.sent &&
    (prev.kind === 'num' ||
      (prev.kind === 'word' &&
        (NOUN_OPENERS.has(prev.lower) ||
          (/['’]s$/.test(prev.lower) && !CONTRACTED.has(prev.lower))))) &&
    next !== undefined &&
    next.kind === 'word' &&
    !next.cap &&
    next.cls === 'other' &&
    next.sent === t.sent
  )
    return false
  // a form followed by a reporting verb is that verb's subject: "Initial reports stated …"
  if (
    next !== undefined &&
    next.kind === 'word' &&
    next.sent === t.sent &&
    (next.lower === 'said' || (next.lower.endsWith('ed') && CUE_FORMS.has(next.lower))) &&
    NOUNISH.has(t.lower)
  )
    return false
  // capitalised mid-sentence: a name or title ("Report", "Post"), unless the sentence is a headline
  if (t.cap && prev !== undefined && prev.sent === t.sent && !headline(sc, t.sent)) return false
  return true
}

/**
 * Whether the capitalised name starting at `k` is followed by a second complement, which makes
 * "called" an appraisal ("one lawmaker called Trump “the orange prince”", "called AP's report a
 * rush"), not naming ("a firm called Cambridge Analytica").
 */
function complementAfterName(toks: readonly Tok[], k: number): boolean {
  let j = k
  while (
    toks[j]?.kind === 'word' &&
    (/\p{Lu}/u.test(toks[j]!.text) || /^(of|and|&|de|the)$/.test(toks[j]!.lower))
  )
    j++
  const after = toks[j]
  if (after === undefined || after.sent !== toks[k]!.sent) return false
  if (after.kind === 'mark') return true
  return after.kind === 'word' && /^(a|an|the|['’]s|his|her|their)$/.test(after.lower)
}

/**
 * Forms that are as often nouns ("a TV show as", "a later tweet, the mayor said") are weak cues
 * (trusted only right next to a quote) unless the words around them make a verb of them: a base
 * form needs a plural or pronoun subject or an auxiliary before it, and either form needs a clause
 * or phrase after it.
 */
function nounish(sc: Scan, i: number): boolean {
  const { toks } = sc
  const t = toks[i]!
  if (!NOUNISH.has(t.lower)) return false
  const n = toks[i + 1]
  if (n === undefined || n.sent !== t.sent) return true
  // after an adjective the form is a noun: "territorial disputes", "the sole surviving suspect"
  const b = toks[i - 1]
  if (
    b !== undefined &&
    b.sent === t.sent &&
    !b.cap &&
    b.cls === 'other' &&
    ADJECTIVE.test(b.lower)
  )
    return true
  const b1 = toks[i - 1]
  // "…, the Daily Tribune reports." is a verb at the clause end; "in caucus states," and "the
  // four states," are nouns
  const nounBefore =
    b1 !== undefined &&
    b1.sent === t.sent &&
    (b1.kind === 'num' ||
      (b1.kind === 'word' &&
        !b1.cap &&
        (b1.cls === 'other' || (b1.cls === 'det' && b1.lower !== 'that'))))
  if (STRICT_3SG.has(t.lower) && (n.text === '.' || n.text === ',') && !nounBefore) return false
  if (n.kind !== 'word' && n.kind !== 'mark' && n.kind !== 'num' && n.text !== ':') return true
  if (n.kind === 'word' && (n.cls === 'prep' || n.cls === 'aux') && n.lower !== 'that') return true
  const p = toks[i - 1]
  if (t.lower.endsWith('s') && !t.lower.endsWith('ss') && !STRICT_3SG.has(t.lower)) return false
  if (STRICT_3SG.has(t.lower)) {
    // "30 states", "percentage points", "campaign emails": a verb only after a name or pronoun,
    // or at the end of a clause ("…, the Daily Tribune reports.")
    if (n.text === '.' || n.text === ',' || n.lower === 'that') return false
    return !(
      p !== undefined &&
      p.sent === t.sent &&
      (p.cls === 'pron' ||
        p.lower === 'which' ||
        p.lower === 'that' ||
        p.text === ')' ||
        (p.cap && toks[i - 2]?.cap !== true))
    )
  }
  if (p === undefined || p.sent !== t.sent) return false
  if (p.kind !== 'word') return true
  const l = p.lower
  return !(
    ['i', 'you', 'we', 'they', 'who', 'that', 'to'].includes(l) ||
    p.cls === 'aux' ||
    p.cls === 'adv' ||
    (l.endsWith('s') && !l.endsWith('ss') && !l.endsWith("'s") && !l.endsWith('’s'))
  )
}

/**
 * Whether sentence `s` is set in headline case: more than 60 % of its words of four letters or
 * more are capitalised, and it has more than `minWords` such words.
 */
export function headline(sc: Scan, s: number, minWords = 0): boolean {
  const { first, end } = sc.sents[s]!
  let words = 0
  let caps = 0
  let lowerContent = 0
  for (let i = first; i < end; i++) {
    const t = sc.toks[i]!
    if (t.kind !== 'word' || t.text.length < 4) continue
    words++
    if (t.cap) caps++
    else if (t.cls === 'other') lowerContent++
  }
  // a sentence full of names still has lower-case content words ("Yesterday, United States
  // Senator from Vermont Bernie Sanders endorsed former Vice President Joe Biden for president")
  return words > minWords && caps / words > 0.6 && lowerContent <= 1
}

function isPassive(toks: readonly Tok[], i: number, lo: number, info: CueInfo): boolean {
  const t = toks[i]!
  // a participle: neither the bare form, nor -s, nor -ing ("was found", "is expected")
  if (t.lower === info.lemma || /(?:s|ing)$/.test(t.lower)) return false
  // "said" is passive only before "to": "is said to be based on …" (not "what was said")
  if (t.lower === 'said' && toks[i + 1]?.lower !== 'to') return false
  for (let j = i - 1; j >= lo && i - j <= 3; j--) {
    const p = toks[j]!
    if (p.kind !== 'word') return false
    // "I'm told", "they're expected": a contracted am/are
    if (BE.has(p.lower) || /['’](m|re)$/.test(p.lower)) return true
    if (p.cls !== 'adv' && p.lower !== 'not' && p.lower !== "n't") return false
  }
  return false
}
