//! The first run writes the database image built at compile time (build.rs, src/store/image.rs):
//! it must hold exactly the data of a database migrated and seeded the ordinary way at run time,
//! and `init --force` must write the same. Compared by logical dump: the schema, every row of every table
//! (full-text shadow tables included), and the header settings.
mod common;
use common::Env;
use rusqlite::Connection;
use rusqlite::types::Value;
use stancedb::store::Store;

/// Schema objects, then every table's rows in rowid (or key) order, as text.
fn dump(c: &Connection) -> Vec<String> {
    let mut out = Vec::new();
    for pragma in [
        "application_id",
        "user_version",
        "page_size",
        "encoding",
        "auto_vacuum",
    ] {
        let v: Value = c
            .query_row(&format!("PRAGMA {pragma}"), [], |r| r.get(0))
            .unwrap();
        out.push(format!("PRAGMA {pragma} = {v:?}"));
    }
    let objects: Vec<(String, String, Option<String>)> = c
        .prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    for (kind, name, sql) in &objects {
        out.push(format!("{kind} {name}: {sql:?}"));
        let plain_table = kind == "table"
            && !sql.as_deref().unwrap_or("").contains("VIRTUAL TABLE")
            && !name.starts_with("sqlite_");
        if !plain_table {
            continue;
        }
        let without_rowid = sql.as_deref().unwrap_or("").contains("WITHOUT ROWID");
        // When each migration was applied is the only thing that may differ.
        let cols = if name == "refinery_schema_history" {
            "version, name, checksum".to_string()
        } else {
            "*".to_string()
        };
        let order = if without_rowid { "1, 2" } else { "rowid" };
        let rowid = if without_rowid { "NULL" } else { "rowid" };
        let sql = format!("SELECT {rowid}, {cols} FROM \"{name}\" ORDER BY {order}");
        let mut st = c.prepare(&sql).unwrap();
        let n = st.column_count();
        let rows = st
            .query_map([], |r| {
                (0..n)
                    .map(|i| r.get::<_, Value>(i))
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap();
        for row in rows {
            out.push(format!("{name} {:?}", row.unwrap()));
        }
    }
    out
}

#[track_caller]
fn same(a: &[String], b: &[String]) {
    assert_eq!(a.len(), b.len(), "as many schema objects and rows");
    for (x, y) in a.iter().zip(b) {
        assert_eq!(x, y);
    }
}

#[test]
fn the_first_run_image_equals_a_migrated_and_seeded_database() {
    let env = Env::new();
    env.ready();
    let built = Store::in_memory().unwrap();
    let expected = dump(built.conn());
    assert!(expected.len() > 1000, "the dump covers the seed's rows");
    let file = Connection::open(&env.db).unwrap();
    same(&dump(&file), &expected);
    let mode: String = file
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let ok: String = file
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    drop(file);

    // init --force takes the same path: an edited database comes back as the image.
    Connection::open(&env.db)
        .unwrap()
        .execute_batch("DELETE FROM signatures WHERE org_id = 'kprf';")
        .unwrap();
    env.run(&["init", "--force"]).ok();
    let file = Connection::open(&env.db).unwrap();
    same(&dump(&file), &expected);
}
