-- Active learning in the background (issue 13): a queue may ask the workbench to retrain a
-- model's recipe every N new labels of the queue and re-rank its unserved items by the new
-- model's uncertainty. One row per queue that asks; removing the row turns it off.
CREATE TABLE queue_retraining (
  queue          INTEGER PRIMARY KEY REFERENCES queue (id),
  -- The trained model whose net, parameters and seed every round reuses (rounds are MODEL-rN).
  model          TEXT NOT NULL,
  every_labels   INTEGER NOT NULL CHECK (every_labels >= 1),
  uncertainty    TEXT NOT NULL CHECK (uncertainty IN ('least-confidence', 'margin', 'entropy')),
  -- The queue's count of done labels when the last round started (or when this was set): the
  -- next round is due when the count is every_labels past it. A round claims itself by moving
  -- it (compare and set), so two sessions never start the same round.
  labels_at_last INTEGER NOT NULL,
  last_model     TEXT,
  last_finished  TEXT,
  last_error     TEXT,
  created        TEXT NOT NULL,
  created_by     TEXT
);
