-- Schema 3: tags. A tag names a set of items (a slice): added by hand (manual), computed by a
-- rule over attributes, labels and predictions (rule, with its expression), or one per value of
-- an attribute (metadata). Agreement and HLP are broken down by tag; error analysis ranks them.
CREATE TABLE tag (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL UNIQUE,
  kind    TEXT NOT NULL CHECK (kind IN ('manual', 'rule', 'metadata')),
  rule    TEXT,
  created TEXT NOT NULL
);

-- Which items carry which tag. origin says how the row came (the tag's kind at the time), author
-- who added it by hand. Keyed by tag first: "the items of a tag" is the read every table needs.
CREATE TABLE item_tag (
  tag    INTEGER NOT NULL REFERENCES tag (id),
  item   INTEGER NOT NULL REFERENCES item (id),
  origin TEXT NOT NULL CHECK (origin IN ('manual', 'rule', 'metadata')),
  added  TEXT NOT NULL,
  author TEXT,
  PRIMARY KEY (tag, item)
) WITHOUT ROWID;
CREATE INDEX item_tag_item ON item_tag (item, tag);
