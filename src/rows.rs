//! The neutral row pipeline shared by the store and the output layer: a value (`Cell`), a
//! named block of rows (`Rows`), the role of each column (so a layout knows what it may
//! shorten), the one loop that turns a SQLite row into cells, and the `Sink` that every
//! encoder implements. The store fills rows; it knows nothing of formats or terminals.
use std::fmt::Write as _;

use crate::error::Result;

/// One value in a row.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Null,
    Text(String),
    Int(i64),
    Real(f64),
    /// Bytes that are not text (only from `sql` or a user's query): shown as x'…' hex.
    Blob(Vec<u8>),
}

impl Cell {
    /// The value as text; NULL is the empty string, a blob is SQL's x'…' hex literal.
    pub fn text(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Real(f) => format_real(*f),
            Cell::Blob(b) => blob_literal(b),
        }
    }
}

/// `x'0a1b…'`, the SQL literal of a blob.
pub fn blob_literal(b: &[u8]) -> String {
    let mut s = String::with_capacity(b.len() * 2 + 3);
    s.push_str("x'");
    for byte in b {
        let _ = write!(s, "{byte:02x}");
    }
    s.push('\'');
    s
}

fn format_real(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{f:.1}")
    } else {
        let s = format!("{f:.4}");
        s.trim_end_matches('0').to_string()
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}
impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_string())
    }
}
impl From<Option<String>> for Cell {
    fn from(s: Option<String>) -> Self {
        s.map_or(Cell::Null, Cell::Text)
    }
}
impl From<i64> for Cell {
    fn from(i: i64) -> Self {
        Cell::Int(i)
    }
}
impl From<Option<i64>> for Cell {
    fn from(i: Option<i64>) -> Self {
        i.map_or(Cell::Null, Cell::Int)
    }
}
impl From<f64> for Cell {
    fn from(f: f64) -> Self {
        Cell::Real(f)
    }
}
impl From<Option<f64>> for Cell {
    fn from(f: Option<f64>) -> Self {
        f.map_or(Cell::Null, Cell::Real)
    }
}

impl From<rusqlite::types::Value> for Cell {
    fn from(v: rusqlite::types::Value) -> Self {
        use rusqlite::types::Value;
        match v {
            Value::Null => Cell::Null,
            Value::Integer(i) => Cell::Int(i),
            Value::Real(f) => Cell::Real(f),
            Value::Text(s) => Cell::Text(s),
            Value::Blob(b) => Cell::Blob(b),
        }
    }
}

/// What a column holds, so a layout for people knows what it may shorten: ids, dates,
/// numbers and vocabulary words are never split; prose may be cut or wrapped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Id,
    Date,
    Vocabulary,
    Number,
    Prose,
}

/// Column names (or their last word, as in compare's "kprf value") that hold a vocabulary word.
const VOCABULARY: &[&str] = &[
    "value", "evidence", "basis", "kind", "role", "status", "lang", "country", "script", "written",
    "agree", "type", "check", "exported", "table", "section", "current",
];
/// Column names that hold an id (besides `id` and `*_id`).
const IDS: &[&str] = &[
    "issue",
    "statement",
    "org",
    "org_a",
    "org_b",
    "alliance",
    "member",
    "signatory",
    "document",
    "person",
    "subject",
];

impl Role {
    /// The role a column of this name has (the cells decide only between number and the rest).
    pub fn of(column: &str) -> Role {
        let word = column.rsplit(' ').next().unwrap_or(column);
        let word = word.to_ascii_lowercase();
        if word == "id" || word.ends_with("_id") || IDS.contains(&word.as_str()) {
            Role::Id
        } else if word.contains("date")
            || ["as_of", "since", "until", "from", "to", "signed_on"].contains(&word.as_str())
        {
            Role::Date
        } else if VOCABULARY.contains(&word.as_str()) {
            Role::Vocabulary
        } else {
            Role::Prose
        }
    }
}

/// A named block of rows with its column names.
#[derive(Clone, Debug, Default)]
pub struct Rows {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Rows {
    pub fn new(name: &str, columns: &[&str]) -> Self {
        Rows {
            name: name.to_string(),
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.columns.len(), "row width for {}", self.name);
        self.rows.push(row);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Each column's role: by its name, and a number when every value in it is a number.
    pub fn roles(&self) -> Vec<Role> {
        roles(&self.columns, &self.rows)
    }
}

/// Several blocks as one sheet: a `section` column, then the union of all columns.
pub fn merge(blocks: &[Rows]) -> Rows {
    let mut columns: Vec<String> = vec!["section".to_string()];
    for b in blocks {
        for c in &b.columns {
            if !columns.contains(c) {
                columns.push(c.clone());
            }
        }
    }
    let mut merged = Rows {
        name: "rows".to_string(),
        columns,
        rows: Vec::new(),
    };
    for b in blocks {
        for r in &b.rows {
            let mut row = vec![Cell::Null; merged.columns.len()];
            row[0] = Cell::Text(b.name.clone());
            for (c, v) in b.columns.iter().zip(r) {
                if let Some(i) = merged.columns.iter().position(|x| x == c) {
                    row[i] = v.clone();
                }
            }
            merged.rows.push(row);
        }
    }
    merged
}

/// The roles of `columns` given some of their rows: numbers when every value is one; words
/// when a prose-named column holds only single short words (matrix's per-issue values).
pub fn roles(columns: &[String], rows: &[Vec<Cell>]) -> Vec<Role> {
    (0..columns.len())
        .map(|i| {
            let cells = || rows.iter().filter_map(|r| r.get(i));
            let any = cells().any(|c| !matches!(c, Cell::Null));
            let numeric = cells().all(|c| matches!(c, Cell::Int(_) | Cell::Real(_) | Cell::Null));
            let word = |c: &Cell| match c {
                Cell::Text(t) => t.chars().count() <= 24 && !t.contains(char::is_whitespace),
                _ => true,
            };
            match Role::of(&columns[i]) {
                _ if any && numeric => Role::Number,
                Role::Prose if any && cells().all(word) => Role::Vocabulary,
                role => role,
            }
        })
        .collect()
}

/// Where rows go, one block at a time: every encoder (csv, tsv, json, jsonl, xlsx, table,
/// markdown) implements it, for command output and `export` alike.
pub trait Sink {
    /// Start a block: its name (table, view, section or "query") and column names.
    fn begin(&mut self, name: &str, columns: &[String]) -> Result<()>;
    /// One row, as wide as the columns.
    fn row(&mut self, cells: &[Cell]) -> Result<()>;
    /// End the block (and flush what is buffered).
    fn end(&mut self) -> Result<()>;
    /// After the last block: close what spans blocks (a JSON object of sections, a workbook).
    fn finish(&mut self) -> Result<()> {
        Ok(())
    }
}

/// A statement's column names.
pub fn column_names(st: &rusqlite::Statement<'_>) -> Vec<String> {
    st.column_names().map(String::from).collect()
}

/// The one loop from a SQLite row to cells: fills `cells` (cleared first) with `width` values.
pub fn read_row(
    row: &rusqlite::Row<'_>,
    width: usize,
    cells: &mut Vec<Cell>,
) -> rusqlite::Result<()> {
    cells.clear();
    for i in 0..width {
        cells.push(Cell::from(row.get::<_, rusqlite::types::Value>(i)?));
    }
    Ok(())
}

/// Collect every row of a prepared statement into a block named `name`.
pub fn collect<P: rusqlite::Params>(
    st: &mut rusqlite::Statement<'_>,
    name: &str,
    params: P,
) -> rusqlite::Result<Rows> {
    let columns = column_names(st);
    let width = columns.len();
    let mut out = Rows {
        name: name.to_string(),
        columns,
        rows: Vec::new(),
    };
    let mut q = st.query(params)?;
    while let Some(r) = q.next()? {
        let mut row = Vec::with_capacity(width);
        read_row(r, width, &mut row)?;
        out.rows.push(row);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blobs_read_as_sql_hex_literals() {
        assert_eq!(Cell::Blob(vec![0, 0xab, 0x10]).text(), "x'00ab10'");
    }

    #[test]
    fn roles_come_from_names_and_numbers() {
        let mut r = Rows::new("t", &["org_id", "as_of", "kprf value", "quote", "n"]);
        r.push(vec![
            Cell::from("kprf"),
            Cell::from("2022-01-05"),
            Cell::from("support"),
            Cell::from("long words"),
            Cell::from(3),
        ]);
        assert_eq!(
            r.roles(),
            [
                Role::Id,
                Role::Date,
                Role::Vocabulary,
                Role::Prose,
                Role::Number
            ]
        );
    }
}
