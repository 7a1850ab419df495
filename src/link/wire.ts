/**
 * @module Wire credits: which news agency a text names as its source, from the dateline
 * ("PARIS (AFP) —"), a credit line ("Reporting by … Editing by …", "© The Associated Press")
 * or the byline. Looks only at the head and the tail of the text, where credits live.
 */

/** A credit, not a citation: "© 2020 The Associated Press", "By Reuters", "— AFP". */
const C = String.raw`(?:©|\([cC]\)|[Cc]opyright|[Bb]y|BY|Source:|[-—–])\s*(?:\d{4}\s+)?(?:[Tt]he\s+)?`
const credit = (name: string) => new RegExp(`${C}${name}\\b`)

/** Agencies and the patterns that credit them. Patterns are tried on the head and tail. */
const WIRES: { name: string; patterns: RegExp[]; hosts: string[] }[] = [
  {
    name: 'AP',
    patterns: [/\(AP\)/, credit('Associated Press'), /\bAP Photo\b/],
    hosts: ['apnews.com', 'ap.org'],
  },
  {
    name: 'Reuters',
    patterns: [
      /\(Reuters\)/i,
      /\bReporting by\b[^\n]*\bEditing by\b/,
      credit('(?:Thomson )?Reuters'),
    ],
    hosts: ['reuters.com'],
  },
  {
    name: 'AFP',
    patterns: [/\(AFP\)/, credit('Agence France[- ]Presse'), credit('AFP')],
    hosts: ['afp.com'],
  },
  {
    name: 'PA',
    patterns: [/\(PA\)/, credit('PA Media'), credit('Press Association'), /\bPA Wire\b/],
    hosts: [],
  },
  {
    name: 'dpa',
    patterns: [/\(dpa\)/, credit('Deutsche Presse-Agentur'), credit('dpa')],
    hosts: ['dpa.com'],
  },
  {
    name: 'UPI',
    patterns: [/\(UPI\)/, credit('United Press International'), credit('UPI')],
    hosts: ['upi.com'],
  },
  {
    name: 'Bloomberg',
    patterns: [/\(Bloomberg\)/, credit('Bloomberg(?: News)?')],
    hosts: ['bloomberg.com'],
  },
  {
    name: 'Xinhua',
    patterns: [/\(Xinhua\)/, credit('Xinhua')],
    hosts: ['xinhuanet.com', 'news.cn'],
  },
  { name: 'EFE', patterns: [/\(EFE\)/, credit('(?:Agencia )?EFE')], hosts: ['efe.com'] },
  { name: 'ANSA', patterns: [/\(ANSA\)/, credit('ANSA')], hosts: ['ansa.it'] },
  { name: 'Kyodo', patterns: [/\(Kyodo\)/, credit('Kyodo(?: News)?')], hosts: ['kyodonews.net'] },
  { name: 'Yonhap', patterns: [/\(Yonhap\)/, credit('Yonhap')], hosts: ['yna.co.kr'] },
  {
    name: 'AAP',
    patterns: [/\(AAP\)/, credit('Australian Associated Press'), credit('AAP')],
    hosts: ['aap.com.au'],
  },
  { name: 'Canadian Press', patterns: [/\(CP\)/, credit('Canadian Press')], hosts: [] },
  { name: 'TASS', patterns: [/\(TASS\)/, credit('TASS')], hosts: ['tass.com'] },
  { name: 'Interfax', patterns: [/\(Interfax\)/, credit('Interfax')], hosts: ['interfax.com'] },
  { name: 'PTI', patterns: [/\(PTI\)/, credit('Press Trust of India'), credit('PTI')], hosts: [] },
  { name: 'IANS', patterns: [/\(IANS\)/, credit('IANS')], hosts: [] },
  { name: 'ANI', patterns: [/\(ANI\)/, credit('ANI')], hosts: [] },
]

/** Characters of the head and the tail searched for credits. */
const HEAD_CHARS = 300
const TAIL_CHARS = 400

/** The wire a text credits, if any: the head first (the dateline), then the tail, then bylines. */
export function creditedWire(text: string, authors: readonly string[] = []): string | undefined {
  const head = text.slice(0, HEAD_CHARS)
  const tail = text.length > HEAD_CHARS ? text.slice(-TAIL_CHARS) : ''
  for (const part of [head, tail, authors.join('\n')]) {
    if (part === '') continue
    for (const w of WIRES) if (w.patterns.some((p) => p.test(part))) return w.name
  }
  return undefined
}

/** The wire whose own site published a URL, if any (apnews.com → AP). */
export function wireOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  let host: string
  try {
    host = new URL(url).hostname.toLowerCase()
  } catch {
    return undefined
  }
  for (const w of WIRES)
    if (w.hosts.some((h) => host === h || host.endsWith(`.${h}`))) return w.name
  return undefined
}
