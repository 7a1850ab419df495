/**
 * Furniture vocabulary in several languages: the words that share widgets, rail headers,
 * newsletter boxes, ads and footers are made of. Generic page vocabulary, never a site's name.
 * Used twice: as a model feature (is this line furniture-worded?) and to name the kind of a
 * removed block. Patterns match a whole short line or its start, case-insensitively.
 */
import type { RemovedKind } from '../../core/index.js'

/** Words of share widgets and social links (en, de, fr, es, pt, it, nl, id, pl, sv). */
const SHARE =
  /^(share( this( article| story| post| page)?)?( on| via| with)?|shares?|follow us|tweet|pin( it)?|e-?mail|email this|print( this)?|copy( link)?|copy url|whatsapp|facebook|twitter|x|linkedin|reddit|pinterest|flipboard|messenger|telegram|tumblr|pocket|teilen|artikel teilen|jetzt teilen|drucken|partager|partagez|imprimer|compartir|compartilhe|compartilhar|imprimir|condividi|stampa|delen|deel|bagikan|udostępnij|dela)\b/i

/** Headers of related-article rails and teaser lists. */
const RELATED_HEADER =
  /^(you (may|might) (also )?(like|enjoy|be interested in)|related( (stories|articles|content|coverage|posts|news|links|topics|reading))?|read (more|next|also|this next)|more (from|on|in|stories|news|like this|to read|articles)|recommended( for you| stories| reading)?|also (read|see|on)|see also|trending( now)?|most (popular|read|viewed|shared|emailed)|popular( now| stories)?|top stories|editor'?s? picks|don'?t miss|what to read next|up next|latest( news| stories)?|more stories|auch interessant|mehr zum thema|das könnte sie (auch )?interessieren|weitere artikel|lesen sie auch|meistgelesen|à lire aussi|a lire aussi|lire aussi|sur le même sujet|vous aimerez aussi|les plus lus|te puede interesar|lee también|lea también|noticias relacionadas|más leídas|leia também|leia mais|veja também|mais lidas|você pode gostar|notícias relacionadas|leggi anche|potrebbe interessarti|articoli correlati|lees ook|meer nieuws|baca juga|berita terkait|terpopuler|czytaj także|zobacz też|läs också)\b/i

/** Headers of comment sections. */
const COMMENTS =
  /^(\[?\s*\d+\s+)?(comments?|top rated comments|leave a (comment|reply)|post a comment|add a comment|join the (discussion|conversation)|reader comments|\d+ (comments?|responses?|replies)|kommentare?|commentaires?|comentarios?|comentários?|commenti|reacties|komentar)\b/i

const NEWSLETTER =
  /\b(newsletters?|subscribe|subscription|sign up|signup|sign in|log in|register|inscrivez|abonnez|abonnieren|anmelden|suscríbete|suscribirse|assine|inscreva|iscriviti|abonneer|berlangganan|zapisz)\b/i

const AD =
  /^(advertisement|advertising|sponsored( content)?|ad|ads|promoted|anzeige|werbung|publicité|publicidad|publicidade|pubblicità|advertentie|iklan|reklama)\b/i

const FOOTER =
  /^(contact|about|imprint|kontakt|contacto|contato|contatti)$|(©|\(c\) ?\d{4}|\bcopyright\b|all rights reserved|privacy( policy)?|cookie(s| policy| settings)?|terms (of (use|service)|and conditions)|contact us|about us|impressum|datenschutz|mentions légales|aviso legal|política de privacidad|política de privacidade|termini|sitemap|back to top)/i

const BYLINE =
  /^(by|von|par|por|di|door|oleh|przez|av)\s+\p{Lu}|^(updated|published|posted|last updated|aktualisiert|veröffentlicht|publié|mis à jour|actualizado|publicado|atualizado|aggiornato|pubblicato|diperbarui)\b/iu

const CAPTION =
  /^(photo|image|picture|foto|bild|credit|caption|getty images|ap photo|reuters|afp|shutterstock|(photo|image) credit|source)\b|\((photo|image|foto):?|\b(getty images|shutterstock|istock|ap photo|afp via getty)\b/i

/** Alternations of a regex, for building the combined tests below. */
const body = (re: RegExp): string => re.source

/**
 * The lexicons that match at the start of a line, as one regex (one attempt, not four). Without
 * the `u` flag, as they were written: V8 runs a case-insensitive scan several times slower in
 * Unicode mode (BYLINE needs it for \p{Lu}, and is anchored, so it stays apart).
 */
const FURNITURE_START = new RegExp(
  `(?:${[SHARE, RELATED_HEADER, COMMENTS, AD].map(body).join('|')})`,
  'i',
)
/** The lexicons that match anywhere in a line, as one regex (one scan of the line, not two). */
const FURNITURE_ANYWHERE = new RegExp(`(?:${[NEWSLETTER, FOOTER].map(body).join('|')})`, 'i')

/** True when the line's wording is typical of furniture in any of the lexicons. */
export function furnitureWorded(line: string): boolean {
  // Furniture wording shows early in a line; scanning all of long prose costs the most time.
  if (line.length > 300) line = line.slice(0, 300)
  return FURNITURE_START.test(line) || BYLINE.test(line) || FURNITURE_ANYWHERE.test(line)
}

/** True for a short line that heads a related rail ("You May Also Like", "Lesen Sie auch"). */
export function isRailHeader(line: string): boolean {
  if (line.length > 60) return false
  // Drop trailing colons, arrows, dots and spaces ("Related:", "Read more »").
  let e = line.length
  while (e > 0 && RAIL_HEADER_TRAIL.has(line.charCodeAt(e - 1))) e--
  return RELATED_HEADER.test(e === line.length ? line : line.slice(0, e))
}

const RAIL_HEADER_TRAIL = new Set(
  [...':：»›>.…'].map((c) => c.charCodeAt(0)).concat([32, 9, 0xa0, 0x3000]),
)

/**
 * Comment metadata: "Alex on September 17, 2018 at 6:34 am said:", "2 days ago", "Reply".
 * A run of these below the article marks a comment section whose posts read like prose.
 */
const COMMENT_META_START =
  /^(vor|il y a|hace|há)\s+\d+\s|^(reply|report|flag|like|likes|upvote|permalink|report abuse|reply to this comment|antworten|répondre|responder|rispondi|balas|odpowiedz)$|^\d+\s+(likes?|replies|points|votes)$/i
const COMMENT_SAID = /\b(said|says|wrote|writes|replied|commented)\s*:$/i
const COMMENT_AGO =
  /\b\d+\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b/i

/**
 * True for a line of comment metadata (an author-and-date header, "Reply", "3 days ago"). The
 * patterns that may match anywhere are tried only on lines that end in a colon or hold "ago".
 */
export function commentMeta(line: string): boolean {
  if (COMMENT_META_START.test(line)) return true
  if (line.charCodeAt(line.length - 1) === 58 && COMMENT_SAID.test(line)) return true
  return /ago/i.test(line) && COMMENT_AGO.test(line)
}

/** True for a short line that heads a rail or a comment section: what follows is not article. */
export function isSectionHeader(line: string): boolean {
  return isRailHeader(line) || (line.length <= 60 && COMMENTS.test(line))
}

const CAPTION_KIND = { kind: 'caption', reason: 'photo credit or caption wording' } as const

/** The kind a furniture line is by its wording, with a reason; undefined when nothing fits. */
export function kindByWording(line: string): { kind: RemovedKind; reason: string } | undefined {
  const short = line.length <= 80
  if (short && SHARE.test(line)) return { kind: 'share', reason: 'share-widget wording' }
  if (short && AD.test(line)) return { kind: 'ad', reason: 'advertisement label' }
  if (short && isRailHeader(line)) return { kind: 'related', reason: 'related-rail header' }
  if (line.length <= 60 && COMMENTS.test(line))
    return { kind: 'comments', reason: 'comment-section header' }
  if (line.length <= 200 && NEWSLETTER.test(line))
    return { kind: 'newsletter', reason: 'newsletter or sign-up wording' }
  if (line.length <= 200 && FOOTER.test(line))
    return { kind: 'footer', reason: 'copyright, policy or contact wording' }
  if (short && BYLINE.test(line)) return { kind: 'byline', reason: 'byline or date line' }
  if (line.length <= 200 && CAPTION.test(line)) return CAPTION_KIND
  return undefined
}

/** The wording tests of a dump's lines, each run at most once per line (they are regexes). */
export interface LineWording {
  /** `kindByWording` of line i. */
  kind(i: number): { kind: RemovedKind; reason: string } | undefined
  /** `isRailHeader` of line i. */
  railHeader(i: number): boolean
}

/**
 * Memoised wording tests over `lines`: a rail parse asks about the same line many times. With
 * `furniture` (per line, `furnitureWorded` of lines of 200 characters or fewer), a line it marks
 * 0 can only be a caption: every other kind's lexicon is part of `furnitureWorded`, and each is
 * tried only on lines of 200 characters or fewer.
 */
export function lineWording(
  lines: readonly { text: string }[],
  furniture?: Uint8Array,
): LineWording {
  const n = lines.length
  // undefined: not yet tested; null: no kind.
  const kinds: ({ kind: RemovedKind; reason: string } | null | undefined)[] = new Array(n)
  const header = new Uint8Array(n) // 0 not yet tested, 1 no, 2 yes
  return {
    kind(i) {
      let k = kinds[i]
      if (k === undefined) {
        const t = lines[i]!.text
        if (furniture !== undefined && furniture[i] === 0)
          k = t.length <= 200 && CAPTION.test(t) ? CAPTION_KIND : null
        else k = kindByWording(t) ?? null
        kinds[i] = k
      }
      return k ?? undefined
    },
    railHeader(i) {
      const c = header[i]!
      if (c !== 0) return c === 2
      const yes = !(furniture !== undefined && furniture[i] === 0) && isRailHeader(lines[i]!.text)
      header[i] = yes ? 2 : 1
      return yes
    },
  }
}
