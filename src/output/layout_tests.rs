//! Layout at fixed widths: what a person sees, pinned without a terminal.
use super::*;
use crate::rows::Cell;

fn term(width: Option<usize>) -> Term {
    Term {
        width,
        ..Term::plain()
    }
}

fn cols(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

fn sample() -> (Vec<String>, Vec<Vec<String>>, Vec<Role>) {
    let columns = cols(&["org_id", "value", "as_of", "quote"]);
    let quote = "We consider the decision of the CSTO to send peacekeepers forced but adequate to the situation in the republic";
    let rows = vec![
        vec![
            "cp-albania".into(),
            "oppose".into(),
            "2022-01-18".into(),
            quote.into(),
        ],
        vec![
            "kprf".into(),
            "support".into(),
            "2022-01-07".into(),
            "Short.".into(),
        ],
    ];
    let roles = vec![Role::Id, Role::Vocabulary, Role::Date, Role::Prose];
    (columns, rows, roles)
}

#[test]
fn a_list_fits_each_width_and_keeps_ids_whole() {
    let (columns, rows, roles) = sample();
    for w in [70, 80, 100, 120] {
        let lines = table(&columns, &rows, &roles, Shape::List, &term(Some(w))).unwrap();
        assert_eq!(lines.len(), 4, "one line per row at {w}");
        for l in &lines {
            assert!(width(l) <= w, "{l:?} is wider than {w}");
        }
        assert!(
            lines[2].starts_with("cp-albania  oppose   2022-01-18  "),
            "{lines:?}"
        );
        if w < 130 {
            assert!(lines[2].ends_with('…'), "{lines:?}");
        }
    }
}

#[test]
fn uncut_when_there_is_no_width_or_wide() {
    let (columns, rows, roles) = sample();
    let lines = table(&columns, &rows, &roles, Shape::List, &term(None)).unwrap();
    assert!(lines[2].ends_with("republic"));
    let wide = Term {
        wide: true,
        ..term(Some(40))
    };
    let lines = table(&columns, &rows, &roles, Shape::List, &wide).unwrap();
    assert!(lines[2].ends_with("republic"));
}

#[test]
fn a_table_that_cannot_fit_becomes_records() {
    let (columns, rows, roles) = sample();
    let narrow = table(&columns, &rows, &roles, Shape::List, &term(Some(50))).unwrap();
    assert!(
        narrow[2].starts_with("cp-albania  We consider"),
        "{narrow:?}"
    );
    assert!(narrow[4].starts_with("(2 more columns"), "{narrow:?}");
    assert!(table(&columns, &rows, &roles, Shape::List, &term(Some(30))).is_none());
    assert!(table(&columns, &rows, &roles, Shape::Record, &term(Some(100))).is_none());
    let lines = records(&columns, &rows[..1], &term(Some(40)));
    assert_eq!(lines[0], "org_id  cp-albania");
    assert!(lines.iter().all(|l| width(l) <= 40), "{lines:#?}");
    let quote: Vec<&str> = lines[3..].iter().map(|l| l[7..].trim()).collect();
    assert_eq!(
        quote.join(" "),
        rows[0][3],
        "wrapped at spaces, nothing lost"
    );
}

#[test]
fn a_list_hides_what_the_first_column_determines_first() {
    let rows: Vec<Vec<String>> = [
        ["oppose", "2", "a"],
        ["oppose", "2", "b"],
        ["support", "1", "c"],
    ]
    .iter()
    .map(|r| r.iter().map(|s| s.to_string()).collect())
    .collect();
    let roles = vec![Role::Vocabulary, Role::Number, Role::Id];
    assert_eq!(hiding_order(&rows, &roles), [1]);
}

#[test]
fn cut_and_wrap_respect_words_and_wide_characters() {
    assert_eq!(cut("forced but adequate", 12), "forced but…");
    assert_eq!(cut("КПРФ КПРФ", 20), "КПРФ КПРФ");
    assert_eq!(width(&cut("中国共产党中国共产党", 9)), 9);
    assert_eq!(wrap("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
    assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
}

#[test]
fn controls_are_escaped_and_blobs_are_hex() {
    assert_eq!(display(&Cell::from("a\nb\u{1b}[31m")), "a\\nb\\u{1b}[31m");
    assert_eq!(display(&Cell::Blob(vec![0xff])), "x'ff'");
}

#[test]
fn bold_header_only_with_colour() {
    let (columns, rows, roles) = sample();
    let plain = table(&columns, &rows, &roles, Shape::List, &term(None)).unwrap();
    assert!(!plain[0].contains('\x1b'));
    let coloured = Term {
        color: true,
        ..term(None)
    };
    let lines = table(&columns, &rows, &roles, Shape::List, &coloured).unwrap();
    assert!(lines[0].starts_with("\x1b[1m"));
}
