-- Lineage quotes are proven like every other (issue #26): quote_proofs gains `successions` in
-- its CHECK list (rebuilt as in V20: SQLite cannot alter a CHECK), and a proof goes with its
-- succession row.
CREATE TABLE quote_proofs_v42 (
    id      INTEGER PRIMARY KEY,
    tbl     TEXT NOT NULL CHECK (tbl IN ('stances', 'memberships', 'signatures', 'names',
                'person_names', 'roles', 'statement_positions', 'country_memberships',
                'successions')),
    row_id  INTEGER NOT NULL,
    text_id INTEGER REFERENCES document_texts(id) ON DELETE CASCADE,
    start   INTEGER CHECK (start IS NULL OR start >= 0),
    end     INTEGER CHECK (end IS NULL OR end > start),
    UNIQUE (tbl, row_id),
    CHECK ((text_id IS NULL) = (start IS NULL) AND (start IS NULL) = (end IS NULL))
) STRICT;
INSERT INTO quote_proofs_v42 (id, tbl, row_id, text_id, start, end)
    SELECT id, tbl, row_id, text_id, start, end FROM quote_proofs;
DROP TABLE quote_proofs;
-- The triggers name quote_proofs in their bodies: the legacy rename leaves them as they are.
PRAGMA legacy_alter_table = ON;
ALTER TABLE quote_proofs_v42 RENAME TO quote_proofs;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX quote_proofs_text ON quote_proofs(text_id);

CREATE TRIGGER successions_proof_delete AFTER DELETE ON successions BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'successions' AND row_id = old.id;
END;
CREATE TRIGGER successions_proof_update AFTER UPDATE OF quote, source_id ON successions BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'successions' AND row_id = old.id;
END;
