-- The change log (issue #22): every write to a table of the record, by anyone (stancedb,
-- sqlite3, a Datasette plugin), appends an entry to `changes` in the same transaction, from
-- the triggers below: when, by which command, the table and row id, and the row before and
-- after as JSON (json_object of every column but the derived search_key). The command is read
-- from change_context, the one row stancedb writes at the start of each of its write
-- transactions and deletes before committing (so no other writer ever sees it); without it the
-- command is 'unknown'. `txn` groups one stancedb write (NULL for a write made elsewhere: each
-- such entry is a change of its own). `stancedb log` lists the entries; `stancedb undo` reverts
-- them and records which write it reverted in change_undone.
--
-- A table added to the record later gets its three triggers in the migration that creates it
-- (tests/change_log.rs holds every table of tables::TABLES to it).
CREATE TABLE changes (
    id      INTEGER PRIMARY KEY,
    txn     INTEGER,
    at      TEXT NOT NULL,
    command TEXT NOT NULL,
    tbl     TEXT NOT NULL,
    row_id  ANY,
    op      TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    before  TEXT,
    after   TEXT
) STRICT;
CREATE INDEX changes_txn ON changes(txn);
CREATE INDEX changes_row ON changes(tbl, row_id);

CREATE TABLE change_context (
    txn     INTEGER NOT NULL,
    command TEXT NOT NULL
) STRICT;

-- A stancedb write reverted by `undo` (itself the logged write undone_by).
CREATE TABLE change_undone (
    txn       INTEGER PRIMARY KEY,
    undone_by INTEGER NOT NULL
) STRICT;

-- organisations
CREATE TRIGGER organisations_log_ai AFTER INSERT ON organisations BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'organisations', new.id, 'insert', NULL,
        json_object('id', new.id, 'name', new.name, 'kind', new.kind, 'country', new.country, 'founded', new.founded, 'dissolved', new.dissolved, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER organisations_log_au AFTER UPDATE OF id, name, kind, country, founded, dissolved, note ON organisations BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'organisations', new.id, 'update',
        json_object('id', old.id, 'name', old.name, 'kind', old.kind, 'country', old.country, 'founded', old.founded, 'dissolved', old.dissolved, 'note', old.note),
        json_object('id', new.id, 'name', new.name, 'kind', new.kind, 'country', new.country, 'founded', new.founded, 'dissolved', new.dissolved, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER organisations_log_ad AFTER DELETE ON organisations BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'organisations', old.id, 'delete',
        json_object('id', old.id, 'name', old.name, 'kind', old.kind, 'country', old.country, 'founded', old.founded, 'dissolved', old.dissolved, 'note', old.note), NULL
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
-- people
CREATE TRIGGER people_log_ai AFTER INSERT ON people BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'people', new.id, 'insert', NULL,
        json_object('id', new.id, 'name', new.name, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER people_log_au AFTER UPDATE OF id, name, note ON people BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'people', new.id, 'update',
        json_object('id', old.id, 'name', old.name, 'note', old.note),
        json_object('id', new.id, 'name', new.name, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER people_log_ad AFTER DELETE ON people BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'people', old.id, 'delete',
        json_object('id', old.id, 'name', old.name, 'note', old.note), NULL
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
-- documents
CREATE TRIGGER documents_log_ai AFTER INSERT ON documents BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'documents', new.id, 'insert', NULL,
        json_object('id', new.id, 'title', new.title, 'kind', new.kind, 'date', new.date, 'date_note', new.date_note, 'languages', new.languages, 'author_org_id', new.author_org_id, 'author_person_id', new.author_person_id, 'publisher', new.publisher, 'url', new.url, 'cited_in_id', new.cited_in_id, 'open_for_signatures', new.open_for_signatures, 'note', new.note, 'not_before', new.not_before, 'not_after', new.not_after)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER documents_log_au AFTER UPDATE OF id, title, kind, date, date_note, languages, author_org_id, author_person_id, publisher, url, cited_in_id, open_for_signatures, note, not_before, not_after ON documents BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'documents', new.id, 'update',
        json_object('id', old.id, 'title', old.title, 'kind', old.kind, 'date', old.date, 'date_note', old.date_note, 'languages', old.languages, 'author_org_id', old.author_org_id, 'author_person_id', old.author_person_id, 'publisher', old.publisher, 'url', old.url, 'cited_in_id', old.cited_in_id, 'open_for_signatures', old.open_for_signatures, 'note', old.note, 'not_before', old.not_before, 'not_after', old.not_after),
        json_object('id', new.id, 'title', new.title, 'kind', new.kind, 'date', new.date, 'date_note', new.date_note, 'languages', new.languages, 'author_org_id', new.author_org_id, 'author_person_id', new.author_person_id, 'publisher', new.publisher, 'url', new.url, 'cited_in_id', new.cited_in_id, 'open_for_signatures', new.open_for_signatures, 'note', new.note, 'not_before', new.not_before, 'not_after', new.not_after)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER documents_log_ad AFTER DELETE ON documents BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'documents', old.id, 'delete',
        json_object('id', old.id, 'title', old.title, 'kind', old.kind, 'date', old.date, 'date_note', old.date_note, 'languages', old.languages, 'author_org_id', old.author_org_id, 'author_person_id', old.author_person_id, 'publisher', old.publisher, 'url', old.url, 'cited_in_id', old.cited_in_id, 'open_for_signatures', old.open_for_signatures, 'note', old.note, 'not_before', old.not_before, 'not_after', old.not_after), NULL
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
-- issues
CREATE TRIGGER issues_log_ai AFTER INSERT ON issues BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'issues', new.id, 'insert', NULL,
        json_object('id', new.id, 'title', new.title, 'question', new.question, 'start', new.start, 'end', new.end, 'source_id', new.source_id, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER issues_log_au AFTER UPDATE OF id, title, question, start, end, source_id, note ON issues BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'issues', new.id, 'update',
        json_object('id', old.id, 'title', old.title, 'question', old.question, 'start', old.start, 'end', old.end, 'source_id', old.source_id, 'note', old.note),
        json_object('id', new.id, 'title', new.title, 'question', new.question, 'start', new.start, 'end', new.end, 'source_id', new.source_id, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER issues_log_ad AFTER DELETE ON issues BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'issues', old.id, 'delete',
        json_object('id', old.id, 'title', old.title, 'question', old.question, 'start', old.start, 'end', old.end, 'source_id', old.source_id, 'note', old.note), NULL
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
-- document_titles
CREATE TRIGGER document_titles_log_ai AFTER INSERT ON document_titles BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'document_titles', new.id, 'insert', NULL,
        json_object('id', new.id, 'document_id', new.document_id, 'lang', new.lang, 'kind', new.kind, 'title', new.title)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER document_titles_log_au AFTER UPDATE OF id, document_id, lang, kind, title ON document_titles BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'document_titles', new.id, 'update',
        json_object('id', old.id, 'document_id', old.document_id, 'lang', old.lang, 'kind', old.kind, 'title', old.title),
        json_object('id', new.id, 'document_id', new.document_id, 'lang', new.lang, 'kind', new.kind, 'title', new.title)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER document_titles_log_ad AFTER DELETE ON document_titles BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'document_titles', old.id, 'delete',
        json_object('id', old.id, 'document_id', old.document_id, 'lang', old.lang, 'kind', old.kind, 'title', old.title), NULL
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
-- document_copies
CREATE TRIGGER document_copies_log_ai AFTER INSERT ON document_copies BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'document_copies', new.id, 'insert', NULL,
        json_object('id', new.id, 'document_id', new.document_id, 'file', new.file, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER document_copies_log_au AFTER UPDATE OF id, document_id, file, note ON document_copies BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'document_copies', new.id, 'update',
        json_object('id', old.id, 'document_id', old.document_id, 'file', old.file, 'note', old.note),
        json_object('id', new.id, 'document_id', new.document_id, 'file', new.file, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER document_copies_log_ad AFTER DELETE ON document_copies BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'document_copies', old.id, 'delete',
        json_object('id', old.id, 'document_id', old.document_id, 'file', old.file, 'note', old.note), NULL
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
-- names
CREATE TRIGGER names_log_ai AFTER INSERT ON names BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'names', new.id, 'insert', NULL,
        json_object('id', new.id, 'org_id', new.org_id, 'name', new.name, 'lang', new.lang, 'kind', new.kind, 'source_id', new.source_id, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER names_log_au AFTER UPDATE OF id, org_id, name, lang, kind, source_id, note ON names BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'names', new.id, 'update',
        json_object('id', old.id, 'org_id', old.org_id, 'name', old.name, 'lang', old.lang, 'kind', old.kind, 'source_id', old.source_id, 'note', old.note),
        json_object('id', new.id, 'org_id', new.org_id, 'name', new.name, 'lang', new.lang, 'kind', new.kind, 'source_id', new.source_id, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER names_log_ad AFTER DELETE ON names BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'names', old.id, 'delete',
        json_object('id', old.id, 'org_id', old.org_id, 'name', old.name, 'lang', old.lang, 'kind', old.kind, 'source_id', old.source_id, 'note', old.note), NULL
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
-- person_names
CREATE TRIGGER person_names_log_ai AFTER INSERT ON person_names BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'person_names', new.id, 'insert', NULL,
        json_object('id', new.id, 'person_id', new.person_id, 'name', new.name, 'lang', new.lang, 'source_id', new.source_id)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER person_names_log_au AFTER UPDATE OF id, person_id, name, lang, source_id ON person_names BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'person_names', new.id, 'update',
        json_object('id', old.id, 'person_id', old.person_id, 'name', old.name, 'lang', old.lang, 'source_id', old.source_id),
        json_object('id', new.id, 'person_id', new.person_id, 'name', new.name, 'lang', new.lang, 'source_id', new.source_id)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER person_names_log_ad AFTER DELETE ON person_names BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'person_names', old.id, 'delete',
        json_object('id', old.id, 'person_id', old.person_id, 'name', old.name, 'lang', old.lang, 'source_id', old.source_id), NULL
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
-- document_people
CREATE TRIGGER document_people_log_ai AFTER INSERT ON document_people BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'document_people', new.id, 'insert', NULL,
        json_object('id', new.id, 'document_id', new.document_id, 'person_id', new.person_id, 'role', new.role, 'source_id', new.source_id, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER document_people_log_au AFTER UPDATE OF id, document_id, person_id, role, source_id, note ON document_people BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'document_people', new.id, 'update',
        json_object('id', old.id, 'document_id', old.document_id, 'person_id', old.person_id, 'role', old.role, 'source_id', old.source_id, 'note', old.note),
        json_object('id', new.id, 'document_id', new.document_id, 'person_id', new.person_id, 'role', new.role, 'source_id', new.source_id, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER document_people_log_ad AFTER DELETE ON document_people BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'document_people', old.id, 'delete',
        json_object('id', old.id, 'document_id', old.document_id, 'person_id', old.person_id, 'role', old.role, 'source_id', old.source_id, 'note', old.note), NULL
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
-- roles
CREATE TRIGGER roles_log_ai AFTER INSERT ON roles BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'roles', new.id, 'insert', NULL,
        json_object('id', new.id, 'person_id', new.person_id, 'org_id', new.org_id, 'role', new.role, 'source_id', new.source_id, 'note', new.note, 'kind', new.kind)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER roles_log_au AFTER UPDATE OF id, person_id, org_id, role, source_id, note, kind ON roles BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'roles', new.id, 'update',
        json_object('id', old.id, 'person_id', old.person_id, 'org_id', old.org_id, 'role', old.role, 'source_id', old.source_id, 'note', old.note, 'kind', old.kind),
        json_object('id', new.id, 'person_id', new.person_id, 'org_id', new.org_id, 'role', new.role, 'source_id', new.source_id, 'note', new.note, 'kind', new.kind)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER roles_log_ad AFTER DELETE ON roles BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'roles', old.id, 'delete',
        json_object('id', old.id, 'person_id', old.person_id, 'org_id', old.org_id, 'role', old.role, 'source_id', old.source_id, 'note', old.note, 'kind', old.kind), NULL
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
-- memberships
CREATE TRIGGER memberships_log_ai AFTER INSERT ON memberships BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'memberships', new.id, 'insert', NULL,
        json_object('id', new.id, 'org_id', new.org_id, 'alliance_id', new.alliance_id, 'role', new.role, 'start', new.start, 'end', new.end, 'source_id', new.source_id, 'quote', new.quote, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER memberships_log_au AFTER UPDATE OF id, org_id, alliance_id, role, start, end, source_id, quote, note ON memberships BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'memberships', new.id, 'update',
        json_object('id', old.id, 'org_id', old.org_id, 'alliance_id', old.alliance_id, 'role', old.role, 'start', old.start, 'end', old.end, 'source_id', old.source_id, 'quote', old.quote, 'note', old.note),
        json_object('id', new.id, 'org_id', new.org_id, 'alliance_id', new.alliance_id, 'role', new.role, 'start', new.start, 'end', new.end, 'source_id', new.source_id, 'quote', new.quote, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER memberships_log_ad AFTER DELETE ON memberships BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'memberships', old.id, 'delete',
        json_object('id', old.id, 'org_id', old.org_id, 'alliance_id', old.alliance_id, 'role', old.role, 'start', old.start, 'end', old.end, 'source_id', old.source_id, 'quote', old.quote, 'note', old.note), NULL
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
-- country_memberships
CREATE TRIGGER country_memberships_log_ai AFTER INSERT ON country_memberships BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'country_memberships', new.id, 'insert', NULL,
        json_object('id', new.id, 'country', new.country, 'bloc_id', new.bloc_id, 'role', new.role, 'source_id', new.source_id, 'quote', new.quote, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER country_memberships_log_au AFTER UPDATE OF id, country, bloc_id, role, source_id, quote, note ON country_memberships BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'country_memberships', new.id, 'update',
        json_object('id', old.id, 'country', old.country, 'bloc_id', old.bloc_id, 'role', old.role, 'source_id', old.source_id, 'quote', old.quote, 'note', old.note),
        json_object('id', new.id, 'country', new.country, 'bloc_id', new.bloc_id, 'role', new.role, 'source_id', new.source_id, 'quote', new.quote, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER country_memberships_log_ad AFTER DELETE ON country_memberships BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'country_memberships', old.id, 'delete',
        json_object('id', old.id, 'country', old.country, 'bloc_id', old.bloc_id, 'role', old.role, 'source_id', old.source_id, 'quote', old.quote, 'note', old.note), NULL
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
-- signatures
CREATE TRIGGER signatures_log_ai AFTER INSERT ON signatures BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'signatures', new.id, 'insert', NULL,
        json_object('id', new.id, 'document_id', new.document_id, 'org_id', new.org_id, 'name_as_printed', new.name_as_printed, 'printed_group', new.printed_group, 'position', new.position, 'signed_on', new.signed_on, 'source_id', new.source_id, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER signatures_log_au AFTER UPDATE OF id, document_id, org_id, name_as_printed, printed_group, position, signed_on, source_id, note ON signatures BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'signatures', new.id, 'update',
        json_object('id', old.id, 'document_id', old.document_id, 'org_id', old.org_id, 'name_as_printed', old.name_as_printed, 'printed_group', old.printed_group, 'position', old.position, 'signed_on', old.signed_on, 'source_id', old.source_id, 'note', old.note),
        json_object('id', new.id, 'document_id', new.document_id, 'org_id', new.org_id, 'name_as_printed', new.name_as_printed, 'printed_group', new.printed_group, 'position', new.position, 'signed_on', new.signed_on, 'source_id', new.source_id, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER signatures_log_ad AFTER DELETE ON signatures BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'signatures', old.id, 'delete',
        json_object('id', old.id, 'document_id', old.document_id, 'org_id', old.org_id, 'name_as_printed', old.name_as_printed, 'printed_group', old.printed_group, 'position', old.position, 'signed_on', old.signed_on, 'source_id', old.source_id, 'note', old.note), NULL
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
-- statement_positions
CREATE TRIGGER statement_positions_log_ai AFTER INSERT ON statement_positions BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'statement_positions', new.id, 'insert', NULL,
        json_object('id', new.id, 'document_id', new.document_id, 'issue_id', new.issue_id, 'value', new.value, 'quote', new.quote, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER statement_positions_log_au AFTER UPDATE OF id, document_id, issue_id, value, quote, note ON statement_positions BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'statement_positions', new.id, 'update',
        json_object('id', old.id, 'document_id', old.document_id, 'issue_id', old.issue_id, 'value', old.value, 'quote', old.quote, 'note', old.note),
        json_object('id', new.id, 'document_id', new.document_id, 'issue_id', new.issue_id, 'value', new.value, 'quote', new.quote, 'note', new.note)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER statement_positions_log_ad AFTER DELETE ON statement_positions BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'statement_positions', old.id, 'delete',
        json_object('id', old.id, 'document_id', old.document_id, 'issue_id', old.issue_id, 'value', old.value, 'quote', old.quote, 'note', old.note), NULL
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
-- stances
CREATE TRIGGER stances_log_ai AFTER INSERT ON stances BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'stances', new.id, 'insert', NULL,
        json_object('id', new.id, 'org_id', new.org_id, 'issue_id', new.issue_id, 'as_of', new.as_of, 'value', new.value, 'quote', new.quote, 'document_id', new.document_id, 'speaker_id', new.speaker_id, 'evidence', new.evidence, 'note', new.note, 'seq', new.seq)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER stances_log_au AFTER UPDATE OF id, org_id, issue_id, as_of, value, quote, document_id, speaker_id, evidence, note, seq ON stances BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'stances', new.id, 'update',
        json_object('id', old.id, 'org_id', old.org_id, 'issue_id', old.issue_id, 'as_of', old.as_of, 'value', old.value, 'quote', old.quote, 'document_id', old.document_id, 'speaker_id', old.speaker_id, 'evidence', old.evidence, 'note', old.note, 'seq', old.seq),
        json_object('id', new.id, 'org_id', new.org_id, 'issue_id', new.issue_id, 'as_of', new.as_of, 'value', new.value, 'quote', new.quote, 'document_id', new.document_id, 'speaker_id', new.speaker_id, 'evidence', new.evidence, 'note', new.note, 'seq', new.seq)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER stances_log_ad AFTER DELETE ON stances BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'stances', old.id, 'delete',
        json_object('id', old.id, 'org_id', old.org_id, 'issue_id', old.issue_id, 'as_of', old.as_of, 'value', old.value, 'quote', old.quote, 'document_id', old.document_id, 'speaker_id', old.speaker_id, 'evidence', old.evidence, 'note', old.note, 'seq', old.seq), NULL
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
-- document_texts
CREATE TRIGGER document_texts_log_ai AFTER INSERT ON document_texts BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'document_texts', new.id, 'insert', NULL,
        json_object('id', new.id, 'document_id', new.document_id, 'lang', new.lang, 'file', new.file, 'format', new.format, 'text', new.text)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER document_texts_log_au AFTER UPDATE OF id, document_id, lang, file, format, text ON document_texts BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'document_texts', new.id, 'update',
        json_object('id', old.id, 'document_id', old.document_id, 'lang', old.lang, 'file', old.file, 'format', old.format, 'text', old.text),
        json_object('id', new.id, 'document_id', new.document_id, 'lang', new.lang, 'file', new.file, 'format', new.format, 'text', new.text)
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
CREATE TRIGGER document_texts_log_ad AFTER DELETE ON document_texts BEGIN
    INSERT INTO changes (txn, at, command, tbl, row_id, op, before, after)
        SELECT c.txn, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(c.command, 'unknown'), 'document_texts', old.id, 'delete',
        json_object('id', old.id, 'document_id', old.document_id, 'lang', old.lang, 'file', old.file, 'format', old.format, 'text', old.text), NULL
        FROM (SELECT 1) LEFT JOIN change_context c;
END;
-- quote_proofs
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
