-- Current positions, materialised: what the current_stances view computes (each
-- organisation's latest evidence per issue), kept in a table so camps, matrix and compare
-- read it instead of ranking every piece of evidence each time.
--
-- current_stances stays the definition and is always right. current_positions is stancedb's
-- cache of it: triggers on every table that feeds a position mark the organisation stale
-- (whoever writes: stancedb, sqlite3, Datasette), and stancedb recomputes the stale ones
-- before it reads. A read-only database with stale positions is read through the view.

-- The view again, now also naming the winning evidence rows.
DROP VIEW current_stances;
CREATE VIEW current_stances AS
SELECT org_id, organisation, kind, country, issue_id, issue, as_of, value, evidence, basis,
       quote, document_id, document, document_date, cited_in, speaker, note,
       stance_id, signature_id
FROM (
    SELECT e.*,
           ROW_NUMBER() OVER (
               PARTITION BY e.org_id, e.issue_id
               ORDER BY (e.value <> 'none_found') DESC, e.sort_key DESC,
                        (e.evidence = 'own') DESC, (e.basis = 'words') DESC,
                        e.stance_id DESC, e.signature_id DESC
           ) AS rn
    FROM stance_evidence e
)
WHERE rn = 1;

CREATE TABLE current_positions (
    org_id       TEXT NOT NULL,
    issue_id     TEXT NOT NULL,
    value        TEXT NOT NULL,
    as_of        TEXT NOT NULL,
    evidence     TEXT NOT NULL,
    basis        TEXT NOT NULL,
    stance_id    INTEGER,
    signature_id INTEGER,
    PRIMARY KEY (org_id, issue_id)
) WITHOUT ROWID;
CREATE INDEX current_positions_issue ON current_positions(issue_id, value);

-- Organisations whose current positions must be recomputed before they are read.
CREATE TABLE positions_stale (org_id TEXT PRIMARY KEY) WITHOUT ROWID;

-- The cache with the same columns as current_stances.
CREATE VIEW current_positions_full AS
SELECT c.org_id,
       o.name                              AS organisation,
       o.kind,
       o.country,
       c.issue_id,
       i.title                             AS issue,
       c.as_of,
       c.value,
       c.evidence,
       c.basis,
       COALESCE(s.quote, sp.quote)         AS quote,
       d.id                                AS document_id,
       d.title                             AS document,
       d.date                              AS document_date,
       d.cited_in_id                       AS cited_in,
       p.name                              AS speaker,
       CASE WHEN c.stance_id IS NOT NULL THEN s.note
            ELSE COALESCE(sp.note, 'signed as “' || g.name_as_printed || '”') END AS note,
       c.stance_id,
       c.signature_id
FROM current_positions c
JOIN organisations o ON o.id = c.org_id
JOIN issues i ON i.id = c.issue_id
LEFT JOIN stances s ON s.id = c.stance_id
LEFT JOIN signatures g ON g.id = c.signature_id
LEFT JOIN statement_positions sp ON sp.document_id = g.document_id AND sp.issue_id = c.issue_id
JOIN documents d ON d.id = COALESCE(s.document_id, g.document_id)
LEFT JOIN people p ON p.id = s.speaker_id;

-- The triggers never conflict (they insert only what is missing), so the outer statement's
-- ON CONFLICT clause, which would override an OR IGNORE here, has nothing to act on.
CREATE TRIGGER stances_stale_insert AFTER INSERT ON stances BEGIN
    INSERT INTO positions_stale SELECT new.org_id
        WHERE NOT EXISTS (SELECT 1 FROM positions_stale WHERE org_id = new.org_id);
END;
CREATE TRIGGER stances_stale_update AFTER UPDATE ON stances BEGIN
    INSERT INTO positions_stale
        SELECT v FROM (SELECT old.org_id AS v UNION SELECT new.org_id) AS changed
        WHERE NOT EXISTS (SELECT 1 FROM positions_stale p WHERE p.org_id = changed.v);
END;
CREATE TRIGGER stances_stale_delete AFTER DELETE ON stances BEGIN
    INSERT INTO positions_stale SELECT old.org_id
        WHERE NOT EXISTS (SELECT 1 FROM positions_stale WHERE org_id = old.org_id);
END;

CREATE TRIGGER signatures_stale_insert AFTER INSERT ON signatures BEGIN
    INSERT INTO positions_stale SELECT new.org_id
        WHERE NOT EXISTS (SELECT 1 FROM positions_stale WHERE org_id = new.org_id);
END;
CREATE TRIGGER signatures_stale_update AFTER UPDATE ON signatures BEGIN
    INSERT INTO positions_stale
        SELECT v FROM (SELECT old.org_id AS v UNION SELECT new.org_id) AS changed
        WHERE NOT EXISTS (SELECT 1 FROM positions_stale p WHERE p.org_id = changed.v);
END;
CREATE TRIGGER signatures_stale_delete AFTER DELETE ON signatures BEGIN
    INSERT INTO positions_stale SELECT old.org_id
        WHERE NOT EXISTS (SELECT 1 FROM positions_stale WHERE org_id = old.org_id);
END;

CREATE TRIGGER statement_positions_stale_insert AFTER INSERT ON statement_positions BEGIN
    INSERT INTO positions_stale
        SELECT DISTINCT org_id FROM signatures
        WHERE document_id = new.document_id AND NOT EXISTS (SELECT 1 FROM positions_stale p WHERE p.org_id = signatures.org_id);
END;
CREATE TRIGGER statement_positions_stale_update AFTER UPDATE ON statement_positions BEGIN
    INSERT INTO positions_stale
        SELECT DISTINCT org_id FROM signatures
        WHERE document_id IN (old.document_id, new.document_id)
          AND NOT EXISTS (SELECT 1 FROM positions_stale p WHERE p.org_id = signatures.org_id);
END;
CREATE TRIGGER statement_positions_stale_delete AFTER DELETE ON statement_positions BEGIN
    INSERT INTO positions_stale
        SELECT DISTINCT org_id FROM signatures
        WHERE document_id = old.document_id AND NOT EXISTS (SELECT 1 FROM positions_stale p WHERE p.org_id = signatures.org_id);
END;

-- A statement's date is the date of the side its signatories take by signature.
CREATE TRIGGER documents_stale_date AFTER UPDATE OF date ON documents BEGIN
    INSERT INTO positions_stale
        SELECT DISTINCT org_id FROM signatures
        WHERE document_id = new.id AND NOT EXISTS (SELECT 1 FROM positions_stale p WHERE p.org_id = signatures.org_id);
END;

-- Built on first use.
INSERT INTO positions_stale SELECT id FROM organisations;
