//! Quotes proven at entry: the loader asks a `Prover` about every row that carries verbatim
//! words (a quote, a printed name, a role) before it goes in. Words whose source has a stored
//! text must occur in it (same folding as `verify-quotes`); where they are is recorded.
//!
//! At entry (`add`, `sign`, inside `at_entry`) a source without a stored text is refused
//! unless the user passed --unverified, which records the row as unverified. In `import` and
//! the seed, such rows go in unchecked (a bulk file is not refused for a text not yet loaded;
//! `add text` proves them later).
use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;

use rusqlite::Connection;
use rusqlite::types::Value;

use super::Haystack;
use crate::error::Result;
use crate::problem::{Collector, Kind, Problem};
use crate::store::texts::{self, Found};

thread_local! {
    /// None outside `at_entry`; Some(unverified) inside.
    static ENTRY: Cell<Option<bool>> = const { Cell::new(None) };
}

/// Run `f` (an `add` or `sign` write) with entry rules: a source must have a stored text,
/// unless `unverified`, which records the rows as unverified instead.
pub fn at_entry<T>(unverified: bool, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let before = ENTRY.with(|e| e.replace(Some(unverified)));
    let result = f();
    ENTRY.with(|e| e.set(before));
    result
}

/// The column holding the verbatim words and the column naming their source, per table.
fn provable_columns(table: &str) -> Option<(&'static str, &'static str)> {
    Some(match table {
        "stances" | "statement_positions" => ("quote", "document_id"),
        "memberships" | "country_memberships" => ("quote", "source_id"),
        "signatures" => ("name_as_printed", "source_id"),
        "names" | "person_names" => ("name", "source_id"),
        "roles" => ("role", "source_id"),
        _ => return None,
    })
}

/// What the prover found for a row.
#[derive(Debug, Clone, Copy)]
pub enum Proof {
    /// Nothing to prove (no words, no source, or unchecked in a bulk load).
    Nothing,
    Found(Found),
    /// Entered --unverified: its source has no stored text.
    Unverified,
}

type Texts = Rc<Vec<(i64, String, Haystack)>>;

/// Proves the rows of one load into one table.
pub struct Prover {
    table: &'static str,
    /// (words column, source column) positions in the loaded columns, when provable.
    columns: Option<(usize, usize)>,
    column_name: &'static str,
    entry: Option<bool>,
    cache: HashMap<String, Texts>,
}

impl Prover {
    pub fn new(conn: &Connection, table: &'static str, names: &[&str]) -> Result<Self> {
        let entry = ENTRY.with(Cell::get);
        let mut columns = None;
        let mut column_name = "";
        if let Some((words, source)) = provable_columns(table) {
            let w = names.iter().position(|n| *n == words);
            let s = names.iter().position(|n| *n == source);
            columns = w.zip(s);
            column_name = words;
        }
        // A bulk load into a database without any stored text has nothing to prove.
        if entry.is_none() && columns.is_some() && !texts::any_text(conn)? {
            columns = None;
        }
        Ok(Prover {
            table,
            columns,
            column_name,
            entry,
            cache: HashMap::new(),
        })
    }

    fn texts(&mut self, conn: &Connection, doc: &str) -> Result<Texts> {
        if let Some(t) = self.cache.get(doc) {
            return Ok(t.clone());
        }
        let loaded: Vec<(i64, String, Haystack)> = texts::source_texts(conn, doc)?
            .into_iter()
            .map(|t| {
                let h = Haystack::new(&t.text);
                (t.id, t.document_id, h)
            })
            .collect();
        let rc = Rc::new(loaded);
        self.cache.insert(doc.to_string(), rc.clone());
        Ok(rc)
    }

    /// Prove one row's words; None when they cannot be (the problem is in `problems`).
    pub fn check(
        &mut self,
        conn: &Connection,
        line: u64,
        values: &[Value],
        problems: &mut Collector,
    ) -> Result<Option<Proof>> {
        let Some((wi, si)) = self.columns else {
            return Ok(Some(Proof::Nothing));
        };
        let (Some(Value::Text(words)), Some(Value::Text(doc))) = (values.get(wi), values.get(si))
        else {
            return Ok(Some(Proof::Nothing));
        };
        let texts = self.texts(conn, doc)?;
        if texts.is_empty() {
            return Ok(match self.entry {
                None => Some(Proof::Nothing),
                Some(true) => Some(Proof::Unverified),
                Some(false) => {
                    let (column, field) = (si as u64 + 1, self.source_column());
                    problems.push(Problem::field(
                        line,
                        column,
                        field,
                        Some(doc),
                        Kind::NoStoredText,
                    ));
                    None
                }
            });
        }
        for (id, _, h) in texts.iter() {
            if let Some((start, end)) = h.find(words) {
                return Ok(Some(Proof::Found(Found {
                    text_id: *id,
                    start,
                    end,
                })));
            }
        }
        let kind = not_found(doc, words, &texts);
        problems.push(Problem::field(
            line,
            wi as u64 + 1,
            self.column_name,
            Some(words),
            kind,
        ));
        Ok(None)
    }

    fn source_column(&self) -> &'static str {
        provable_columns(self.table).map_or("", |(_, s)| s)
    }

    /// Record the proof of the row just stored as `rowid`.
    pub fn record(&self, conn: &Connection, rowid: i64, proof: Proof) -> Result<()> {
        match proof {
            Proof::Nothing => Ok(()),
            Proof::Found(f) => texts::record_proof(conn, self.table, rowid, Some(f)),
            Proof::Unverified => texts::record_proof(conn, self.table, rowid, None),
        }
    }
}

/// Words not in the texts of `doc`: which document, and the nearest passage.
fn not_found(doc: &str, words: &str, texts: &[(i64, String, Haystack)]) -> Kind {
    let document = match texts.first() {
        Some((_, d, _)) if d != doc => format!("{doc} (known through {d})"),
        _ => doc.to_string(),
    };
    let nearest = texts
        .iter()
        .filter_map(|(_, _, h)| h.nearest(words).map(|(s, e, score)| (score, h, s, e)))
        .max_by_key(|(score, ..)| *score)
        .map(|(_, h, s, e)| h.passage(s, e));
    Kind::NotInText { document, nearest }
}

/// Prove again every verbatim row quoted from `document_id` (or from a document known only
/// through it) against its stored texts, recording where each is found: (found, not found).
pub fn prove_stored(conn: &Connection, document_id: &str) -> Result<(usize, usize)> {
    let (mut found, mut missing) = (0, 0);
    for doc in texts::quoted_through(conn, document_id)? {
        let hays: Vec<(i64, Haystack)> = texts::source_texts(conn, &doc)?
            .into_iter()
            .map(|t| (t.id, Haystack::new(&t.text)))
            .collect();
        if hays.is_empty() {
            continue;
        }
        for (table, row_id, words) in texts::provable_rows(conn, &doc)? {
            let hit = hays
                .iter()
                .find_map(|(id, h)| h.find(&words).map(|(s, e)| (*id, s, e)));
            match hit {
                Some((text_id, start, end)) => {
                    let f = Found {
                        text_id,
                        start,
                        end,
                    };
                    texts::record_proof(conn, table, row_id, Some(f))?;
                    found += 1;
                }
                None => missing += 1,
            }
        }
    }
    Ok((found, missing))
}
