-- Sources inside the database (issue #16): the texts of documents, brought in by the user at
-- run time (never shipped with stancedb), the proof of every quote checked against them, and
-- a full-text index over them.

-- One text of a document: a language version or a copy (file = the name it was read from,
-- as in document_copies). Markdown and HTML are stored as the plain text they were turned
-- into; `format` says what the input was.
CREATE TABLE document_texts (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    lang        TEXT CHECK (lang IS NULL OR (length(lang) BETWEEN 2 AND 20 AND lang NOT GLOB '*[^a-zA-Z0-9-]*')),
    file        TEXT CHECK (file IS NULL OR (length(file) > 0 AND file NOT GLOB '*/*')),
    format      TEXT NOT NULL CHECK (format IN ('text', 'markdown', 'html')),
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    UNIQUE (document_id, file)
) STRICT;
CREATE INDEX document_texts_doc ON document_texts(document_id);

-- Where a verbatim text on record (a quote, a printed name) was found: the stored text and
-- the character offsets [start, end) of the match. text_id NULL records that the row was
-- entered --unverified, its source having no stored text. Rows are named by table and id.
CREATE TABLE quote_proofs (
    id      INTEGER PRIMARY KEY,
    tbl     TEXT NOT NULL CHECK (tbl IN ('stances', 'memberships', 'signatures', 'names',
                'person_names', 'roles', 'statement_positions')),
    row_id  INTEGER NOT NULL,
    text_id INTEGER REFERENCES document_texts(id) ON DELETE CASCADE,
    start   INTEGER CHECK (start IS NULL OR start >= 0),
    end     INTEGER CHECK (end IS NULL OR end > start),
    UNIQUE (tbl, row_id),
    CHECK ((text_id IS NULL) = (start IS NULL) AND (start IS NULL) = (end IS NULL))
) STRICT;
CREATE INDEX quote_proofs_text ON quote_proofs(text_id);

-- A proof goes with its row: deleted with it, and dropped when the proven words change.
CREATE TRIGGER stances_proof_delete AFTER DELETE ON stances BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'stances' AND row_id = old.id;
END;
CREATE TRIGGER stances_proof_update AFTER UPDATE OF quote, document_id ON stances BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'stances' AND row_id = old.id;
END;
CREATE TRIGGER memberships_proof_delete AFTER DELETE ON memberships BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'memberships' AND row_id = old.id;
END;
CREATE TRIGGER memberships_proof_update AFTER UPDATE OF quote, source_id ON memberships BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'memberships' AND row_id = old.id;
END;
CREATE TRIGGER signatures_proof_delete AFTER DELETE ON signatures BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'signatures' AND row_id = old.id;
END;
CREATE TRIGGER signatures_proof_update AFTER UPDATE OF name_as_printed, source_id ON signatures BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'signatures' AND row_id = old.id;
END;
CREATE TRIGGER names_proof_delete AFTER DELETE ON names BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'names' AND row_id = old.id;
END;
CREATE TRIGGER names_proof_update AFTER UPDATE OF name, source_id ON names BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'names' AND row_id = old.id;
END;
CREATE TRIGGER person_names_proof_delete AFTER DELETE ON person_names BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'person_names' AND row_id = old.id;
END;
CREATE TRIGGER person_names_proof_update AFTER UPDATE OF name, source_id ON person_names BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'person_names' AND row_id = old.id;
END;
CREATE TRIGGER roles_proof_delete AFTER DELETE ON roles BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'roles' AND row_id = old.id;
END;
CREATE TRIGGER roles_proof_update AFTER UPDATE OF role, source_id ON roles BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'roles' AND row_id = old.id;
END;
CREATE TRIGGER statement_positions_proof_delete AFTER DELETE ON statement_positions BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'statement_positions' AND row_id = old.id;
END;
CREATE TRIGGER statement_positions_proof_update AFTER UPDATE OF quote, document_id ON statement_positions BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'statement_positions' AND row_id = old.id;
END;

-- Full-text index over the stored texts (the <table>_fts convention; external content, so
-- the texts are not stored twice). Plain trigram, like the other indexes: substring matching
-- in any script, case-insensitive, readable by older sqlite3 and Datasette.
CREATE VIRTUAL TABLE document_texts_fts USING fts5(
    text, content = 'document_texts', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER document_texts_fts_insert AFTER INSERT ON document_texts BEGIN
    INSERT INTO document_texts_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER document_texts_fts_delete AFTER DELETE ON document_texts BEGIN
    INSERT INTO document_texts_fts (document_texts_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER document_texts_fts_update AFTER UPDATE OF text, id ON document_texts BEGIN
    INSERT INTO document_texts_fts (document_texts_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO document_texts_fts (rowid, text) VALUES (new.id, new.text);
END;
