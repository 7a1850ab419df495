/**
 * @module server/web/components/article-text: the article body rendered from `Article.text` and
 * `blocks` — never from extracted markup — with quotes highlighted, each followed by its
 * speaker's name linking to their page, and the words naming the speaker linked too. Reported
 * speech is marked more lightly and takes no label when its speaker is named beside it.
 * Annotations are standoff spans; a span crossing a block is cut at the block's edges.
 */
import type { Child } from 'hono/jsx'
import type { Annotations, Article, Block } from '../../../core/index.js'
import type { EntityKey } from '../../../store/index.js'
import { entityPath } from '../format.js'

export interface Range {
  start: number
  end: number
  kind: 'quote' | 'speaker'
  /** Quote id (for `quote`), target page (for `speaker`). */
  quoteId?: string
  /** Reported speech (`indirect`) is marked more lightly than words in quote marks. */
  reported?: boolean
  href?: string
  /** The label shown after a quote: its speaker, placed after the closing quote mark. */
  label?: { name: string; href?: string; at: number }
}

/** Closing quote marks and the punctuation that follows a quotation (`," she said`). */
const AFTER_QUOTE = /["”’'»,.;:!?)]/

/** Builds the highlight ranges from annotations, dropping spans outside the text. */
export function highlightRanges(
  text: string,
  annotations: Annotations | undefined,
  entityKeys: Record<string, EntityKey>,
): Range[] {
  if (!annotations) return []
  const ranges: Range[] = []
  const ok = (s: { start: number; end: number }) =>
    Number.isInteger(s.start) &&
    Number.isInteger(s.end) &&
    s.start >= 0 &&
    s.end <= text.length &&
    s.start < s.end
  for (const q of annotations.quotes) {
    const key = q.speaker?.entityId !== undefined ? entityKeys[q.speaker.entityId] : undefined
    const href = key !== undefined ? entityPath(key) : undefined
    const parts = q.segments && q.segments.length > 0 ? q.segments : [q]
    const reported = q.kind === 'indirect'
    // Reported speech names its speaker in the sentence itself ("X said that …"), where the name
    // is linked: a label after it would repeat the name. Quoted words get the label.
    const labelled =
      q.speaker !== undefined && !(reported && q.speaker.mention && ok(q.speaker.mention))
    parts.filter(ok).forEach((p, i) => {
      ranges.push({
        start: p.start,
        end: p.end,
        kind: 'quote',
        quoteId: q.id,
        ...(reported && { reported }),
        ...(i === parts.length - 1 &&
          labelled &&
          q.speaker && {
            label: {
              name: q.speaker.anonymous ? `${q.speaker.name} (anonymous)` : q.speaker.name,
              ...(href !== undefined && { href }),
              at: labelPosition(text, p.end),
            },
          }),
      })
    })
    if (q.speaker?.mention && href !== undefined && ok(q.speaker.mention))
      ranges.push({ ...q.speaker.mention, kind: 'speaker', href })
  }
  return ranges.sort((a, b) => a.start - b.start || b.end - a.end)
}

/** Where a quote's speaker label goes: after the quote marks and punctuation that close it. */
function labelPosition(text: string, end: number): number {
  let at = end
  // Three characters at most: a closing mark, a comma or full stop, and perhaps another mark.
  while (at < text.length && at - end < 3 && AFTER_QUOTE.test(text[at]!)) at++
  return at
}

/** Renders one block's text with the ranges that fall in it. */
function blockChildren(text: string, block: Block, ranges: Range[]): Child[] {
  const inBlock = ranges
    .filter((r) => r.end > block.start && r.start < block.end)
    .map((r) => ({ ...r, start: Math.max(r.start, block.start), end: Math.min(r.end, block.end) }))
  if (inBlock.length === 0) return [text.slice(block.start, block.end)]
  // Cut the block at every range edge; each piece knows which ranges cover it.
  const edges = new Set<number>([block.start, block.end])
  for (const r of inBlock) {
    edges.add(r.start)
    edges.add(r.end)
    if (r.label && r.label.at <= block.end) edges.add(r.label.at)
  }
  const cuts = [...edges].sort((a, b) => a - b)
  const out: Child[] = []
  for (let i = 0; i < cuts.length - 1; i++) {
    const a = cuts[i]!
    const b = cuts[i + 1]!
    let node: Child = text.slice(a, b)
    const speaker = inBlock.find((r) => r.kind === 'speaker' && r.start <= a && r.end >= b)
    if (speaker?.href) node = <a href={speaker.href}>{node}</a>
    const quote = inBlock.find((r) => r.kind === 'quote' && r.start <= a && r.end >= b)
    if (quote)
      node = (
        <mark class={quote.reported ? 'quote reported' : 'quote'} data-quote={quote.quoteId}>
          {node}
        </mark>
      )
    out.push(node)
    // After the last piece of a quote, its speaker.
    const ending = inBlock.find(
      (r) => r.kind === 'quote' && r.label && Math.min(r.label.at, block.end) === b,
    )
    if (ending?.label) {
      out.push(
        ending.label.href ? (
          <a class="speaker" href={ending.label.href}>
            — {ending.label.name}
          </a>
        ) : (
          <span class="speaker muted"> — {ending.label.name}</span>
        ),
      )
    }
  }
  return out
}

/** The article's body, block by block. */
export function ArticleText(props: {
  article: Article
  annotations?: Annotations | undefined
  entityKeys: Record<string, EntityKey>
}) {
  const { article } = props
  const text = article.text
  const blocks: Block[] =
    article.blocks.length > 0
      ? article.blocks
      : text.split(/\n\n/).reduce<{ at: number; out: Block[] }>(
          (acc, part) => {
            acc.out.push({ kind: 'paragraph', start: acc.at, end: acc.at + part.length })
            acc.at += part.length + 2
            return acc
          },
          { at: 0, out: [] },
        ).out
  const ranges = highlightRanges(text, props.annotations, props.entityKeys)
  const items: Child[] = []
  let list: Child[] = []
  const flush = () => {
    if (list.length > 0) items.push(<ul>{list}</ul>)
    list = []
  }
  for (const b of blocks) {
    if (b.start < 0 || b.end > text.length || b.start >= b.end) continue
    const children = blockChildren(text, b, ranges)
    if (b.kind === 'list-item') {
      list.push(<li>{children}</li>)
      continue
    }
    flush()
    switch (b.kind) {
      case 'heading':
        items.push(<h2>{children}</h2>)
        break
      case 'quote':
        items.push(<blockquote>{children}</blockquote>)
        break
      case 'pre':
      case 'table':
        items.push(<pre>{children}</pre>)
        break
      default:
        items.push(<p>{children}</p>)
    }
  }
  flush()
  return <>{items}</>
}
