//! One CSV field checked and turned into the value to bind: valid UTF-8, no NUL, no control
//! or invisible characters in names, sane lengths, whole numbers in range, real dates,
//! organisation references by id or any name form, and a spreadsheet's neutralising
//! apostrophe taken off (or refused, so `'=…` is never stored).
use rusqlite::Connection;
use rusqlite::types::Value;

use crate::fold::fold;
use crate::problem::Kind;
use crate::store::tables::Column;
use crate::values::{self, FORMULA_STARTS, PartialDate};

/// No field may exceed this many bytes (a 1 MB field is a mistake, not a quote).
pub const MAX_FIELD_BYTES: usize = 100_000;
/// Names, titles, ids and codes: at most this many characters.
pub const MAX_NAME_CHARS: usize = 1_000;
/// Organisation references already resolved in this load (what was written → id): a file
/// names the same organisations again and again.
pub(super) type OrgRefs = std::collections::HashMap<String, String>;
/// At most this many remembered references (memory stays bounded on any file): about 90 bytes
/// each, so 9 MB. At 200k the import of 10M signatures over 1M organisations peaked at
/// 66.6 MB; beyond the cap a reference is resolved by its cached statement instead.
const MAX_CACHED_REFS: usize = 100_000;
/// Columns holding running text (quotes, notes, questions): newlines and tabs allowed.
const PROSE: &[&str] = &["quote", "note", "date_note", "question"];

type Checked<T> = std::result::Result<T, Kind>;

/// Length and character rules no SQL CHECK expresses well.
fn check_shape(text: &str, col: &Column) -> Checked<()> {
    if text.len() > MAX_FIELD_BYTES {
        return Err(Kind::TooManyBytes {
            len: text.len(),
            limit: MAX_FIELD_BYTES,
        });
    }
    let prose = PROSE.contains(&col.name.as_str());
    if let Some(c) = text
        .chars()
        .find(|c| c.is_control() && !(prose && matches!(c, '\n' | '\t' | '\r')))
    {
        return Err(Kind::Control {
            code: c as u32,
            one_line: !prose,
        });
    }
    if !prose {
        let len = text.chars().count();
        if len > MAX_NAME_CHARS {
            return Err(Kind::TooManyChars {
                len,
                limit: MAX_NAME_CHARS,
            });
        }
        values::check_visible(text)?;
    }
    if !text.is_empty() && text.trim().is_empty() {
        return Err(Kind::Blank);
    }
    Ok(())
}

/// The field's text as UTF-8 with line breaks inside it as LF, the neutralising apostrophe of
/// a spreadsheet export taken off when `excel`.
fn text_of(raw: &[u8], excel: bool) -> Checked<std::borrow::Cow<'_, str>> {
    let text = std::str::from_utf8(raw).map_err(|e| Kind::NotUtf8 {
        byte: e.valid_up_to() + 1,
    })?;
    if text.contains('\0') {
        return Err(Kind::Nul);
    }
    let neutralised = text
        .strip_prefix('\'')
        .filter(|rest| rest.starts_with(FORMULA_STARTS));
    let text = match (neutralised, excel) {
        (Some(rest), true) => rest,
        (Some(_), false) => return Err(Kind::SpreadsheetFormula),
        (None, _) => text,
    };
    // A line break inside a quoted field is stored as LF, whatever the file's line ends: a
    // CRLF file imports exactly as the same file with LF.
    Ok(if text.contains("\r\n") {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    })
}

/// Turn one CSV field into the value to bind, or say what is wrong with it.
pub(super) fn field_value(
    conn: &Connection,
    orgs: &mut OrgRefs,
    raw: &[u8],
    col: &Column,
    excel: bool,
) -> Checked<Value> {
    let text = text_of(raw, excel)?;
    let text = text.as_ref();
    check_shape(text, col)?;
    if text.is_empty() {
        if col.required {
            return Err(Kind::Required);
        }
        return Ok(Value::Null);
    }
    if col.integer {
        let n = text.parse::<i64>().map_err(|_| Kind::NotInteger)?;
        if let Some((min, max)) = values::integer_range(&col.name)
            && !(min..=max).contains(&n)
        {
            return Err(Kind::OutOfRange { min, max });
        }
        return Ok(Value::Integer(n));
    }
    if values::DATE_COLUMNS.contains(&col.name.as_str()) {
        PartialDate::parse(text)?;
    }
    if col.name == "country" {
        values::Country::parse(text)?;
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
fn resolve_org_ref(conn: &Connection, text: &str) -> Checked<String> {
    let exists: bool = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM organisations WHERE id = ?1)")
        .and_then(|mut st| st.query_row([text], |r| r.get(0)))
        .map_err(|e| Kind::Other(e.to_string()))?;
    if exists {
        return Ok(text.to_string());
    }
    let key = fold(text);
    let mut st = conn
        .prepare_cached(
            "SELECT DISTINCT org_id FROM names WHERE search_key = ?1 \
             UNION SELECT id FROM organisations WHERE lower(name) = lower(?2) ORDER BY 1 LIMIT 6",
        )
        .map_err(|e| Kind::Other(e.to_string()))?;
    let ids: Vec<String> = st
        .query_map(rusqlite::params![key, text], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(|e| Kind::Other(e.to_string()))?;
    match ids.len() {
        1 => Ok(ids.into_iter().next().unwrap_or_default()),
        0 => Err(Kind::UnknownOrg),
        _ => Err(Kind::AmbiguousOrg(ids)),
    }
}
