-- stancedb core schema: organisations, their names, people, documents, signatures,
-- memberships, issues and stances. Every vocabulary is a CHECK; every fact has a source.
--
-- Dates are ISO 8601 with the precision the source gives: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'.
-- Optional values are NULL, never '' (so CSV empty <-> NULL round-trips exactly).
-- Columns named search_key are maintained by stancedb (folded text for lookup); they are not
-- part of the seed/CSV format.

CREATE TABLE organisations (
    id        TEXT PRIMARY KEY
              CHECK (length(id) BETWEEN 1 AND 80 AND id NOT GLOB '*[^a-z0-9-]*' AND id NOT GLOB '-*'),
    name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind      TEXT NOT NULL CHECK (kind IN ('party', 'youth_org', 'organisation', 'alliance',
                  'network', 'tendency', 'bloc', 'state_body', 'media', 'company', 'armed_group')),
    country   TEXT CHECK (country GLOB '[A-Z][A-Z]'),
    founded   TEXT CHECK (founded IS NULL OR founded GLOB '[0-9][0-9][0-9][0-9]'
                  OR (founded GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(founded, 6, 2) BETWEEN '01' AND '12')
                  OR (founded GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(founded) IS founded)),
    dissolved TEXT CHECK (dissolved IS NULL OR dissolved GLOB '[0-9][0-9][0-9][0-9]'
                  OR (dissolved GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(dissolved, 6, 2) BETWEEN '01' AND '12')
                  OR (dissolved GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(dissolved) IS dissolved)),
    note      TEXT CHECK (note IS NULL OR length(note) > 0)
) STRICT;

CREATE TABLE people (
    id    TEXT PRIMARY KEY
          CHECK (length(id) BETWEEN 1 AND 80 AND id NOT GLOB '*[^a-z0-9-]*' AND id NOT GLOB '-*'),
    name  TEXT NOT NULL CHECK (length(trim(name)) > 0),
    note  TEXT CHECK (note IS NULL OR length(note) > 0)
) STRICT;

CREATE TABLE documents (
    id                  TEXT PRIMARY KEY
                        CHECK (length(id) BETWEEN 1 AND 80 AND id NOT GLOB '*[^a-z0-9-]*' AND id NOT GLOB '-*'),
    title               TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind                TEXT NOT NULL CHECK (kind IN ('statement', 'joint_statement', 'article',
                            'theses', 'news', 'book', 'pamphlet', 'platform', 'web_page', 'message')),
    date                TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]'
                            OR (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(date, 6, 2) BETWEEN '01' AND '12')
                            OR (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(date) IS date)),
    date_note           TEXT CHECK (date_note IS NULL OR length(date_note) > 0),
    languages           TEXT NOT NULL CHECK (length(languages) > 0 AND languages NOT GLOB '*[^a-zA-Z -]*'),
    author_org_id       TEXT REFERENCES organisations(id),
    author_person_id    TEXT REFERENCES people(id),
    publisher           TEXT CHECK (publisher IS NULL OR length(publisher) > 0),
    url                 TEXT CHECK (url IS NULL OR url GLOB 'http*://*' OR url GLOB 'www.*'),
    cited_in_id         TEXT REFERENCES documents(id) CHECK (cited_in_id IS NOT id),
    open_for_signatures INTEGER CHECK (open_for_signatures IN (0, 1)),
    note                TEXT CHECK (note IS NULL OR length(note) > 0)
) STRICT;

-- Every title a document carries, in every language printed.
CREATE TABLE document_titles (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    lang        TEXT NOT NULL CHECK (length(lang) BETWEEN 2 AND 20 AND lang NOT GLOB '*[^a-zA-Z0-9-]*'),
    kind        TEXT NOT NULL CHECK (kind IN ('title', 'subtitle', 'label')),
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    search_key  TEXT,
    UNIQUE (document_id, lang, kind, title)
) STRICT;

-- The local text files a document is held in (file name as kept in a researcher's folder).
CREATE TABLE document_copies (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    file        TEXT NOT NULL CHECK (length(file) > 0 AND file NOT GLOB '*/*'),
    note        TEXT CHECK (note IS NULL OR length(note) > 0),
    UNIQUE (document_id, file)
) STRICT;

-- Every form an organisation is printed under. kind 'label' marks an editorial name that
-- no source prints (for an author the document does not name).
CREATE TABLE names (
    id         INTEGER PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    lang       TEXT NOT NULL CHECK (length(lang) BETWEEN 2 AND 20 AND lang NOT GLOB '*[^a-zA-Z0-9-]*'),
    kind       TEXT NOT NULL CHECK (kind IN ('official', 'abbreviation', 'translation',
                   'transliteration', 'informal', 'label')),
    source_id  TEXT REFERENCES documents(id),
    note       TEXT CHECK (note IS NULL OR length(note) > 0),
    search_key TEXT,
    UNIQUE (org_id, name, lang),
    CHECK (source_id IS NOT NULL OR kind = 'label')
) STRICT;

CREATE TABLE person_names (
    id         INTEGER PRIMARY KEY,
    person_id  TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    lang       TEXT NOT NULL CHECK (length(lang) BETWEEN 2 AND 20 AND lang NOT GLOB '*[^a-zA-Z0-9-]*'),
    source_id  TEXT NOT NULL REFERENCES documents(id),
    search_key TEXT,
    UNIQUE (person_id, name, lang)
) STRICT;

-- A person's role for an organisation, as the source prints it.
CREATE TABLE roles (
    id         INTEGER PRIMARY KEY,
    person_id  TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    org_id     TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (length(trim(role)) > 0),
    source_id  TEXT NOT NULL REFERENCES documents(id),
    note       TEXT CHECK (note IS NULL OR length(note) > 0),
    UNIQUE (person_id, org_id, role)
) STRICT;

CREATE TABLE memberships (
    id          INTEGER PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    alliance_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('member', 'leading_member', 'section', 'observer')),
    start       TEXT CHECK (start IS NULL OR start GLOB '[0-9][0-9][0-9][0-9]'
                    OR (start GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(start, 6, 2) BETWEEN '01' AND '12')
                    OR (start GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(start) IS start)),
    end         TEXT CHECK (end IS NULL OR end GLOB '[0-9][0-9][0-9][0-9]'
                    OR (end GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(end, 6, 2) BETWEEN '01' AND '12')
                    OR (end GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(end) IS end)),
    source_id   TEXT NOT NULL REFERENCES documents(id),
    quote       TEXT CHECK (quote IS NULL OR length(trim(quote)) > 0),
    note        TEXT CHECK (note IS NULL OR length(note) > 0),
    UNIQUE (org_id, alliance_id, role),
    CHECK (org_id <> alliance_id),
    CHECK (end IS NULL OR start IS NULL OR start <= end)
) STRICT;

-- signature = statement x organisation, exactly as printed.
CREATE TABLE signatures (
    id              INTEGER PRIMARY KEY,
    document_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    org_id          TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name_as_printed TEXT NOT NULL CHECK (length(trim(name_as_printed)) > 0),
    printed_group   TEXT CHECK (printed_group IS NULL OR length(printed_group) > 0),
    position        INTEGER CHECK (position IS NULL OR position > 0),
    signed_on       TEXT CHECK (signed_on IS NULL OR signed_on GLOB '[0-9][0-9][0-9][0-9]'
                        OR (signed_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(signed_on, 6, 2) BETWEEN '01' AND '12')
                        OR (signed_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(signed_on) IS signed_on)),
    source_id       TEXT NOT NULL REFERENCES documents(id),
    note            TEXT CHECK (note IS NULL OR length(note) > 0),
    UNIQUE (document_id, org_id),
    UNIQUE (document_id, printed_group, position)
) STRICT;

CREATE TABLE issues (
    id        TEXT PRIMARY KEY
              CHECK (length(id) BETWEEN 1 AND 80 AND id NOT GLOB '*[^a-z0-9-]*' AND id NOT GLOB '-*'),
    title     TEXT NOT NULL CHECK (length(trim(title)) > 0),
    question  TEXT NOT NULL CHECK (length(trim(question)) > 0),
    start     TEXT CHECK (start IS NULL OR start GLOB '[0-9][0-9][0-9][0-9]'
                  OR (start GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(start, 6, 2) BETWEEN '01' AND '12')
                  OR (start GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(start) IS start)),
    end       TEXT CHECK (end IS NULL OR end GLOB '[0-9][0-9][0-9][0-9]'
                  OR (end GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(end, 6, 2) BETWEEN '01' AND '12')
                  OR (end GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(end) IS end)),
    source_id TEXT REFERENCES documents(id),
    note      TEXT CHECK (note IS NULL OR length(note) > 0),
    CHECK (end IS NULL OR start IS NULL OR start <= end)
) STRICT;

-- An organisation's stance, dated. 'support' / 'oppose' answer the issue's question yes / no;
-- 'ambivalent' is an equivocal answer; 'none_found' records that the cited document was
-- searched and takes no position (quote then optional).
CREATE TABLE stances (
    id          INTEGER PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    issue_id    TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    as_of       TEXT NOT NULL CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]'
                    OR (as_of GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(as_of, 6, 2) BETWEEN '01' AND '12')
                    OR (as_of GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(as_of) IS as_of)),
    value       TEXT NOT NULL CHECK (value IN ('support', 'oppose', 'ambivalent', 'none_found')),
    quote       TEXT CHECK (quote IS NULL OR length(trim(quote)) > 0),
    document_id TEXT NOT NULL REFERENCES documents(id),
    speaker_id  TEXT REFERENCES people(id),
    evidence    TEXT NOT NULL CHECK (evidence IN ('own', 'attributed')),
    note        TEXT CHECK (note IS NULL OR length(note) > 0),
    UNIQUE (org_id, issue_id, document_id, quote),
    CHECK (quote IS NOT NULL OR value = 'none_found')
) STRICT;

-- The side a statement takes on an issue: every signatory is on that side by its signature.
CREATE TABLE statement_positions (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    issue_id    TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    value       TEXT NOT NULL CHECK (value IN ('support', 'oppose', 'ambivalent')),
    quote       TEXT NOT NULL CHECK (length(trim(quote)) > 0),
    note        TEXT CHECK (note IS NULL OR length(note) > 0),
    UNIQUE (document_id, issue_id)
) STRICT;

CREATE INDEX names_org ON names(org_id);
CREATE INDEX names_key ON names(search_key);
CREATE INDEX person_names_key ON person_names(search_key);
CREATE INDEX titles_doc ON document_titles(document_id);
CREATE INDEX titles_key ON document_titles(search_key);
CREATE INDEX copies_doc ON document_copies(document_id);
CREATE INDEX roles_person ON roles(person_id);
CREATE INDEX roles_org ON roles(org_id);
CREATE INDEX memberships_org ON memberships(org_id);
CREATE INDEX memberships_alliance ON memberships(alliance_id);
CREATE INDEX signatures_org ON signatures(org_id);
CREATE INDEX signatures_doc ON signatures(document_id, printed_group, position);
CREATE INDEX stances_org_issue ON stances(org_id, issue_id, as_of);
CREATE INDEX stances_issue ON stances(issue_id);
CREATE INDEX positions_doc ON statement_positions(document_id);
CREATE INDEX documents_cited_in ON documents(cited_in_id);
CREATE INDEX documents_author_org ON documents(author_org_id);
