-- Curating the record (issue #22): every table a user writes has an `add`, so a quote of a
-- bloc membership of a state (`add country-membership`) is proven at entry like every other
-- quote. quote_proofs gains the table in its CHECK list (rebuilt: SQLite cannot alter a
-- CHECK), and a proof goes with its country-membership row as with the others.
CREATE TABLE quote_proofs_v20 (
    id      INTEGER PRIMARY KEY,
    tbl     TEXT NOT NULL CHECK (tbl IN ('stances', 'memberships', 'signatures', 'names',
                'person_names', 'roles', 'statement_positions', 'country_memberships')),
    row_id  INTEGER NOT NULL,
    text_id INTEGER REFERENCES document_texts(id) ON DELETE CASCADE,
    start   INTEGER CHECK (start IS NULL OR start >= 0),
    end     INTEGER CHECK (end IS NULL OR end > start),
    UNIQUE (tbl, row_id),
    CHECK ((text_id IS NULL) = (start IS NULL) AND (start IS NULL) = (end IS NULL))
) STRICT;
INSERT INTO quote_proofs_v20 (id, tbl, row_id, text_id, start, end)
    SELECT id, tbl, row_id, text_id, start, end FROM quote_proofs;
DROP TABLE quote_proofs;
-- The triggers of V9 name quote_proofs in their bodies: the legacy rename leaves them as they
-- are (they find the rebuilt table by its name again) instead of refusing the missing table.
PRAGMA legacy_alter_table = ON;
ALTER TABLE quote_proofs_v20 RENAME TO quote_proofs;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX quote_proofs_text ON quote_proofs(text_id);

CREATE TRIGGER country_memberships_proof_delete AFTER DELETE ON country_memberships BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'country_memberships' AND row_id = old.id;
END;
CREATE TRIGGER country_memberships_proof_update AFTER UPDATE OF quote, source_id ON country_memberships BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'country_memberships' AND row_id = old.id;
END;
