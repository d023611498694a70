//! The part each column plays in an answer on screen — key, answer, label, prose, or an echo of
//! another column — so that a table under pressure keeps the columns that answer the question.
//! This is the one place where the commands' columns are declared (commands share column
//! names, so one declaration serves every command that prints the column); a column not named
//! here takes its part from its role (a count or a vocabulary word answers, a name labels).
use crate::rows::Role;

/// What a column is for; a table under pressure gives up the later ones first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// What the question asks (value, as_of, evidence, basis, counts, position, country,
    /// date): never cut and never hidden; only its header may be shortened (with a legend).
    /// When the answers cannot fit, the table becomes records.
    Answer,
    /// What a row is about (the first id, else the first column): cut with `…` only when
    /// nothing else is left to give up; `--wide` shows it whole.
    Key,
    /// A name or kind beside the key: cut after the prose, hidden before it.
    Label,
    /// Quotes, titles, questions, passages: cut first, hidden after the labels.
    Prose,
    /// What another shown column already says (the organisation beside the name as printed,
    /// `cited_in`, the note, a camp's size on every row): hidden first.
    Echo,
}

/// Columns that answer (by name, or by the last word of a name such as compare's "kprf value").
const ANSWERS: &[&str] = &[
    "value",
    "as_of",
    "evidence",
    "basis",
    "position",
    "country",
    "date",
    "signed_on",
    "status",
    "role",
    "match",
    "agree",
    "agreement",
    "same",
    "different",
    "issues_both",
    "issues_one_side_only",
    "order_unknown",
    "count",
    "signatories",
    "organisations",
    "support",
    "oppose",
    "ambivalent",
    "none_found",
    "own_words",
    "attributed",
    "by_signature_only",
];

/// Columns of prose: what a list is read for after its answers, cut to fit.
const PROSE: &[&str] = &[
    "quote",
    "title",
    "question",
    "snippet",
    "passage",
    "matched",
    "detail",
    "other_names",
    "message",
    "problem",
];

/// Columns a list hides first, and the column whose presence makes them an echo (None: always).
const ECHOES: &[(&str, Option<&str>)] = &[
    ("cited_in", None),
    ("note", None),
    ("camp_size", None),
    ("organisation", Some("name_as_printed")),
];

/// Columns that only label, whatever their role says (offsets, sequence numbers, spans).
const LABELS: &[&str] = &[
    "order_unknown_against",
    "forms",
    "first_in",
    "text",
    "start",
    "end",
    "seq",
    "first_at",
    "at",
    "not_before",
    "not_after",
    "document_date",
    "kind",
    "role_kind",
    "lang",
    "field",
    "founded",
    "dissolved",
    "open_for_signatures",
    "known_through",
];

/// The part of each column, given the columns beside it and each one's role.
pub fn parts(columns: &[String], roles: &[Role]) -> Vec<Part> {
    let word = |c: &str| {
        c.rsplit(' ')
            .next()
            .unwrap_or(c)
            .to_ascii_lowercase()
            .to_string()
    };
    let words: Vec<String> = columns.iter().map(|c| word(c)).collect();
    let key = roles.iter().position(|r| *r == Role::Id).unwrap_or(0);
    (0..columns.len())
        .map(|i| {
            let w = words[i].as_str();
            let echo = ECHOES
                .iter()
                .any(|(c, beside)| *c == w && beside.is_none_or(|b| words.iter().any(|x| x == b)));
            if ANSWERS.contains(&w) {
                Part::Answer
            } else if i == key {
                Part::Key
            } else if echo {
                Part::Echo
            } else if PROSE.contains(&w) {
                Part::Prose
            } else if LABELS.contains(&w) {
                Part::Label
            } else {
                match roles[i] {
                    Role::Number | Role::Vocabulary | Role::Date => Part::Answer,
                    Role::Id | Role::Prose => Part::Label,
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(names: &[&str], roles: &[Role]) -> Vec<Part> {
        let c: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        parts(&c, roles)
    }

    #[test]
    fn stance_columns_answer_and_the_note_echoes() {
        use Role::*;
        assert_eq!(
            of(
                &["issue", "as_of", "value", "quote", "cited_in", "note"],
                &[Id, Date, Vocabulary, Prose, Id, Prose]
            ),
            [
                Part::Key,
                Part::Answer,
                Part::Answer,
                Part::Prose,
                Part::Echo,
                Part::Echo
            ]
        );
    }

    #[test]
    fn the_organisation_echoes_only_beside_the_name_as_printed() {
        use Role::*;
        let a = of(&["org_id", "organisation"], &[Id, Prose]);
        assert_eq!(a[1], Part::Label);
        let b = of(
            &["name_as_printed", "org_id", "organisation"],
            &[Prose, Id, Prose],
        );
        assert_eq!(b, [Part::Label, Part::Key, Part::Echo]);
    }

    #[test]
    fn matrix_issue_columns_answer_by_their_words() {
        use Role::*;
        let p = of(
            &["org_id", "organisation", "csto-kazakhstan-2022"],
            &[Id, Prose, Vocabulary],
        );
        assert_eq!(p, [Part::Key, Part::Label, Part::Answer]);
    }
}
