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
fn under_pressure_answers_stay_and_prose_goes() {
    let (columns, rows, roles) = sample();
    let narrow = table(&columns, &rows, &roles, Shape::List, &term(Some(40))).unwrap();
    assert_eq!(narrow[2], "cp-albania  oppose   2022-01-18", "{narrow:?}");
    assert!(narrow[4].starts_with("(1 more columns"), "{narrow:?}");
    assert!(table(&columns, &rows, &roles, Shape::Record, &term(Some(100))).is_none());
}

#[test]
fn records_only_when_the_answers_cannot_fit() {
    let (columns, rows, roles) = sample();
    // The key cut to its floor (10) beside the answers: 10 + 2 + 7 + 2 + 10 = 31.
    assert!(table(&columns, &rows, &roles, Shape::List, &term(Some(31))).is_some());
    assert!(table(&columns, &rows, &roles, Shape::List, &term(Some(30))).is_none());
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
fn a_long_key_is_cut_rather_than_the_table_turned_to_records() {
    let columns = cols(&["org_id", "country", "value"]);
    let mut rows: Vec<Vec<String>> = vec![vec!["kprf".into(), "RU".into(), "support".into()]];
    rows.push(vec![
        "a-generated-id-of-thirty-eight-letters".into(),
        "GR".into(),
        "oppose".into(),
    ]);
    let roles = vec![Role::Id, Role::Vocabulary, Role::Vocabulary];
    let lines = table(&columns, &rows, &roles, Shape::List, &term(Some(30))).unwrap();
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert!(lines[3].starts_with("a-generated…"), "{lines:?}");
    assert!(lines[3].ends_with("GR       oppose"), "{lines:?}");
}

#[test]
fn shortened_headers_get_a_legend() {
    let columns = cols(&["org_id", "csto-kazakhstan-2022", "eurasian-integration"]);
    let rows = vec![vec!["kprf".into(), "support".into(), "ambivalent".into()]];
    let roles = vec![Role::Id, Role::Vocabulary, Role::Vocabulary];
    let lines = table(&columns, &rows, &roles, Shape::List, &term(Some(30))).unwrap();
    assert_eq!(lines[0], "org_id  csto-kaz…  eurasian-i…", "{lines:?}");
    assert_eq!(lines[2], "kprf    support    ambivalent");
    let legend = lines[3..].join(" ");
    assert!(
        legend.contains("csto-kaz… = csto-kazakhstan-2022"),
        "{lines:?}"
    );
}

#[test]
fn a_snippet_is_cut_around_its_match() {
    let s =
        "…the first words of a long passage and then »the match« and the words after it run on…";
    let c = cut(s, 30);
    assert!(c.contains("»the match«"), "{c}");
    assert!(c.starts_with('…') && c.ends_with('…'), "{c}");
    assert!(width(&c) <= 30, "{c}");
    assert_eq!(
        cut("…before »a very long match« after", 8),
        "»a very…",
        "its start"
    );
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
