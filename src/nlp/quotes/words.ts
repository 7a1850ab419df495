/**
 * Closed English word classes for the quote finder's phrase rules: determiners, pronouns,
 * prepositions, conjunctions, auxiliaries, common adverbs, time words, and titles. Hand-written
 * (standard grammar lists); no word here was learned from data.
 */
import type { WordClass } from './scan.js'

const LISTS: [WordClass, string][] = [
  [
    'det',
    'the a an this that these those some many several most all both each every few other another his her their its our my your no any such whose which what one two three four five six seven eight nine ten dozens hundreds thousands millions more',
  ],
  [
    'pron',
    'i you he she we they it who me him us them himself herself themselves itself ourselves myself yourself one someone somebody everyone everybody anyone anybody nobody nothing something everything others',
  ],
  [
    'prep',
    'in on at during after before since by for with from to of about over under against through into onto between among amid amidst like without within across toward towards upon despite via per near behind beyond throughout following including regarding concerning unlike outside inside around along beside besides off out up down past',
  ],
  [
    'conj',
    'and or but nor so yet because although though while whereas if unless until as than whether where when whenever wherever whilst lest however meanwhile moreover thus therefore',
  ],
  [
    'aux',
    "is was are were be been being am has have had having do does did will would shall should can could may might must 's 're 've 'd 'll ’s ’re ’ve ’d ’ll not n't never isn't wasn't aren't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't can't couldn't shouldn't isn’t wasn’t aren’t weren’t hasn’t haven’t hadn’t doesn’t don’t didn’t won’t wouldn’t can’t couldn’t shouldn’t cannot",
  ],
  [
    'adv',
    'also then once later earlier previously repeatedly often once recently again even just already still now reportedly publicly privately quickly simply flatly strongly only first initially subsequently frequently long always sometimes similarly separately further likewise directly openly explicitly specifically clearly bluntly angrily sharply firmly quietly loudly proudly immediately eventually finally ultimately apparently allegedly widely generally largely personally herself himself themselves itself very too really actually indeed certainly perhaps probably maybe',
  ],
  ['wh', 'that whether how what why when where which who whom whose if'],
  [
    'time',
    'today yesterday tonight tomorrow monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night week weekend month year last this next ago earlier later',
  ],
  [
    'title',
    'mr. mrs. ms. dr. prof. gen. sen. rep. gov. lt. col. maj. capt. sgt. adm. rev. amb. atty. sec. pres. mr mrs ms dr president senator governor mayor representative congressman congresswoman secretary minister chancellor premier judge justice general admiral sheriff chief ambassador pope king queen prince princess lord lady sir dame sen rep gov',
  ],
]

const CLASS = new Map<string, WordClass>()
// later lists win only where the word is not already placed: order = priority
for (const [cls, words] of LISTS) {
  for (const w of words.split(' ')) if (!CLASS.has(w)) CLASS.set(w, cls)
}

/** The closed class of a lower-cased word, or `other` (open class: nouns, verbs, adjectives). */
export function wordClass(lower: string): WordClass {
  const c = CLASS.get(lower)
  if (c !== undefined) return c
  // adverbs in -ly ("reasonably", "shortly"); not "family", "early", "daily", "only"
  if (lower.length > 5 && lower.endsWith('ly') && !NOT_ADVERBS.has(lower)) return 'adv'
  return 'other'
}

const NOT_ADVERBS = new Set([
  'family',
  'daily',
  'weekly',
  'monthly',
  'yearly',
  'assembly',
  'supply',
  'reply',
  'apply',
  'rally',
  'ally',
  'italy',
  'july',
  'kelly',
  'holly',
  'sally',
  'anomaly',
  'monopoly',
  'bully',
  'jelly',
  'belly',
  'comply',
  'imply',
  'multiply',
  'elderly',
  'friendly',
  'costly',
  'likely',
  'unlikely',
  'lonely',
  'lovely',
  'deadly',
  'orderly',
  'quarterly',
  'scholarly',
  'kindly',
  'timely',
  'homely',
  'ugly',
  'silly',
  'hourly',
  'nightly',
  'manly',
  'worldly',
  'stately',
  'beverly',
  'shelly',
  'emily',
  'billy',
  'lilly',
  'wembley',
  'bradley',
  'dudley',
  'stanley',
  'ashley',
  'beverley',
  'hadley',
  'huxley',
  'bentley',
  'oakley',
  'kinsley',
  'kimberly',
  'natalie',
  'moseley',
  'hartley',
  'shirley',
])

/** Subject pronouns: a speaker phrase of their own ("he said"). */
export const SUBJECT_PRONOUNS = new Set(['i', 'you', 'he', 'she', 'we', 'they', 'it'])

/** Days and months: capitalised, yet never part of a speaker's name. */
export const CALENDAR = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.'.split(
    ' ',
  ),
)

/** Determiners and quantifiers that make a speaker indefinite ("a senior diplomat", "some officials"). */
export const INDEFINITE = new Set(
  'a an one two three four five six seven eight nine ten several some many other another few multiple numerous various more most dozens hundreds'.split(
    ' ',
  ),
)

/**
 * Head nouns of unnamed sources: with an indefinite determiner or none ("officials said",
 * "a senior European diplomat"), a speaker with one of these heads and no name is anonymous.
 */
export const SOURCE_NOUNS = new Set(
  'source sources official officials person people diplomat diplomats aide aides adviser advisers advisor advisors insider insiders staffer staffers employee employees member members lawmaker lawmakers analyst analysts expert experts observer observers witness witnesses resident residents investigator investigators officer officers executive executives operative operatives strategist strategists ally allies donor donors spokesman spokeswoman spokesperson representative representatives individual individuals someone somebody critic critics supporter supporters voter voters veteran veterans activist activists leader leaders colleague colleagues associate associates confidant confidants friend friends'.split(
    ' ',
  ),
)

/** Post-modifiers that mark an unnamed source ("people familiar with the matter"). */
export const SOURCE_PHRASES =
  /\b(?:familiar with|close to|briefed on|knowledgeable about|with knowledge of|who (?:spoke|asked|requested|declined|was|were) (?:on condition|not|to)|speaking on (?:the )?condition|(?:not|who was not|who were not) authorized)\b/i
