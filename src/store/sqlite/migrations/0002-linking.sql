-- 0002: what the linker needs beyond 0001. Never edit once released; add a new numbered file instead.

-- The log of user corrections of stories (moves, splits, merges), oldest first, so that a linker
-- rebuilt when a run starts can replay them and later automatic assignments respect them.
CREATE TABLE story_corrections (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  kind TEXT NOT NULL,         -- move | split | merge
  from_story TEXT,            -- the story the articles left (absent: they had none)
  to_story TEXT NOT NULL,     -- the story they joined
  article_ids TEXT NOT NULL   -- JSON array
);

-- Teasers of a page's related rail (Article.related, by index) matched to stored articles.
CREATE TABLE rail_links (
  article_id TEXT NOT NULL,
  teaser INTEGER NOT NULL,
  target_id TEXT NOT NULL,
  by TEXT NOT NULL,           -- url | title
  PRIMARY KEY (article_id, teaser)
) WITHOUT ROWID;
