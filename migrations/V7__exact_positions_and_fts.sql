-- Stored positions exact after every committed transaction, and full-text search by the
-- sqlite-utils/Datasette convention (issues #9 part 7, #13 part 1).
--
-- 1. current_positions is no longer a cache marked stale and refreshed later: triggers on every
--    table that feeds a position recompute, in the same statement, the (organisation, issue)
--    pairs the row touches (through positions_queue, below) — from the current_stances view,
--    which stays the one definition of the current stance (change the view, and the triggers
--    follow). Whoever writes (stancedb,
--    sqlite3, a Datasette plugin) leaves the table equal to the view at every commit. A bulk
--    import sets the INSERT triggers of the large tables aside inside its transaction and
--    recomputes the organisations it touched before it commits (src/store/load/stale.rs).
--    Not covered: rows written with foreign keys off that name an organisation, issue or
--    document that does not exist yet (the view cannot show them either until that row comes;
--    stancedb always writes with foreign keys on).
-- 2. Full-text search: one FTS5 table per browsed table, named <table>_fts with
--    content="<table>", kept by triggers, so Datasette's ?_search= works on it. organisations_fts
--    and documents_fts index every name form / every title of the row (with its folded form, so
--    "kprf" finds КПРФ), kept in a side table so the index entry can be deleted exactly.
--    Trigram tokenizer: substring matching in any script, case-insensitive (SQLite 3.34+).

-- ---- 1. positions maintained by triggers ------------------------------------------------------
DROP TRIGGER stances_stale_insert;
DROP TRIGGER stances_stale_update;
DROP TRIGGER stances_stale_delete;
DROP TRIGGER signatures_stale_insert;
DROP TRIGGER signatures_stale_update;
DROP TRIGGER signatures_stale_delete;
DROP TRIGGER statement_positions_stale_insert;
DROP TRIGGER statement_positions_stale_update;
DROP TRIGGER statement_positions_stale_delete;
DROP TRIGGER documents_stale_date;
DROP TABLE positions_stale;

-- Every recomputation goes through positions_queue: a trigger writes the (organisation,
-- issue) pairs a row touches into it, and the queue's own trigger recomputes each pair with
-- the pair's values as constants (so SQLite reads only that pair's evidence through the view's
-- indexes) and takes it off the queue again. The queue is empty between statements.
CREATE TABLE positions_queue (
    org_id   TEXT NOT NULL,
    issue_id TEXT NOT NULL
);
-- The pair's row is deleted first (the pair may have no evidence left), then the view's row
-- inserted. INSERT OR REPLACE: a pair queued twice in one statement recomputes to the same row.
CREATE TRIGGER positions_queue_ai AFTER INSERT ON positions_queue BEGIN
    DELETE FROM current_positions WHERE org_id = new.org_id AND issue_id = new.issue_id;
    INSERT OR REPLACE INTO current_positions (org_id, issue_id, value, as_of, evidence, basis, stance_id, signature_id)
        SELECT org_id, issue_id, value, as_of, evidence, basis, stance_id, signature_id
        FROM current_stances WHERE org_id = new.org_id AND issue_id = new.issue_id;
    DELETE FROM positions_queue WHERE rowid = new.rowid;
END;

CREATE TRIGGER stances_positions_ai AFTER INSERT ON stances BEGIN
    INSERT INTO positions_queue (org_id, issue_id) VALUES (new.org_id, new.issue_id);
END;
CREATE TRIGGER stances_positions_ad AFTER DELETE ON stances BEGIN
    INSERT INTO positions_queue (org_id, issue_id) VALUES (old.org_id, old.issue_id);
END;
CREATE TRIGGER stances_positions_au AFTER UPDATE ON stances BEGIN
    INSERT INTO positions_queue (org_id, issue_id) VALUES (old.org_id, old.issue_id);
    INSERT INTO positions_queue (org_id, issue_id) VALUES (new.org_id, new.issue_id);
END;

-- A signature is evidence on every issue its statement takes a side on.
CREATE TRIGGER signatures_positions_ai AFTER INSERT ON signatures BEGIN
    INSERT INTO positions_queue (org_id, issue_id) SELECT new.org_id, issue_id FROM statement_positions WHERE document_id = new.document_id;
END;
CREATE TRIGGER signatures_positions_ad AFTER DELETE ON signatures BEGIN
    INSERT INTO positions_queue (org_id, issue_id) SELECT old.org_id, issue_id FROM statement_positions WHERE document_id = old.document_id;
END;
CREATE TRIGGER signatures_positions_au AFTER UPDATE ON signatures BEGIN
    INSERT INTO positions_queue (org_id, issue_id) SELECT old.org_id, issue_id FROM statement_positions WHERE document_id = old.document_id;
    INSERT INTO positions_queue (org_id, issue_id) SELECT new.org_id, issue_id FROM statement_positions WHERE document_id = new.document_id;
END;

-- A statement's side is evidence for every signatory.
CREATE TRIGGER statement_positions_positions_ai AFTER INSERT ON statement_positions BEGIN
    INSERT INTO positions_queue (org_id, issue_id) SELECT org_id, new.issue_id FROM signatures WHERE document_id = new.document_id;
END;
CREATE TRIGGER statement_positions_positions_ad AFTER DELETE ON statement_positions BEGIN
    INSERT INTO positions_queue (org_id, issue_id) SELECT org_id, old.issue_id FROM signatures WHERE document_id = old.document_id;
END;
CREATE TRIGGER statement_positions_positions_au AFTER UPDATE ON statement_positions BEGIN
    INSERT INTO positions_queue (org_id, issue_id) SELECT org_id, old.issue_id FROM signatures WHERE document_id = old.document_id;
    INSERT INTO positions_queue (org_id, issue_id) SELECT org_id, new.issue_id FROM signatures WHERE document_id = new.document_id;
END;

-- A statement's date dates its signatures; a document's id ties evidence to it. Every issue of
-- every organisation concerned is recomputed (a handful of issues).
CREATE TRIGGER documents_positions_au AFTER UPDATE OF id, date ON documents
WHEN old.id IS NOT new.id OR old.date IS NOT new.date BEGIN
    INSERT INTO positions_queue (org_id, issue_id) SELECT o.org_id, i.id FROM (SELECT org_id FROM signatures WHERE document_id IN (old.id, new.id) UNION SELECT org_id FROM stances WHERE old.id IS NOT new.id AND document_id IN (old.id, new.id)) o, issues i;
END;
CREATE TRIGGER documents_positions_ad AFTER DELETE ON documents BEGIN
    INSERT INTO positions_queue (org_id, issue_id) SELECT o.org_id, i.id FROM (SELECT org_id FROM signatures WHERE document_id = old.id UNION SELECT org_id FROM stances WHERE document_id = old.id) o, issues i;
END;
CREATE TRIGGER organisations_positions_au AFTER UPDATE OF id ON organisations WHEN old.id IS NOT new.id BEGIN
    INSERT INTO positions_queue (org_id, issue_id) SELECT o.id, i.id FROM (SELECT old.id AS id UNION SELECT new.id) o, issues i;
END;
CREATE TRIGGER organisations_positions_ad AFTER DELETE ON organisations BEGIN
    DELETE FROM current_positions WHERE org_id = old.id;
END;
CREATE TRIGGER issues_positions_au AFTER UPDATE OF id ON issues WHEN old.id IS NOT new.id BEGIN
    INSERT INTO positions_queue (org_id, issue_id) SELECT o.org_id, x.id FROM (SELECT org_id FROM current_positions WHERE issue_id = old.id
        UNION SELECT org_id FROM stances WHERE issue_id = new.id
        UNION SELECT g.org_id FROM statement_positions sp JOIN signatures g ON g.document_id = sp.document_id
              WHERE sp.issue_id = new.id) o, (SELECT old.id AS id UNION SELECT new.id) x;
END;
CREATE TRIGGER issues_positions_ad AFTER DELETE ON issues BEGIN
    DELETE FROM current_positions WHERE issue_id = old.id;
END;

-- Whatever V6 left stale, recomputed once.
DELETE FROM current_positions;
INSERT INTO current_positions (org_id, issue_id, value, as_of, evidence, basis, stance_id, signature_id)
    SELECT org_id, issue_id, value, as_of, evidence, basis, stance_id, signature_id FROM current_stances;

-- ---- 2. full-text search: <table>_fts with content="<table>" ----------------------------------
DROP TRIGGER stances_search_insert;
DROP TRIGGER stances_search_delete;
DROP TRIGGER stances_search_update;
DROP TRIGGER statement_positions_search_insert;
DROP TRIGGER statement_positions_search_delete;
DROP TRIGGER statement_positions_search_update;
DROP TRIGGER document_titles_search_insert;
DROP TRIGGER document_titles_search_delete;
DROP TRIGGER document_titles_search_update;
DROP TRIGGER names_search_insert;
DROP TRIGGER names_search_delete;
DROP TRIGGER names_search_update;
DROP TRIGGER person_names_search_insert;
DROP TRIGGER person_names_search_delete;
DROP TRIGGER person_names_search_update;
DROP TABLE text_search;
DROP TABLE name_search;

CREATE VIRTUAL TABLE names_fts USING fts5(name, search_key, content="names", tokenize='trigram');
INSERT INTO names_fts (names_fts) VALUES ('rebuild');
CREATE TRIGGER names_fts_ai AFTER INSERT ON names BEGIN
    INSERT INTO names_fts (rowid, name, search_key) VALUES (new.rowid, new.name, new.search_key);
END;
CREATE TRIGGER names_fts_ad AFTER DELETE ON names BEGIN
    INSERT INTO names_fts (names_fts, rowid, name, search_key) VALUES ('delete', old.rowid, old.name, old.search_key);
END;
CREATE TRIGGER names_fts_au AFTER UPDATE ON names BEGIN
    INSERT INTO names_fts (names_fts, rowid, name, search_key) VALUES ('delete', old.rowid, old.name, old.search_key);
    INSERT INTO names_fts (rowid, name, search_key) VALUES (new.rowid, new.name, new.search_key);
END;

CREATE VIRTUAL TABLE person_names_fts USING fts5(name, search_key, content="person_names", tokenize='trigram');
INSERT INTO person_names_fts (person_names_fts) VALUES ('rebuild');
CREATE TRIGGER person_names_fts_ai AFTER INSERT ON person_names BEGIN
    INSERT INTO person_names_fts (rowid, name, search_key) VALUES (new.rowid, new.name, new.search_key);
END;
CREATE TRIGGER person_names_fts_ad AFTER DELETE ON person_names BEGIN
    INSERT INTO person_names_fts (person_names_fts, rowid, name, search_key) VALUES ('delete', old.rowid, old.name, old.search_key);
END;
CREATE TRIGGER person_names_fts_au AFTER UPDATE ON person_names BEGIN
    INSERT INTO person_names_fts (person_names_fts, rowid, name, search_key) VALUES ('delete', old.rowid, old.name, old.search_key);
    INSERT INTO person_names_fts (rowid, name, search_key) VALUES (new.rowid, new.name, new.search_key);
END;

CREATE VIRTUAL TABLE stances_fts USING fts5(quote, content="stances", tokenize='trigram');
INSERT INTO stances_fts (stances_fts) VALUES ('rebuild');
CREATE TRIGGER stances_fts_ai AFTER INSERT ON stances BEGIN
    INSERT INTO stances_fts (rowid, quote) VALUES (new.rowid, new.quote);
END;
CREATE TRIGGER stances_fts_ad AFTER DELETE ON stances BEGIN
    INSERT INTO stances_fts (stances_fts, rowid, quote) VALUES ('delete', old.rowid, old.quote);
END;
CREATE TRIGGER stances_fts_au AFTER UPDATE ON stances BEGIN
    INSERT INTO stances_fts (stances_fts, rowid, quote) VALUES ('delete', old.rowid, old.quote);
    INSERT INTO stances_fts (rowid, quote) VALUES (new.rowid, new.quote);
END;

CREATE VIRTUAL TABLE statement_positions_fts USING fts5(quote, content="statement_positions", tokenize='trigram');
INSERT INTO statement_positions_fts (statement_positions_fts) VALUES ('rebuild');
CREATE TRIGGER statement_positions_fts_ai AFTER INSERT ON statement_positions BEGIN
    INSERT INTO statement_positions_fts (rowid, quote) VALUES (new.rowid, new.quote);
END;
CREATE TRIGGER statement_positions_fts_ad AFTER DELETE ON statement_positions BEGIN
    INSERT INTO statement_positions_fts (statement_positions_fts, rowid, quote) VALUES ('delete', old.rowid, old.quote);
END;
CREATE TRIGGER statement_positions_fts_au AFTER UPDATE ON statement_positions BEGIN
    INSERT INTO statement_positions_fts (statement_positions_fts, rowid, quote) VALUES ('delete', old.rowid, old.quote);
    INSERT INTO statement_positions_fts (rowid, quote) VALUES (new.rowid, new.quote);
END;

CREATE VIRTUAL TABLE document_titles_fts USING fts5(title, content="document_titles", tokenize='trigram');
INSERT INTO document_titles_fts (document_titles_fts) VALUES ('rebuild');
CREATE TRIGGER document_titles_fts_ai AFTER INSERT ON document_titles BEGIN
    INSERT INTO document_titles_fts (rowid, title) VALUES (new.rowid, new.title);
END;
CREATE TRIGGER document_titles_fts_ad AFTER DELETE ON document_titles BEGIN
    INSERT INTO document_titles_fts (document_titles_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
END;
CREATE TRIGGER document_titles_fts_au AFTER UPDATE ON document_titles BEGIN
    INSERT INTO document_titles_fts (document_titles_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
    INSERT INTO document_titles_fts (rowid, title) VALUES (new.rowid, new.title);
END;

-- organisations: one entry per row, its name and every names.name (and its folded form).
-- organisations_fts_forms holds exactly what is indexed, so an entry can be deleted exactly; a row whose
-- forms change is put on organisations_fts_queue, whose trigger indexes it again (empty between statements).
CREATE TABLE organisations_fts_forms (
    organisations_rowid INTEGER PRIMARY KEY,
    forms TEXT NOT NULL
) STRICT;
CREATE TABLE organisations_fts_queue (organisations_id TEXT NOT NULL);
CREATE VIRTUAL TABLE organisations_fts USING fts5(name, content="organisations", tokenize='trigram');
CREATE TRIGGER organisations_fts_queue_ai AFTER INSERT ON organisations_fts_queue BEGIN
    INSERT INTO organisations_fts (organisations_fts, rowid, name) SELECT 'delete', organisations_rowid, forms FROM organisations_fts_forms WHERE organisations_rowid = (SELECT rowid FROM organisations WHERE id = new.organisations_id);
    DELETE FROM organisations_fts_forms WHERE organisations_rowid = (SELECT rowid FROM organisations WHERE id = new.organisations_id);
    INSERT INTO organisations_fts_forms (organisations_rowid, forms)
        SELECT p.rowid, p.name || coalesce((SELECT group_concat(f, '') FROM (SELECT ' · ' || c.name || coalesce(' · ' || c.search_key, '') AS f FROM names c WHERE c.org_id = p.id ORDER BY c.id)), '')
        FROM organisations p WHERE p.id = new.organisations_id;
    INSERT INTO organisations_fts (rowid, name) SELECT organisations_rowid, forms FROM organisations_fts_forms WHERE organisations_rowid = (SELECT rowid FROM organisations WHERE id = new.organisations_id);
    DELETE FROM organisations_fts_queue WHERE rowid = new.rowid;
END;
CREATE TRIGGER organisations_fts_ai AFTER INSERT ON organisations BEGIN
    INSERT INTO organisations_fts_queue (organisations_id) VALUES (new.id);
END;
CREATE TRIGGER organisations_fts_ad AFTER DELETE ON organisations BEGIN
    INSERT INTO organisations_fts (organisations_fts, rowid, name) SELECT 'delete', organisations_rowid, forms FROM organisations_fts_forms WHERE organisations_rowid = old.rowid;
    DELETE FROM organisations_fts_forms WHERE organisations_rowid = old.rowid;
END;
CREATE TRIGGER organisations_fts_au AFTER UPDATE OF id, name ON organisations BEGIN
    INSERT INTO organisations_fts (organisations_fts, rowid, name) SELECT 'delete', organisations_rowid, forms FROM organisations_fts_forms WHERE organisations_rowid = old.rowid;
    DELETE FROM organisations_fts_forms WHERE organisations_rowid = old.rowid;
    INSERT INTO organisations_fts_queue (organisations_id) VALUES (new.id);
END;
CREATE TRIGGER names_organisations_fts_ai AFTER INSERT ON names BEGIN
    INSERT INTO organisations_fts_queue (organisations_id) VALUES (new.org_id);
END;
CREATE TRIGGER names_organisations_fts_ad AFTER DELETE ON names BEGIN
    INSERT INTO organisations_fts_queue (organisations_id) VALUES (old.org_id);
END;
CREATE TRIGGER names_organisations_fts_au AFTER UPDATE OF org_id, name, search_key, id ON names BEGIN
    INSERT INTO organisations_fts_queue (organisations_id) VALUES (old.org_id);
    INSERT INTO organisations_fts_queue (organisations_id) SELECT new.org_id WHERE new.org_id IS NOT old.org_id;
END;
INSERT INTO organisations_fts_forms (organisations_rowid, forms)
    SELECT p.rowid, p.name || coalesce((SELECT group_concat(f, '') FROM (SELECT ' · ' || c.name || coalesce(' · ' || c.search_key, '') AS f FROM names c WHERE c.org_id = p.id ORDER BY c.id)), '')
        FROM organisations p;
INSERT INTO organisations_fts (rowid, name) SELECT organisations_rowid, forms FROM organisations_fts_forms;

-- documents: one entry per row, its title and every document_titles.title.
-- documents_fts_forms holds exactly what is indexed, so an entry can be deleted exactly; a row whose
-- forms change is put on documents_fts_queue, whose trigger indexes it again (empty between statements).
CREATE TABLE documents_fts_forms (
    documents_rowid INTEGER PRIMARY KEY,
    forms TEXT NOT NULL
) STRICT;
CREATE TABLE documents_fts_queue (documents_id TEXT NOT NULL);
CREATE VIRTUAL TABLE documents_fts USING fts5(title, content="documents", tokenize='trigram');
CREATE TRIGGER documents_fts_queue_ai AFTER INSERT ON documents_fts_queue BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title) SELECT 'delete', documents_rowid, forms FROM documents_fts_forms WHERE documents_rowid = (SELECT rowid FROM documents WHERE id = new.documents_id);
    DELETE FROM documents_fts_forms WHERE documents_rowid = (SELECT rowid FROM documents WHERE id = new.documents_id);
    INSERT INTO documents_fts_forms (documents_rowid, forms)
        SELECT p.rowid, p.title || coalesce((SELECT group_concat(f, '') FROM (SELECT ' · ' || c.title AS f FROM document_titles c WHERE c.document_id = p.id ORDER BY c.id)), '')
        FROM documents p WHERE p.id = new.documents_id;
    INSERT INTO documents_fts (rowid, title) SELECT documents_rowid, forms FROM documents_fts_forms WHERE documents_rowid = (SELECT rowid FROM documents WHERE id = new.documents_id);
    DELETE FROM documents_fts_queue WHERE rowid = new.rowid;
END;
CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts_queue (documents_id) VALUES (new.id);
END;
CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title) SELECT 'delete', documents_rowid, forms FROM documents_fts_forms WHERE documents_rowid = old.rowid;
    DELETE FROM documents_fts_forms WHERE documents_rowid = old.rowid;
END;
CREATE TRIGGER documents_fts_au AFTER UPDATE OF id, title ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title) SELECT 'delete', documents_rowid, forms FROM documents_fts_forms WHERE documents_rowid = old.rowid;
    DELETE FROM documents_fts_forms WHERE documents_rowid = old.rowid;
    INSERT INTO documents_fts_queue (documents_id) VALUES (new.id);
END;
CREATE TRIGGER document_titles_documents_fts_ai AFTER INSERT ON document_titles BEGIN
    INSERT INTO documents_fts_queue (documents_id) VALUES (new.document_id);
END;
CREATE TRIGGER document_titles_documents_fts_ad AFTER DELETE ON document_titles BEGIN
    INSERT INTO documents_fts_queue (documents_id) VALUES (old.document_id);
END;
CREATE TRIGGER document_titles_documents_fts_au AFTER UPDATE OF document_id, title, id ON document_titles BEGIN
    INSERT INTO documents_fts_queue (documents_id) VALUES (old.document_id);
    INSERT INTO documents_fts_queue (documents_id) SELECT new.document_id WHERE new.document_id IS NOT old.document_id;
END;
INSERT INTO documents_fts_forms (documents_rowid, forms)
    SELECT p.rowid, p.title || coalesce((SELECT group_concat(f, '') FROM (SELECT ' · ' || c.title AS f FROM document_titles c WHERE c.document_id = p.id ORDER BY c.id)), '')
        FROM documents p;
INSERT INTO documents_fts (rowid, title) SELECT documents_rowid, forms FROM documents_fts_forms;

