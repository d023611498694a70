-- Views that answer the main questions without the user knowing the joins
-- (for sqlite3, Datasette, or any SQLite client).

-- Who signed what: one row per signature, in printed order within each statement.
CREATE VIEW signatories AS
SELECT g.document_id                                   AS statement_id,
       d.title                                         AS statement,
       d.date                                          AS statement_date,
       g.printed_group,
       g.position,
       g.name_as_printed,
       g.org_id,
       o.name                                          AS organisation,
       o.kind,
       o.country,
       g.signed_on,
       g.source_id,
       g.note,
       MIN(g.id) OVER (PARTITION BY g.document_id, g.printed_group) AS group_order,
       g.id                                            AS signature_id
FROM signatures g
JOIN documents d ON d.id = g.document_id
JOIN organisations o ON o.id = g.org_id;

-- Sort key for partial dates: a date known only to the month or year sorts after the full
-- dates inside it ('2022-01' after '2022-01-31'), i.e. as possibly the latest.
-- Every piece of evidence of a stance: an organisation's own words or words attributed to it
-- (basis 'words'), and the side of each statement it signed (basis 'signature').
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
                            ELSE s.as_of END AS sort_key
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
            ELSE COALESCE(g.signed_on, d.date, '') END
FROM statement_positions sp
JOIN signatures g ON g.document_id = sp.document_id
JOIN organisations o ON o.id = g.org_id
JOIN issues i ON i.id = sp.issue_id
JOIN documents d ON d.id = sp.document_id;

-- Where each organisation stands now on each issue: its latest evidence (an own word beats an
-- attribution of the same date; words beat a signature; 'none_found' never hides a position).
CREATE VIEW current_stances AS
SELECT org_id, organisation, kind, country, issue_id, issue, as_of, value, evidence, basis,
       quote, document_id, document, document_date, cited_in, speaker, note
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

-- Memberships with both sides named.
CREATE VIEW members AS
SELECT m.alliance_id,
       a.name        AS alliance,
       m.org_id,
       o.name        AS organisation,
       o.kind,
       o.country,
       m.role,
       m.start,
       m.end,
       m.source_id,
       m.quote,
       m.note
FROM memberships m
JOIN organisations a ON a.id = m.alliance_id
JOIN organisations o ON o.id = m.org_id;
