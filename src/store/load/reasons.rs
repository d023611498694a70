//! Constraint failures from SQLite, put in words a researcher understands, each on one line
//! and naming the column (and the value) at fault.
use rusqlite::types::Value;

pub(super) use crate::error::clip;

/// The field number of the first column a SQLite constraint message names.
pub(super) fn guess_column(message: &str, names: &[&str]) -> u64 {
    let words: Vec<&str> = message
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    for w in words {
        if let Some(i) = names.iter().position(|n| *n == w) {
            return i as u64 + 1;
        }
    }
    1
}

/// A constraint failure in words a researcher understands, on one line; `field` is the
/// column the message names and the value given for it.
pub(super) fn sqlite_reason(
    e: &rusqlite::Error,
    names: &[&str],
    field: Option<(&&str, &Value)>,
) -> String {
    let msg = e.to_string();
    if let Some(rest) = msg.strip_prefix("UNIQUE constraint failed: ") {
        format!(
            "duplicate: a row with the same {rest} already exists (use --on-conflict skip or replace)"
        )
    } else if let Some(rest) = msg.strip_prefix("CHECK constraint failed: ") {
        let rule = rest.split_whitespace().collect::<Vec<_>>().join(" ");
        check_reason(&rule, names, field)
    } else if let Some(rest) = msg.strip_prefix("NOT NULL constraint failed: ") {
        format!("{rest}: a value is required")
    } else {
        msg
    }
}

/// The schema's rules that tie two columns together, in words.
const COMBINATIONS: &[(&str, &str)] = &[
    (
        "quote IS NOT NULL OR value = 'none_found'",
        "quote: a quote is required unless the value is none_found",
    ),
    (
        "source_id IS NOT NULL OR kind = 'label'",
        "source_id: a source is required unless the kind is label (a name no source prints)",
    ),
    (
        "org_id <> alliance_id",
        "alliance_id: an organisation cannot be a member of itself",
    ),
    (
        "end IS NULL OR start IS NULL OR start <= end",
        "end: the end is before the start",
    ),
    (
        "cited_in_id IS NOT id",
        "cited_in_id: a document cannot be known through itself",
    ),
];

/// A failed CHECK rule explained: an id, a code, a date, a vocabulary, or else the rule itself.
fn check_reason(rule: &str, names: &[&str], field: Option<(&&str, &Value)>) -> String {
    if let Some((_, words)) = COMBINATIONS.iter().find(|(r, _)| *r == rule) {
        return (*words).to_string();
    }
    let mentioned = names
        .iter()
        .filter(|n| {
            rule.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .any(|w| w == **n)
        })
        .count();
    let Some((column, value)) = field.filter(|_| mentioned <= 1) else {
        return format!("invalid combination of values (rule: {rule})");
    };
    let shown = match value {
        Value::Text(s) => format!("'{}'", clip(s)),
        Value::Integer(i) => i.to_string(),
        _ => "the value".to_string(),
    };
    if rule.contains("NOT GLOB '*[^a-z0-9-]*'") {
        return format!(
            "{column}: {shown} is not a valid id (1 to 80 lowercase letters, digits and hyphens, \
             not starting with a hyphen)"
        );
    }
    if rule.contains("GLOB '[A-Z][A-Z]'") {
        return format!("{column}: {shown} is not a two-letter upper-case country code (e.g. KZ)");
    }
    if rule.contains("GLOB 'http*://*'") {
        return format!("{column}: {shown} is not a URL (http://…, https://… or www.…)");
    }
    if rule.starts_with("length(trim(") {
        return format!("{column}: must not be blank");
    }
    if rule.contains("GLOB '[0-9][0-9][0-9][0-9]'") {
        return format!("{column}: {shown} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    if let Some((_, list)) = rule.split_once(" IN (") {
        let list = list.split(')').next().unwrap_or_default();
        let choices: Vec<&str> = list
            .split(',')
            .map(|x| x.trim().trim_matches('\''))
            .collect();
        return format!("{column}: {shown} is not one of: {}", choices.join(", "));
    }
    format!("{column}: {shown} is invalid (rule: {rule})")
}
