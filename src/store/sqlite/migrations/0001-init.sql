-- 0001: the corpus. Never edit once released; add a new numbered file instead.

-- Feeds, sitemaps and sites polled over time, with their health.
CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  url TEXT NOT NULL UNIQUE,
  title TEXT,
  etag TEXT,
  last_modified TEXT,
  last_fetch_at TEXT,
  last_ok_at TEXT,
  last_error_code TEXT,
  last_error_message TEXT,
  last_error_at TEXT,
  next_fetch_at TEXT,
  interval_seconds INTEGER NOT NULL DEFAULT 3600,
  failures INTEGER NOT NULL DEFAULT 0,
  item_count INTEGER NOT NULL DEFAULT 0,
  poll_state TEXT,  -- JSON: what the poller remembers between polls
  created_at TEXT NOT NULL
);

-- Secondary indexes cost most of an insert (measured: dropping host and link-status indexes took
-- ~40% off the CPU per article), so only lookups the port needs often are indexed.
-- One row per stored revision. `seq` is the FTS rowid; `id` the public, deterministic id.
-- The columns `title`, `text`, `quotes`, `names` are the external content of articles_fts.
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url_key TEXT,
  url TEXT,
  host TEXT,
  revision INTEGER NOT NULL,
  previous_id TEXT,
  latest INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  raw_hash TEXT,
  document_key TEXT,
  title TEXT,
  site_name TEXT,
  published_at TEXT,
  language TEXT,
  text TEXT NOT NULL,
  article TEXT NOT NULL,            -- the rest of the Article as JSON (text and title are above)
  quotes TEXT NOT NULL DEFAULT '',  -- quote texts and speakers, for the index
  names TEXT NOT NULL DEFAULT '',   -- entity names and aliases, for the index
  facets TEXT NOT NULL DEFAULT '',  -- filter tokens (source, language, has quotes), for the index
  quote_count INTEGER NOT NULL DEFAULT 0,
  sort_ts INTEGER NOT NULL,         -- published, else fetched: ms since the epoch
  fetched_at TEXT NOT NULL,
  source_kind TEXT NOT NULL,
  source_location TEXT NOT NULL,
  source_id TEXT,
  extract_status TEXT NOT NULL,
  extract_error TEXT,
  analyze_status TEXT NOT NULL,
  analyze_error TEXT,
  link_status TEXT NOT NULL,
  link_error TEXT,
  index_status TEXT NOT NULL,
  index_error TEXT,
  story_id TEXT,
  story_user INTEGER NOT NULL DEFAULT 0,
  copy_of TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX articles_url ON articles (url_key, revision) WHERE url_key IS NOT NULL;
CREATE INDEX articles_hash ON articles (content_hash) WHERE url_key IS NULL;
CREATE INDEX articles_raw ON articles (raw_hash) WHERE raw_hash IS NOT NULL;
CREATE INDEX articles_time ON articles (sort_ts, seq) WHERE latest = 1;
CREATE INDEX articles_story ON articles (story_id, sort_ts) WHERE story_id IS NOT NULL;
CREATE INDEX articles_copy ON articles (copy_of) WHERE copy_of IS NOT NULL;
CREATE INDEX articles_source ON articles (source_id) WHERE source_id IS NOT NULL;
CREATE INDEX articles_analyze ON articles (analyze_status, seq) WHERE analyze_status IN ('pending', 'failed');

-- The input as received, compressed (encoding: identity | deflate).
CREATE TABLE raw (
  seq INTEGER PRIMARY KEY REFERENCES articles (seq),
  content_type TEXT,
  encoding TEXT NOT NULL,
  size INTEGER NOT NULL,
  body BLOB NOT NULL
);

-- The Annotations JSON of a revision (encoding: identity | deflate), with the analyzer that made it.
CREATE TABLE annotations (
  seq INTEGER PRIMARY KEY REFERENCES articles (seq),
  analyzer TEXT,
  encoding TEXT NOT NULL,
  body BLOB NOT NULL
);

-- People, organisations and places across the corpus; counts cover latest revisions only.
CREATE TABLE entities (
  key TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  article_count INTEGER NOT NULL DEFAULT 0,
  quote_count INTEGER NOT NULL DEFAULT 0,
  last_seen_ts INTEGER
) WITHOUT ROWID;
CREATE INDEX entities_rank ON entities (article_count DESC, key);
CREATE INDEX entities_type_rank ON entities (type, article_count DESC, key);

-- Every normalised name and alias an entity was seen under; `surname` rows hold a person's last word.
CREATE TABLE entity_names (
  name TEXT NOT NULL,
  key TEXT NOT NULL,
  surname INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (name, key)
) WITHOUT ROWID;

-- An entity as it appears in one article: local id, names, titles and roles used there.
CREATE TABLE article_entities (
  seq INTEGER NOT NULL REFERENCES articles (seq),
  local_id TEXT NOT NULL,
  key TEXT NOT NULL,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  aliases TEXT NOT NULL,       -- JSON array
  descriptions TEXT NOT NULL,  -- JSON array
  mention_count INTEGER NOT NULL,
  PRIMARY KEY (seq, local_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_key ON article_entities (key, seq);

CREATE TABLE mentions (
  seq INTEGER NOT NULL REFERENCES articles (seq),
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  local_id TEXT NOT NULL,
  key TEXT NOT NULL,
  kind TEXT NOT NULL,
  PRIMARY KEY (seq, span_start, span_end, local_id)
) WITHOUT ROWID;
CREATE INDEX mentions_key ON mentions (key, seq);

CREATE TABLE quotes (
  qseq INTEGER PRIMARY KEY,
  seq INTEGER NOT NULL REFERENCES articles (seq),
  quote_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  speaker TEXT NOT NULL DEFAULT '',  -- the speaker's name, for the index
  speaker_key TEXT,
  anonymous INTEGER NOT NULL,
  description TEXT,
  confidence REAL NOT NULL,
  context TEXT,
  fingerprint TEXT NOT NULL,         -- normalised text hash: one quote carried by several articles
  sort_ts INTEGER NOT NULL,
  latest INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes (seq);
CREATE INDEX quotes_speaker ON quotes (speaker_key, sort_ts) WHERE speaker_key IS NOT NULL;

CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  first_ts INTEGER NOT NULL,
  last_ts INTEGER NOT NULL,
  article_count INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX stories_last ON stories (last_ts DESC, id);

CREATE TABLE story_assignments (
  article_id TEXT PRIMARY KEY,
  story_id TEXT NOT NULL,
  similarity REAL NOT NULL,
  kind TEXT NOT NULL,
  reason TEXT NOT NULL,  -- JSON: terms, entities, quotes
  at TEXT NOT NULL
);
CREATE INDEX story_assignments_story ON story_assignments (story_id);

CREATE TABLE copies (
  article_id TEXT PRIMARY KEY,
  origin_id TEXT NOT NULL,
  similarity REAL NOT NULL,
  wire TEXT
);
CREATE INDEX copies_origin ON copies (origin_id);

CREATE TABLE related (
  article_id TEXT NOT NULL,
  related_id TEXT NOT NULL,
  score REAL NOT NULL,
  PRIMARY KEY (article_id, related_id)
) WITHOUT ROWID;

-- Documents that could not become articles; one row per document (key), attempts counted.
CREATE TABLE failures (
  key TEXT PRIMARY KEY,
  source_kind TEXT NOT NULL,
  source_location TEXT NOT NULL,
  source_id TEXT,
  url TEXT,
  stage TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  first_at TEXT NOT NULL,
  last_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX failures_last ON failures (last_at DESC);

CREATE TABLE fetch_log (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL,
  source_id TEXT,
  at TEXT NOT NULL,
  status INTEGER,
  outcome TEXT NOT NULL,
  error_code TEXT,
  duration_ms INTEGER NOT NULL,
  bytes INTEGER
);
CREATE INDEX fetch_log_url ON fetch_log (url, id);
CREATE INDEX fetch_log_source ON fetch_log (source_id, id) WHERE source_id IS NOT NULL;

-- Full text over latest revisions. Porter stemming on unicode61 words, diacritics folded.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title, text, quotes, names, facets,
  content = 'articles', content_rowid = 'seq',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
-- `facets` holds filter tokens (source, language, has quotes) so that filters are intersected
-- inside the index instead of row by row (see docs/decisions/0061-search.md); it weighs nothing.
-- Column weights for BM25: a word in the headline or a name of the cast says more about what the
-- article is about than one word in a long body. A judgment, not tuned: there are no relevance
-- judgments for this corpus yet.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0, 2.0, 2.0, 0.0)');

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
  text, speaker,
  content = 'quotes', content_rowid = 'qseq',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
