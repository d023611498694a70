-- The change log (V21) over the columns and tables that came after it: name forms' validity
-- dates (V41), successions (V41) and interpretations (V40); and quote_proofs, whose rebuild in V42 took V21's triggers
-- with the old table. Same triggers, same shape.

DROP TRIGGER IF EXISTS names_log_ai;
DROP TRIGGER IF EXISTS names_log_au;
DROP TRIGGER IF EXISTS names_log_ad;
CREATE TRIGGER names_log_ai AFTER INSERT ON names BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'names', new.id, 'insert', NULL,
        json_object('id', new.id, 'org_id', new.org_id, 'name', new.name, 'lang', new.lang, 'kind', new.kind, 'source_id', new.source_id, 'note', new.note, 'valid_from', new.valid_from, 'valid_until', new.valid_until)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER names_log_au AFTER UPDATE OF id, org_id, name, lang, kind, source_id, note, valid_from, valid_until ON names BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'names', new.id, 'update',
        json_object('id', old.id, 'org_id', old.org_id, 'name', old.name, 'lang', old.lang, 'kind', old.kind, 'source_id', old.source_id, 'note', old.note, 'valid_from', old.valid_from, 'valid_until', old.valid_until),
        json_object('id', new.id, 'org_id', new.org_id, 'name', new.name, 'lang', new.lang, 'kind', new.kind, 'source_id', new.source_id, 'note', new.note, 'valid_from', new.valid_from, 'valid_until', new.valid_until)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER names_log_ad AFTER DELETE ON names BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'names', old.id, 'delete',
        json_object('id', old.id, 'org_id', old.org_id, 'name', old.name, 'lang', old.lang, 'kind', old.kind, 'source_id', old.source_id, 'note', old.note, 'valid_from', old.valid_from, 'valid_until', old.valid_until), NULL
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
DROP TRIGGER IF EXISTS successions_log_ai;
DROP TRIGGER IF EXISTS successions_log_au;
DROP TRIGGER IF EXISTS successions_log_ad;
CREATE TRIGGER successions_log_ai AFTER INSERT ON successions BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'successions', new.id, 'insert', NULL,
        json_object('id', new.id, 'org_id', new.org_id, 'kind', new.kind, 'other_id', new.other_id, 'date', new.date, 'name_before', new.name_before, 'name_after', new.name_after, 'source_id', new.source_id, 'quote', new.quote, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER successions_log_au AFTER UPDATE OF id, org_id, kind, other_id, date, name_before, name_after, source_id, quote, note ON successions BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'successions', new.id, 'update',
        json_object('id', old.id, 'org_id', old.org_id, 'kind', old.kind, 'other_id', old.other_id, 'date', old.date, 'name_before', old.name_before, 'name_after', old.name_after, 'source_id', old.source_id, 'quote', old.quote, 'note', old.note),
        json_object('id', new.id, 'org_id', new.org_id, 'kind', new.kind, 'other_id', new.other_id, 'date', new.date, 'name_before', new.name_before, 'name_after', new.name_after, 'source_id', new.source_id, 'quote', new.quote, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER successions_log_ad AFTER DELETE ON successions BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'successions', old.id, 'delete',
        json_object('id', old.id, 'org_id', old.org_id, 'kind', old.kind, 'other_id', old.other_id, 'date', old.date, 'name_before', old.name_before, 'name_after', old.name_after, 'source_id', old.source_id, 'quote', old.quote, 'note', old.note), NULL
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
DROP TRIGGER IF EXISTS interpretations_log_ai;
DROP TRIGGER IF EXISTS interpretations_log_au;
DROP TRIGGER IF EXISTS interpretations_log_ad;
CREATE TRIGGER interpretations_log_ai AFTER INSERT ON interpretations BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'interpretations', new.id, 'insert', NULL,
        json_object('id', new.id, 'tbl', new.tbl, 'row_id', new.row_id, 'decision_id', new.decision_id, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER interpretations_log_au AFTER UPDATE OF id, tbl, row_id, decision_id, note ON interpretations BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'interpretations', new.id, 'update',
        json_object('id', old.id, 'tbl', old.tbl, 'row_id', old.row_id, 'decision_id', old.decision_id, 'note', old.note),
        json_object('id', new.id, 'tbl', new.tbl, 'row_id', new.row_id, 'decision_id', new.decision_id, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER interpretations_log_ad AFTER DELETE ON interpretations BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'interpretations', old.id, 'delete',
        json_object('id', old.id, 'tbl', old.tbl, 'row_id', old.row_id, 'decision_id', old.decision_id, 'note', old.note), NULL
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
DROP TRIGGER IF EXISTS quote_proofs_log_ai;
DROP TRIGGER IF EXISTS quote_proofs_log_au;
DROP TRIGGER IF EXISTS quote_proofs_log_ad;
CREATE TRIGGER quote_proofs_log_ai AFTER INSERT ON quote_proofs BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'quote_proofs', new.id, 'insert', NULL,
        json_object('id', new.id, 'tbl', new.tbl, 'row_id', new.row_id, 'text_id', new.text_id, 'start', new.start, 'end', new.end)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER quote_proofs_log_au AFTER UPDATE OF id, tbl, row_id, text_id, start, end ON quote_proofs BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'quote_proofs', new.id, 'update',
        json_object('id', old.id, 'tbl', old.tbl, 'row_id', old.row_id, 'text_id', old.text_id, 'start', old.start, 'end', old.end),
        json_object('id', new.id, 'tbl', new.tbl, 'row_id', new.row_id, 'text_id', new.text_id, 'start', new.start, 'end', new.end)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER quote_proofs_log_ad AFTER DELETE ON quote_proofs BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'quote_proofs', old.id, 'delete',
        json_object('id', old.id, 'tbl', old.tbl, 'row_id', old.row_id, 'text_id', old.text_id, 'start', old.start, 'end', old.end), NULL
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
