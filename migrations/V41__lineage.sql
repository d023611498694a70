-- Lineage (issue #26): organisations that rename, split and merge, and the dates a name form
-- was in use.
--
-- One row says "org_id <kind> other_id" on a date a source prints:
--   renamed       org_id took a new name; it keeps its id (other_id is NULL), so its stances and
--                 signatures follow it; name_before / name_after say from what to what.
--   split_from    org_id split off from other_id (a new organisation, its own id: it inherits
--                 none of other_id's later stances or signatures).
--   merged_into   org_id merged into other_id.
--   succeeded_by  org_id was succeeded by other_id.
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

-- The days a name form was in use, when a source dates them (partial dates allowed); NULL: not
-- dated. Resolving a name printed in a dated document prefers the forms valid at that date.
ALTER TABLE names ADD COLUMN valid_from TEXT
    CHECK (valid_from IS NULL OR valid_from GLOB '[0-9][0-9][0-9][0-9]'
           OR (valid_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(valid_from, 6, 2) BETWEEN '01' AND '12')
           OR (valid_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(valid_from) IS valid_from));
ALTER TABLE names ADD COLUMN valid_until TEXT
    CHECK (valid_until IS NULL OR ((valid_until GLOB '[0-9][0-9][0-9][0-9]'
           OR (valid_until GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(valid_until, 6, 2) BETWEEN '01' AND '12')
           OR (valid_until GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(valid_until) IS valid_until))
           AND (valid_from IS NULL OR substr(valid_from, 1, min(length(valid_from), length(valid_until)))
                <= substr(valid_until, 1, min(length(valid_from), length(valid_until))))));
