//! One CSV field checked and turned into the value to bind: valid UTF-8, no NUL, no control
//! characters in names, sane lengths, whole numbers where the schema wants them, organisation
//! references by id or any name form.
use rusqlite::Connection;
use rusqlite::types::Value;

use super::reasons::clip;
use crate::fold::fold;
use crate::store::tables::Column;

/// No field may exceed this many bytes (a 1 MB field is a mistake, not a quote).
pub const MAX_FIELD_BYTES: usize = 100_000;
/// Names, titles, ids and codes: at most this many characters.
pub const MAX_NAME_CHARS: usize = 1_000;
/// Organisation references already resolved in this load (what was written → id): a file
/// names the same organisations again and again.
pub(super) type OrgRefs = std::collections::HashMap<String, String>;
/// At most this many remembered references (memory stays bounded on any file).
const MAX_CACHED_REFS: usize = 200_000;
/// Columns holding running text (quotes, notes, questions): newlines and tabs allowed.
const PROSE: &[&str] = &["quote", "note", "date_note", "question"];

/// Length and character rules no SQL CHECK expresses well.
fn check_shape(text: &str, col: &Column) -> std::result::Result<(), String> {
    if text.len() > MAX_FIELD_BYTES {
        return Err(format!(
            "{}: the value is {} bytes long; the limit is {MAX_FIELD_BYTES}",
            col.name,
            text.len()
        ));
    }
    let prose = PROSE.contains(&col.name.as_str());
    if let Some(c) = text
        .chars()
        .find(|c| c.is_control() && !(prose && matches!(c, '\n' | '\t' | '\r')))
    {
        return Err(format!(
            "{}: contains the control character U+{:04X}{}",
            col.name,
            c as u32,
            if prose {
                ""
            } else {
                " (names, titles and codes are one line of text)"
            }
        ));
    }
    if !prose {
        let n = text.chars().count();
        if n > MAX_NAME_CHARS {
            return Err(format!(
                "{}: the value is {n} characters long; the limit is {MAX_NAME_CHARS}",
                col.name
            ));
        }
    }
    if !text.is_empty() && text.trim().is_empty() {
        return Err(format!("{}: the value is only blanks", col.name));
    }
    Ok(())
}

/// Turn one CSV field into the value to bind, or say what is wrong with it.
pub(super) fn field_value(
    conn: &Connection,
    orgs: &mut OrgRefs,
    raw: &[u8],
    col: &Column,
) -> std::result::Result<Value, String> {
    let text = std::str::from_utf8(raw).map_err(|e| {
        format!(
            "{}: not valid UTF-8 (byte {}); save the file as UTF-8",
            col.name,
            e.valid_up_to() + 1
        )
    })?;
    if text.contains('\0') {
        return Err(format!("{}: contains a NUL byte", col.name));
    }
    // A line break inside a quoted field is stored as LF, whatever the file's line ends: a
    // CRLF file imports exactly as the same file with LF.
    let lf;
    let text = if text.contains("\r\n") {
        lf = text.replace("\r\n", "\n");
        lf.as_str()
    } else {
        text
    };
    check_shape(text, col)?;
    if text.is_empty() {
        if col.required {
            return Err(format!("{}: a value is required", col.name));
        }
        return Ok(Value::Null);
    }
    if col.integer {
        return text
            .parse::<i64>()
            .map(Value::Integer)
            .map_err(|_| format!("{}: '{}' is not a whole number", col.name, clip(text)));
    }
    if col.references.as_deref() == Some("organisations") {
        if let Some(id) = orgs.get(text) {
            return Ok(Value::Text(id.clone()));
        }
        let id = resolve_org_ref(conn, text)?;
        if orgs.len() < MAX_CACHED_REFS {
            orgs.insert(text.to_string(), id.clone());
        }
        return Ok(Value::Text(id));
    }
    Ok(Value::Text(text.to_string()))
}

/// An organisation reference may be an id or any name form, folded.
fn resolve_org_ref(conn: &Connection, text: &str) -> std::result::Result<String, String> {
    let exists: bool = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM organisations WHERE id = ?1)")
        .and_then(|mut st| st.query_row([text], |r| r.get(0)))
        .map_err(|e| e.to_string())?;
    if exists {
        return Ok(text.to_string());
    }
    let key = fold(text);
    let mut st = conn
        .prepare_cached(
            "SELECT DISTINCT org_id FROM names WHERE search_key = ?1 \
             UNION SELECT id FROM organisations WHERE lower(name) = lower(?2) ORDER BY 1 LIMIT 6",
        )
        .map_err(|e| e.to_string())?;
    let ids: Vec<String> = st
        .query_map(rusqlite::params![key, text], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(|e| e.to_string())?;
    match ids.len() {
        1 => Ok(ids.into_iter().next().unwrap_or_default()),
        0 => Err(format!("unknown organisation '{}'", clip(text))),
        _ => Err(format!(
            "ambiguous organisation '{}': matches {} — use an id",
            clip(text),
            ids.join(", ")
        )),
    }
}
