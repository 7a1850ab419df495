/**
 * @module nlp/lexicons/people: honorifics, titles and roles, and pronouns, hand-written from
 * the AP stylebook's titles entry and English grammar. Read by the cast to split "French
 * President Emmanuel Macron" into a title and a name, to resolve "the French leader", and to
 * agree pronouns in gender and number.
 */

export type Gender = 'male' | 'female'

const HONORIFIC_DATA: Readonly<Record<string, Gender | undefined>> = {
  Mr: 'male',
  Mister: 'male',
  Mrs: 'female',
  Ms: 'female',
  Miss: 'female',
  Mme: 'female',
  Mlle: 'female',
  Madame: 'female',
  Monsieur: 'male',
  Herr: 'male',
  Frau: 'female',
  Sir: 'male',
  Dame: 'female',
  Lord: 'male',
  Lady: 'female',
  Dr: undefined,
  Prof: undefined,
  Professor: undefined,
  Rev: undefined,
  Reverend: undefined,
  Fr: 'male',
  Father: 'male',
  Sister: 'female',
  Brother: 'male',
  Sheikh: 'male',
  Sheikha: 'female',
  Imam: 'male',
  Rabbi: undefined,
  Mx: undefined,
}

/** Honorifics written before a name, with the gender they imply (periods stripped). */
export const HONORIFICS: ReadonlyMap<string, Gender | undefined> = new Map(
  Object.entries(HONORIFIC_DATA),
)

/** Whether a word (with or without its period) is an honorific: "Mr.", "Dame". */
export function isHonorific(word: string): boolean {
  return HONORIFICS.has(word.endsWith('.') ? word.slice(0, -1) : word)
}

/** What a role is, for resolving "the French leader" (class leader) or "Macron's aide" (aide). */
export type RoleClass =
  | 'leader'
  | 'deputy-leader'
  | 'minister'
  | 'aide'
  | 'legislator'
  | 'executive'
  | 'military'
  | 'judicial'
  | 'diplomat'
  | 'regional'
  | 'religious'
  | 'royal'
  | 'official'
  | 'family'
  | 'other'

/** A role of the lexicon: its class and, for gendered roles, its gender. */
export interface RoleEntry {
  cls: RoleClass
  gender?: Gender
}

// One role a line: "words|class|gender". Multi-word roles are matched before single words.
const ROLE_DATA = `
president|leader
prime minister|leader
premier|leader
chancellor|leader
head of state|leader
head of government|leader
supreme leader|leader
leader|leader
dictator|leader
strongman|leader|male
taoiseach|leader
first minister|leader
king|royal|male
queen|royal|female
emperor|royal|male
empress|royal|female
emir|royal|male
sultan|royal|male
monarch|royal
crown prince|royal|male
prince|royal|male
princess|royal|female
duke|royal|male
duchess|royal|female
vice president|deputy-leader
vice-president|deputy-leader
deputy prime minister|deputy-leader
vice premier|deputy-leader
vice chancellor|deputy-leader
minister|minister
secretary of state|minister
foreign secretary|minister
home secretary|minister
defence secretary|minister
defense secretary|minister
secretary|minister
attorney general|minister
attorney-general|minister
chief of staff|aide
deputy chief of staff|aide
press secretary|aide
spokesman|aide|male
spokeswoman|aide|female
spokesperson|aide
aide|aide
adviser|aide
advisor|aide
assistant|aide
envoy|diplomat
ambassador|diplomat
diplomat|diplomat
secretary-general|diplomat
secretary general|diplomat
commissioner|official
senator|legislator
congressman|legislator|male
congresswoman|legislator|female
representative|legislator
lawmaker|legislator
legislator|legislator
MP|legislator
deputy|legislator
speaker|legislator
governor|regional
mayor|regional
chief executive|executive
chief executive officer|executive
CEO|executive
chief financial officer|executive
CFO|executive
chairman|executive|male
chairwoman|executive|female
chair|executive
chief|executive
director|executive
founder|executive
co-founder|executive
owner|executive
boss|executive
manager|executive
head|executive
general|military
lieutenant general|military
major general|military
admiral|military
commander|military
colonel|military
captain|military
sergeant|military
judge|judicial
justice|judicial
chief justice|judicial
prosecutor|judicial
lawyer|judicial
attorney|judicial
pope|religious|male
cardinal|religious|male
archbishop|religious
bishop|religious
ayatollah|religious|male
cleric|religious
official|official
officer|official
candidate|other
nominee|other
businessman|other|male
businesswoman|other|female
actor|other
actress|other|female
husband|family|male
wife|family|female
father|family|male
mother|family|female
son|family|male
daughter|family|female
brother|family|male
sister|family|female
widow|family|female
counterpart|other
`

/** Roles by their lower-case words ("prime minister" → leader). */
export const ROLES: ReadonlyMap<string, RoleEntry> = new Map(
  ROLE_DATA.trim()
    .split('\n')
    .map((line) => {
      const [words = '', cls = 'other', gender] = line.split('|')
      const entry: RoleEntry = { cls: cls as RoleClass }
      if (gender === 'male' || gender === 'female') entry.gender = gender
      return [words, entry] as const
    }),
)

/** The longest role, in words, for scanning multi-word roles first. */
export const MAX_ROLE_WORDS = 4

/**
 * Words that modify a role without changing who holds it ("former", "acting") or that change
 * it into another role ("deputy", "vice"): the latter are kept in the role's name.
 */
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set(
  'former ex then acting interim outgoing incoming new current senior junior top late retired self-proclaimed de facto longtime long-time veteran embattled ousted exiled disgraced powerful influential hardline populist conservative liberal socialist centrist right-wing left-wing far-right far-left regional local state federal national provincial municipal general'.split(
    ' ',
  ),
)

/** Modifiers that make a different role: "deputy minister" is not "minister". */
export const ROLE_RANKS: ReadonlySet<string> = new Set([
  'deputy',
  'vice',
  'assistant',
  'associate',
  'under',
  'junior',
  'chief',
  'principal',
])

/** A pronoun: its gender (he, she), number and case. */
export interface PronounEntry {
  gender?: Gender
  plural: boolean
  case: 'subject' | 'object' | 'possessive' | 'reflexive'
}

const PRONOUN_DATA: Readonly<Record<string, PronounEntry>> = {
  he: { gender: 'male', plural: false, case: 'subject' },
  him: { gender: 'male', plural: false, case: 'object' },
  his: { gender: 'male', plural: false, case: 'possessive' },
  himself: { gender: 'male', plural: false, case: 'reflexive' },
  she: { gender: 'female', plural: false, case: 'subject' },
  her: { gender: 'female', plural: false, case: 'possessive' },
  hers: { gender: 'female', plural: false, case: 'possessive' },
  herself: { gender: 'female', plural: false, case: 'reflexive' },
  they: { plural: true, case: 'subject' },
  them: { plural: true, case: 'object' },
  their: { plural: true, case: 'possessive' },
  it: { plural: false, case: 'subject' },
  its: { plural: false, case: 'possessive' },
}

/** Third-person pronouns the cast resolves, by lower-case form. */
export const PRONOUNS: ReadonlyMap<string, PronounEntry> = new Map(Object.entries(PRONOUN_DATA))

/**
 * Lower-case particles inside personal names ("Lula da Silva", "Ludwig van Beethoven", "Osama bin
 * Laden", "Abu Bakr"): the cast splits surnames at them, and the rule mentions and the quote
 * finder's phrases join names across them (with "of" and "&" for organisations).
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(
  'de da di do dos das du del della van von der den ter ten bin ibn al el le la st abu'.split(' '),
)
