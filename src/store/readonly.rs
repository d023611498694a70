//! Read-only access for power users' own SQL: a separate connection opened read-only with
//! `query_only`, an authorizer that refuses ATTACH/DETACH and writing PRAGMAs, a check that
//! the statement writes nothing, and a progress handler that interrupts a runaway query.
use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::Connection;
use rusqlite::hooks::{AuthAction, AuthContext, Authorization};

use crate::error::{Error, Result};
use crate::rows::{self, Rows};

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
    if matches!(e, rusqlite::Error::MultipleStatement) {
        return Error::Sql("one statement at a time, please".to_string());
    }
    Error::Sql(format!("sql: {}", msg.lines().next().unwrap_or("error")))
}

/// Run one read-only statement on the database at `path`, giving up after `timeout`.
pub fn query(path: &Path, sql: &str, timeout: Duration) -> Result<Rows> {
    let mut conn = open(path)?;
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
    let mut out = Rows {
        name: "result".to_string(),
        columns,
        rows: Vec::new(),
    };
    let mut q = st.query([]).map_err(|e| explain(e, timeout))?;
    loop {
        match q.next() {
            Ok(Some(r)) => {
                let mut row = Vec::with_capacity(width);
                rows::read_row(r, width, &mut row)?;
                out.rows.push(row);
            }
            Ok(None) => break,
            Err(e) => return Err(explain(e, timeout)),
        }
    }
    Ok(out)
}
