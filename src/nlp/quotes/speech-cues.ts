/**
 * The speech-cue lexicon: verbs (and a few phrases) that attribute words, thoughts or plans to a
 * source. Hand-curated from English grammar references on reporting verbs, then checked against
 * how often each surface form marks an attribution in the PolNeAR *training* split (a count per
 * form, read by a person; no weight here was fitted). Each lemma carries a class, which fixes the
 * shape of what follows it, and a tier, the cue's strength:
 *   tier 1: verbs of saying and writing, almost always attribution ("said", "told", "wrote");
 *   tier 2: verbs of stance, belief, intent and appraisal ("believes", "wants", "criticized");
 *   tier 3: weaker or often non-attributive uses ("shows", "called", "sees").
 */

/** What follows the cue: a clause, a recipient then a clause, or an object phrase. */
export type CueClass =
  | 'say' // said (that) S
  | 'tell' // told NP (that) S; urged NP to V
  | 'ask' // asked (NP) whether S / asked NP to V
  | 'think' // believes (that) S, wants to V, hopes S
  | 'appraise' // criticized NP, praised NP, denied NP
  | 'show' // shows (that) S
  | 'according' // according to NP

export type Tier = 1 | 2 | 3

export interface CueInfo {
  lemma: string
  cls: CueClass
  tier: Tier
  /** Particles that belong to the cue ("call for", "point out", "lash out at"). */
  particles?: readonly string[]
}

// "lemma class tier [particles…]", then for irregular verbs " |3sg|past|participle|ing"
const ENTRIES: string[] = [
  // --- tier 1: saying and writing
  'say say 1 |says|said|said|saying',
  'tell tell 1 |tells|told|told|telling',
  'add say 1',
  'note say 1',
  'explain say 1',
  'argue say 1',
  'claim say 1',
  'insist say 1',
  'warn say 1 of',
  'state say 1',
  'announce say 1',
  'declare say 1',
  'reply say 1',
  'respond say 1 to',
  'answer say 1',
  'acknowledge say 1',
  'admit say 1 |admits|admitted|admitted|admitting',
  'confirm say 1',
  'deny appraise 1',
  'suggest say 1',
  'recall say 1',
  'write say 1 |writes|wrote|written|writing',
  'tweet say 1',
  'post say 2',
  'report say 1',
  'reiterate say 1',
  'stress say 1',
  'emphasize say 1',
  'emphasise say 1',
  'assert say 1',
  'contend say 1',
  'maintain say 2',
  'allege say 1',
  'complain say 1 about',
  'predict say 1',
  'promise think 1',
  'vow think 1',
  'pledge think 1',
  'concede say 1',
  'observe say 1',
  'remark say 1',
  'comment say 1 on',
  'mention say 1',
  'point say 1 out to',
  'quip say 1',
  'joke say 1 about',
  'boast say 1 of about',
  'brag say 1 about',
  'shout say 1',
  'chant say 1',
  'cry say 1 |cries|cried|cried|crying',
  'exclaim say 1',
  'whisper say 1',
  'testify say 1 |testifies|testified|testified|testifying',
  'speak say 2 about of |speaks|spoke|spoken|speaking',
  'talk say 2 about',
  'retort say 1',
  'counter say 1',
  'caution say 1',
  'estimate say 1',
  'surmise say 1',
  'muse say 1',
  'reason say 1',
  'conclude say 1',
  'agree say 2 with',
  'disagree say 2 with',
  'concur say 1 |concurs|concurred|concurred|concurring',
  'lament say 1',
  'acknowledge say 1',
  'reveal say 1',
  'disclose say 1',
  'assure tell 1',
  'inform tell 1',
  'remind tell 1',
  'advise tell 1',
  'urge tell 1',
  'ask ask 1',
  'wonder ask 1',
  'question appraise 2',
  'demand think 1',
  'insist say 1',
  'threaten think 1',
  'repeat say 2',
  'continue say 3',
  'describe appraise 2',
  'call appraise 2 for on',
  'cite appraise 2',
  'accuse appraise 1',
  'charge say 2',
  'criticize appraise 1',
  'criticise appraise 1',
  'praise appraise 1',
  'blame appraise 1',
  'attack appraise 2',
  'defend appraise 1',
  'endorse appraise 1',
  'condemn appraise 1',
  'denounce appraise 1',
  'decry appraise 1 |decries|decried|decried|decrying',
  'slam appraise 1',
  'blast appraise 1',
  'mock appraise 1',
  'ridicule appraise 1',
  'dismiss appraise 1',
  'reject appraise 1',
  'rebuke appraise 1',
  'chide appraise 1',
  'scold appraise 1',
  'applaud appraise 1',
  'hail appraise 1',
  'welcome appraise 2',
  'thank appraise 2',
  'congratulate appraise 1',
  'tout appraise 1',
  'champion appraise 2',
  'laud appraise 1',
  'assail appraise 1',
  'berate appraise 1',
  'disparage appraise 1',
  'belittle appraise 1',
  'fault appraise 1',
  'rail appraise 1 against at',
  'question appraise 2',
  'challenge appraise 2',
  'dispute appraise 1',
  'refute appraise 1',
  'contradict appraise 1',
  'propose think 1',
  'recommend think 1',
  'advocate think 1',
  'support appraise 2',
  'oppose appraise 1',
  'back appraise 3',
  'favor appraise 2',
  'favour appraise 2',
  // --- tier 2: belief, knowledge, intent, feeling
  'think think 2 |thinks|thought|thought|thinking',
  'believe think 2',
  'know think 2 |knows|knew|known|knowing',
  'feel think 2 |feels|felt|felt|feeling',
  'expect think 2',
  'hope think 2',
  'fear think 2',
  'worry think 2 about |worries|worried|worried|worrying',
  'doubt think 2',
  'suspect think 2',
  'assume think 2',
  'imagine think 2',
  'guess think 2',
  'reckon think 2',
  'understand think 2 |understands|understood|understood|understanding',
  'realize think 2',
  'realise think 2',
  'recognize think 2',
  'recognise think 2',
  'remember think 2',
  'forget think 3 |forgets|forgot|forgotten|forgetting',
  'want think 2',
  'wish think 2',
  'prefer think 2 |prefers|preferred|preferred|preferring',
  'plan think 2',
  'intend think 2',
  'seek think 2 |seeks|sought|sought|seeking',
  'refuse think 2',
  'decline think 2',
  'decide think 2',
  'pray think 2',
  'consider think 2',
  'regard think 3',
  'view think 3',
  'see think 3 |sees|saw|seen|seeing',
  'find show 2 |finds|found|found|finding',
  'show show 2',
  'indicate show 1',
  'signal show 2',
  'hint show 2 at',
  'imply show 1',
  'prove show 3',
  'demonstrate show 2',
  'conclude say 1',
  'project show 2',
  'forecast show 2',
  'read say 3 |reads|read|read|reading',
]

/** Particle-less multiword cues, matched before single words. */
const PHRASES: [string, CueInfo][] = [
  ['according to', { lemma: 'according to', cls: 'according', tier: 1 }],
  ['went on to say', { lemma: 'say', cls: 'say', tier: 1 }],
  ['go on to say', { lemma: 'say', cls: 'say', tier: 1 }],
  ['made it clear', { lemma: 'make clear', cls: 'say', tier: 1 }],
  ['make it clear', { lemma: 'make clear', cls: 'say', tier: 1 }],
  ['makes it clear', { lemma: 'make clear', cls: 'say', tier: 1 }],
  ['made clear', { lemma: 'make clear', cls: 'say', tier: 1 }],
  ['makes clear', { lemma: 'make clear', cls: 'say', tier: 1 }],
  ['took issue with', { lemma: 'take issue with', cls: 'appraise', tier: 1 }],
  ['takes issue with', { lemma: 'take issue with', cls: 'appraise', tier: 1 }],
  ['took aim at', { lemma: 'take aim at', cls: 'appraise', tier: 1 }],
  ['takes aim at', { lemma: 'take aim at', cls: 'appraise', tier: 1 }],
  ['weighed in on', { lemma: 'weigh in', cls: 'appraise', tier: 1 }],
  ['pushed back against', { lemma: 'push back', cls: 'appraise', tier: 1 }],
  ['pushed back on', { lemma: 'push back', cls: 'appraise', tier: 1 }],
  ['pushed for', { lemma: 'push for', cls: 'appraise', tier: 2 }],
  ['pushing for', { lemma: 'push for', cls: 'appraise', tier: 2 }],
  ['push for', { lemma: 'push for', cls: 'appraise', tier: 2 }],
  ['is expected', { lemma: 'be expected', cls: 'think', tier: 2 }],
  ['are expected', { lemma: 'be expected', cls: 'think', tier: 2 }],
  ['was expected', { lemma: 'be expected', cls: 'think', tier: 2 }],
  ['were expected', { lemma: 'be expected', cls: 'think', tier: 2 }],
  ['in a statement', { lemma: 'statement', cls: 'say', tier: 1 }],
  ['made no secret of', { lemma: 'make no secret', cls: 'appraise', tier: 1 }],
  ['put it', { lemma: 'put it', cls: 'say', tier: 1 }],
  ...['quoted as saying', 'is quoted as saying', 'was quoted as saying'].map(
    (p): [string, CueInfo] => [p, { lemma: 'quoted as saying', cls: 'say', tier: 1 }],
  ),
  ...['lashed out', 'lashes out', 'lashing out', 'lash out'].map(
    (p): [string, CueInfo] => [p, { lemma: 'lash out', cls: 'appraise', tier: 1, particles: ['at', 'against'] }],
  ),
  ...['hit back', 'hits back', 'hitting back', 'hit out', 'hits out', 'fired back', 'fires back', 'firing back', 'shot back', 'shoots back', 'shooting back'].map(
    (p): [string, CueInfo] => [p, { lemma: 'hit back', cls: 'appraise', tier: 1, particles: ['at', 'against'] }],
  ),
  ['puts it', { lemma: 'put it', cls: 'say', tier: 1 }],
]

/** The cue, keyed by each lower-cased surface form. */
export const CUE_FORMS = new Map<string, CueInfo>()
/** Multiword cues, keyed by their first word. */
export const CUE_PHRASES = new Map<string, { words: string[]; info: CueInfo }[]>()

function regular(lemma: string): string[] {
  const consonantY = /[^aeiou]y$/.test(lemma)
  const third = consonantY
    ? `${lemma.slice(0, -1)}ies`
    : /(?:s|x|z|ch|sh)$/.test(lemma)
      ? `${lemma}es`
      : `${lemma}s`
  // doubled final consonant: short verbs ending consonant-vowel-consonant (slam, quip, chat)
  const doubles = /^[^aeiou]*[aeiou][bdgklmnprt]$/.test(lemma) && !/w$/.test(lemma)
  const stem = doubles ? lemma + lemma.at(-1) : lemma
  const past = lemma.endsWith('e')
    ? `${lemma}d`
    : consonantY
      ? `${lemma.slice(0, -1)}ied`
      : `${stem}ed`
  const ing = /[^e]e$/.test(lemma) ? `${lemma.slice(0, -1)}ing` : `${stem}ing`
  return [lemma, third, past, past, ing]
}

for (const line of ENTRIES) {
  const [head, irregular] = line.split(' |') as [string, string | undefined]
  const [lemma, cls, tier, ...particles] = head.split(' ') as [string, CueClass, string, ...string[]]
  const forms = irregular === undefined ? regular(lemma) : [lemma, ...irregular.split('|')]
  const info: CueInfo = { lemma, cls, tier: Number(tier) as Tier }
  if (particles.length > 0) info.particles = particles
  for (const f of forms) if (!CUE_FORMS.has(f)) CUE_FORMS.set(f, info)
}
for (const [phrase, info] of PHRASES) {
  const words = phrase.split(' ')
  const list = CUE_PHRASES.get(words[0]!) ?? []
  list.push({ words, info })
  CUE_PHRASES.set(words[0]!, list)
}
