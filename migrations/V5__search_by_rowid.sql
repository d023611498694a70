-- Search, rebuilt as two FTS5 trigram indexes whose rowid says what each entry is, so the
-- triggers that keep them in step find an entry by rowid instead of scanning the index, and
-- a name search does not wade through the trigrams of every quote:
--   text_search: rowid = id * 4 + source; 1 stance quote, 2 statement-position quote,
--                3 document title.
--   name_search: rowid = id * 2 + source; 0 organisation name, 1 person name — their folded
--                search_key, so "KPRF" finds "КПРФ".
-- Replaces V3's text_search. Plain trigram (case-insensitive; no remove_diacritics, which
-- needs SQLite 3.45): the database stays readable by older sqlite3 (3.34+) and Datasette.
DROP TRIGGER stances_search_insert;
DROP TRIGGER stances_search_delete;
DROP TRIGGER stances_search_update;
DROP TRIGGER positions_search_insert;
DROP TRIGGER positions_search_delete;
DROP TRIGGER positions_search_update;
DROP TRIGGER titles_search_insert;
DROP TRIGGER titles_search_delete;
DROP TRIGGER titles_search_update;
DROP TABLE text_search;

CREATE VIRTUAL TABLE text_search USING fts5(text, tokenize = 'trigram');
CREATE VIRTUAL TABLE name_search USING fts5(text, tokenize = 'trigram');

INSERT INTO text_search (rowid, text) SELECT id * 4 + 1, quote FROM stances WHERE quote IS NOT NULL;
INSERT INTO text_search (rowid, text) SELECT id * 4 + 2, quote FROM statement_positions;
INSERT INTO text_search (rowid, text) SELECT id * 4 + 3, title FROM document_titles;
INSERT INTO name_search (rowid, text) SELECT id * 2, search_key FROM names WHERE search_key IS NOT NULL;
INSERT INTO name_search (rowid, text) SELECT id * 2 + 1, search_key FROM person_names WHERE search_key IS NOT NULL;

CREATE TRIGGER stances_search_insert AFTER INSERT ON stances WHEN new.quote IS NOT NULL BEGIN
    INSERT INTO text_search (rowid, text) VALUES (new.id * 4 + 1, new.quote);
END;
CREATE TRIGGER stances_search_delete AFTER DELETE ON stances BEGIN
    DELETE FROM text_search WHERE rowid = old.id * 4 + 1;
END;
CREATE TRIGGER stances_search_update AFTER UPDATE OF quote, id ON stances BEGIN
    DELETE FROM text_search WHERE rowid = old.id * 4 + 1;
    INSERT INTO text_search (rowid, text) SELECT new.id * 4 + 1, new.quote WHERE new.quote IS NOT NULL;
END;
CREATE TRIGGER statement_positions_search_insert AFTER INSERT ON statement_positions WHEN new.quote IS NOT NULL BEGIN
    INSERT INTO text_search (rowid, text) VALUES (new.id * 4 + 2, new.quote);
END;
CREATE TRIGGER statement_positions_search_delete AFTER DELETE ON statement_positions BEGIN
    DELETE FROM text_search WHERE rowid = old.id * 4 + 2;
END;
CREATE TRIGGER statement_positions_search_update AFTER UPDATE OF quote, id ON statement_positions BEGIN
    DELETE FROM text_search WHERE rowid = old.id * 4 + 2;
    INSERT INTO text_search (rowid, text) SELECT new.id * 4 + 2, new.quote WHERE new.quote IS NOT NULL;
END;
CREATE TRIGGER document_titles_search_insert AFTER INSERT ON document_titles WHEN new.title IS NOT NULL BEGIN
    INSERT INTO text_search (rowid, text) VALUES (new.id * 4 + 3, new.title);
END;
CREATE TRIGGER document_titles_search_delete AFTER DELETE ON document_titles BEGIN
    DELETE FROM text_search WHERE rowid = old.id * 4 + 3;
END;
CREATE TRIGGER document_titles_search_update AFTER UPDATE OF title, id ON document_titles BEGIN
    DELETE FROM text_search WHERE rowid = old.id * 4 + 3;
    INSERT INTO text_search (rowid, text) SELECT new.id * 4 + 3, new.title WHERE new.title IS NOT NULL;
END;
CREATE TRIGGER names_search_insert AFTER INSERT ON names WHEN new.search_key IS NOT NULL BEGIN
    INSERT INTO name_search (rowid, text) VALUES (new.id * 2 + 0, new.search_key);
END;
CREATE TRIGGER names_search_delete AFTER DELETE ON names BEGIN
    DELETE FROM name_search WHERE rowid = old.id * 2 + 0;
END;
CREATE TRIGGER names_search_update AFTER UPDATE OF search_key, id ON names BEGIN
    DELETE FROM name_search WHERE rowid = old.id * 2 + 0;
    INSERT INTO name_search (rowid, text) SELECT new.id * 2 + 0, new.search_key WHERE new.search_key IS NOT NULL;
END;
CREATE TRIGGER person_names_search_insert AFTER INSERT ON person_names WHEN new.search_key IS NOT NULL BEGIN
    INSERT INTO name_search (rowid, text) VALUES (new.id * 2 + 1, new.search_key);
END;
CREATE TRIGGER person_names_search_delete AFTER DELETE ON person_names BEGIN
    DELETE FROM name_search WHERE rowid = old.id * 2 + 1;
END;
CREATE TRIGGER person_names_search_update AFTER UPDATE OF search_key, id ON person_names BEGIN
    DELETE FROM name_search WHERE rowid = old.id * 2 + 1;
    INSERT INTO name_search (rowid, text) SELECT new.id * 2 + 1, new.search_key WHERE new.search_key IS NOT NULL;
END;
