-- Schema 11 (issue 16): the current gold of every item (the newest adjudicated annotation) is read
-- by every analysis and agreement view, and finding it scanned every annotation (3M rows on a 1M
-- project, about 0.5 s each time, twice per `analyze`) although few are adjudicated. A partial
-- index holds only those: empty where nothing is adjudicated, and the "newest per item" is a seek.
CREATE INDEX annotation_gold ON annotation (item, id) WHERE origin = 'adjudicated';
