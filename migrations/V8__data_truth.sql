-- Data truth (issue #11): uncertain dates as ranges, the order of same-date stances, who a
-- document's people are (author, signer, subject), what kind of role a printed role is, and
-- which states belong to which bloc.

-- An undated or partially dated document: the range its internal evidence supports, with
-- the reason in date_note. Full ISO dates only.
ALTER TABLE documents ADD COLUMN not_before TEXT
    CHECK (not_before IS NULL OR (not_before GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(not_before) IS not_before));
ALTER TABLE documents ADD COLUMN not_after TEXT
    CHECK (not_after IS NULL OR ((not_after GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(not_after) IS not_after)
           AND (not_before IS NULL OR not_before <= not_after)));

-- The order of an organisation's stances on one issue that share a date (or a date range):
-- 1, 2, … in the order the source narrates them. NULL: the source gives no order.
ALTER TABLE stances ADD COLUMN seq INTEGER CHECK (seq IS NULL OR seq > 0);

-- What a printed role means: an office in the organisation, a seat in a parliament won for
-- it ("deputy from the Communist Party"), or an office of state.
ALTER TABLE roles ADD COLUMN kind TEXT
    CHECK (kind IS NULL OR kind IN ('office', 'member_of_parliament', 'state_office'));

-- The people of a document, apart from one another: its authors (every author a source
-- prints), the person who signs it for its author body, and the person it reports on.
CREATE TABLE document_people (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    person_id   TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('author', 'signer', 'subject')),
    source_id   TEXT NOT NULL REFERENCES documents(id),
    note        TEXT CHECK (note IS NULL OR length(note) > 0),
    UNIQUE (document_id, person_id, role)
) STRICT;
CREATE INDEX document_people_person ON document_people(person_id);

-- States in blocs, as printed ("Kazakhstan is part of …", "the CSTO, led by Russia").
CREATE TABLE country_memberships (
    id        INTEGER PRIMARY KEY,
    country   TEXT NOT NULL CHECK (country GLOB '[A-Z][A-Z]'),
    bloc_id   TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    role      TEXT NOT NULL CHECK (role IN ('member', 'leading_member')),
    source_id TEXT NOT NULL REFERENCES documents(id),
    quote     TEXT CHECK (quote IS NULL OR length(trim(quote)) > 0),
    note      TEXT CHECK (note IS NULL OR length(note) > 0),
    UNIQUE (country, bloc_id, role)
) STRICT;
CREATE INDEX country_memberships_bloc ON country_memberships(bloc_id);

-- Every piece of evidence, now with the span of days it may fall on (not_before, not_after:
-- a document's recorded range when the evidence carries the document's own date, else the
-- whole month or year of a partial date) and its narrative order (seq).
DROP VIEW current_stances;
DROP VIEW stance_evidence;
CREATE VIEW stance_evidence AS
SELECT s.org_id,
       o.name                       AS organisation,
       o.kind,
       o.country,
       s.issue_id,
       i.title                      AS issue,
       s.as_of,
       s.value,
       s.evidence,
       'words'                      AS basis,
       s.quote,
       s.document_id,
       d.title                      AS document,
       d.date                       AS document_date,
       d.cited_in_id                AS cited_in,
       s.speaker_id,
       p.name                       AS speaker,
       s.note,
       s.id                         AS stance_id,
       NULL                         AS signature_id,
       CASE length(s.as_of) WHEN 4 THEN s.as_of || '-99-99'
                            WHEN 7 THEN s.as_of || '-99'
                            ELSE s.as_of END AS sort_key,
       COALESCE(CASE WHEN s.as_of IS d.date THEN d.not_before END,
                CASE length(s.as_of) WHEN 4 THEN s.as_of || '-01-01'
                                     WHEN 7 THEN s.as_of || '-01'
                                     ELSE s.as_of END) AS not_before,
       COALESCE(CASE WHEN s.as_of IS d.date THEN d.not_after END,
                CASE length(s.as_of) WHEN 4 THEN s.as_of || '-12-31'
                                     WHEN 7 THEN date(s.as_of || '-01', '+1 month', '-1 day')
                                     ELSE s.as_of END) AS not_after,
       s.seq
FROM stances s
JOIN organisations o ON o.id = s.org_id
JOIN issues i ON i.id = s.issue_id
JOIN documents d ON d.id = s.document_id
LEFT JOIN people p ON p.id = s.speaker_id
UNION ALL
SELECT g.org_id,
       o.name,
       o.kind,
       o.country,
       sp.issue_id,
       i.title,
       COALESCE(g.signed_on, d.date, ''),
       sp.value,
       'own',
       'signature',
       sp.quote,
       sp.document_id,
       d.title,
       d.date,
       d.cited_in_id,
       NULL,
       NULL,
       COALESCE(sp.note, 'signed as “' || g.name_as_printed || '”'),
       NULL,
       g.id,
       CASE length(COALESCE(g.signed_on, d.date, ''))
            WHEN 4 THEN COALESCE(g.signed_on, d.date) || '-99-99'
            WHEN 7 THEN COALESCE(g.signed_on, d.date) || '-99'
            ELSE COALESCE(g.signed_on, d.date, '') END,
       COALESCE(CASE WHEN g.signed_on IS NULL THEN d.not_before END,
                CASE length(COALESCE(g.signed_on, d.date, ''))
                     WHEN 0 THEN '0000-01-01'
                     WHEN 4 THEN COALESCE(g.signed_on, d.date) || '-01-01'
                     WHEN 7 THEN COALESCE(g.signed_on, d.date) || '-01'
                     ELSE COALESCE(g.signed_on, d.date) END),
       COALESCE(CASE WHEN g.signed_on IS NULL THEN d.not_after END,
                CASE length(COALESCE(g.signed_on, d.date, ''))
                     WHEN 0 THEN '9999-12-31'
                     WHEN 4 THEN COALESCE(g.signed_on, d.date) || '-12-31'
                     WHEN 7 THEN date(COALESCE(g.signed_on, d.date) || '-01', '+1 month', '-1 day')
                     ELSE COALESCE(g.signed_on, d.date) END),
       NULL
FROM statement_positions sp
JOIN signatures g ON g.document_id = sp.document_id
JOIN organisations o ON o.id = g.org_id
JOIN issues i ON i.id = sp.issue_id
JOIN documents d ON d.id = sp.document_id;

-- Where each organisation stands now. The latest evidence is the one that began last (its
-- not_before, so a partial date never wins merely because it sorts late), then the later in
-- the source's narrative (seq), then the one that may end later. Its value is the current
-- value; the row shown for it is, among the evidence of that value that may be as late
-- (its span reaches the latest's start), an own word before an attribution and words before
-- a signature. Whether the order is known at all is the view stance_order_unknown.
CREATE VIEW current_stances AS
SELECT org_id, organisation, kind, country, issue_id, issue, as_of, value, evidence, basis,
       quote, document_id, document, document_date, cited_in, speaker, note,
       stance_id, signature_id
FROM (
    SELECT l.*,
           ROW_NUMBER() OVER (
               PARTITION BY l.org_id, l.issue_id
               ORDER BY (l.value IS l.latest_value AND l.not_after >= l.latest_start) DESC,
                        (l.evidence = 'own') DESC, (l.basis = 'words') DESC,
                        l.not_before DESC, l.seq DESC, l.not_after DESC,
                        l.stance_id DESC, l.signature_id DESC
           ) AS rn
    FROM (
        SELECT e.*,
               FIRST_VALUE(e.value) OVER latest      AS latest_value,
               FIRST_VALUE(e.not_before) OVER latest AS latest_start
        FROM stance_evidence e
        WINDOW latest AS (
            PARTITION BY e.org_id, e.issue_id
            ORDER BY (e.value <> 'none_found') DESC, e.not_before DESC, e.seq DESC,
                     e.not_after DESC, (e.evidence = 'own') DESC, (e.basis = 'words') DESC,
                     e.stance_id DESC, e.signature_id DESC
        )
    ) l
)
WHERE rn = 1;

-- Two pieces of evidence of one organisation on one issue, with different values, whose
-- order cannot be known: their spans overlap and no narrative order (seq, on identical
-- spans) separates them. "first" is the one whose span begins first.
CREATE VIEW stance_order_unknown AS
SELECT a.org_id,
       a.organisation,
       a.issue_id,
       a.value        AS first_value,
       a.as_of        AS first_as_of,
       a.not_before   AS first_not_before,
       a.not_after    AS first_not_after,
       a.evidence     AS first_evidence,
       a.document_id  AS first_document_id,
       a.stance_id    AS first_stance_id,
       a.signature_id AS first_signature_id,
       b.value        AS second_value,
       b.as_of        AS second_as_of,
       b.not_before   AS second_not_before,
       b.not_after    AS second_not_after,
       b.evidence     AS second_evidence,
       b.document_id  AS second_document_id,
       b.stance_id    AS second_stance_id,
       b.signature_id AS second_signature_id
FROM stance_evidence a
JOIN stance_evidence b
  ON b.org_id = a.org_id AND b.issue_id = a.issue_id
 AND (a.not_before < b.not_before
      OR (a.not_before = b.not_before
          AND (COALESCE(a.stance_id, 0), COALESCE(a.signature_id, 0))
              < (COALESCE(b.stance_id, 0), COALESCE(b.signature_id, 0))))
WHERE a.value <> b.value AND a.value <> 'none_found' AND b.value <> 'none_found'
  AND a.not_after >= b.not_before
  AND NOT (a.not_before = b.not_before AND a.not_after = b.not_after
           AND a.seq IS NOT NULL AND b.seq IS NOT NULL AND a.seq <> b.seq);

-- A document's range (and its date, which a stance dated by it shares) decides the span of
-- the evidence it dates: the current positions of the organisations it speaks for are
-- recomputed from current_stances at once (rare edits; no dependence on how the positions
-- cache is otherwise kept fresh).
CREATE TRIGGER documents_positions_span AFTER UPDATE OF not_before, not_after, date ON documents BEGIN
    DELETE FROM current_positions WHERE org_id IN (
        SELECT org_id FROM stances WHERE document_id = new.id
        UNION SELECT org_id FROM signatures WHERE document_id = new.id);
    INSERT INTO current_positions (org_id, issue_id, value, as_of, evidence, basis, stance_id, signature_id)
        SELECT org_id, issue_id, value, as_of, evidence, basis, stance_id, signature_id
        FROM current_stances WHERE org_id IN (
            SELECT org_id FROM stances WHERE document_id = new.id
            UNION SELECT org_id FROM signatures WHERE document_id = new.id);
END;

-- The current positions are recomputed under the new rule, all at once.
DELETE FROM current_positions;
INSERT INTO current_positions (org_id, issue_id, value, as_of, evidence, basis, stance_id, signature_id)
    SELECT org_id, issue_id, value, as_of, evidence, basis, stance_id, signature_id FROM current_stances;

-- The same pairs seen from each side: one row per piece of evidence whose order against
-- another (named here) cannot be known. `stance`, `camps` and `check` read it.
CREATE VIEW evidence_order_unknown AS
SELECT org_id, issue_id, first_stance_id AS stance_id, first_signature_id AS signature_id,
       second_value AS other_value, second_as_of AS other_as_of, second_document_id AS other_document_id
FROM stance_order_unknown
UNION ALL
SELECT org_id, issue_id, second_stance_id, second_signature_id,
       first_value, first_as_of, first_document_id
FROM stance_order_unknown;
