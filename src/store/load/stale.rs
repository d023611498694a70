//! Marking the organisations a load touches as stale (their stored current positions must be
//! recomputed) once, set-based, instead of by a trigger on every row: for the large tables,
//! the row trigger is set aside for the length of the load and put back exactly as it was
//! (its own SQL, read from the schema), inside the same transaction — no other connection
//! ever sees it missing, and a rollback restores it whatever happens.
use std::collections::HashSet;

use rusqlite::{OptionalExtension, Transaction};

use crate::error::Result;

/// (table, its row trigger, the statement that sets the trigger aside).
const ROW_TRIGGERS: &[(&str, &str, &str)] = &[
    (
        "signatures",
        "signatures_stale_insert",
        "DROP TRIGGER signatures_stale_insert",
    ),
    (
        "stances",
        "stances_stale_insert",
        "DROP TRIGGER stances_stale_insert",
    ),
];
const TRIGGER_SQL: &str = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1";
const MARK: &str = "INSERT INTO positions_stale SELECT ?1 \
     WHERE NOT EXISTS (SELECT 1 FROM positions_stale WHERE org_id = ?1)";

/// A row trigger set aside for one load.
pub(super) struct SetAside {
    sql: Option<String>,
    /// The organisations the loaded rows name.
    pub orgs: HashSet<String>,
}

impl SetAside {
    pub(super) fn begin(tx: &Transaction, table: &str) -> Result<SetAside> {
        let mut sql = None;
        if let Some((_, name, drop)) = ROW_TRIGGERS.iter().find(|(t, _, _)| *t == table) {
            sql = tx
                .query_row(TRIGGER_SQL, [name], |r| r.get::<_, String>(0))
                .optional()?;
            if sql.is_some() {
                tx.execute_batch(drop)?;
            }
        }
        Ok(SetAside {
            sql,
            orgs: HashSet::new(),
        })
    }

    /// Whether this load must collect the organisations it touches.
    pub(super) fn active(&self) -> bool {
        self.sql.is_some()
    }

    /// Mark what the load touched and put the trigger back.
    pub(super) fn end(self, tx: &Transaction) -> Result<()> {
        if let Some(sql) = self.sql {
            let mut st = tx.prepare_cached(MARK)?;
            for org in &self.orgs {
                st.execute([org])?;
            }
            tx.execute_batch(&sql)?;
        }
        Ok(())
    }
}
