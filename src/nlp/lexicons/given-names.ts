/**
 * @module nlp/lexicons/given-names: the gender a given name implies, for agreeing "he" and
 * "she". The generated lists (./given-names.gen.ts, English names from Moby Word II) are
 * completed by a hand-written list of given names common in international news that they lack.
 */
import type { Gender } from './people.js'
import { FEMALE_NAMES, MALE_NAMES } from './given-names.gen.js'

// Hand-written: given names of people often in the news (heads of state and government,
// ministers, business leaders) that the English lists lack or list for both genders.
const EXTRA_MALE =
  'olaf recep tayyip luiz inacio jair oleg dmitry dmitri sergei sergey yevgeny evgeny volodymyr vladimir ' +
  'vitali vitaly alexei alexey mikhail nikolai andrei andriy petro viktor yuri igor boris ' +
  'xi jinping keqiang shinzo fumio yoshihide narendra rahul imran nawaz shehbaz ' +
  'recep hassan hussein mohammed muhammad mohammad mahmoud ahmed ahmad ali abdullah abdel abdul ' +
  'bashar hosni muammar moammar saddam khalifa salman hamad tamim ' +
  'benjamin yair naftali isaac binyamin emmanuel nicolas francois françois jacques ' +
  'pedro mariano pablo jose josé juan carlos andres andrés manuel enrique gustavo ' +
  'matteo giuseppe silvio sergio mario giorgio ' +
  'jens frank-walter sigmar wolfgang horst heiko markus friedrich ' +
  'mark stefan andrzej mateusz donald jaroslaw jarosław ' +
  'cyril jacob thabo paul yoweri uhuru william abiy muhammadu ' +
  'kevin scott malcolm anthony antony justin stephen ' +
  'jae-in suk-yeol jong-un'

const EXTRA_FEMALE =
  'angela ursula theresa kamala giorgia sanna mette jacinda liz priti nicola ' +
  'christine kristalina marine segolene ségolène anne annalena svenja ' +
  'yulia julia nadia natalia valentina veronika olga irina svetlana tatiana maria ' +
  'benazir indira hasina ing-wen ' +
  'hillary nancy alexandria ilhan rashida elizabeth meghan kate camilla'

let male: Set<string> | undefined
let female: Set<string> | undefined

function load(): void {
  const extraMale = new Set(EXTRA_MALE.split(/\s+/))
  const extraFemale = new Set(EXTRA_FEMALE.split(/\s+/))
  male = new Set([...MALE_NAMES.split(' '), ...extraMale])
  female = new Set([...FEMALE_NAMES.split(' '), ...extraFemale])
  // a name on one hand-written list is that gender, whatever the generated lists say
  for (const n of extraMale) if (!extraFemale.has(n)) female.delete(n)
  for (const n of extraFemale) if (!extraMale.has(n)) male.delete(n)
}

/** The gender a given name implies, or undefined when unknown or used for both. */
export function genderOfGivenName(name: string): Gender | undefined {
  if (male === undefined) load()
  const n = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
  const m = male!.has(n)
  const f = female!.has(n)
  if (m === f) return undefined
  return m ? 'male' : 'female'
}
