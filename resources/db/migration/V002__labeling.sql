-- Schema version 2: labeling. Guidelines with examples, queues with durable assignments, and
-- the per-label facts a labeler adds (unsure, note, transcript). Portable SQL, as in V001.

-- Extra facts on a label. ADD COLUMN keeps every existing row (their defaults are "not given").
ALTER TABLE annotation ADD COLUMN unsure INTEGER NOT NULL DEFAULT 0;
ALTER TABLE annotation ADD COLUMN note TEXT;
ALTER TABLE annotation ADD COLUMN transcript TEXT;

-- The classes of a multi-label annotation (kind 'multi'); an empty set means "none apply".
CREATE TABLE annotation_label (
  annotation  INTEGER NOT NULL REFERENCES annotation (id),
  label_class INTEGER NOT NULL REFERENCES label_class (id),
  PRIMARY KEY (annotation, label_class)
);

-- Guidelines are versioned and immutable once written: a revision is a new version.
CREATE TABLE guideline (
  version  INTEGER PRIMARY KEY,
  markdown TEXT NOT NULL,
  created  TEXT NOT NULL,
  author   TEXT,
  change   TEXT
);

-- Examples of a version. version NULL: collected for the next version (from a disagreement, say).
CREATE TABLE guideline_example (
  id          INTEGER PRIMARY KEY,
  version     INTEGER REFERENCES guideline (version),
  item        INTEGER NOT NULL REFERENCES item (id),
  label_class INTEGER REFERENCES label_class (id),
  note        TEXT NOT NULL,
  added       TEXT NOT NULL,
  author      TEXT
);
CREATE INDEX guideline_example_version ON guideline_example (version, id);

CREATE TABLE queue (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  strategy    TEXT NOT NULL CHECK (strategy IN ('sequential', 'random', 'needs-labels', 'disagreements')),
  overlap     INTEGER NOT NULL CHECK (overlap >= 1),
  seed        INTEGER,
  scope       TEXT NOT NULL,
  annotators  TEXT,
  created     TEXT NOT NULL,
  created_by  TEXT
);

-- The items a queue covers, fixed when it is created, in serving order. need: how many more
-- different annotators the item wants from this queue.
CREATE TABLE queue_item (
  queue    INTEGER NOT NULL REFERENCES queue (id),
  position INTEGER NOT NULL,
  item     INTEGER NOT NULL REFERENCES item (id),
  need     INTEGER NOT NULL,
  PRIMARY KEY (queue, position)
);
CREATE UNIQUE INDEX queue_item_item ON queue_item (queue, item);

-- Who got which item, in the order they got it (seq), so a labeler resumes where they stopped
-- and goes back through what they did. One row per (queue, annotator, item): never served twice.
CREATE TABLE assignment (
  queue      INTEGER NOT NULL REFERENCES queue (id),
  annotator  INTEGER NOT NULL REFERENCES annotator (id),
  item       INTEGER NOT NULL REFERENCES item (id),
  position   INTEGER NOT NULL,
  seq        INTEGER NOT NULL,
  state      TEXT NOT NULL CHECK (state IN ('open', 'done', 'skipped')),
  served     TEXT NOT NULL,
  finished   TEXT,
  annotation INTEGER REFERENCES annotation (id),
  PRIMARY KEY (queue, annotator, item)
);
CREATE UNIQUE INDEX assignment_seq ON assignment (queue, annotator, seq);
CREATE INDEX assignment_item ON assignment (queue, item, state);
-- The items each annotator has open: looked up on every label, so it must not scan their history.
CREATE INDEX assignment_open ON assignment (queue, annotator, seq) WHERE state = 'open';
