-- Indexes from the benchmarks at scale (benches/compare.sh, issue #6: 100k organisations,
-- 1M signatures, 200k stances). Index changes only; no table or data is touched.

-- Camps, stance_evidence and current_stances filtered by issue: without this the signature
-- half of stance_evidence scanned all signatures (no index led from an issue to the statements
-- taking a side on it). `camps` on an issue at 1M signatures: 3.6 s -> under 1 s.
CREATE INDEX IF NOT EXISTS positions_issue ON statement_positions(issue_id, document_id);

-- signatures_doc repeated the index SQLite already keeps for
-- UNIQUE (document_id, printed_group, position): same columns, same order, so every query
-- keeps its plan, and each signature written maintains one index fewer (import of 1M
-- signatures about 8% faster, the database about 40 MB smaller).
DROP INDEX IF EXISTS signatures_doc;
