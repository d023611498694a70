//! The current-stance rule of the `current_stances` view (migration V8), for recomputing many
//! organisations' stored positions in one sorted pass after a bulk load: a window query over a
//! million pieces of evidence costs several times the load itself, a sorted scan of the
//! `stance_evidence` view and this comparison cost a fraction. The view stays the definition:
//! every test and the import fuzz target check the stored positions against it, and
//! `tests/positions.rs` compares the two on random evidence.
use std::cmp::Ordering;

use rusqlite::types::Value;

/// One piece of evidence, as the `stance_evidence` view gives it (the columns the rule reads).
#[derive(Clone, Debug)]
pub struct Evidence {
    pub value: Value,
    pub as_of: Value,
    pub evidence: Value,
    pub basis: Value,
    pub not_before: Value,
    pub not_after: Value,
    pub seq: Value,
    pub stance_id: Value,
    pub signature_id: Value,
}

/// SQLite's order of two values (BINARY collation): NULL, then numbers, then text, then blobs.
fn sql_cmp(a: &Value, b: &Value) -> Ordering {
    fn class(v: &Value) -> u8 {
        match v {
            Value::Null => 0,
            Value::Integer(_) | Value::Real(_) => 1,
            Value::Text(_) => 2,
            Value::Blob(_) => 3,
        }
    }
    match (a, b) {
        (Value::Integer(x), Value::Integer(y)) => x.cmp(y),
        (Value::Integer(x), Value::Real(y)) => (*x as f64).total_cmp(y),
        (Value::Real(x), Value::Integer(y)) => x.total_cmp(&(*y as f64)),
        (Value::Real(x), Value::Real(y)) => x.total_cmp(y),
        (Value::Text(x), Value::Text(y)) => x.as_bytes().cmp(y.as_bytes()),
        (Value::Blob(x), Value::Blob(y)) => x.cmp(y),
        _ => class(a).cmp(&class(b)),
    }
}

/// `ORDER BY x DESC` for values: the greater first, NULL last.
fn desc(a: &Value, b: &Value) -> Ordering {
    sql_cmp(b, a)
}

/// A comparison's SQL truth value as a sort key: 1, 0, or NULL (when a side is NULL).
fn is_text(v: &Value, word: &str) -> Option<bool> {
    match v {
        Value::Null => None,
        Value::Text(t) => Some(t == word),
        _ => Some(false),
    }
}

/// `ORDER BY (condition) DESC`: true first, then false, then NULL.
fn desc_truth(a: Option<bool>, b: Option<bool>) -> Ordering {
    let rank = |t: Option<bool>| match t {
        Some(true) => 2,
        Some(false) => 1,
        None => 0,
    };
    rank(b).cmp(&rank(a))
}

/// The view's `latest` window: the evidence that certainly began last comes first.
fn latest_order(a: &Evidence, b: &Evidence) -> Ordering {
    let found = |e: &Evidence| match &e.value {
        Value::Null => None,
        v => Some(sql_cmp(v, &Value::Text("none_found".into())) != Ordering::Equal),
    };
    desc_truth(found(a), found(b))
        .then_with(|| desc(&a.not_before, &b.not_before))
        .then_with(|| desc(&a.seq, &b.seq))
        .then_with(|| desc(&a.not_after, &b.not_after))
        .then_with(|| desc_truth(is_text(&a.evidence, "own"), is_text(&b.evidence, "own")))
        .then_with(|| desc_truth(is_text(&a.basis, "words"), is_text(&b.basis, "words")))
        .then_with(|| desc(&a.stance_id, &b.stance_id))
        .then_with(|| desc(&a.signature_id, &b.signature_id))
}

/// The view's choice among the evidence of the latest value that may be as late: an own word
/// before an attribution, words before a signature, then the later.
fn shown_order(latest: &Evidence, a: &Evidence, b: &Evidence) -> Ordering {
    let current = |e: &Evidence| -> Option<bool> {
        let same = sql_cmp(&e.value, &latest.value) == Ordering::Equal;
        let reaches = match (&e.not_after, &latest.not_before) {
            (Value::Null, _) | (_, Value::Null) => None,
            (x, y) => Some(sql_cmp(x, y) != Ordering::Less),
        };
        // SQL's AND: false wins over NULL.
        match (same, reaches) {
            (false, _) => Some(false),
            (true, r) => r,
        }
    };
    desc_truth(current(a), current(b))
        .then_with(|| desc_truth(is_text(&a.evidence, "own"), is_text(&b.evidence, "own")))
        .then_with(|| desc_truth(is_text(&a.basis, "words"), is_text(&b.basis, "words")))
        .then_with(|| desc(&a.not_before, &b.not_before))
        .then_with(|| desc(&a.seq, &b.seq))
        .then_with(|| desc(&a.not_after, &b.not_after))
        .then_with(|| desc(&a.stance_id, &b.stance_id))
        .then_with(|| desc(&a.signature_id, &b.signature_id))
}

/// The current stance among one organisation's evidence on one issue (None when there is none).
pub fn current(group: &[Evidence]) -> Option<&Evidence> {
    let latest = group.iter().min_by(|a, b| latest_order(a, b))?;
    group.iter().min_by(|a, b| shown_order(latest, a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(value: &str, evidence: &str, basis: &str, span: (&str, &str), id: i64) -> Evidence {
        let t = |s: &str| Value::Text(s.into());
        Evidence {
            value: t(value),
            as_of: t(span.0),
            evidence: t(evidence),
            basis: t(basis),
            not_before: t(span.0),
            not_after: t(span.1),
            seq: Value::Null,
            stance_id: Value::Integer(id),
            signature_id: Value::Null,
        }
    }

    #[test]
    fn the_latest_value_wins_and_an_own_word_of_it_is_shown() {
        let g = [
            ev("support", "own", "words", ("2022-01-05", "2022-01-05"), 1),
            ev(
                "oppose",
                "attributed",
                "words",
                ("2022-01-08", "2022-01-08"),
                2,
            ),
            ev("oppose", "own", "words", ("2022-01-01", "2022-01-31"), 3),
        ];
        // 3 is oppose and its span reaches the latest start (8 Jan): an own word beats 2.
        assert_eq!(current(&g).map(|e| &e.stance_id), Some(&Value::Integer(3)));
    }

    #[test]
    fn none_found_never_is_the_latest_when_a_stance_exists() {
        let g = [
            ev(
                "none_found",
                "own",
                "words",
                ("2022-02-01", "2022-02-01"),
                1,
            ),
            ev("oppose", "own", "words", ("2022-01-08", "2022-01-08"), 2),
        ];
        assert_eq!(current(&g).map(|e| &e.stance_id), Some(&Value::Integer(2)));
        assert!(current(&[]).is_none());
    }

    #[test]
    fn sql_order_puts_null_first_then_numbers_then_text() {
        let v = [
            Value::Text("a".into()),
            Value::Integer(2),
            Value::Null,
            Value::Real(1.5),
        ];
        let mut s = v.to_vec();
        s.sort_by(sql_cmp);
        assert_eq!(
            s,
            [
                Value::Null,
                Value::Real(1.5),
                Value::Integer(2),
                Value::Text("a".into())
            ]
        );
    }
}
