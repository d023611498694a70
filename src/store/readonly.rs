//! Read-only access for power users' own SQL: a separate connection opened read-only with
//! `query_only`, an authorizer that refuses ATTACH/DETACH and writing PRAGMAs, a check that
//! the statement writes nothing, and a progress handler that interrupts a runaway query.
use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::Connection;
use rusqlite::hooks::{AuthAction, AuthContext, Authorization};
use rusqlite::limits::Limit;

use crate::error::{Error, Result};
use crate::rows::{self, Sink};

const REFUSED: &str = "refused: `sql` runs read-only queries (no INSERT, UPDATE, DELETE, CREATE, DROP, ATTACH or writing PRAGMA); use import, sign or add to change data";

fn authorize(ctx: AuthContext<'_>) -> Authorization {
    match ctx.action {
        AuthAction::Attach { .. } | AuthAction::Detach { .. } => Authorization::Deny,
        AuthAction::Pragma {
            pragma_value: Some(_),
            ..
        } => Authorization::Deny,
        AuthAction::Function { function_name }
            if function_name.eq_ignore_ascii_case("load_extension") =>
        {
            Authorization::Deny
        }
        _ => Authorization::Allow,
    }
}

/// Open `path` read-only, locked down for untrusted SQL.
pub fn open(path: &Path) -> Result<Connection> {
    let mut conn = super::open_read_only(path)?;
    crate::signals::watch(&mut conn)?;
    conn.execute_batch("PRAGMA query_only = ON;")?;
    conn.authorizer(Some(authorize))?;
    Ok(conn)
}

fn explain(e: rusqlite::Error, timeout: Duration) -> Error {
    if let Some(signal) = crate::signals::received() {
        return Error::Interrupted(signal);
    }
    let msg = e.to_string();
    if matches!(e, rusqlite::Error::SqliteFailure(ref f, _) if f.code == rusqlite::ErrorCode::OperationInterrupted)
        || msg.contains("interrupted")
    {
        return Error::Sql(format!(
            "query interrupted after {:.1} s (raise --timeout to allow longer)",
            timeout.as_secs_f64()
        ));
    }
    if msg.contains("not authorized") || msg.contains("readonly") || msg.contains("query_only") {
        return Error::Sql(REFUSED.to_string());
    }
    if matches!(e, rusqlite::Error::SqliteFailure(ref f, _) if f.code == rusqlite::ErrorCode::TooBig)
    {
        return Error::Sql(format!(
            "a value in the result is larger than {} MB, the limit of `sql`: select a part of it (substr, length) or use `export --query`",
            MAX_VALUE_BYTES / 1_000_000
        ));
    }
    if matches!(e, rusqlite::Error::MultipleStatement) {
        return Error::Sql("one statement at a time, please".to_string());
    }
    Error::Sql(format!("sql: {}", msg.lines().next().unwrap_or("error")))
}

/// The largest string or blob a `sql` query may make or return (SQLITE_LIMIT_LENGTH on its
/// connection): output stays bounded in memory, and a giant value is a clear error.
pub const MAX_VALUE_BYTES: i32 = 4_000_000;

/// Run one read-only statement on the database at `path`, streaming its rows into `sink` as
/// they come; the number of rows. It gives up once `timeout` has passed, whether the time went
/// into the query or into writing its rows.
pub fn query(path: &Path, sql: &str, timeout: Duration, sink: &mut dyn Sink) -> Result<u64> {
    if super::export::leading_keyword(sql).is_empty() {
        return Err(Error::Sql(
            "the query is empty: give one SQL statement, e.g. stancedb sql \"SELECT * FROM current_stances LIMIT 5\"".into(),
        ));
    }
    let mut conn = open(path)?;
    conn.set_limit(Limit::SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)?;
    let start = Instant::now();
    conn.progress_handler(
        1_000,
        Some(move || start.elapsed() > timeout || crate::signals::received().is_some()),
    )?;
    let mut st = conn.prepare(sql).map_err(|e| explain(e, timeout))?;
    if !st.readonly() {
        return Err(Error::Sql(REFUSED.to_string()));
    }
    let columns = rows::column_names(&st);
    let width = columns.len();
    sink.begin("result", &columns)?;
    let mut q = st.query([]).map_err(|e| explain(e, timeout))?;
    let mut cells = Vec::with_capacity(width);
    let mut n = 0u64;
    while let Some(r) = q.next().map_err(|e| explain(e, timeout))? {
        rows::read_row(r, width, &mut cells).map_err(|e| explain(e, timeout))?;
        sink.row(&cells)?;
        n += 1;
        if start.elapsed() > timeout {
            return Err(explain(interrupted(), timeout));
        }
    }
    sink.end()?;
    Ok(n)
}

fn interrupted() -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_INTERRUPT),
        None,
    )
}
