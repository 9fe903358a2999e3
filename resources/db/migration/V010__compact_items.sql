-- Schema 10 (issue 16): a smaller project file, the same facts. A 1M-item project spent most of
-- its bytes on hex text and on indexes that held nothing useful.
--
-- Per-item SHA-256 columns hold the hash's 32 bytes instead of 64 hex characters (the table and
-- its index each shrink by 32 bytes a row); the repositories convert to and from hex, so nothing
-- above the store sees the change. unhex() is in SQLite since 3.41 (the bundled driver is 3.47).
-- A column's type cannot be changed in place, and item cannot be rebuilt inside the migration's
-- transaction while other tables' foreign keys point at it, so each column is added, filled,
-- and swapped for the old one.
DROP INDEX item_sha256;
ALTER TABLE item ADD COLUMN sha256_bytes BLOB;
UPDATE item SET sha256_bytes = unhex(sha256);
ALTER TABLE item DROP COLUMN sha256;
ALTER TABLE item RENAME COLUMN sha256_bytes TO sha256;
-- Looked up on every imported file (duplicates) and by the split leakage check. The index holds
-- 8 of the 32 bytes (a third of the entry): the lookups name both, those 8 to seek and the whole
-- hash to confirm on the row (two items share them about once in 2^32 pairs). Any 8 bytes of a
-- SHA-256 are as spread as any other; the last 8 also tell apart the zero-padded counters that
-- the benchmarks' synthetic projects store as hashes.
CREATE INDEX item_sha256_tail ON item (substr(sha256, 25, 8));

-- Images have no duration: an index on it held a NULL entry for every image. The Items table's
-- sort by duration reads the items without one by key, then these.
DROP INDEX item_duration;
CREATE INDEX item_duration ON item (duration_ms, key) WHERE duration_ms IS NOT NULL;

-- A version holds one row per item, so its hash shrinks too. The triggers that keep versions
-- immutable step aside for this one rewrite, which changes how the hash is stored, not what it is.
DROP TRIGGER version_item_no_update;
DROP TRIGGER version_item_no_delete;
ALTER TABLE version_item ADD COLUMN sha256_bytes BLOB;
UPDATE version_item SET sha256_bytes = unhex(sha256);
ALTER TABLE version_item DROP COLUMN sha256;
ALTER TABLE version_item RENAME COLUMN sha256_bytes TO sha256;
CREATE TRIGGER version_item_no_update BEFORE UPDATE ON version_item BEGIN SELECT RAISE(ABORT, 'a dataset version is immutable: create a new version instead'); END;
CREATE TRIGGER version_item_no_delete BEFORE DELETE ON version_item BEGIN SELECT RAISE(ABORT, 'a dataset version is immutable: create a new version instead'); END;

-- Attributes are always read by (item, name) or through the (name, value, item) index: keyed by
-- their primary key (WITHOUT ROWID) the table is that key's index, instead of a rowid table plus
-- a second copy of (item, name) in an automatic index. Nothing points at its rows.
CREATE TABLE item_attr_by_key (
  item  INTEGER NOT NULL REFERENCES item (id),
  name  TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (item, name)
) WITHOUT ROWID;
INSERT INTO item_attr_by_key (item, name, value) SELECT item, name, value FROM item_attr;
DROP TABLE item_attr;
ALTER TABLE item_attr_by_key RENAME TO item_attr;
CREATE INDEX item_attr_name_value ON item_attr (name, value, item);
