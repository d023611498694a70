-- As V15 for the columns issue #26 added under a GLOB check: a NUL character would hide the
-- rest of a value from the check, so it is refused on INSERT and UPDATE, naming the column.
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
