-- Rows that rest on an interpretation (issue #26): each points at the decision that reads its
-- source so — an id of seed/DECISIONS.md (D1, D2, …), stable once given — with the
-- alternative reading. One place for the link: no row carries it in its own text.
CREATE TABLE interpretations (
    id          INTEGER PRIMARY KEY,
    tbl         TEXT NOT NULL CHECK (tbl IN ('organisations', 'people', 'documents', 'issues',
                    'document_titles', 'document_copies', 'names', 'person_names',
                    'document_people', 'roles', 'memberships', 'country_memberships',
                    'successions', 'signatures', 'statement_positions', 'stances')),
    row_id      TEXT NOT NULL CHECK (length(row_id) BETWEEN 1 AND 80 AND instr(row_id, char(0)) = 0),
    decision_id TEXT NOT NULL CHECK (length(decision_id) BETWEEN 2 AND 10 AND decision_id GLOB 'D[0-9]*'
                    AND substr(decision_id, 2) NOT GLOB '*[^0-9]*'),
    note        TEXT CHECK (note IS NULL OR length(note) > 0),
    UNIQUE (tbl, row_id, decision_id)
) STRICT;
CREATE INDEX interpretations_decision ON interpretations(decision_id);
