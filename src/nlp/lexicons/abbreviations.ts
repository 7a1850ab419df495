/**
 * @module nlp/lexicons/abbreviations: words that take a period without ending a sentence.
 * Hand-written from English news style guides (AP, Reuters): the tokenizer keeps "Mr." and
 * "Inc." as one token, and the sentence splitter decides whether such a token also ends a
 * sentence by its class.
 */

/** Titles and honorifics: always followed by a name, so never the end of a sentence. */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Messrs',
  'Mme',
  'Mlle',
  'Dr',
  'Prof',
  'Gen',
  'Lt',
  'Col',
  'Maj',
  'Capt',
  'Cmdr',
  'Cdr',
  'Sgt',
  'Cpl',
  'Pvt',
  'Adm',
  'Brig',
  'Gov',
  'Sen',
  'Rep',
  'Reps',
  'Sens',
  'Rev',
  'Fr',
  'Hon',
  'Pres',
  'Supt',
  'Insp',
  'Det',
  'Atty',
  'Amb',
  'Sec',
])

/** Month abbreviations ("Jan. 5"): end a sentence only before a clear sentence opener. */
export const MONTH_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
])

/** Abbreviations that only count as such before a number ("No. 10", "Art. 5", "p. 12"). */
export const NUMERAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'No',
  'Nos',
  'no',
  'nos',
  'Art',
  'art',
  'Fig',
  'fig',
  'Vol',
  'vol',
  'p',
  'pp',
  'Ch',
  'ch',
  'Sec',
  'sec',
  'Para',
  'para',
])

/**
 * Other abbreviations: kept as one token; they end a sentence when a sentence opener follows
 * ("moved to the U.S. He said" vs "the U.S. State Department").
 */
export const OTHER_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'Inc',
  'Corp',
  'Ltd',
  'Co',
  'Cos',
  'Bros',
  'Jr',
  'Sr',
  'St',
  'Ste',
  'Mt',
  'Ft',
  'Ave',
  'Blvd',
  'Rd',
  'vs',
  'v',
  'etc',
  'approx',
  'est',
  'dept',
  'Dept',
  'Univ',
  'Assn',
  'Bldg',
  'al',
  'cf',
  'ca',
  'mln',
  'bln',
  'Ala',
  'Ariz',
  'Ark',
  'Calif',
  'Colo',
  'Conn',
  'Del',
  'Fla',
  'Ga',
  'Ill',
  'Ind',
  'Kan',
  'Ky',
  'La',
  'Md',
  'Mass',
  'Mich',
  'Minn',
  'Miss',
  'Mo',
  'Mont',
  'Neb',
  'Nev',
  'Okla',
  'Ore',
  'Pa',
  'Tenn',
  'Tex',
  'Va',
  'Vt',
  'Wash',
  'Wis',
  'Wyo',
])

/**
 * Lower-cased words that commonly open an English sentence: after an ambiguous abbreviation
 * ("U.S.", "Inc.", an initial) a following capitalised word from this list marks a boundary,
 * any other capitalised word (most likely a name) does not.
 */
export const SENTENCE_OPENERS: ReadonlySet<string> = new Set(
  (
    'the a an he she it they we i you this that these those there here his her its their our my your ' +
    'some many most all both each every no any several few one two three four five six seven eight nine ten ' +
    'but and or so yet however meanwhile also still then now later earlier today yesterday tomorrow ' +
    'after before when while if although though because since as in on at for from with by of to ' +
    'during despite according under over about among between into what who why how where which ' +
    'not nor neither either such other another more less only even just instead thus hence indeed ' +
    'last next first officials police authorities critics analysts experts witnesses residents'
  ).split(' '),
)

/** True when `word` (without its period) is a known abbreviation of any class. */
export function isAbbreviation(word: string): boolean {
  return (
    TITLE_ABBREVIATIONS.has(word) ||
    MONTH_ABBREVIATIONS.has(word) ||
    OTHER_ABBREVIATIONS.has(word) ||
    NUMERAL_ABBREVIATIONS.has(word)
  )
}
