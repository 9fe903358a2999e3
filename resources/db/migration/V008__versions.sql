-- Schema 8: dataset versions (issue 14). A version is an immutable snapshot of the included items
-- as VersionEntry rows; it is superseded by a newer one, never changed: the triggers below refuse
-- every UPDATE and DELETE, whatever code (or SQL shell) tries.
CREATE TABLE dataset_version (
  id                 INTEGER PRIMARY KEY,
  name               TEXT NOT NULL UNIQUE,
  note               TEXT,
  -- The newest version when this one was made (null for the first).
  parent             INTEGER REFERENCES dataset_version (id),
  -- 'all', 'split:S' or 'tag:T': which items it holds.
  items_rule         TEXT NOT NULL,
  -- How the labels were decided (TruthSource): 'adjudicated' or 'annotator:NAME', and a tie-breaker.
  truth_rule         TEXT NOT NULL,
  created            TEXT NOT NULL,
  created_by         TEXT,
  item_count         INTEGER NOT NULL,
  -- VersionManifest's hash over (key, sha256, media, label, split, attributes) in key order.
  manifest_sha256    TEXT NOT NULL,
  -- SHA-256 over the sorted "key TAB label" lines of its labeled items (the model table's definition).
  labels_fingerprint TEXT NOT NULL
);

-- One row per included item: every field of dataset.VersionEntry. tags, attributes and
-- annotators are JSON text (an array, an object with sorted names, an array): one row per item
-- keeps a 100k-item create to one batched insert.
CREATE TABLE version_item (
  version           INTEGER NOT NULL REFERENCES dataset_version (id),
  key               TEXT NOT NULL,
  path              TEXT NOT NULL,
  sha256            TEXT NOT NULL,
  media             TEXT NOT NULL,
  width             INTEGER,
  height            INTEGER,
  label             TEXT,
  label_rule        TEXT,
  split             TEXT,
  tags              TEXT NOT NULL,
  attributes        TEXT NOT NULL,
  import_batch      INTEGER NOT NULL,
  annotators        TEXT NOT NULL,
  guideline_version INTEGER,
  model_run         TEXT,
  PRIMARY KEY (version, key)
) WITHOUT ROWID;

CREATE TRIGGER dataset_version_no_update BEFORE UPDATE ON dataset_version BEGIN SELECT RAISE(ABORT, 'a dataset version is immutable: create a new version instead'); END;
CREATE TRIGGER dataset_version_no_delete BEFORE DELETE ON dataset_version BEGIN SELECT RAISE(ABORT, 'a dataset version is immutable: create a new version instead'); END;
CREATE TRIGGER version_item_no_update BEFORE UPDATE ON version_item BEGIN SELECT RAISE(ABORT, 'a dataset version is immutable: create a new version instead'); END;
CREATE TRIGGER version_item_no_delete BEFORE DELETE ON version_item BEGIN SELECT RAISE(ABORT, 'a dataset version is immutable: create a new version instead'); END;

-- Every export written from a version (exporters call VersionService.recordExport): the lineage's
-- last hop. files_sha256 is the SHA-256 of the export's files.sha256 list.
CREATE TABLE version_export (
  id              INTEGER PRIMARY KEY,
  version         INTEGER NOT NULL REFERENCES dataset_version (id),
  format          TEXT NOT NULL,
  folder          TEXT NOT NULL,
  options         TEXT NOT NULL,
  manifest_sha256 TEXT NOT NULL,
  files_sha256    TEXT NOT NULL,
  created         TEXT NOT NULL,
  created_by      TEXT
);
CREATE INDEX version_export_version ON version_export (version, id);

-- The version a model was trained on (assist train --version V); null: today's labels.
ALTER TABLE model ADD COLUMN version INTEGER REFERENCES dataset_version (id);
