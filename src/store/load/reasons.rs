//! Constraint failures from SQLite, as problems a researcher understands: each names the
//! column (and the value) at fault.
use rusqlite::types::Value;

use crate::problem::Kind;

/// The field number of the first column a SQLite constraint message names.
pub(super) fn guess_column(message: &str, names: &[&str]) -> usize {
    message
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .find_map(|w| names.iter().position(|n| *n == w))
        .unwrap_or(0)
}

/// What a constraint failure means: the column it concerns (when one) and the kind.
pub(super) fn sqlite_reason(
    e: &rusqlite::Error,
    names: &[&str],
    field: Option<(&&str, &Value)>,
) -> (Option<String>, Kind) {
    let msg = e.to_string();
    if let Some(rest) = msg.strip_prefix("UNIQUE constraint failed: ") {
        (
            None,
            Kind::Duplicate {
                key: rest.to_string(),
            },
        )
    } else if let Some(rest) = msg.strip_prefix("CHECK constraint failed: ") {
        let rule = rest.split_whitespace().collect::<Vec<_>>().join(" ");
        check_reason(&rule, names, field)
    } else if let Some(rest) = msg.strip_prefix("NOT NULL constraint failed: ") {
        (Some(rest.to_string()), Kind::Required)
    } else {
        (None, Kind::Other(msg))
    }
}

/// The schema's rules that tie two columns together: the column to blame, in words.
const COMBINATIONS: &[(&str, &str, &str)] = &[
    (
        "quote IS NOT NULL OR value = 'none_found'",
        "quote",
        "a quote is required unless the value is none_found",
    ),
    (
        "source_id IS NOT NULL OR kind = 'label'",
        "source_id",
        "a source is required unless the kind is label (a name no source prints)",
    ),
    (
        "org_id <> alliance_id",
        "alliance_id",
        "an organisation cannot be a member of itself",
    ),
    (
        "end IS NULL OR start IS NULL OR start <= end",
        "end",
        "the end is before the start",
    ),
    (
        "cited_in_id IS NOT id",
        "cited_in_id",
        "a document cannot be known through itself",
    ),
];

/// A failed CHECK rule explained: an id, a code, a date, a vocabulary, or else the rule itself.
fn check_reason(
    rule: &str,
    names: &[&str],
    field: Option<(&&str, &Value)>,
) -> (Option<String>, Kind) {
    if let Some((_, column, words)) = COMBINATIONS.iter().find(|(r, _, _)| *r == rule) {
        return (Some(column.to_string()), Kind::Combination(words));
    }
    let mentioned = names
        .iter()
        .filter(|n| {
            rule.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .any(|w| w == **n)
        })
        .count();
    let Some((column, _)) = field.filter(|_| mentioned <= 1) else {
        return (None, Kind::Rule(rule.to_string()));
    };
    let kind = if rule.contains("NOT GLOB '*[^a-z0-9-]*'") {
        Kind::NotId
    } else if rule.contains("GLOB '[A-Z][A-Z]'") {
        Kind::NotCountry
    } else if rule.contains("GLOB 'http*://*'") {
        Kind::NotUrl
    } else if rule.starts_with("length(trim(") {
        Kind::Blank
    } else if rule.contains("GLOB '[0-9][0-9][0-9][0-9]'") {
        Kind::NotDate
    } else if let Some((_, list)) = rule.split_once(" IN (") {
        let list = list.split(')').next().unwrap_or_default();
        Kind::NotOneOf(
            list.split(',')
                .map(|x| x.trim().trim_matches('\'').to_string())
                .collect(),
        )
    } else {
        Kind::FieldRule(rule.to_string())
    };
    (Some(column.to_string()), kind)
}
