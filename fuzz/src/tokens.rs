//! What the import mutator writes into a field: ids and names stored in the seeded database
//! (so references resolve and rows get past validation), every vocabulary of the schema's
//! CHECK rules, and dates, numbers and characters at the edges; and the seed's own rows.
use rusqlite::Connection;
use stancedb::store::tables::SEED;

/// Field values and whole rows the mutator draws from.
pub struct Tokens {
    pub words: Vec<Vec<u8>>,
    /// Per table: the seed file's lines (header first).
    pub seed_lines: Vec<(&'static str, Vec<Vec<u8>>)>,
}

/// Values at the edges of what the loader accepts.
const EDGES: &[&str] = &[
    "",
    " ",
    "  x  ",
    "0",
    "-1",
    "1.5",
    "9223372036854775807",
    "9223372036854775808",
    "1e3",
    "2022",
    "2022-02",
    "2022-02-28",
    "2024-02-29",
    "2023-02-29",
    "2022-13",
    "2022-00-10",
    "0000",
    "9999-12-31",
    "22-01-01",
    "2022-1-5",
    "KZ",
    "kz",
    "XX",
    "http://example.org",
    "www.example.org",
    "ftp://x",
    "\"",
    "\"\"",
    "a,b",
    "line\nbreak",
    "tab\there",
    "\r",
    "\u{feff}",
    "\u{200b}",
    "\u{202e}",
    "Ǆ",
    "КПРФ",
    "ё",
    "null",
    "NULL",
    "-",
    "--",
    "a-",
    "-a",
    "x'y",
    "%",
    "_",
    "\\",
];

/// Every quoted word inside an `IN (…)` list of the schema: the vocabularies.
fn vocabularies(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut st = conn.prepare("SELECT group_concat(sql, ' ') FROM sqlite_master")?;
    let sql: String = st.query_row([], |r| r.get(0))?;
    let mut out = Vec::new();
    for part in sql.split(" IN (").skip(1) {
        let list = part.split(')').next().unwrap_or_default();
        for w in list.split(',') {
            let w = w.trim();
            if let Some(w) = w.strip_prefix('\'').and_then(|w| w.strip_suffix('\'')) {
                if !out.iter().any(|o| o == w) {
                    out.push(w.to_string());
                }
            }
        }
    }
    Ok(out)
}

/// Gather the tokens from the seeded database `conn`.
pub fn gather(conn: &Connection) -> rusqlite::Result<Tokens> {
    let mut words: Vec<String> = EDGES.iter().map(|s| s.to_string()).collect();
    words.extend(vocabularies(conn)?);
    for sql in [
        "SELECT id FROM organisations",
        "SELECT id FROM people",
        "SELECT id FROM documents",
        "SELECT id FROM issues",
        "SELECT CAST(id AS TEXT) FROM stances LIMIT 5",
        "SELECT name FROM names ORDER BY id LIMIT 60",
        "SELECT DISTINCT date FROM documents WHERE date IS NOT NULL",
    ] {
        let mut st = conn.prepare(sql)?;
        for w in st.query_map([], |r| r.get::<_, String>(0))? {
            words.push(w?);
        }
    }
    let seed_lines = SEED
        .iter()
        .map(|(table, text)| {
            let lines = text
                .lines()
                .filter(|l| !l.is_empty())
                .map(|l| l.as_bytes().to_vec())
                .collect();
            (*table, lines)
        })
        .collect();
    Ok(Tokens {
        words: words.into_iter().map(String::into_bytes).collect(),
        seed_lines,
    })
}
