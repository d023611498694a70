//! Lint: no SQL text is built with `format!` from values. SQL with `format!` may appear only
//! in the store modules that put whitelisted identifiers into it (a table or view name from
//! `tables::TABLES`/`VIEWS`, a column list from `PRAGMA table_info`), and only with those
//! placeholders; every value everywhere goes in as a bound parameter.
use std::path::Path;

/// Files allowed to build SQL, and the placeholders (identifiers only) they may use.
const ALLOWED_FILES: &[&str] = &[
    "src/store/tables.rs",
    "src/store/load.rs",
    "src/store/load/sql.rs",
    "src/store/export.rs",
    "src/store/edits.rs",
    "src/store/log.rs",
];
/// `{filters}` and `{order}` are `export --where`'s: conditions on quoted column names the
/// selection exports, compared with ?N parameters, and the whitelisted view's own ORDER BY.
const ALLOWED_PLACEHOLDERS: &[&str] = &[
    "{table}",
    "{view}",
    "{}",
    "{base}",
    "{name}",
    "{filters}",
    "{order}",
];
/// Phrases that make a string SQL (this codebase writes SQL keywords in capitals).
const SQL_WORDS: &[&str] = &[
    " FROM ",
    " WHERE ",
    "INSERT INTO",
    "UPDATE SET",
    "ON CONFLICT",
    "PRAGMA ",
    "CREATE TABLE",
    "DROP TABLE",
    "ATTACH ",
    "VALUES (",
];

/// (line, format string) of every `format!` whose format string reads like SQL.
fn sql_formats(source: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut rest = source;
    let mut offset = 0;
    while let Some(i) = rest.find("format!(") {
        let after = &rest[i + 8..];
        let literal = after.trim_start();
        if let Some(body) = literal.strip_prefix('"') {
            let mut end = None;
            let mut escaped = false;
            for (j, c) in body.char_indices() {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => {
                        end = Some(j);
                        break;
                    }
                    _ => escaped = false,
                }
            }
            if let Some(e) = end {
                let text = &body[..e];
                if SQL_WORDS.iter().any(|w| text.contains(w)) {
                    let line = source[..offset + i].matches('\n').count() + 1;
                    out.push((line, text.to_string()));
                }
            }
        }
        offset += i + 8;
        rest = &rest[i + 8..];
    }
    out
}

/// The `{…}` placeholders of a format string (escaped `{{` skipped).
fn placeholders(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '{' {
            if chars.peek().map(|(_, n)| *n) == Some('{') {
                chars.next();
                continue;
            }
            if let Some(end) = text[i..].find('}') {
                out.push(text[i..i + end + 1].to_string());
            }
        }
    }
    out
}

fn rs_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn problems(rel: &str, source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (line, text) in sql_formats(source) {
        if !ALLOWED_FILES.contains(&rel) {
            found.push(format!(
                "{rel}:{line}: SQL built with format!: \"{text}\" (bind values as ?N parameters)"
            ));
            continue;
        }
        for p in placeholders(&text) {
            if !ALLOWED_PLACEHOLDERS.contains(&p.as_str()) {
                found.push(format!(
                    "{rel}:{line}: placeholder {p} in SQL is not a whitelisted identifier: {text:?}"
                ));
            }
        }
    }
    found
}

#[test]
fn no_sql_is_built_with_format_from_values() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rs_files(&root.join("src"), &mut files);
    assert!(files.len() > 20, "scanned {} files", files.len());
    let mut found = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let source = std::fs::read_to_string(&f).unwrap();
        found.extend(problems(&rel, &source));
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_lint_catches_a_value_formatted_into_sql() {
    let bad = "let sql = format!(\"SELECT * FROM names WHERE name = '{name}'\");";
    assert_eq!(problems("src/cmd/show.rs", bad).len(), 1);
    let bad_multiline =
        "conn.execute(&format!(\n    \"DELETE FROM stances WHERE id = {}\", id), [])";
    assert_eq!(problems("src/cmd/x.rs", bad_multiline).len(), 1);
    let bad_placeholder = "format!(\"SELECT * FROM {table} WHERE id = {user_id}\")";
    assert_eq!(problems("src/store/load.rs", bad_placeholder).len(), 1);
    let fine = "format!(\"SELECT count(*) FROM {table}\")";
    assert!(problems("src/store/export.rs", fine).is_empty());
    let not_sql = "format!(\"unknown organisation '{name}'\")";
    assert!(problems("src/cmd/show.rs", not_sql).is_empty());
}

/// `docs/schema.sql`: the current schema, as `sqlite3 DB .schema` prints it, in one file (so
/// learning a table's shape means reading it, not replaying migrations).
const SCHEMA_DOC: &str = "docs/schema.sql";
/// Set to write `docs/schema.sql` afresh instead of checking it.
const WRITE_SCHEMA_VAR: &str = "STANCEDB_WRITE_SCHEMA";

/// The schema of a newly migrated database, as `sqlite3 DB .schema` prints it: every
/// statement SQLite keeps, in the order it keeps them, each ended by a semicolon; a full-text
/// index's own tables as `CREATE TABLE IF NOT EXISTS`; after each view and virtual table, a
/// comment naming its columns.
fn current_schema() -> String {
    let store = stancedb::Store::in_memory_empty().unwrap();
    let conn = store.conn();
    let mut st = conn
        .prepare("SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid")
        .unwrap();
    let rows = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    let mut out = String::new();
    for row in rows {
        let (kind, name, sql): (String, String, String) = row.unwrap();
        match sql.strip_prefix("CREATE TABLE ") {
            Some(rest) if rest.starts_with(['\'', '"']) => {
                out.push_str("CREATE TABLE IF NOT EXISTS ");
                out.push_str(rest);
            }
            _ => out.push_str(&sql),
        }
        if kind == "view" || sql.starts_with("CREATE VIRTUAL TABLE") {
            let mut cols = conn
                .prepare("SELECT name FROM pragma_table_info(?1)")
                .unwrap();
            let cols: Vec<String> = cols
                .query_map([&name], |r| r.get::<_, String>(0))
                .unwrap()
                .map(|c| quoted(&c.unwrap()))
                .collect();
            out.push_str(&format!("\n/* {name}({}) */", cols.join(",")));
        }
        out.push_str(";\n");
    }
    out
}

/// A column name as the shell prints it: in double quotes when it is a keyword or not a
/// plain identifier.
fn quoted(name: &str) -> String {
    let plain = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    // SAFETY: SQLite reads `len` bytes of `name`, which outlives the call.
    let keyword = unsafe {
        rusqlite::ffi::sqlite3_keyword_check(name.as_ptr().cast(), name.len() as i32) != 0
    };
    if plain && !keyword {
        name.to_string()
    } else {
        format!("\"{}\"", name.replace('"', "\"\""))
    }
}

#[test]
fn docs_schema_sql_is_the_current_schema() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA_DOC);
    let now = current_schema();
    if std::env::var_os(WRITE_SCHEMA_VAR).is_some() {
        std::fs::write(&path, &now).unwrap();
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == now,
        "{SCHEMA_DOC} is not the current schema (a migration changed it): write it afresh with \
         `{WRITE_SCHEMA_VAR}=1 cargo test --release --test sql_lint` and commit it"
    );
}
