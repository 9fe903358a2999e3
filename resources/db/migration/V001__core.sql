-- Schema version 1: the foundation. Keep the SQL portable (a later issue may host a
-- project on PostgreSQL): no SQLite-only types beyond INTEGER/TEXT/REAL.

CREATE TABLE project_meta (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Provenance of every import: where from, when, what came of it, which app did it.
CREATE TABLE import_batch (
  id              INTEGER PRIMARY KEY,
  source          TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('images', 'audio', 'manifest')),
  started         TEXT NOT NULL,
  finished        TEXT NOT NULL,
  added           INTEGER NOT NULL,
  already_present INTEGER NOT NULL,
  duplicates      INTEGER NOT NULL,
  skipped         INTEGER NOT NULL,
  copied          INTEGER NOT NULL,
  options         TEXT NOT NULL,
  app_version     TEXT NOT NULL
);

CREATE TABLE item (
  id              INTEGER PRIMARY KEY,
  key             TEXT NOT NULL UNIQUE,
  media           TEXT NOT NULL CHECK (media IN ('image', 'audio')),
  format          TEXT NOT NULL,
  path            TEXT NOT NULL,
  sha256          TEXT NOT NULL,
  bytes           INTEGER NOT NULL,
  width           INTEGER,
  height          INTEGER,
  duration_ms     INTEGER,
  sample_rate     INTEGER,
  channels        INTEGER,
  bits_per_sample INTEGER,
  import_batch    INTEGER NOT NULL REFERENCES import_batch (id)
);
CREATE INDEX item_sha256 ON item (sha256);
-- Sortable columns of the Items table get an index so a sorted first page stays instant.
CREATE INDEX item_media_key ON item (media, key);
CREATE INDEX item_bytes ON item (bytes, key);
CREATE INDEX item_duration ON item (duration_ms, key);

-- Metadata columns (speaker, device, source...) that later become slices.
CREATE TABLE item_attr (
  item  INTEGER NOT NULL REFERENCES item (id),
  name  TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (item, name)
);
CREATE INDEX item_attr_name_value ON item_attr (name, value, item);

CREATE TABLE label_class (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL UNIQUE,
  hotkey  TEXT,
  color   TEXT,
  ord     INTEGER NOT NULL,
  retired INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE annotator (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL DEFAULT 'labeler' CHECK (role IN ('labeler', 'reviewer', 'lead', 'import', 'model'))
);

-- Append-only: the current label of (item, annotator) is its newest row; undo is a new row.
CREATE TABLE annotation (
  id                INTEGER PRIMARY KEY,
  item              INTEGER NOT NULL REFERENCES item (id),
  annotator         INTEGER NOT NULL REFERENCES annotator (id),
  kind              TEXT NOT NULL CHECK (kind IN ('class', 'multi', 'box', 'segment', 'transcript', 'skip', 'clear')),
  label_class       INTEGER REFERENCES label_class (id),
  value             TEXT,
  guideline_version INTEGER,
  origin            TEXT NOT NULL CHECK (origin IN ('human', 'import', 'accepted-suggestion', 'auto', 'adjudicated')),
  prediction_run    INTEGER,
  started           TEXT,
  submitted         TEXT NOT NULL,
  duration_ms       INTEGER,
  supersedes        INTEGER REFERENCES annotation (id)
);
CREATE INDEX annotation_item_annotator ON annotation (item, annotator, id);
CREATE INDEX annotation_class ON annotation (label_class);
