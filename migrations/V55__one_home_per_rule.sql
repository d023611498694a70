-- One home per rule (issue #25): each rule the program, the report and Datasette read is
-- written once, here, as a view; everything else reads the view.
--
-- 1. The order-unknown rule. Two pieces of evidence of one organisation on one issue, with
--    different values, whose order cannot be known: their spans overlap and no narrative
--    order (seq, on identical spans) separates them. order_unknown_between holds each such
--    pair once from each side (`first` says whether this side's span begins first); the pairs
--    (stance_order_unknown), the sides (evidence_order_unknown) and one cell per piece of
--    evidence (order_unknown_cells) are read from it, with the same columns and rows as
--    before. Seen from each side in one join, the pairs are computed once, not once per side.
-- 2. The name forms the full-text index of organisations holds (the queue's trigger and a bulk
--    rebuild both read organisation_name_forms).

-- ---- 1. order unknown ---------------------------------------------------------------------
DROP VIEW evidence_order_unknown;
DROP VIEW stance_order_unknown;

CREATE VIEW order_unknown_between AS
SELECT org_id, organisation, issue_id,
       value, as_of, not_before, not_after, evidence, document_id, stance_id, signature_id,
       other_value, other_as_of, other_not_before, other_not_after, other_evidence,
       other_document_id, other_stance_id, other_signature_id, first
FROM (
    SELECT a.org_id, a.organisation, a.issue_id,
           a.value, a.as_of, a.not_before, a.not_after, a.evidence, a.document_id,
           a.stance_id, a.signature_id,
           b.value        AS other_value,
           b.as_of        AS other_as_of,
           b.not_before   AS other_not_before,
           b.not_after    AS other_not_after,
           b.evidence     AS other_evidence,
           b.document_id  AS other_document_id,
           b.stance_id    AS other_stance_id,
           b.signature_id AS other_signature_id,
           -- This side begins first (on the same first day, the lower row id is first).
           (a.not_before < b.not_before
            OR (a.not_before = b.not_before
                AND (COALESCE(a.stance_id, 0), COALESCE(a.signature_id, 0))
                    < (COALESCE(b.stance_id, 0), COALESCE(b.signature_id, 0)))) AS first,
           (b.not_before < a.not_before
            OR (b.not_before = a.not_before
                AND (COALESCE(b.stance_id, 0), COALESCE(b.signature_id, 0))
                    < (COALESCE(a.stance_id, 0), COALESCE(a.signature_id, 0)))) AS other_first
    FROM stance_evidence a
    JOIN stance_evidence b ON b.org_id = a.org_id AND b.issue_id = a.issue_id
    WHERE a.value <> b.value AND a.value <> 'none_found' AND b.value <> 'none_found'
      AND NOT (a.not_before = b.not_before AND a.not_after = b.not_after
               AND a.seq IS NOT NULL AND b.seq IS NOT NULL AND a.seq <> b.seq)
)
-- The one that begins first may still be going on when the other begins.
WHERE (first AND not_after >= other_not_before)
   OR (other_first AND other_not_after >= not_before);

-- The pairs, "first" being the one whose span begins first.
CREATE VIEW stance_order_unknown AS
SELECT org_id,
       organisation,
       issue_id,
       value              AS first_value,
       as_of              AS first_as_of,
       not_before         AS first_not_before,
       not_after          AS first_not_after,
       evidence           AS first_evidence,
       document_id        AS first_document_id,
       stance_id          AS first_stance_id,
       signature_id       AS first_signature_id,
       other_value        AS second_value,
       other_as_of        AS second_as_of,
       other_not_before   AS second_not_before,
       other_not_after    AS second_not_after,
       other_evidence     AS second_evidence,
       other_document_id  AS second_document_id,
       other_stance_id    AS second_stance_id,
       other_signature_id AS second_signature_id
FROM order_unknown_between
WHERE first;

-- The same pairs seen from each side: one row per piece of evidence whose order against
-- another (named here) cannot be known.
CREATE VIEW evidence_order_unknown AS
SELECT org_id, issue_id, stance_id, signature_id,
       other_value, other_as_of, other_document_id
FROM order_unknown_between;

-- One row per piece of evidence with any such other: the others as one cell
-- ("oppose (2022-01-08, doc); …"). `stance` and `camps` show it beside each row. A window
-- rather than GROUP BY, so that a query's filter on the organisation or the issue reaches
-- the evidence (SQLite pushes such a term into a window partitioned by it, never into an
-- aggregate), and readable by SQLite before 3.44 (no ORDER BY inside group_concat).
CREATE VIEW order_unknown_cells AS
SELECT org_id, issue_id, stance_id, signature_id, against
FROM (
    SELECT org_id, issue_id, stance_id, signature_id,
           group_concat(other_value || ' (' || other_as_of || ', ' || other_document_id || ')', '; ')
               OVER cell AS against,
           row_number() OVER cell AS n
    FROM order_unknown_between
    WINDOW cell AS (PARTITION BY org_id, issue_id, stance_id, signature_id
                    ORDER BY other_as_of, other_document_id, other_value
                    ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
)
WHERE n = 1;

-- ---- 2. name forms ------------------------------------------------------------------------
-- What organisations_fts indexes for each organisation: its name, then every names.name with
-- its folded search key, in the order the names were recorded.
CREATE VIEW organisation_name_forms AS
SELECT p.rowid AS organisations_rowid,
       p.id    AS org_id,
       p.name || coalesce((SELECT group_concat(f, '') FROM (
           SELECT ' · ' || c.name || coalesce(' · ' || c.search_key, '') AS f
           FROM names c WHERE c.org_id = p.id ORDER BY c.id)), '') AS forms
FROM organisations p;

DROP TRIGGER organisations_fts_queue_ai;
CREATE TRIGGER organisations_fts_queue_ai AFTER INSERT ON organisations_fts_queue BEGIN
    INSERT INTO organisations_fts (organisations_fts, rowid, name) SELECT 'delete', organisations_rowid, forms FROM organisations_fts_forms WHERE organisations_rowid = (SELECT rowid FROM organisations WHERE id = new.organisations_id);
    DELETE FROM organisations_fts_forms WHERE organisations_rowid = (SELECT rowid FROM organisations WHERE id = new.organisations_id);
    INSERT INTO organisations_fts_forms (organisations_rowid, forms)
        SELECT organisations_rowid, forms FROM organisation_name_forms WHERE org_id = new.organisations_id;
    INSERT INTO organisations_fts (rowid, name) SELECT organisations_rowid, forms FROM organisations_fts_forms WHERE organisations_rowid = (SELECT rowid FROM organisations WHERE id = new.organisations_id);
    DELETE FROM organisations_fts_queue WHERE rowid = new.rowid;
END;
