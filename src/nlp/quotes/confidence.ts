/**
 * Confidence of an attribution: a logistic score over hand-designed, non-lexical features (how it
 * was found, the cue's class and tier and form, what kind of words name the speaker, the shape of
 * the content). The weights are fitted by `npm run train:quotes` (scripts/train-quote-confidence.ts)
 * and shipped in confidence-weights.ts; no word identity is a feature.
 */
import type { Attribution, Pattern } from './attribute.js'
import { WEIGHTS } from './confidence-weights.js'
import { headline } from './cues.js'
import type { Scan } from './scan.js'
import type { LocalSpeaker } from './speaker.js'
import type { CueClass } from './speech-cues.js'

const PATTERNS: Pattern[] = [
  'quote-after',
  'quote-before',
  'quote-colon',
  'quote-continued',
  'svc',
  'csv',
  'cvs',
  'parenthetical',
  'according',
  'chained',
]
/** Patterns added after the first weights were fitted: their features come last. */
const FRAMES: Pattern[] = ['headline-colon', 'asked-wh', 'seem', 'quote-left']
const CLASSES: CueClass[] = ['say', 'tell', 'ask', 'think', 'appraise', 'show', 'according']
const NEGATIONS = new Set(['not', "n't", 'never', 'no'])
const MODALS = new Set(['would', 'could', 'might', 'may', 'will', 'should', 'must', 'can', 'to'])

/** The feature names, in vector order. */
export const FEATURE_NAMES: readonly string[] = [
  ...PATTERNS.map((p) => `pattern:${p}`),
  'tier:1',
  'tier:2',
  'tier:3',
  ...CLASSES.map((c) => `class:${c}`),
  'cue:none',
  'cue:ing',
  'cue:bare',
  'cue:weak',
  'cue:negated',
  'cue:modal',
  'cue:sentence-initial',
  'speaker:none',
  'speaker:pronoun',
  'speaker:relative',
  'speaker:name',
  'speaker:anonymous',
  'speaker:common',
  'speaker:distance',
  'speaker:embedded',
  'content:that',
  'content:partial',
  'content:direct',
  'content:segments',
  'content:length',
  'content:sentence-end',
  'content:has-cue',
  'sentence:headline',
  ...FRAMES.map((p) => `pattern:${p}`),
]

/** The feature vector of an attribution. */
export function featuresOf(
  sc: Scan,
  a: Attribution,
  local: LocalSpeaker | null,
  allQuoted: boolean,
): number[] {
  const { toks } = sc
  const x: number[] = []
  for (const p of PATTERNS) x.push(a.pattern === p ? 1 : 0)
  const cue = a.cue
  const tier = cue?.info.tier ?? 3
  x.push(tier === 1 ? 1 : 0, tier === 2 ? 1 : 0, tier === 3 ? 1 : 0)
  for (const c of CLASSES) x.push(cue?.info.cls === c ? 1 : 0)
  const before = cue === null ? undefined : toks[cue.first - 1]
  const sent = cue === null ? -1 : toks[cue.first]!.sent
  x.push(
    cue === null ? 1 : 0,
    cue?.ing ? 1 : 0,
    cue?.bare ? 1 : 0,
    cue?.weak ? 1 : 0,
    before !== undefined && NEGATIONS.has(before.lower) ? 1 : 0,
    before !== undefined && MODALS.has(before.lower) ? 1 : 0,
    cue !== null && sc.sents[sent]!.first === cue.first ? 1 : 0,
  )
  const sp = a.speaker
  const spTok = sp === null ? undefined : toks[sp.first]!
  const relative =
    spTok !== undefined && sp!.first === sp!.last && ['who', 'which', 'that'].includes(spTok.lower)
  x.push(
    sp === null ? 1 : 0,
    local?.pronoun && !relative ? 1 : 0,
    relative ? 1 : 0,
    local?.name !== undefined ? 1 : 0,
    local?.anonymous ? 1 : 0,
    local !== null && !local.pronoun && local.name === undefined && !local.anonymous ? 1 : 0,
  )
  const dist =
    sp === null || cue === null
      ? 0
      : Math.min(Math.abs(cue.first - sp.last), Math.abs(sp.first - cue.last))
  x.push(Math.log1p(dist) / 3, a.embedded ? 1 : 0)
  const first = a.segments[0]!
  const last = a.segments[a.segments.length - 1]!
  let len = 0
  for (const s of a.segments) len += s.last - s.first + 1
  const lastSent = sc.sents[toks[last.last]!.sent]!
  let tail = last.last + 1
  while (tail < lastSent.end && toks[tail]!.kind !== 'word' && toks[tail]!.kind !== 'num') tail++
  x.push(
    toks[first.first]!.lower === 'that' ? 1 : 0,
    a.quotes.length > 0 && !allQuoted ? 1 : 0,
    allQuoted ? 1 : 0,
    a.segments.length > 1 ? 1 : 0,
    Math.log1p(len) / 4,
    tail >= lastSent.end ? 1 : 0,
    a.embedsCue ? 1 : 0,
    headline(sc, toks[first.first]!.sent, 2) ? 1 : 0,
  )
  for (const p of FRAMES) x.push(a.pattern === p ? 1 : 0)
  return x
}

/** The logistic score of a feature vector under the shipped weights. */
export function score(x: readonly number[]): number {
  let z = WEIGHTS.bias
  for (let i = 0; i < x.length; i++) z += (WEIGHTS.weights[i] ?? 0) * x[i]!
  return 1 / (1 + Math.exp(-z))
}
