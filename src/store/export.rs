//! Streaming export: the SELECT behind everything `export` can write (a whitelisted table or
//! view, or a user's query on a read-only connection) and the loop that hands its rows one at
//! a time to a sink, so memory stays flat whatever the row count and no row cap exists.
mod atomic;

use rusqlite::Connection;

pub use atomic::{TempFile, output_target};

use super::tables;
use crate::error::{Error, Result};
use crate::rows::{self, Cell, Sink};
use crate::signals;

/// One thing to export: the name of its file or sheet and the SELECT that yields its rows.
pub struct Selection {
    pub name: String,
    sql: String,
    /// `SELECT count(*)` of the same rows, for a progress bar with a known end.
    count: Option<String>,
    /// A query the user wrote: its errors are bad input (exit 2), not failures.
    user: bool,
    /// The values bound to ?1, ?2, … of `sql` and `count` (the filters of `export --where`).
    params: Vec<String>,
}

impl Selection {
    /// A whitelisted table: its CSV columns, rows by id — the seed/ format.
    pub fn table(conn: &Connection, table: &'static str) -> Result<Selection> {
        let cols = tables::columns(conn, table)?;
        Ok(Selection {
            name: table.to_string(),
            sql: tables::select_sql(table, &cols),
            count: Some(format!("SELECT count(*) FROM {table}")),
            user: false,
            params: Vec::new(),
        })
    }

    /// A table or one of the whitelisted views, by the name the user typed.
    pub fn named(conn: &Connection, name: &str) -> Result<Selection> {
        if let Ok(table) = tables::table(name) {
            return Selection::table(conn, table);
        }
        if let Some((view, sql)) = tables::view(name) {
            return Ok(Selection {
                name: view.to_string(),
                sql: sql.to_string(),
                count: Some(format!("SELECT count(*) FROM {view}")),
                user: false,
                params: Vec::new(),
            });
        }
        Err(Error::input(format!(
            "unknown table or view '{name}' (tables: {}; views: {})",
            tables::TABLES.join(", "),
            tables::VIEWS
                .iter()
                .map(|(v, _)| *v)
                .collect::<Vec<_>>()
                .join(", ")
        )))
    }

    /// A user's query: exactly one SELECT (or WITH … SELECT, or VALUES) that writes nothing.
    pub fn query(conn: &Connection, sql: &str) -> Result<Selection> {
        let keyword = leading_keyword(sql).to_ascii_uppercase();
        if keyword.is_empty() {
            return Err(Error::Sql(
                "--query is empty: give one SELECT statement".into(),
            ));
        }
        if !["SELECT", "WITH", "VALUES"].contains(&keyword.as_str()) {
            return Err(Error::Sql(format!(
                "--query takes one SELECT statement (SELECT, WITH or VALUES), not {keyword}: \
                 export only reads; use `import` or `add` to change data"
            )));
        }
        let st = conn.prepare(sql).map_err(|e| query_error(&e))?;
        if !st.readonly() || st.column_count() == 0 {
            return Err(Error::Sql(
                "--query takes one SELECT statement that returns rows and writes nothing".into(),
            ));
        }
        Ok(Selection {
            name: "query".to_string(),
            sql: sql.to_string(),
            count: None,
            user: true,
            params: Vec::new(),
        })
    }
}

impl Selection {
    /// Only the rows whose `column` shows `value` in the export (NULL shows as the empty
    /// string), for every (column, value) given: all must hold. Columns are checked against
    /// the columns this selection exports; values are bound parameters.
    pub fn filtered(
        self,
        conn: &Connection,
        filters_given: &[(String, String)],
    ) -> Result<Selection> {
        if filters_given.is_empty() {
            return Ok(self);
        }
        let columns = rows::column_names(&conn.prepare(&self.sql)?);
        // Only column names this selection exports go in (quoted); every value is a ?N.
        let mut filters = Vec::new();
        for (i, (column, _)) in filters_given.iter().enumerate() {
            if !columns.iter().any(|c| c == column) {
                return Err(Error::input(format!(
                    "--where: '{column}' is not a column of {} (columns: {})",
                    self.name,
                    columns.join(", ")
                )));
            }
            let name = tables::quoted(&[column.as_str()]);
            filters.push(format!("coalesce(CAST({name} AS TEXT), '') = ?{}", i + 1));
        }
        let filters = filters.join(" AND ");
        // A table's or view's SELECT is `SELECT … FROM name ORDER BY …` (static, ours): the
        // filters go between the two.
        let (base, order) = match self.sql.split_once(" ORDER BY ") {
            Some((base, order)) => (base, format!(" ORDER BY {order}")),
            None => (self.sql.as_str(), String::new()),
        };
        let name = &self.name;
        Ok(Selection {
            sql: format!("{base} WHERE {filters}{order}"),
            count: Some(format!("SELECT count(*) FROM {name} WHERE {filters}")),
            params: filters_given.iter().map(|(_, v)| v.clone()).collect(),
            ..self
        })
    }

    /// How many rows it has, when that is cheap to ask (a table or view, not a query).
    pub fn total(&self, conn: &Connection) -> Option<u64> {
        let sql = self.count.as_deref()?;
        let params = rusqlite::params_from_iter(&self.params);
        let n: i64 = conn.query_row(sql, params, |r| r.get(0)).ok()?;
        u64::try_from(n).ok()
    }
}

fn query_error(e: &rusqlite::Error) -> Error {
    match e {
        rusqlite::Error::MultipleStatement => Error::Sql(
            "--query takes exactly one statement; remove what follows the first ';'".into(),
        ),
        e => Error::Sql(format!("--query: {e}")),
    }
}

/// The first word of `sql`, after whitespace and comments.
pub(crate) fn leading_keyword(sql: &str) -> &str {
    let mut rest = sql;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("--") {
            rest = r.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.split_once("*/").map_or("", |(_, after)| after);
        } else {
            break;
        }
    }
    let end = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    &rest[..end]
}

/// The error an interrupted export ends with.
pub fn check_interrupted() -> Result<()> {
    signals::check()
}

/// Write every row of `sel` to `sink` as one block; the number of rows written.
pub fn stream(conn: &Connection, sel: &Selection, sink: &mut dyn Sink) -> Result<u64> {
    let fail = |e: rusqlite::Error| -> Error {
        if let Some(signal) = signals::received() {
            return Error::Interrupted(signal);
        }
        if sel.user {
            query_error(&e)
        } else {
            Error::Sqlite(e)
        }
    };
    let mut st = conn.prepare(&sel.sql).map_err(fail)?;
    let columns = rows::column_names(&st);
    let width = columns.len();
    sink.begin(&sel.name, &columns)?;
    let mut q = st
        .query(rusqlite::params_from_iter(&sel.params))
        .map_err(fail)?;
    let mut cells: Vec<Cell> = Vec::with_capacity(width);
    let mut n: u64 = 0;
    loop {
        check_interrupted()?;
        let Some(row) = q.next().map_err(fail)? else {
            break;
        };
        rows::read_row(row, width, &mut cells).map_err(fail)?;
        sink.row(&cells)?;
        n += 1;
    }
    sink.end()?;
    Ok(n)
}
