-- Schema 6: models inside the project. A model is trained here or loaded from a TorchScript file;
-- its files live in the folder beside the project file (PROJECT.models/NAME/), hashed here so a
-- changed file is noticed. Like a prediction run it is never edited: a new training is a new name.
CREATE TABLE model (
  id                 INTEGER PRIMARY KEY,
  name               TEXT NOT NULL UNIQUE,
  origin             TEXT NOT NULL CHECK (origin IN ('trained', 'torchscript')),
  media              TEXT NOT NULL CHECK (media IN ('image', 'audio')),
  architecture       TEXT NOT NULL,
  -- JSON: what the net takes (width, height, channels, mean, std; or sample rate and clip length).
  input              TEXT NOT NULL,
  -- JSON array of the project's class names, in the model's output order.
  classes            TEXT NOT NULL,
  -- The model's folder, relative to the project file's folder.
  folder             TEXT NOT NULL,
  -- JSON object: file name -> SHA-256; model_sha256 is the SHA-256 of that object's canonical text.
  files              TEXT NOT NULL,
  model_sha256       TEXT NOT NULL,
  -- JSON: the training (or loading) parameters: epochs, batch size, learning rate, augmentations...
  params             TEXT NOT NULL,
  seed               INTEGER,
  device             TEXT,
  engine             TEXT NOT NULL,
  -- SHA-256 over the (item, class) pairs it was trained on: which labels it saw.
  labels_fingerprint TEXT,
  -- JSON array, one object per epoch: loss, training accuracy, dev accuracy.
  history            TEXT,
  -- JSON: dev-set figures and how the dev set was chosen.
  metrics            TEXT,
  created            TEXT NOT NULL,
  created_by         TEXT
);

-- A queue may show a run's suggestions to its labelers (pre-labeling). An answer given while a
-- suggestion was shown records that run in annotation.prediction_run, accepted or not, so the
-- automation ladder can measure what suggestions did.
ALTER TABLE queue ADD COLUMN suggestions_run INTEGER REFERENCES prediction_run (id);
