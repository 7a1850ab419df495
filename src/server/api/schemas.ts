/**
 * @module server/api/schemas: the zod schemas of the JSON API — what requests may hold and what
 * responses look like. Routes validate with them and the OpenAPI document is generated from
 * them, so the two cannot drift apart.
 */
import { z } from 'zod'

// ---- requests ----

const isoDate = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/,
    'expected an ISO 8601 date, e.g. 2020-03-01',
  )

/** Page size and the cursor of the previous page. */
export const PagingQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .describe('page size (1–100, default 20)'),
  cursor: z.string().max(500).optional().describe("the previous page's nextCursor"),
})

/** Filters of lists of articles and stories. */
export const ListQuerySchema = PagingQuerySchema.extend({
  source: z.string().max(300).optional().describe('a site name, a host or a source id'),
  from: isoDate.optional().describe('on or after (ISO 8601)'),
  to: isoDate.optional().describe('on or before (ISO 8601; a bare date includes the day)'),
})

const boolString = z
  .enum(['true', 'false', '1', '0', 'on', ''])
  .transform((v) => (v === '' ? undefined : v === 'true' || v === '1' || v === 'on'))

/** Full-text search over articles or quotes. */
export const SearchQuerySchema = ListQuerySchema.extend({
  q: z
    .string()
    .max(500)
    .default('')
    .describe('words, "phrases", AND / OR / NOT, prefix*, title:word; empty lists by date'),
  language: z.string().max(20).optional(),
  entity: z.string().max(300).optional().describe('an entity key or name'),
  speaker: z.string().max(300).optional().describe('an entity key or name: who is quoted'),
  hasQuotes: boolString.optional().describe('only articles with quotes'),
})

export const EntityListQuerySchema = PagingQuerySchema.extend({
  type: z.enum(['person', 'organization', 'place', 'misc']).optional(),
  q: z.string().max(300).optional().describe('matches names and aliases'),
})

export const IdParamSchema = z.object({ id: z.string().min(1).max(200) })
export const KeyParamSchema = z.object({ key: z.string().min(1).max(300) })

const httpUrl = z
  .string()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'only http(s) URLs')

/** POST /ingest: a URL to read in the background, or a document to process now. */
export const IngestBodySchema = z.union([
  z
    .object({
      url: httpUrl.describe('a page, a feed, a sitemap or a site home page'),
      follow: z.boolean().optional().describe('record the URL as a followed feed'),
    })
    .strict(),
  z
    .object({
      html: z.string().min(1).describe('a whole HTML page'),
      url: httpUrl.optional().describe('where the page came from'),
    })
    .strict(),
  z
    .object({
      text: z.string().min(1).describe('a plain-text page or article'),
      url: httpUrl.optional(),
    })
    .strict(),
])

export const SourceBodySchema = z
  .object({ url: httpUrl.describe('a feed, a sitemap or a site home page') })
  .strict()

// ---- responses ----

export const ErrorSchema = z.object({
  error: z.object({ code: z.string().describe('snake_case, e.g. not_found'), message: z.string() }),
})

const span = { start: z.number().int(), end: z.number().int() }

export const ArticleSummarySchema = z.object({
  id: z.string(),
  url: z.string().optional(),
  title: z.string().optional(),
  siteName: z.string().optional(),
  host: z.string().optional(),
  publishedAt: z.string().optional(),
  fetchedAt: z.string(),
  language: z.string().optional(),
  excerpt: z.string(),
  quoteCount: z.number().int(),
  storyId: z.string().optional(),
  copyOf: z.string().optional(),
})

/** The Article contract (`lede.article/1`). */
export const ArticleSchema = z.object({
  schema: z.literal('lede.article/1'),
  url: z.string().optional(),
  canonicalUrl: z.string().optional(),
  siteName: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  authors: z.array(z.string()),
  publishedAt: z.string().optional(),
  modifiedAt: z.string().optional(),
  language: z.string().optional(),
  image: z.string().optional(),
  text: z.string(),
  blocks: z.array(
    z.object({
      kind: z.enum(['paragraph', 'heading', 'quote', 'list-item', 'pre', 'table']),
      ...span,
    }),
  ),
  related: z.array(
    z.object({
      title: z.string(),
      url: z.string().optional(),
      excerpt: z.string().optional(),
      caption: z.string().optional(),
      image: z.string().optional(),
    }),
  ),
  removed: z.array(z.object({ kind: z.string(), text: z.string(), reason: z.string() })),
  extraction: z.object({
    inputFormat: z.enum(['html', 'text']),
    method: z.string(),
    confidence: z.number(),
  }),
})

/** The Annotations contract (`lede.annotations/1`). */
export const AnnotationsSchema = z.object({
  schema: z.literal('lede.annotations/1'),
  sentences: z.array(z.object(span)),
  entities: z.array(
    z.object({
      id: z.string(),
      type: z.enum(['person', 'organization', 'place', 'misc']),
      name: z.string(),
      aliases: z.array(z.string()),
      descriptions: z.array(z.string()),
      mentions: z.array(z.object({ ...span, text: z.string(), kind: z.string() })),
    }),
  ),
  quotes: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['direct', 'partial', 'indirect']),
      text: z.string(),
      ...span,
      speaker: z
        .object({
          name: z.string(),
          entityId: z.string().optional(),
          anonymous: z.boolean(),
          description: z.string().optional(),
        })
        .optional(),
      confidence: z.number(),
    }),
  ),
})

const stage = z.object({ status: z.string(), errorCode: z.string().optional() })

export const ArticleDetailSchema = ArticleSummarySchema.extend({
  article: ArticleSchema,
  annotations: AnnotationsSchema.optional(),
  entityKeys: z.record(z.string(), z.string()).describe('corpus-wide entity key by local id'),
  source: z.object({ kind: z.string(), location: z.string(), sourceId: z.string().optional() }),
  contentHash: z.string(),
  revision: z.number().int(),
  latest: z.boolean(),
  stages: z.record(z.string(), stage),
  related: z.array(ArticleSummarySchema.extend({ score: z.number() })),
})

export const StorySummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  articleCount: z.number().int(),
  outletCount: z.number().int(),
  firstAt: z.string(),
  lastAt: z.string(),
  people: z.array(z.object({ key: z.string(), name: z.string() })),
})

export const StoredQuoteSchema = z.object({
  articleId: z.string(),
  quoteId: z.string(),
  kind: z.enum(['direct', 'partial', 'indirect']),
  text: z.string(),
  speakerName: z.string().optional(),
  speakerKey: z.string().optional(),
  anonymous: z.boolean(),
  articleTitle: z.string().optional(),
  publishedAt: z.string().optional(),
  siteName: z.string().optional(),
  context: z.string().optional(),
})

export const StoryDetailSchema = z.object({
  story: StorySummarySchema,
  articles: z.array(ArticleSummarySchema.extend({ copies: z.array(ArticleSummarySchema) })),
  quotes: z.array(StoredQuoteSchema.extend({ carriers: z.array(ArticleSummarySchema) })),
  assignments: z.array(
    z.object({
      articleId: z.string(),
      storyId: z.string(),
      similarity: z.number(),
      reason: z.object({
        terms: z.array(z.string()),
        entities: z.array(z.string()),
        quotes: z.array(z.string()),
        kind: z.enum(['new', 'similar', 'copy', 'user']),
      }),
    }),
  ),
})

export const EntitySummarySchema = z.object({
  key: z.string().describe('e.g. person:emmanuel-macron'),
  type: z.enum(['person', 'organization', 'place', 'misc']),
  name: z.string(),
  articleCount: z.number().int(),
  quoteCount: z.number().int(),
  lastSeenAt: z.string().optional(),
})

export const EntityDetailSchema = EntitySummarySchema.extend({
  aliases: z.array(z.string()),
  descriptions: z.array(z.object({ text: z.string(), count: z.number().int() })),
  timeline: z.array(z.object({ day: z.string(), count: z.number().int() })),
  articles: z.array(ArticleSummarySchema),
  coEntities: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      type: z.enum(['person', 'organization', 'place', 'misc']),
      count: z.number().int(),
    }),
  ),
})

export const SearchHitSchema = ArticleSummarySchema.extend({
  score: z.number(),
  snippet: z.string().describe('matches marked by U+0001 … U+0002'),
})

export const QuoteHitSchema = StoredQuoteSchema.extend({ snippet: z.string() })

export const FeedSourceSchema = z.object({
  id: z.string(),
  url: z.string(),
  kind: z.enum(['feed', 'sitemap', 'site']),
  title: z.string().optional(),
  lastFetchAt: z.string().optional(),
  lastOkAt: z.string().optional(),
  lastError: z.object({ code: z.string(), message: z.string(), at: z.string() }).optional(),
  nextFetchAt: z.string().optional(),
  intervalSeconds: z.number().int(),
  failures: z.number().int(),
  itemCount: z.number().int(),
})

export const IngestJobSchema = z.object({
  id: z.string(),
  input: z.string(),
  kind: z.enum(['url', 'feed']),
  state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
  documents: z.number().int(),
  inserted: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  expected: z.number().int().optional(),
  errors: z.array(z.object({ code: z.string(), message: z.string(), url: z.string().optional() })),
  articleIds: z.array(z.string()),
})

export const DocumentOutcomeSchema = z.object({
  outcome: z.enum(['inserted', 'unchanged', 'revised']),
  id: z.string(),
  failedStages: z.array(z.string()),
})

/** `{ items, nextCursor? }`: one page of a list. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().optional().describe('pass as `cursor` for the next page'),
    total: z.number().int().optional(),
  })
