/**
 * @module nlp/lexicons/places: countries (and a few regions and cities that have a demonym of
 * their own) with the other names news uses for them and their demonyms, hand-written from the
 * UN member list, the CIA World Factbook's "nationality" field and the AP stylebook.
 * Read by the cast: "French" links to France, "the U.K." to "Britain", and "the French leader"
 * to whoever holds a leading French role.
 */

// One place a line: "Name; other names, …; demonyms, …". The first name is the canonical one.
const DATA = `
Afghanistan;;Afghan, Afghans
Albania;;Albanian, Albanians
Algeria;;Algerian, Algerians
Andorra;;Andorran
Angola;;Angolan, Angolans
Argentina;;Argentine, Argentinian, Argentines, Argentinians
Armenia;;Armenian, Armenians
Australia;;Australian, Australians, Aussie
Austria;;Austrian, Austrians
Azerbaijan;;Azerbaijani, Azeri, Azerbaijanis
Bahamas;The Bahamas;Bahamian
Bahrain;;Bahraini, Bahrainis
Bangladesh;;Bangladeshi, Bangladeshis
Barbados;;Barbadian, Bajan
Belarus;;Belarusian, Belarusians
Belgium;;Belgian, Belgians
Belize;;Belizean
Benin;;Beninese
Bhutan;;Bhutanese
Bolivia;;Bolivian, Bolivians
Bosnia and Herzegovina;Bosnia, Bosnia-Herzegovina;Bosnian, Bosnians
Botswana;;Botswanan, Motswana
Brazil;;Brazilian, Brazilians
Brunei;;Bruneian
Bulgaria;;Bulgarian, Bulgarians
Burkina Faso;;Burkinabe
Burundi;;Burundian
Cambodia;;Cambodian, Cambodians
Cameroon;;Cameroonian, Cameroonians
Canada;;Canadian, Canadians
Cape Verde;Cabo Verde;Cape Verdean
Central African Republic;CAR;Central African
Chad;;Chadian, Chadians
Chile;;Chilean, Chileans
China;People's Republic of China, PRC;Chinese
Colombia;;Colombian, Colombians
Comoros;;Comoran
Democratic Republic of the Congo;DR Congo, DRC, Congo-Kinshasa;Congolese
Republic of the Congo;Congo-Brazzaville;
Costa Rica;;Costa Rican, Costa Ricans
Croatia;;Croatian, Croat, Croatians, Croats
Cuba;;Cuban, Cubans
Cyprus;;Cypriot, Cypriots
Czech Republic;Czechia;Czech, Czechs
Denmark;;Danish, Dane, Danes
Djibouti;;Djiboutian
Dominican Republic;;Dominican, Dominicans
Ecuador;;Ecuadorian, Ecuadorean, Ecuadorians
Egypt;;Egyptian, Egyptians
El Salvador;;Salvadoran, Salvadorean, Salvadorans
Equatorial Guinea;;Equatoguinean
Eritrea;;Eritrean, Eritreans
Estonia;;Estonian, Estonians
Eswatini;Swaziland;Swazi
Ethiopia;;Ethiopian, Ethiopians
Fiji;;Fijian, Fijians
Finland;;Finnish, Finn, Finns
France;French Republic;French, Frenchman, Frenchwoman
Gabon;;Gabonese
Gambia;The Gambia;Gambian, Gambians
Georgia;;Georgian, Georgians
Germany;Federal Republic of Germany;German, Germans
Ghana;;Ghanaian, Ghanaians
Greece;Hellenic Republic;Greek, Greeks
Guatemala;;Guatemalan, Guatemalans
Guinea;;Guinean, Guineans
Guinea-Bissau;;Bissau-Guinean
Guyana;;Guyanese
Haiti;;Haitian, Haitians
Honduras;;Honduran, Hondurans
Hong Kong;;Hongkonger, Hong Konger, Hongkongers
Hungary;;Hungarian, Hungarians
Iceland;;Icelandic, Icelander, Icelanders
India;;Indian, Indians
Indonesia;;Indonesian, Indonesians
Iran;Islamic Republic of Iran, Persia;Iranian, Iranians, Persian
Iraq;;Iraqi, Iraqis
Ireland;Republic of Ireland, Eire;Irish, Irishman
Israel;;Israeli, Israelis
Italy;;Italian, Italians
Ivory Coast;Côte d'Ivoire, Cote d'Ivoire;Ivorian, Ivorians
Jamaica;;Jamaican, Jamaicans
Japan;;Japanese
Jordan;Hashemite Kingdom of Jordan;Jordanian, Jordanians
Kazakhstan;;Kazakh, Kazakhstani, Kazakhs
Kenya;;Kenyan, Kenyans
Kosovo;;Kosovar, Kosovan, Kosovars
Kuwait;;Kuwaiti, Kuwaitis
Kyrgyzstan;;Kyrgyz
Laos;;Laotian, Lao
Latvia;;Latvian, Latvians
Lebanon;;Lebanese
Lesotho;;Basotho
Liberia;;Liberian, Liberians
Libya;;Libyan, Libyans
Liechtenstein;;Liechtensteiner
Lithuania;;Lithuanian, Lithuanians
Luxembourg;;Luxembourgish, Luxembourger
Madagascar;;Malagasy
Malawi;;Malawian, Malawians
Malaysia;;Malaysian, Malaysians
Maldives;;Maldivian
Mali;;Malian, Malians
Malta;;Maltese
Mauritania;;Mauritanian
Mauritius;;Mauritian
Mexico;;Mexican, Mexicans
Moldova;;Moldovan, Moldovans
Monaco;;Monegasque
Mongolia;;Mongolian, Mongolians
Montenegro;;Montenegrin
Morocco;;Moroccan, Moroccans
Mozambique;;Mozambican
Myanmar;Burma;Burmese
Namibia;;Namibian, Namibians
Nepal;;Nepali, Nepalese
Netherlands;The Netherlands, Holland;Dutch, Dutchman
New Zealand;;New Zealander, New Zealanders, Kiwi, Kiwis
Nicaragua;;Nicaraguan, Nicaraguans
Niger;;Nigerien
Nigeria;;Nigerian, Nigerians
North Korea;DPRK, Democratic People's Republic of Korea;North Korean, North Koreans
North Macedonia;Macedonia;Macedonian
Norway;;Norwegian, Norwegians
Oman;;Omani, Omanis
Pakistan;;Pakistani, Pakistanis
Palestine;Palestinian territories, State of Palestine;Palestinian, Palestinians
Panama;;Panamanian, Panamanians
Papua New Guinea;PNG;Papua New Guinean
Paraguay;;Paraguayan, Paraguayans
Peru;;Peruvian, Peruvians
Philippines;The Philippines;Filipino, Filipina, Filipinos, Philippine
Poland;;Polish, Pole, Poles
Portugal;;Portuguese
Qatar;;Qatari, Qataris
Romania;;Romanian, Romanians
Russia;Russian Federation;Russian, Russians
Rwanda;;Rwandan, Rwandans
Saudi Arabia;Kingdom of Saudi Arabia;Saudi, Saudis, Saudi Arabian
Senegal;;Senegalese
Serbia;;Serbian, Serb, Serbs, Serbians
Sierra Leone;;Sierra Leonean
Singapore;;Singaporean, Singaporeans
Slovakia;;Slovak, Slovakian, Slovaks
Slovenia;;Slovenian, Slovene, Slovenians
Somalia;;Somali, Somalis
South Africa;;South African, South Africans
South Korea;Republic of Korea, Korea;South Korean, South Koreans, Korean, Koreans
South Sudan;;South Sudanese
Spain;;Spanish, Spaniard, Spaniards
Sri Lanka;;Sri Lankan, Sri Lankans
Sudan;;Sudanese
Suriname;;Surinamese
Sweden;;Swedish, Swede, Swedes
Switzerland;;Swiss
Syria;Syrian Arab Republic;Syrian, Syrians
Taiwan;Republic of China;Taiwanese
Tajikistan;;Tajik, Tajikistani
Tanzania;;Tanzanian, Tanzanians
Thailand;;Thai, Thais
Togo;;Togolese
Trinidad and Tobago;Trinidad;Trinidadian
Tunisia;;Tunisian, Tunisians
Turkey;Türkiye, Turkiye;Turkish, Turk, Turks
Turkmenistan;;Turkmen
Uganda;;Ugandan, Ugandans
Ukraine;;Ukrainian, Ukrainians
United Arab Emirates;UAE, U.A.E., Emirates;Emirati, Emiratis
United Kingdom;UK, U.K., Britain, Great Britain, United Kingdom of Great Britain and Northern Ireland;British, Briton, Britons, Brit, Brits
United States;US, U.S., USA, U.S.A., United States of America, America, the States;American, Americans
Uruguay;;Uruguayan, Uruguayans
Uzbekistan;;Uzbek, Uzbeks
Vatican City;Vatican, Holy See;Vatican
Venezuela;;Venezuelan, Venezuelans
Vietnam;Viet Nam;Vietnamese
Yemen;;Yemeni, Yemenis
Zambia;;Zambian, Zambians
Zimbabwe;;Zimbabwean, Zimbabweans
England;;English, Englishman, Englishwoman
Scotland;;Scottish, Scot, Scots
Wales;;Welsh
Northern Ireland;;Northern Irish
Catalonia;;Catalan, Catalans, Catalonian
Basque Country;;Basque, Basques
Kurdistan;;Kurdish, Kurd, Kurds
Tibet;;Tibetan, Tibetans
Crimea;;Crimean
Quebec;;Quebecer, Quebecois
Texas;;Texan, Texans
California;;Californian, Californians
Florida;;Floridian
New York;;New Yorker, New Yorkers
London;;Londoner, Londoners
Paris;;Parisian, Parisians
Berlin;;Berliner, Berliners
Europe;;European, Europeans
Africa;;African, Africans
Asia;;Asian, Asians
Latin America;;Latin American, Latin Americans
Middle East;;Middle Eastern
Arab world;;Arab, Arabs, Arabian
Scandinavia;;Scandinavian, Scandinavians
Balkans;;Balkan
Gaza;Gaza Strip;Gazan, Gazans
`

/** A place of the lexicon. */
export interface PlaceEntry {
  /** The canonical name: "United Kingdom". */
  name: string
  /** Other names: "UK", "Britain". */
  names: readonly string[]
  /** Adjectives and nouns of people: "British", "Briton". */
  demonyms: readonly string[]
}

/** Every place of the lexicon. */
export const PLACES: readonly PlaceEntry[] = DATA.trim()
  .split('\n')
  .map((line) => {
    const [name = '', names = '', demonyms = ''] = line.split(';')
    const list = (s: string): string[] =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '')
    return { name, names: list(names), demonyms: list(demonyms) }
  })

const byName = new Map<string, PlaceEntry>()
const byDemonym = new Map<string, PlaceEntry>()
for (const p of PLACES) {
  byName.set(p.name.toLowerCase(), p)
  for (const n of p.names) byName.set(n.toLowerCase().replace(/^the /, ''), p)
  for (const d of p.demonyms) byDemonym.set(d.toLowerCase(), p)
}

/** The place a name stands for ("U.K." → United Kingdom), ignoring a leading "the". */
export function placeByName(name: string): PlaceEntry | undefined {
  return byName.get(name.toLowerCase().replace(/^the /, ''))
}

/** The place a demonym belongs to ("French" → France, "Britons" → United Kingdom). */
export function placeByDemonym(word: string): PlaceEntry | undefined {
  return byDemonym.get(word.toLowerCase())
}

/** The place a possessive or adjective refers to: a name ("Germany") or a demonym ("German"). */
export function placeOf(word: string): PlaceEntry | undefined {
  return placeByDemonym(word) ?? placeByName(word)
}
