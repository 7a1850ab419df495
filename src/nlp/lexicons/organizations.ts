/**
 * @module nlp/lexicons/organizations: legal-form suffixes and the small words an acronym skips,
 * hand-written from the ISO 20275 entity legal forms most seen in English news. Read by the
 * cast to join "Volkswagen AG" with "Volkswagen" and "Deutsche Presse-Agentur" with "dpa".
 */

/** Legal forms and generic tails dropped when comparing organisation names. */
export const ORG_SUFFIXES: ReadonlySet<string> = new Set(
  'inc inc. incorporated corp corp. corporation co co. company ltd ltd. limited llc l.l.c. plc lp llp ag gmbh sa s.a. sas nv n.v. bv b.v. spa s.p.a. ab asa oyj kk k.k. pty se group holdings holding'.split(
    ' ',
  ),
)

/** Words that make a capitalised name an organisation's ("Foreign Ministry", "Labour Party"). */
export const ORG_WORDS: ReadonlySet<string> = new Set(
  'ministry committee agency university party council bank association service department company corporation group news times post organization organisation union court parliament army police forces commission institute foundation fund league club fc reuters press congress senate assembly office bureau board authority federation airlines airways network channel television radio school college hospital church'.split(
    ' ',
  ),
)

/** Whether lower-case words hold one that makes a name an organisation's (`ORG_WORDS`, legal forms). */
export function hasOrgWord(words: readonly string[]): boolean {
  return words.some((w) => ORG_WORDS.has(w) || ORG_SUFFIXES.has(w))
}

/** Words an acronym leaves out: "Organisation of the Petroleum Exporting Countries" → OPEC. */
export const ACRONYM_SKIP: ReadonlySet<string> = new Set(
  'of the and for de des du la le für fur der die das on in at to &'.split(' '),
)

/**
 * Online platforms, which the tagger takes for places ("posted on Facebook") or misc: their
 * mentions are organisations. Only names that are nothing else in news text.
 */
export const PLATFORMS: ReadonlySet<string> = new Set([
  'Facebook',
  'Instagram',
  'Twitter',
  'YouTube',
  'TikTok',
  'WhatsApp',
  'Telegram',
  'Reddit',
  'LinkedIn',
  'Snapchat',
  'WeChat',
  'Weibo',
  'Bluesky',
  'Mastodon',
])
