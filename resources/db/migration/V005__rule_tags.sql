-- Schema 5: rule and metadata tags are re-evaluated when data changes. A rule that reads
-- predictions keeps the run it was defined with (so a refresh reads the same run, not whichever
-- is newest then); author is who defined a rule or metadata tag, credited on the rows it computes.
ALTER TABLE tag ADD COLUMN run INTEGER REFERENCES prediction_run (id);
ALTER TABLE tag ADD COLUMN author TEXT;
