-- Full-text search over quotes and document titles (FTS5, trigram: substring matching in any
-- script, case- and accent-insensitive). Kept in step with its sources by triggers, so edits
-- through stancedb, sqlite3 or Datasette all stay searchable.
CREATE VIRTUAL TABLE text_search USING fts5(
    source UNINDEXED,   -- 'stance', 'statement', 'title'
    ref UNINDEXED,      -- id of the row in its table
    text,
    tokenize = 'trigram remove_diacritics 1'
);

INSERT INTO text_search (source, ref, text) SELECT 'stance', id, quote FROM stances WHERE quote IS NOT NULL;
INSERT INTO text_search (source, ref, text) SELECT 'statement', id, quote FROM statement_positions;
INSERT INTO text_search (source, ref, text) SELECT 'title', id, title FROM document_titles;

CREATE TRIGGER stances_search_insert AFTER INSERT ON stances WHEN new.quote IS NOT NULL BEGIN
    INSERT INTO text_search (source, ref, text) VALUES ('stance', new.id, new.quote);
END;
CREATE TRIGGER stances_search_delete AFTER DELETE ON stances BEGIN
    DELETE FROM text_search WHERE source = 'stance' AND ref = old.id;
END;
CREATE TRIGGER stances_search_update AFTER UPDATE OF quote, id ON stances BEGIN
    DELETE FROM text_search WHERE source = 'stance' AND ref = old.id;
    INSERT INTO text_search (source, ref, text) SELECT 'stance', new.id, new.quote WHERE new.quote IS NOT NULL;
END;

CREATE TRIGGER positions_search_insert AFTER INSERT ON statement_positions BEGIN
    INSERT INTO text_search (source, ref, text) VALUES ('statement', new.id, new.quote);
END;
CREATE TRIGGER positions_search_delete AFTER DELETE ON statement_positions BEGIN
    DELETE FROM text_search WHERE source = 'statement' AND ref = old.id;
END;
CREATE TRIGGER positions_search_update AFTER UPDATE OF quote, id ON statement_positions BEGIN
    DELETE FROM text_search WHERE source = 'statement' AND ref = old.id;
    INSERT INTO text_search (source, ref, text) VALUES ('statement', new.id, new.quote);
END;

CREATE TRIGGER titles_search_insert AFTER INSERT ON document_titles BEGIN
    INSERT INTO text_search (source, ref, text) VALUES ('title', new.id, new.title);
END;
CREATE TRIGGER titles_search_delete AFTER DELETE ON document_titles BEGIN
    DELETE FROM text_search WHERE source = 'title' AND ref = old.id;
END;
CREATE TRIGGER titles_search_update AFTER UPDATE OF title, id ON document_titles BEGIN
    DELETE FROM text_search WHERE source = 'title' AND ref = old.id;
    INSERT INTO text_search (source, ref, text) VALUES ('title', new.id, new.title);
END;
