-- The report's page for each document lists the stances quoted from it: an index on the
-- document a stance cites, so each page reads its own rows instead of scanning every stance.
CREATE INDEX stances_document ON stances(document_id);
