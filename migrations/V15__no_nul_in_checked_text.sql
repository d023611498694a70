-- No NUL character in a column whose CHECK is a GLOB pattern (issue #15, found by fuzzing).
-- SQLite's GLOB stops at a NUL byte, so the CHECKs of V1, V8 and V9 accept '2018\0-11-88' as
-- the year 2018, 'kprf\0X Y' as an id, 'KZ\0…' as a country: they see only what comes before
-- the NUL. stancedb refuses a NUL before any value reaches the schema; these triggers refuse
-- it from every other writer too (sqlite3, Datasette, a script), naming the table and column.
--
-- One trigger per table and event: its WHEN clause (one instr() per column, NULL for a NULL
-- value) is all a clean row costs; only a row holding a NUL runs the body, whose first
-- matching statement aborts the write with the column's name. The UPDATE triggers fire only
-- when one of these columns is set.

CREATE TRIGGER organisations_no_nul_insert BEFORE INSERT ON organisations
WHEN instr(new.id, char(0)) > 0 OR instr(new.country, char(0)) > 0
  OR instr(new.founded, char(0)) > 0 OR instr(new.dissolved, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'organisations.id holds a NUL character') WHERE instr(new.id, char(0)) > 0;
    SELECT RAISE(ABORT, 'organisations.country holds a NUL character') WHERE instr(new.country, char(0)) > 0;
    SELECT RAISE(ABORT, 'organisations.founded holds a NUL character') WHERE instr(new.founded, char(0)) > 0;
    SELECT RAISE(ABORT, 'organisations.dissolved holds a NUL character') WHERE instr(new.dissolved, char(0)) > 0;
END;
CREATE TRIGGER organisations_no_nul_update BEFORE UPDATE OF id, country, founded, dissolved ON organisations
WHEN instr(new.id, char(0)) > 0 OR instr(new.country, char(0)) > 0
  OR instr(new.founded, char(0)) > 0 OR instr(new.dissolved, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'organisations.id holds a NUL character') WHERE instr(new.id, char(0)) > 0;
    SELECT RAISE(ABORT, 'organisations.country holds a NUL character') WHERE instr(new.country, char(0)) > 0;
    SELECT RAISE(ABORT, 'organisations.founded holds a NUL character') WHERE instr(new.founded, char(0)) > 0;
    SELECT RAISE(ABORT, 'organisations.dissolved holds a NUL character') WHERE instr(new.dissolved, char(0)) > 0;
END;

CREATE TRIGGER people_no_nul_insert BEFORE INSERT ON people
WHEN instr(new.id, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'people.id holds a NUL character');
END;
CREATE TRIGGER people_no_nul_update BEFORE UPDATE OF id ON people
WHEN instr(new.id, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'people.id holds a NUL character');
END;

CREATE TRIGGER documents_no_nul_insert BEFORE INSERT ON documents
WHEN instr(new.id, char(0)) > 0 OR instr(new.date, char(0)) > 0
  OR instr(new.languages, char(0)) > 0 OR instr(new.url, char(0)) > 0
  OR instr(new.not_before, char(0)) > 0 OR instr(new.not_after, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'documents.id holds a NUL character') WHERE instr(new.id, char(0)) > 0;
    SELECT RAISE(ABORT, 'documents.date holds a NUL character') WHERE instr(new.date, char(0)) > 0;
    SELECT RAISE(ABORT, 'documents.languages holds a NUL character') WHERE instr(new.languages, char(0)) > 0;
    SELECT RAISE(ABORT, 'documents.url holds a NUL character') WHERE instr(new.url, char(0)) > 0;
    SELECT RAISE(ABORT, 'documents.not_before holds a NUL character') WHERE instr(new.not_before, char(0)) > 0;
    SELECT RAISE(ABORT, 'documents.not_after holds a NUL character') WHERE instr(new.not_after, char(0)) > 0;
END;
CREATE TRIGGER documents_no_nul_update BEFORE UPDATE OF id, date, languages, url, not_before, not_after ON documents
WHEN instr(new.id, char(0)) > 0 OR instr(new.date, char(0)) > 0
  OR instr(new.languages, char(0)) > 0 OR instr(new.url, char(0)) > 0
  OR instr(new.not_before, char(0)) > 0 OR instr(new.not_after, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'documents.id holds a NUL character') WHERE instr(new.id, char(0)) > 0;
    SELECT RAISE(ABORT, 'documents.date holds a NUL character') WHERE instr(new.date, char(0)) > 0;
    SELECT RAISE(ABORT, 'documents.languages holds a NUL character') WHERE instr(new.languages, char(0)) > 0;
    SELECT RAISE(ABORT, 'documents.url holds a NUL character') WHERE instr(new.url, char(0)) > 0;
    SELECT RAISE(ABORT, 'documents.not_before holds a NUL character') WHERE instr(new.not_before, char(0)) > 0;
    SELECT RAISE(ABORT, 'documents.not_after holds a NUL character') WHERE instr(new.not_after, char(0)) > 0;
END;

CREATE TRIGGER document_titles_no_nul_insert BEFORE INSERT ON document_titles
WHEN instr(new.lang, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'document_titles.lang holds a NUL character');
END;
CREATE TRIGGER document_titles_no_nul_update BEFORE UPDATE OF lang ON document_titles
WHEN instr(new.lang, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'document_titles.lang holds a NUL character');
END;

CREATE TRIGGER document_copies_no_nul_insert BEFORE INSERT ON document_copies
WHEN instr(new.file, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'document_copies.file holds a NUL character');
END;
CREATE TRIGGER document_copies_no_nul_update BEFORE UPDATE OF file ON document_copies
WHEN instr(new.file, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'document_copies.file holds a NUL character');
END;

CREATE TRIGGER names_no_nul_insert BEFORE INSERT ON names
WHEN instr(new.lang, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'names.lang holds a NUL character');
END;
CREATE TRIGGER names_no_nul_update BEFORE UPDATE OF lang ON names
WHEN instr(new.lang, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'names.lang holds a NUL character');
END;

CREATE TRIGGER person_names_no_nul_insert BEFORE INSERT ON person_names
WHEN instr(new.lang, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'person_names.lang holds a NUL character');
END;
CREATE TRIGGER person_names_no_nul_update BEFORE UPDATE OF lang ON person_names
WHEN instr(new.lang, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'person_names.lang holds a NUL character');
END;

CREATE TRIGGER memberships_no_nul_insert BEFORE INSERT ON memberships
WHEN instr(new.start, char(0)) > 0 OR instr(new.end, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'memberships.start holds a NUL character') WHERE instr(new.start, char(0)) > 0;
    SELECT RAISE(ABORT, 'memberships.end holds a NUL character') WHERE instr(new.end, char(0)) > 0;
END;
CREATE TRIGGER memberships_no_nul_update BEFORE UPDATE OF start, end ON memberships
WHEN instr(new.start, char(0)) > 0 OR instr(new.end, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'memberships.start holds a NUL character') WHERE instr(new.start, char(0)) > 0;
    SELECT RAISE(ABORT, 'memberships.end holds a NUL character') WHERE instr(new.end, char(0)) > 0;
END;

CREATE TRIGGER signatures_no_nul_insert BEFORE INSERT ON signatures
WHEN instr(new.signed_on, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'signatures.signed_on holds a NUL character');
END;
CREATE TRIGGER signatures_no_nul_update BEFORE UPDATE OF signed_on ON signatures
WHEN instr(new.signed_on, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'signatures.signed_on holds a NUL character');
END;

CREATE TRIGGER issues_no_nul_insert BEFORE INSERT ON issues
WHEN instr(new.id, char(0)) > 0 OR instr(new.start, char(0)) > 0 OR instr(new.end, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'issues.id holds a NUL character') WHERE instr(new.id, char(0)) > 0;
    SELECT RAISE(ABORT, 'issues.start holds a NUL character') WHERE instr(new.start, char(0)) > 0;
    SELECT RAISE(ABORT, 'issues.end holds a NUL character') WHERE instr(new.end, char(0)) > 0;
END;
CREATE TRIGGER issues_no_nul_update BEFORE UPDATE OF id, start, end ON issues
WHEN instr(new.id, char(0)) > 0 OR instr(new.start, char(0)) > 0 OR instr(new.end, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'issues.id holds a NUL character') WHERE instr(new.id, char(0)) > 0;
    SELECT RAISE(ABORT, 'issues.start holds a NUL character') WHERE instr(new.start, char(0)) > 0;
    SELECT RAISE(ABORT, 'issues.end holds a NUL character') WHERE instr(new.end, char(0)) > 0;
END;

CREATE TRIGGER stances_no_nul_insert BEFORE INSERT ON stances
WHEN instr(new.as_of, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'stances.as_of holds a NUL character');
END;
CREATE TRIGGER stances_no_nul_update BEFORE UPDATE OF as_of ON stances
WHEN instr(new.as_of, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'stances.as_of holds a NUL character');
END;

CREATE TRIGGER country_memberships_no_nul_insert BEFORE INSERT ON country_memberships
WHEN instr(new.country, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'country_memberships.country holds a NUL character');
END;
CREATE TRIGGER country_memberships_no_nul_update BEFORE UPDATE OF country ON country_memberships
WHEN instr(new.country, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'country_memberships.country holds a NUL character');
END;

CREATE TRIGGER document_texts_no_nul_insert BEFORE INSERT ON document_texts
WHEN instr(new.lang, char(0)) > 0 OR instr(new.file, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'document_texts.lang holds a NUL character') WHERE instr(new.lang, char(0)) > 0;
    SELECT RAISE(ABORT, 'document_texts.file holds a NUL character') WHERE instr(new.file, char(0)) > 0;
END;
CREATE TRIGGER document_texts_no_nul_update BEFORE UPDATE OF lang, file ON document_texts
WHEN instr(new.lang, char(0)) > 0 OR instr(new.file, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'document_texts.lang holds a NUL character') WHERE instr(new.lang, char(0)) > 0;
    SELECT RAISE(ABORT, 'document_texts.file holds a NUL character') WHERE instr(new.file, char(0)) > 0;
END;
