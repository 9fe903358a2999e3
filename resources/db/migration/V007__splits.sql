-- Splits (issue 14): which split each item is in, and the one rule that made them. Re-running
-- `split` replaces both; a frozen rule places items imported later without moving old ones.
CREATE TABLE split_rule (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  -- Comma-separated, in order: the split names and their shares (same length).
  names      TEXT NOT NULL,
  ratios     TEXT NOT NULL,
  seed       INTEGER NOT NULL,
  -- 'label', 'attr:NAME' or both joined by a comma: the strata whose shares each split keeps.
  stratify   TEXT NOT NULL,
  -- 'attr:NAME' or NULL: every value of that attribute lies in exactly one split.
  group_by   TEXT,
  frozen     INTEGER NOT NULL DEFAULT 0,
  created    TEXT NOT NULL,
  created_by TEXT
);

CREATE TABLE item_split (
  item  INTEGER PRIMARY KEY REFERENCES item (id),
  split TEXT NOT NULL
);
CREATE INDEX item_split_split ON item_split (split, item);
