//! Keeping what triggers derive from a table exact through a bulk load, cheaply: the per-row
//! INSERT trigger that recomputes a row's organisation and issue (stored current positions),
//! or re-indexes its organisation's every name form (`organisations_fts`), is set aside once a
//! load passes a thousand rows, and the organisations the rows after that touched are
//! recomputed once each before the caller commits (row by row, a load of many names for one
//! organisation would re-index all of them at every row). The trigger is put back exactly as
//! it was (its own SQL, read from the schema), inside the same transaction: no other
//! connection ever sees it missing or the derived tables behind, and a rollback restores it
//! whatever happens. UPDATE and DELETE triggers stay on (a replacing load updates rows, and
//! those keep their own bookkeeping).
use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension, Transaction};

use crate::error::Result;

/// A set of touched organisations, and the statements that act on it (each written out whole,
/// so a reader finds the query it runs).
pub(crate) struct Touched {
    /// How many organisations there are in the set.
    pub count: &'static str,
    /// Re-index each one's name forms once: the queue's trigger does it.
    pub reindex: &'static str,
    /// The recomputation the positions trigger would have made row by row, made once for every
    /// (organisation, issue) pair of the set that has evidence (a load only adds evidence):
    /// queued pairs are recomputed by the queue's trigger from the `current_stances` view, the
    /// one definition of a current stance. None for a set no positions hang on.
    pub queue_pairs: Option<&'static str>,
}

/// Organisations touched when the loaded keys are organisation ids.
const KEYS_ARE_ORGS: Touched = Touched {
    count: "SELECT count(*) FROM temp.positions_keys",
    reindex: "INSERT INTO organisations_fts_queue (organisations_id) SELECT k FROM temp.positions_keys",
    queue_pairs: Some(
        "INSERT INTO positions_queue (org_id, issue_id) \
         SELECT s.org_id, s.issue_id FROM stances s WHERE s.org_id IN (SELECT k FROM temp.positions_keys) \
         UNION SELECT g.org_id, p.issue_id FROM signatures g \
           JOIN statement_positions p ON p.document_id = g.document_id \
           WHERE g.org_id IN (SELECT k FROM temp.positions_keys)",
    ),
};
/// Organisations touched when the loaded keys are statements: their signatories.
const SIGNERS_OF_KEYS: Touched = Touched {
    count: "SELECT count(DISTINCT org_id) FROM signatures \
         WHERE document_id IN (SELECT k FROM temp.positions_keys)",
    reindex: "INSERT INTO organisations_fts_queue (organisations_id) SELECT DISTINCT org_id FROM signatures \
         WHERE document_id IN (SELECT k FROM temp.positions_keys)",
    queue_pairs: Some(
        "INSERT INTO positions_queue (org_id, issue_id) \
         SELECT s.org_id, s.issue_id FROM stances s WHERE s.org_id IN (SELECT org_id FROM signatures \
           WHERE document_id IN (SELECT k FROM temp.positions_keys)) \
         UNION SELECT g.org_id, p.issue_id FROM signatures g \
           JOIN statement_positions p ON p.document_id = g.document_id \
           WHERE g.org_id IN (SELECT org_id FROM signatures WHERE document_id IN (SELECT k FROM temp.positions_keys))",
    ),
};

/// (table, its INSERT trigger, the column holding the key collected from each loaded row,
/// the organisations the keys touch).
const ROW_TRIGGERS: &[(&str, &str, &str, Touched)] = &[
    (
        "signatures",
        "signatures_positions_ai",
        "org_id",
        KEYS_ARE_ORGS,
    ),
    ("stances", "stances_positions_ai", "org_id", KEYS_ARE_ORGS),
    (
        "statement_positions",
        "statement_positions_positions_ai",
        "document_id",
        SIGNERS_OF_KEYS,
    ),
    (
        "names",
        "names_organisations_fts_ai",
        "org_id",
        KEYS_ARE_ORGS,
    ),
];
/// The trigger that keeps the name-forms index rather than positions.
const NAMES_INDEX_TRIGGER: &str = "names_organisations_fts_ai";
/// Re-index every organisation's name forms at once: the index emptied, each organisation's
/// forms (the `organisation_name_forms` view the queue's trigger reads too) and their index
/// entries written in one pass each.
const REBUILD_NAME_INDEX: &str = "INSERT INTO organisations_fts (organisations_fts) VALUES ('delete-all'); \
     DELETE FROM organisations_fts_forms; \
     INSERT INTO organisations_fts_forms (organisations_rowid, forms) \
         SELECT organisations_rowid, forms FROM organisation_name_forms; \
     INSERT INTO organisations_fts (rowid, name) SELECT organisations_rowid, forms FROM organisations_fts_forms;";
const TRIGGER_SQL: &str = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1";
const KEYS_TABLE: &str = "CREATE TEMP TABLE IF NOT EXISTS positions_keys (k TEXT PRIMARY KEY) WITHOUT ROWID; \
     DELETE FROM temp.positions_keys;";
const ADD_KEY: &str = "INSERT OR IGNORE INTO temp.positions_keys (k) VALUES (?1)";
const DROP_KEYS: &str = "DROP TABLE temp.positions_keys";
const ORGANISATIONS: &str = "SELECT count(*) FROM organisations";

/// Rows a load writes with the row trigger on before it sets the trigger aside: a small load
/// (an `add`, a `sign`, a short file) keeps the trigger, which costs less than setting it
/// aside, and leaves `last_insert_rowid` to the row written.
const ROWS_BEFORE_ASIDE: u64 = 1000;
/// Distinct keys held in memory before they go to the temporary table.
const KEYS_IN_MEMORY: usize = 10_000;

/// A load's positions bookkeeping: the row trigger, set aside once the load is large.
pub(super) struct SetAside {
    /// The trigger's name, for a table whose positions it keeps; None for other tables.
    name: Option<&'static str>,
    /// The trigger's SQL once set aside, to put it back.
    sql: Option<String>,
    /// Rows seen so far.
    rows: u64,
    /// The column whose values are collected, and what they lead to.
    column: &'static str,
    touched: &'static Touched,
    /// The keys the rows loaded since the trigger was set aside hold, not yet in the temporary
    /// table (held in memory up to KEYS_IN_MEMORY, so memory stays flat at any size).
    keys: HashSet<String>,
    /// Whether the temporary table holds keys.
    flushed: bool,
}

impl SetAside {
    pub(super) fn begin(table: &str) -> SetAside {
        let found = ROW_TRIGGERS.iter().find(|r| r.0 == table);
        SetAside {
            name: found.map(|r| r.1),
            sql: None,
            rows: 0,
            column: found.map_or("", |r| r.2),
            touched: found.map_or(&KEYS_ARE_ORGS, |r| &r.3),
            keys: HashSet::new(),
            flushed: false,
        }
    }

    /// The column whose value a row must hand to `keys`, if any.
    pub(super) fn column(&self) -> Option<&'static str> {
        self.name.map(|_| self.column)
    }

    /// Count a row about to be written; at the threshold, set the trigger aside. True when
    /// the row's key must go to `keys` (the trigger will not see it).
    pub(super) fn row(&mut self, tx: &Transaction) -> Result<bool> {
        let Some(name) = self.name else {
            return Ok(false);
        };
        self.rows += 1;
        if self.rows == ROWS_BEFORE_ASIDE {
            self.sql = drop_trigger(tx, name)?;
        }
        Ok(self.sql.is_some())
    }

    /// Note the key of a row the trigger did not see.
    pub(super) fn key(&mut self, tx: &Transaction, key: &str) -> Result<()> {
        if !self.keys.contains(key) {
            self.keys.insert(key.to_string());
            if self.keys.len() >= KEYS_IN_MEMORY {
                self.flush(tx)?;
            }
        }
        Ok(())
    }

    /// Move the keys held in memory to the temporary table.
    fn flush(&mut self, tx: &Transaction) -> Result<()> {
        if !self.flushed {
            tx.execute_batch(KEYS_TABLE)?;
            self.flushed = true;
        }
        let mut st = tx.prepare_cached(ADD_KEY)?;
        for key in self.keys.drain() {
            st.execute([key])?;
        }
        Ok(())
    }

    /// Recompute what the load touched while the trigger was aside (when it `loaded`: a
    /// failed load is rolled back) and put the trigger back.
    pub(super) fn end(mut self, tx: &Transaction, loaded: bool) -> Result<()> {
        let Some(sql) = self.sql.clone() else {
            return Ok(());
        };
        // A failed load is rolled back, the temporary table with it.
        if loaded && (self.flushed || !self.keys.is_empty()) {
            self.flush(tx)?;
            self.recompute(tx)?;
            tx.execute_batch(DROP_KEYS)?;
        }
        tx.execute_batch(&sql)?;
        Ok(())
    }

    /// The touched organisations' derived rows, once each.
    fn recompute(&self, tx: &Transaction) -> Result<()> {
        if self.name == Some(NAMES_INDEX_TRIGGER) {
            reindex_organisations(tx, self.touched)?;
        } else {
            // When a load touches a large share of the organisations, one pass of the view over
            // all evidence is cheaper than the view's look-up per pair.
            if large_share(tx, self.touched)? {
                super::recompute::positions(tx)?;
            } else if let Some(queue) = self.touched.queue_pairs {
                tx.execute_batch(queue)?;
            }
        }
        Ok(())
    }
}

/// Whether the organisations `orgs` are over a tenth of all.
fn large_share(conn: &Connection, orgs: &Touched) -> Result<bool> {
    let touched: i64 = conn.query_row(orgs.count, [], |r| r.get(0))?;
    let all: i64 = conn.query_row(ORGANISATIONS, [], |r| r.get(0))?;
    Ok(touched * 10 > all)
}

/// Re-index the name forms (`organisations_fts`) of the organisations `orgs`: each once through the queue's trigger, or, when they are over a tenth of
/// all organisations, the whole index rebuilt in one pass. Re-indexing one organisation first
/// deletes its old entry (FTS5 tokenizes the old forms again to remove them), which at a
/// million organisations cost more than the whole rebuild by far.
pub(crate) fn reindex_organisations(conn: &Connection, orgs: &Touched) -> Result<()> {
    if large_share(conn, orgs)? {
        conn.execute_batch(REBUILD_NAME_INDEX)?;
    } else {
        conn.execute_batch(orgs.reindex)?;
    }
    Ok(())
}

/// Drop the trigger `name` (inside the caller's transaction, so a rollback restores it) and
/// return its SQL, to be executed again to put it back; None when there is no such trigger.
/// `name` is one of the store's own constants, never input.
pub(crate) fn drop_trigger(conn: &Connection, name: &'static str) -> Result<Option<String>> {
    let sql: Option<String> = conn
        .query_row(TRIGGER_SQL, [name], |r| r.get(0))
        .optional()?;
    if sql.is_some() {
        conn.execute_batch(&format!("DROP TRIGGER {name}"))?;
    }
    Ok(sql)
}
