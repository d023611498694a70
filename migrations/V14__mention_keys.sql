-- `mentions` without folding every name form on every run (issue #16, speed): the match key
-- of each name form kept in the database, and the matcher built from them kept as one image.
--
-- name_keys has one row per name form that `mentions` matches: every name but labels, every
-- person's name, and the display name of every organisation and person. `key` is the form
-- folded the way `mentions` matches words (case, accents, script, Russian endings); stancedb
-- computes it (the folding is Rust, not SQL), so whoever writes a name (stancedb, sqlite3,
-- Datasette) leaves `key` NULL through the triggers below, and `mentions` folds the rows
-- whose key is NULL before it matches.
CREATE TABLE name_keys (
    id      INTEGER PRIMARY KEY,
    form    TEXT NOT NULL CHECK (form IN ('names', 'person_names', 'organisations', 'people')),
    -- The form's row: names.id or person_names.id (integer), organisations.id or people.id (text).
    form_id ANY NOT NULL,
    key     TEXT,
    UNIQUE (form, form_id)
) STRICT;
CREATE INDEX name_keys_unfolded ON name_keys(form) WHERE key IS NULL;

-- The matcher built from every key (one row, or none when a name form changed since): a
-- trigger below deletes it whenever a name form is written, so it is never out of date.
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

INSERT INTO name_keys (form, form_id) SELECT 'names', id FROM names WHERE kind <> 'label';
INSERT INTO name_keys (form, form_id) SELECT 'person_names', id FROM person_names;
INSERT INTO name_keys (form, form_id) SELECT 'organisations', id FROM organisations;
INSERT INTO name_keys (form, form_id) SELECT 'people', id FROM people;
