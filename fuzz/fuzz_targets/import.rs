//! Fuzz the CSV import path: arbitrary bytes into every table must never panic, and a failed
//! load must leave the table empty (all rows or none).
#![no_main]

use libfuzzer_sys::fuzz_target;
use stancedb::store::load::{OnConflict, load_csv};
use stancedb::store::tables::{self, TABLES};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else { return };
    let table = match tables::table(TABLES[pick as usize % TABLES.len()]) {
        Ok(t) => t,
        Err(_) => return,
    };
    let Ok(mut store) = stancedb::Store::in_memory_empty() else { return };
    let conn = store.conn_mut();
    let Ok(tx) = conn.transaction() else { return };
    let ok = load_csv(&tx, table, "fuzz.csv", body, OnConflict::Error).is_ok();
    if ok {
        let _ = tx.commit();
    } else {
        drop(tx);
        let n: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap_or(0);
        assert_eq!(n, 0, "a failed load left rows behind");
    }
});
