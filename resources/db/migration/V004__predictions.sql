-- Schema 4: model predictions. A run is one model's answers on a set of items, imported from a
-- file or made in-process; it is never edited (a new run is a new name), so metrics of a run
-- can be reproduced.
CREATE TABLE prediction_run (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE,
  source       TEXT NOT NULL CHECK (source IN ('import', 'model')),
  file         TEXT,
  file_sha256  TEXT,
  model_sha256 TEXT,
  -- The classes of the probability vectors, in their order, as a JSON array of names (null: none).
  classes      TEXT,
  created      TEXT NOT NULL,
  notes        TEXT
);

-- One predicted class per item and run, its confidence, and the probabilities as little-endian
-- float32 in the run's class order (4 bytes a class: a 10-class run of 1M items is 40 MB).
CREATE TABLE prediction (
  run           INTEGER NOT NULL REFERENCES prediction_run (id),
  item          INTEGER NOT NULL REFERENCES item (id),
  label_class   INTEGER NOT NULL REFERENCES label_class (id),
  confidence    REAL,
  probabilities BLOB,
  PRIMARY KEY (run, item)
) WITHOUT ROWID;
