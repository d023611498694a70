CREATE TABLE refinery_schema_history(
             version int4 PRIMARY KEY,
             name VARCHAR(255),
             applied_on VARCHAR(255),
             checksum VARCHAR(255));
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
, not_before TEXT
    CHECK (not_before IS NULL OR (not_before GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(not_before) IS not_before)), not_after TEXT
    CHECK (not_after IS NULL OR ((not_after GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(not_after) IS not_after)
           AND (not_before IS NULL OR not_before <= not_after)))) STRICT;
CREATE TABLE document_titles (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    lang        TEXT NOT NULL CHECK (length(lang) BETWEEN 2 AND 20 AND lang NOT GLOB '*[^a-zA-Z0-9-]*'),
    kind        TEXT NOT NULL CHECK (kind IN ('title', 'subtitle', 'label')),
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    search_key  TEXT,
    UNIQUE (document_id, lang, kind, title)
) STRICT;
CREATE TABLE document_copies (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    file        TEXT NOT NULL CHECK (length(file) > 0 AND file NOT GLOB '*/*'),
    note        TEXT CHECK (note IS NULL OR length(note) > 0),
    UNIQUE (document_id, file)
) STRICT;
CREATE TABLE names (
    id         INTEGER PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    lang       TEXT NOT NULL CHECK (length(lang) BETWEEN 2 AND 20 AND lang NOT GLOB '*[^a-zA-Z0-9-]*'),
    kind       TEXT NOT NULL CHECK (kind IN ('official', 'abbreviation', 'translation',
                   'transliteration', 'informal', 'label')),
    source_id  TEXT REFERENCES documents(id),
    note       TEXT CHECK (note IS NULL OR length(note) > 0),
    search_key TEXT, valid_from TEXT
    CHECK (valid_from IS NULL OR valid_from GLOB '[0-9][0-9][0-9][0-9]'
           OR (valid_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(valid_from, 6, 2) BETWEEN '01' AND '12')
           OR (valid_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(valid_from) IS valid_from)), valid_until TEXT
    CHECK (valid_until IS NULL OR ((valid_until GLOB '[0-9][0-9][0-9][0-9]'
           OR (valid_until GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(valid_until, 6, 2) BETWEEN '01' AND '12')
           OR (valid_until GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(valid_until) IS valid_until))
           AND (valid_from IS NULL OR substr(valid_from, 1, min(length(valid_from), length(valid_until)))
                <= substr(valid_until, 1, min(length(valid_from), length(valid_until)))))),
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
CREATE TABLE roles (
    id         INTEGER PRIMARY KEY,
    person_id  TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    org_id     TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (length(trim(role)) > 0),
    source_id  TEXT NOT NULL REFERENCES documents(id),
    note       TEXT CHECK (note IS NULL OR length(note) > 0), kind TEXT
    CHECK (kind IS NULL OR kind IN ('office', 'member_of_parliament', 'state_office')),
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
    note        TEXT CHECK (note IS NULL OR length(note) > 0), seq INTEGER CHECK (seq IS NULL OR seq > 0),
    UNIQUE (org_id, issue_id, document_id, quote),
    CHECK (quote IS NOT NULL OR value = 'none_found')
) STRICT;
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
CREATE INDEX stances_org_issue ON stances(org_id, issue_id, as_of);
CREATE INDEX stances_issue ON stances(issue_id);
CREATE INDEX positions_doc ON statement_positions(document_id);
CREATE INDEX documents_cited_in ON documents(cited_in_id);
CREATE INDEX documents_author_org ON documents(author_org_id);
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
JOIN organisations o ON o.id = g.org_id
/* signatories(statement_id,statement,statement_date,printed_group,position,name_as_printed,org_id,organisation,kind,country,signed_on,source_id,note,group_order,signature_id) */;
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
JOIN organisations o ON o.id = m.org_id
/* members(alliance_id,alliance,org_id,organisation,kind,country,role,start,"end",source_id,quote,note) */;
CREATE INDEX positions_issue ON statement_positions(issue_id, document_id);
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
LEFT JOIN people p ON p.id = s.speaker_id
/* current_positions_full(org_id,organisation,kind,country,issue_id,issue,as_of,value,evidence,basis,quote,document_id,document,document_date,cited_in,speaker,note,stance_id,signature_id) */;
CREATE TABLE positions_queue (
    org_id   TEXT NOT NULL,
    issue_id TEXT NOT NULL
);
CREATE TRIGGER positions_queue_ai AFTER INSERT ON positions_queue BEGIN
    DELETE FROM current_positions WHERE org_id = new.org_id AND issue_id = new.issue_id;
    INSERT OR REPLACE INTO current_positions (org_id, issue_id, value, as_of, evidence, basis, stance_id, signature_id)
        SELECT org_id, issue_id, value, as_of, evidence, basis, stance_id, signature_id
        FROM current_stances WHERE org_id = new.org_id AND issue_id = new.issue_id;
    DELETE FROM positions_queue WHERE rowid = new.rowid;
END;
CREATE TRIGGER stances_positions_ai AFTER INSERT ON stances BEGIN
    INSERT INTO positions_queue (org_id, issue_id) VALUES (new.org_id, new.issue_id);
END;
CREATE TRIGGER stances_positions_ad AFTER DELETE ON stances BEGIN
    INSERT INTO positions_queue (org_id, issue_id) VALUES (old.org_id, old.issue_id);
END;
CREATE TRIGGER stances_positions_au AFTER UPDATE ON stances BEGIN
    INSERT INTO positions_queue (org_id, issue_id) VALUES (old.org_id, old.issue_id);
    INSERT INTO positions_queue (org_id, issue_id) VALUES (new.org_id, new.issue_id);
END;
CREATE TRIGGER signatures_positions_ai AFTER INSERT ON signatures BEGIN
    INSERT INTO positions_queue (org_id, issue_id) SELECT new.org_id, issue_id FROM statement_positions WHERE document_id = new.document_id;
END;
CREATE TRIGGER signatures_positions_ad AFTER DELETE ON signatures BEGIN
    INSERT INTO positions_queue (org_id, issue_id) SELECT old.org_id, issue_id FROM statement_positions WHERE document_id = old.document_id;
END;
CREATE TRIGGER signatures_positions_au AFTER UPDATE ON signatures BEGIN
    INSERT INTO positions_queue (org_id, issue_id) SELECT old.org_id, issue_id FROM statement_positions WHERE document_id = old.document_id;
    INSERT INTO positions_queue (org_id, issue_id) SELECT new.org_id, issue_id FROM statement_positions WHERE document_id = new.document_id;
END;
CREATE TRIGGER statement_positions_positions_ai AFTER INSERT ON statement_positions BEGIN
    INSERT INTO positions_queue (org_id, issue_id) SELECT org_id, new.issue_id FROM signatures WHERE document_id = new.document_id;
END;
CREATE TRIGGER statement_positions_positions_ad AFTER DELETE ON statement_positions BEGIN
    INSERT INTO positions_queue (org_id, issue_id) SELECT org_id, old.issue_id FROM signatures WHERE document_id = old.document_id;
END;
CREATE TRIGGER statement_positions_positions_au AFTER UPDATE ON statement_positions BEGIN
    INSERT INTO positions_queue (org_id, issue_id) SELECT org_id, old.issue_id FROM signatures WHERE document_id = old.document_id;
    INSERT INTO positions_queue (org_id, issue_id) SELECT org_id, new.issue_id FROM signatures WHERE document_id = new.document_id;
END;
CREATE TRIGGER documents_positions_au AFTER UPDATE OF id, date ON documents
WHEN old.id IS NOT new.id OR old.date IS NOT new.date BEGIN
    INSERT INTO positions_queue (org_id, issue_id) SELECT o.org_id, i.id FROM (SELECT org_id FROM signatures WHERE document_id IN (old.id, new.id) UNION SELECT org_id FROM stances WHERE old.id IS NOT new.id AND document_id IN (old.id, new.id)) o, issues i;
END;
CREATE TRIGGER documents_positions_ad AFTER DELETE ON documents BEGIN
    INSERT INTO positions_queue (org_id, issue_id) SELECT o.org_id, i.id FROM (SELECT org_id FROM signatures WHERE document_id = old.id UNION SELECT org_id FROM stances WHERE document_id = old.id) o, issues i;
END;
CREATE TRIGGER organisations_positions_au AFTER UPDATE OF id ON organisations WHEN old.id IS NOT new.id BEGIN
    INSERT INTO positions_queue (org_id, issue_id) SELECT o.id, i.id FROM (SELECT old.id AS id UNION SELECT new.id) o, issues i;
END;
CREATE TRIGGER organisations_positions_ad AFTER DELETE ON organisations BEGIN
    DELETE FROM current_positions WHERE org_id = old.id;
END;
CREATE TRIGGER issues_positions_au AFTER UPDATE OF id ON issues WHEN old.id IS NOT new.id BEGIN
    INSERT INTO positions_queue (org_id, issue_id) SELECT o.org_id, x.id FROM (SELECT org_id FROM current_positions WHERE issue_id = old.id
        UNION SELECT org_id FROM stances WHERE issue_id = new.id
        UNION SELECT g.org_id FROM statement_positions sp JOIN signatures g ON g.document_id = sp.document_id
              WHERE sp.issue_id = new.id) o, (SELECT old.id AS id UNION SELECT new.id) x;
END;
CREATE TRIGGER issues_positions_ad AFTER DELETE ON issues BEGIN
    DELETE FROM current_positions WHERE issue_id = old.id;
END;
CREATE VIRTUAL TABLE names_fts USING fts5(name, search_key, content="names", tokenize='trigram')
/* names_fts(name,search_key) */;
CREATE TABLE IF NOT EXISTS 'names_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE IF NOT EXISTS 'names_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS 'names_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE IF NOT EXISTS 'names_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TRIGGER names_fts_ai AFTER INSERT ON names BEGIN
    INSERT INTO names_fts (rowid, name, search_key) VALUES (new.rowid, new.name, new.search_key);
END;
CREATE TRIGGER names_fts_ad AFTER DELETE ON names BEGIN
    INSERT INTO names_fts (names_fts, rowid, name, search_key) VALUES ('delete', old.rowid, old.name, old.search_key);
END;
CREATE TRIGGER names_fts_au AFTER UPDATE ON names BEGIN
    INSERT INTO names_fts (names_fts, rowid, name, search_key) VALUES ('delete', old.rowid, old.name, old.search_key);
    INSERT INTO names_fts (rowid, name, search_key) VALUES (new.rowid, new.name, new.search_key);
END;
CREATE VIRTUAL TABLE person_names_fts USING fts5(name, search_key, content="person_names", tokenize='trigram')
/* person_names_fts(name,search_key) */;
CREATE TABLE IF NOT EXISTS 'person_names_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE IF NOT EXISTS 'person_names_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS 'person_names_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE IF NOT EXISTS 'person_names_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TRIGGER person_names_fts_ai AFTER INSERT ON person_names BEGIN
    INSERT INTO person_names_fts (rowid, name, search_key) VALUES (new.rowid, new.name, new.search_key);
END;
CREATE TRIGGER person_names_fts_ad AFTER DELETE ON person_names BEGIN
    INSERT INTO person_names_fts (person_names_fts, rowid, name, search_key) VALUES ('delete', old.rowid, old.name, old.search_key);
END;
CREATE TRIGGER person_names_fts_au AFTER UPDATE ON person_names BEGIN
    INSERT INTO person_names_fts (person_names_fts, rowid, name, search_key) VALUES ('delete', old.rowid, old.name, old.search_key);
    INSERT INTO person_names_fts (rowid, name, search_key) VALUES (new.rowid, new.name, new.search_key);
END;
CREATE VIRTUAL TABLE stances_fts USING fts5(quote, content="stances", tokenize='trigram')
/* stances_fts(quote) */;
CREATE TABLE IF NOT EXISTS 'stances_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE IF NOT EXISTS 'stances_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS 'stances_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE IF NOT EXISTS 'stances_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TRIGGER stances_fts_ai AFTER INSERT ON stances BEGIN
    INSERT INTO stances_fts (rowid, quote) VALUES (new.rowid, new.quote);
END;
CREATE TRIGGER stances_fts_ad AFTER DELETE ON stances BEGIN
    INSERT INTO stances_fts (stances_fts, rowid, quote) VALUES ('delete', old.rowid, old.quote);
END;
CREATE TRIGGER stances_fts_au AFTER UPDATE ON stances BEGIN
    INSERT INTO stances_fts (stances_fts, rowid, quote) VALUES ('delete', old.rowid, old.quote);
    INSERT INTO stances_fts (rowid, quote) VALUES (new.rowid, new.quote);
END;
CREATE VIRTUAL TABLE statement_positions_fts USING fts5(quote, content="statement_positions", tokenize='trigram')
/* statement_positions_fts(quote) */;
CREATE TABLE IF NOT EXISTS 'statement_positions_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE IF NOT EXISTS 'statement_positions_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS 'statement_positions_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE IF NOT EXISTS 'statement_positions_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TRIGGER statement_positions_fts_ai AFTER INSERT ON statement_positions BEGIN
    INSERT INTO statement_positions_fts (rowid, quote) VALUES (new.rowid, new.quote);
END;
CREATE TRIGGER statement_positions_fts_ad AFTER DELETE ON statement_positions BEGIN
    INSERT INTO statement_positions_fts (statement_positions_fts, rowid, quote) VALUES ('delete', old.rowid, old.quote);
END;
CREATE TRIGGER statement_positions_fts_au AFTER UPDATE ON statement_positions BEGIN
    INSERT INTO statement_positions_fts (statement_positions_fts, rowid, quote) VALUES ('delete', old.rowid, old.quote);
    INSERT INTO statement_positions_fts (rowid, quote) VALUES (new.rowid, new.quote);
END;
CREATE VIRTUAL TABLE document_titles_fts USING fts5(title, content="document_titles", tokenize='trigram')
/* document_titles_fts(title) */;
CREATE TABLE IF NOT EXISTS 'document_titles_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE IF NOT EXISTS 'document_titles_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS 'document_titles_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE IF NOT EXISTS 'document_titles_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TRIGGER document_titles_fts_ai AFTER INSERT ON document_titles BEGIN
    INSERT INTO document_titles_fts (rowid, title) VALUES (new.rowid, new.title);
END;
CREATE TRIGGER document_titles_fts_ad AFTER DELETE ON document_titles BEGIN
    INSERT INTO document_titles_fts (document_titles_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
END;
CREATE TRIGGER document_titles_fts_au AFTER UPDATE ON document_titles BEGIN
    INSERT INTO document_titles_fts (document_titles_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
    INSERT INTO document_titles_fts (rowid, title) VALUES (new.rowid, new.title);
END;
CREATE TABLE organisations_fts_forms (
    organisations_rowid INTEGER PRIMARY KEY,
    forms TEXT NOT NULL
) STRICT;
CREATE TABLE organisations_fts_queue (organisations_id TEXT NOT NULL);
CREATE VIRTUAL TABLE organisations_fts USING fts5(name, content="organisations", tokenize='trigram')
/* organisations_fts(name) */;
CREATE TABLE IF NOT EXISTS 'organisations_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE IF NOT EXISTS 'organisations_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS 'organisations_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE IF NOT EXISTS 'organisations_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TRIGGER organisations_fts_ai AFTER INSERT ON organisations BEGIN
    INSERT INTO organisations_fts_queue (organisations_id) VALUES (new.id);
END;
CREATE TRIGGER organisations_fts_ad AFTER DELETE ON organisations BEGIN
    INSERT INTO organisations_fts (organisations_fts, rowid, name) SELECT 'delete', organisations_rowid, forms FROM organisations_fts_forms WHERE organisations_rowid = old.rowid;
    DELETE FROM organisations_fts_forms WHERE organisations_rowid = old.rowid;
END;
CREATE TRIGGER organisations_fts_au AFTER UPDATE OF id, name ON organisations BEGIN
    INSERT INTO organisations_fts (organisations_fts, rowid, name) SELECT 'delete', organisations_rowid, forms FROM organisations_fts_forms WHERE organisations_rowid = old.rowid;
    DELETE FROM organisations_fts_forms WHERE organisations_rowid = old.rowid;
    INSERT INTO organisations_fts_queue (organisations_id) VALUES (new.id);
END;
CREATE TRIGGER names_organisations_fts_ai AFTER INSERT ON names BEGIN
    INSERT INTO organisations_fts_queue (organisations_id) VALUES (new.org_id);
END;
CREATE TRIGGER names_organisations_fts_ad AFTER DELETE ON names BEGIN
    INSERT INTO organisations_fts_queue (organisations_id) VALUES (old.org_id);
END;
CREATE TRIGGER names_organisations_fts_au AFTER UPDATE OF org_id, name, search_key, id ON names BEGIN
    INSERT INTO organisations_fts_queue (organisations_id) VALUES (old.org_id);
    INSERT INTO organisations_fts_queue (organisations_id) SELECT new.org_id WHERE new.org_id IS NOT old.org_id;
END;
CREATE TABLE documents_fts_forms (
    documents_rowid INTEGER PRIMARY KEY,
    forms TEXT NOT NULL
) STRICT;
CREATE TABLE documents_fts_queue (documents_id TEXT NOT NULL);
CREATE VIRTUAL TABLE documents_fts USING fts5(title, content="documents", tokenize='trigram')
/* documents_fts(title) */;
CREATE TABLE IF NOT EXISTS 'documents_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE IF NOT EXISTS 'documents_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS 'documents_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE IF NOT EXISTS 'documents_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TRIGGER documents_fts_queue_ai AFTER INSERT ON documents_fts_queue BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title) SELECT 'delete', documents_rowid, forms FROM documents_fts_forms WHERE documents_rowid = (SELECT rowid FROM documents WHERE id = new.documents_id);
    DELETE FROM documents_fts_forms WHERE documents_rowid = (SELECT rowid FROM documents WHERE id = new.documents_id);
    INSERT INTO documents_fts_forms (documents_rowid, forms)
        SELECT p.rowid, p.title || coalesce((SELECT group_concat(f, '') FROM (SELECT ' · ' || c.title AS f FROM document_titles c WHERE c.document_id = p.id ORDER BY c.id)), '')
        FROM documents p WHERE p.id = new.documents_id;
    INSERT INTO documents_fts (rowid, title) SELECT documents_rowid, forms FROM documents_fts_forms WHERE documents_rowid = (SELECT rowid FROM documents WHERE id = new.documents_id);
    DELETE FROM documents_fts_queue WHERE rowid = new.rowid;
END;
CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts_queue (documents_id) VALUES (new.id);
END;
CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title) SELECT 'delete', documents_rowid, forms FROM documents_fts_forms WHERE documents_rowid = old.rowid;
    DELETE FROM documents_fts_forms WHERE documents_rowid = old.rowid;
END;
CREATE TRIGGER documents_fts_au AFTER UPDATE OF id, title ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title) SELECT 'delete', documents_rowid, forms FROM documents_fts_forms WHERE documents_rowid = old.rowid;
    DELETE FROM documents_fts_forms WHERE documents_rowid = old.rowid;
    INSERT INTO documents_fts_queue (documents_id) VALUES (new.id);
END;
CREATE TRIGGER document_titles_documents_fts_ai AFTER INSERT ON document_titles BEGIN
    INSERT INTO documents_fts_queue (documents_id) VALUES (new.document_id);
END;
CREATE TRIGGER document_titles_documents_fts_ad AFTER DELETE ON document_titles BEGIN
    INSERT INTO documents_fts_queue (documents_id) VALUES (old.document_id);
END;
CREATE TRIGGER document_titles_documents_fts_au AFTER UPDATE OF document_id, title, id ON document_titles BEGIN
    INSERT INTO documents_fts_queue (documents_id) VALUES (old.document_id);
    INSERT INTO documents_fts_queue (documents_id) SELECT new.document_id WHERE new.document_id IS NOT old.document_id;
END;
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
JOIN documents d ON d.id = sp.document_id
/* stance_evidence(org_id,organisation,kind,country,issue_id,issue,as_of,value,evidence,basis,quote,document_id,document,document_date,cited_in,speaker_id,speaker,note,stance_id,signature_id,sort_key,not_before,not_after,seq) */;
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
WHERE rn = 1
/* current_stances(org_id,organisation,kind,country,issue_id,issue,as_of,value,evidence,basis,quote,document_id,document,document_date,cited_in,speaker,note,stance_id,signature_id) */;
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
CREATE TABLE document_texts (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    lang        TEXT CHECK (lang IS NULL OR (length(lang) BETWEEN 2 AND 20 AND lang NOT GLOB '*[^a-zA-Z0-9-]*')),
    file        TEXT CHECK (file IS NULL OR (length(file) > 0 AND file NOT GLOB '*/*')),
    format      TEXT NOT NULL CHECK (format IN ('text', 'markdown', 'html')),
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    UNIQUE (document_id, file)
) STRICT;
CREATE INDEX document_texts_doc ON document_texts(document_id);
CREATE TRIGGER stances_proof_delete AFTER DELETE ON stances BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'stances' AND row_id = old.id;
END;
CREATE TRIGGER stances_proof_update AFTER UPDATE OF quote, document_id ON stances BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'stances' AND row_id = old.id;
END;
CREATE TRIGGER memberships_proof_delete AFTER DELETE ON memberships BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'memberships' AND row_id = old.id;
END;
CREATE TRIGGER memberships_proof_update AFTER UPDATE OF quote, source_id ON memberships BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'memberships' AND row_id = old.id;
END;
CREATE TRIGGER signatures_proof_delete AFTER DELETE ON signatures BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'signatures' AND row_id = old.id;
END;
CREATE TRIGGER signatures_proof_update AFTER UPDATE OF name_as_printed, source_id ON signatures BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'signatures' AND row_id = old.id;
END;
CREATE TRIGGER names_proof_delete AFTER DELETE ON names BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'names' AND row_id = old.id;
END;
CREATE TRIGGER names_proof_update AFTER UPDATE OF name, source_id ON names BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'names' AND row_id = old.id;
END;
CREATE TRIGGER person_names_proof_delete AFTER DELETE ON person_names BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'person_names' AND row_id = old.id;
END;
CREATE TRIGGER person_names_proof_update AFTER UPDATE OF name, source_id ON person_names BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'person_names' AND row_id = old.id;
END;
CREATE TRIGGER roles_proof_delete AFTER DELETE ON roles BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'roles' AND row_id = old.id;
END;
CREATE TRIGGER roles_proof_update AFTER UPDATE OF role, source_id ON roles BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'roles' AND row_id = old.id;
END;
CREATE TRIGGER statement_positions_proof_delete AFTER DELETE ON statement_positions BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'statement_positions' AND row_id = old.id;
END;
CREATE TRIGGER statement_positions_proof_update AFTER UPDATE OF quote, document_id ON statement_positions BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'statement_positions' AND row_id = old.id;
END;
CREATE VIRTUAL TABLE document_texts_fts USING fts5(
    text, content = 'document_texts', content_rowid = 'id', tokenize = 'trigram'
)
/* document_texts_fts(text) */;
CREATE TABLE IF NOT EXISTS 'document_texts_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE IF NOT EXISTS 'document_texts_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS 'document_texts_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE IF NOT EXISTS 'document_texts_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TRIGGER document_texts_fts_insert AFTER INSERT ON document_texts BEGIN
    INSERT INTO document_texts_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER document_texts_fts_delete AFTER DELETE ON document_texts BEGIN
    INSERT INTO document_texts_fts (document_texts_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER document_texts_fts_update AFTER UPDATE OF text, id ON document_texts BEGIN
    INSERT INTO document_texts_fts (document_texts_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO document_texts_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE INDEX stances_document ON stances(document_id);
CREATE TABLE name_keys (
    id      INTEGER PRIMARY KEY,
    form    TEXT NOT NULL CHECK (form IN ('names', 'person_names', 'organisations', 'people')),
    -- The form's row: names.id or person_names.id (integer), organisations.id or people.id (text).
    form_id ANY NOT NULL,
    key     TEXT,
    UNIQUE (form, form_id)
) STRICT;
CREATE INDEX name_keys_unfolded ON name_keys(form) WHERE key IS NULL;
CREATE TABLE mention_index (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    image BLOB NOT NULL
) STRICT;
CREATE TRIGGER names_keys_ai AFTER INSERT ON names WHEN new.kind <> 'label' BEGIN
    INSERT OR REPLACE INTO name_keys (form, form_id, key) VALUES ('names', new.id, NULL);
    DELETE FROM mention_index;
END;
CREATE TRIGGER names_keys_au AFTER UPDATE OF id, name, kind, org_id ON names BEGIN
    DELETE FROM name_keys WHERE form = 'names' AND form_id = old.id;
    INSERT OR REPLACE INTO name_keys (form, form_id, key)
        SELECT 'names', new.id, NULL WHERE new.kind <> 'label';
    DELETE FROM mention_index;
END;
CREATE TRIGGER names_keys_ad AFTER DELETE ON names BEGIN
    DELETE FROM name_keys WHERE form = 'names' AND form_id = old.id;
    DELETE FROM mention_index;
END;
CREATE TRIGGER person_names_keys_ai AFTER INSERT ON person_names BEGIN
    INSERT OR REPLACE INTO name_keys (form, form_id, key) VALUES ('person_names', new.id, NULL);
    DELETE FROM mention_index;
END;
CREATE TRIGGER person_names_keys_au AFTER UPDATE OF id, name, person_id ON person_names BEGIN
    DELETE FROM name_keys WHERE form = 'person_names' AND form_id = old.id;
    INSERT OR REPLACE INTO name_keys (form, form_id, key) VALUES ('person_names', new.id, NULL);
    DELETE FROM mention_index;
END;
CREATE TRIGGER person_names_keys_ad AFTER DELETE ON person_names BEGIN
    DELETE FROM name_keys WHERE form = 'person_names' AND form_id = old.id;
    DELETE FROM mention_index;
END;
CREATE TRIGGER organisations_keys_ai AFTER INSERT ON organisations BEGIN
    INSERT OR REPLACE INTO name_keys (form, form_id, key) VALUES ('organisations', new.id, NULL);
    DELETE FROM mention_index;
END;
CREATE TRIGGER organisations_keys_au AFTER UPDATE OF id, name ON organisations BEGIN
    DELETE FROM name_keys WHERE form = 'organisations' AND form_id = old.id;
    INSERT OR REPLACE INTO name_keys (form, form_id, key) VALUES ('organisations', new.id, NULL);
    DELETE FROM mention_index;
END;
CREATE TRIGGER organisations_keys_ad AFTER DELETE ON organisations BEGIN
    DELETE FROM name_keys WHERE form = 'organisations' AND form_id = old.id;
    DELETE FROM mention_index;
END;
CREATE TRIGGER people_keys_ai AFTER INSERT ON people BEGIN
    INSERT OR REPLACE INTO name_keys (form, form_id, key) VALUES ('people', new.id, NULL);
    DELETE FROM mention_index;
END;
CREATE TRIGGER people_keys_au AFTER UPDATE OF id, name ON people BEGIN
    DELETE FROM name_keys WHERE form = 'people' AND form_id = old.id;
    INSERT OR REPLACE INTO name_keys (form, form_id, key) VALUES ('people', new.id, NULL);
    DELETE FROM mention_index;
END;
CREATE TRIGGER people_keys_ad AFTER DELETE ON people BEGIN
    DELETE FROM name_keys WHERE form = 'people' AND form_id = old.id;
    DELETE FROM mention_index;
END;
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
CREATE TRIGGER country_memberships_proof_delete AFTER DELETE ON country_memberships BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'country_memberships' AND row_id = old.id;
END;
CREATE TRIGGER country_memberships_proof_update AFTER UPDATE OF quote, source_id ON country_memberships BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'country_memberships' AND row_id = old.id;
END;
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
CREATE TABLE change_undone (
    txn       INTEGER PRIMARY KEY,
    undone_by INTEGER NOT NULL
) STRICT;
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
CREATE TABLE successions (
    id          INTEGER PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('renamed', 'split_from', 'merged_into', 'succeeded_by')),
    other_id    TEXT REFERENCES organisations(id) ON DELETE CASCADE,
    date        TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]'
                    OR (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(date, 6, 2) BETWEEN '01' AND '12')
                    OR (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(date) IS date)),
    name_before TEXT CHECK (name_before IS NULL OR length(trim(name_before)) > 0),
    name_after  TEXT CHECK (name_after IS NULL OR length(trim(name_after)) > 0),
    source_id   TEXT NOT NULL REFERENCES documents(id),
    quote       TEXT NOT NULL CHECK (length(trim(quote)) > 0),
    note        TEXT CHECK (note IS NULL OR length(note) > 0),
    CHECK ((kind = 'renamed') = (other_id IS NULL)),
    CHECK (other_id IS NOT org_id),
    CHECK (kind = 'renamed' OR (name_before IS NULL AND name_after IS NULL))
) STRICT;
CREATE INDEX successions_org ON successions(org_id);
CREATE INDEX successions_other ON successions(other_id);
CREATE TABLE IF NOT EXISTS "quote_proofs" (
    id      INTEGER PRIMARY KEY,
    tbl     TEXT NOT NULL CHECK (tbl IN ('stances', 'memberships', 'signatures', 'names',
                'person_names', 'roles', 'statement_positions', 'country_memberships',
                'successions')),
    row_id  INTEGER NOT NULL,
    text_id INTEGER REFERENCES document_texts(id) ON DELETE CASCADE,
    start   INTEGER CHECK (start IS NULL OR start >= 0),
    end     INTEGER CHECK (end IS NULL OR end > start),
    UNIQUE (tbl, row_id),
    CHECK ((text_id IS NULL) = (start IS NULL) AND (start IS NULL) = (end IS NULL))
) STRICT;
CREATE INDEX quote_proofs_text ON quote_proofs(text_id);
CREATE TRIGGER successions_proof_delete AFTER DELETE ON successions BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'successions' AND row_id = old.id;
END;
CREATE TRIGGER successions_proof_update AFTER UPDATE OF quote, source_id ON successions BEGIN
    DELETE FROM quote_proofs WHERE tbl = 'successions' AND row_id = old.id;
END;
CREATE TRIGGER interpretations_no_nul_insert BEFORE INSERT ON interpretations
WHEN instr(new.decision_id, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'interpretations.decision_id holds a NUL character');
END;
CREATE TRIGGER interpretations_no_nul_update BEFORE UPDATE OF decision_id ON interpretations
WHEN instr(new.decision_id, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'interpretations.decision_id holds a NUL character');
END;
CREATE TRIGGER names_valid_no_nul_insert BEFORE INSERT ON names
WHEN instr(new.valid_from, char(0)) > 0 OR instr(new.valid_until, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'names.valid_from holds a NUL character') WHERE instr(new.valid_from, char(0)) > 0;
    SELECT RAISE(ABORT, 'names.valid_until holds a NUL character') WHERE instr(new.valid_until, char(0)) > 0;
END;
CREATE TRIGGER names_valid_no_nul_update BEFORE UPDATE OF valid_from, valid_until ON names
WHEN instr(new.valid_from, char(0)) > 0 OR instr(new.valid_until, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'names.valid_from holds a NUL character') WHERE instr(new.valid_from, char(0)) > 0;
    SELECT RAISE(ABORT, 'names.valid_until holds a NUL character') WHERE instr(new.valid_until, char(0)) > 0;
END;
CREATE TRIGGER successions_no_nul_insert BEFORE INSERT ON successions
WHEN instr(new.date, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'successions.date holds a NUL character');
END;
CREATE TRIGGER successions_no_nul_update BEFORE UPDATE OF date ON successions
WHEN instr(new.date, char(0)) > 0
BEGIN
    SELECT RAISE(ABORT, 'successions.date holds a NUL character');
END;
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
   OR (other_first AND other_not_after >= not_before)
/* order_unknown_between(org_id,organisation,issue_id,value,as_of,not_before,not_after,evidence,document_id,stance_id,signature_id,other_value,other_as_of,other_not_before,other_not_after,other_evidence,other_document_id,other_stance_id,other_signature_id,"first") */;
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
WHERE first
/* stance_order_unknown(org_id,organisation,issue_id,first_value,first_as_of,first_not_before,first_not_after,first_evidence,first_document_id,first_stance_id,first_signature_id,second_value,second_as_of,second_not_before,second_not_after,second_evidence,second_document_id,second_stance_id,second_signature_id) */;
CREATE VIEW evidence_order_unknown AS
SELECT org_id, issue_id, stance_id, signature_id,
       other_value, other_as_of, other_document_id
FROM order_unknown_between
/* evidence_order_unknown(org_id,issue_id,stance_id,signature_id,other_value,other_as_of,other_document_id) */;
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
WHERE n = 1
/* order_unknown_cells(org_id,issue_id,stance_id,signature_id,against) */;
CREATE VIEW organisation_name_forms AS
SELECT p.rowid AS organisations_rowid,
       p.id    AS org_id,
       p.name || coalesce((SELECT group_concat(f, '') FROM (
           SELECT ' · ' || c.name || coalesce(' · ' || c.search_key, '') AS f
           FROM names c WHERE c.org_id = p.id ORDER BY c.id)), '') AS forms
FROM organisations p
/* organisation_name_forms(organisations_rowid,org_id,forms) */;
CREATE TRIGGER organisations_fts_queue_ai AFTER INSERT ON organisations_fts_queue BEGIN
    INSERT INTO organisations_fts (organisations_fts, rowid, name) SELECT 'delete', organisations_rowid, forms FROM organisations_fts_forms WHERE organisations_rowid = (SELECT rowid FROM organisations WHERE id = new.organisations_id);
    DELETE FROM organisations_fts_forms WHERE organisations_rowid = (SELECT rowid FROM organisations WHERE id = new.organisations_id);
    INSERT INTO organisations_fts_forms (organisations_rowid, forms)
        SELECT organisations_rowid, forms FROM organisation_name_forms WHERE org_id = new.organisations_id;
    INSERT INTO organisations_fts (rowid, name) SELECT organisations_rowid, forms FROM organisations_fts_forms WHERE organisations_rowid = (SELECT rowid FROM organisations WHERE id = new.organisations_id);
    DELETE FROM organisations_fts_queue WHERE rowid = new.rowid;
END;
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
