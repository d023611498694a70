//! `sign --from-text` reads every common printed form of a signatory list (#21 part 1):
//! numbered, bulleted and plain lines under a heading in five languages, "Country, Party"
//! and "Party (Country)" both ways, inline lists, several groups, HTML; a list ends at prose,
//! a date or a closing formula; no list names the forms looked for and the near misses.
mod common;
use common::{Env, statement_with_text};

/// (line, group, position, name_as_printed, country_as_printed) of each row read from `text`.
fn rows(text: &str, file: &str) -> Vec<[String; 5]> {
    let env = Env::new();
    let id = statement_with_text(&env, "List forms", file, text);
    let out = env.run(&["-f", "csv", "sign", "--from-text", &id]);
    out.ok()
        .table()
        .rows()
        .map(|r| {
            r.pick([
                "line",
                "group",
                "position",
                "name_as_printed",
                "country_as_printed",
            ])
            .map(str::to_string)
        })
        .collect()
}

fn row(line: usize, group: &str, pos: i64, name: &str, country: &str) -> [String; 5] {
    [
        line.to_string(),
        group.to_string(),
        pos.to_string(),
        name.to_string(),
        country.to_string(),
    ]
}

const PROSE: &str = "We condemn the repression of the workers in the strongest terms and express our full solidarity with their struggle.";

#[test]
fn numbered_lines_in_three_styles_with_or_without_blank_lines() {
    let text = format!(
        "{PROSE}\n\nSignatories\n\n1. Party of Alpha\n\n2) Beta Workers Party\n(3) Gamma Communist Union\n\n{PROSE}\n"
    );
    assert_eq!(
        rows(&text, "n.txt"),
        [
            row(5, "Signatories", 1, "Party of Alpha", ""),
            row(7, "Signatories", 2, "Beta Workers Party", ""),
            row(8, "Signatories", 3, "Gamma Communist Union", ""),
        ]
    );
}

#[test]
fn plain_lines_under_a_colon_heading_end_at_a_date() {
    let text = format!(
        "{PROSE}\n\nThe signatory Parties (the joint statement is open for further subscriptions):\n\nParty of Alpha\nBeta Workers Party\n\n18 January 2022\nGamma Communist Union\n"
    );
    assert_eq!(
        rows(&text, "p.txt"),
        [
            row(
                5,
                "The signatory Parties (the joint statement is open for further subscriptions)",
                1,
                "Party of Alpha",
                ""
            ),
            row(
                6,
                "The signatory Parties (the joint statement is open for further subscriptions)",
                2,
                "Beta Workers Party",
                ""
            ),
        ]
    );
}

#[test]
fn multilingual_headings_take_plain_lines_and_a_closing_formula_ends_them() {
    for heading in [
        "Firmantes",
        "Signataires",
        "Unterzeichner",
        "Подписали",
        "Signing parties",
        "Signatories",
    ] {
        let text = format!(
            "{PROSE}\n\n{heading}\n\nPartido Alfa\nParti Bêta\n¡Proletarios de todos los países, uníos!\nPartei Gamma\n"
        );
        let got = rows(&text, "m.txt");
        assert_eq!(got.len(), 2, "{heading}: {got:?}");
        assert_eq!(got[1][3], "Parti Bêta", "{heading}");
    }
}

#[test]
fn country_and_party_both_ways_with_every_separator() {
    let text = "Signatories:\nGreece, Party of Alpha\nSpain – Beta Workers Party\nChile: Gamma Communist Union\nDelta Socialist League (Portugal)\nEpsilon Labour Front, Norway\nZeta Left Movement – Viet Nam\n\nThe end of the statement, which goes on as prose for a good while longer than any name.\n";
    assert_eq!(
        rows(text, "c.txt"),
        [
            row(2, "Signatories", 1, "Party of Alpha", "Greece"),
            row(3, "Signatories", 2, "Beta Workers Party", "Spain"),
            row(4, "Signatories", 3, "Gamma Communist Union", "Chile"),
            row(5, "Signatories", 4, "Delta Socialist League", "Portugal"),
            row(6, "Signatories", 5, "Epsilon Labour Front", "Norway"),
            row(7, "Signatories", 6, "Zeta Left Movement", "Viet Nam"),
        ]
    );
}

#[test]
fn country_lines_without_a_heading_are_a_list() {
    let text =
        format!("{PROSE}\n\nAlgeria, Party of Alpha\nArgentina, Beta Workers Party\n\n{PROSE}\n");
    assert_eq!(
        rows(&text, "cl.txt"),
        [
            row(3, "", 1, "Party of Alpha", "Algeria"),
            row(4, "", 2, "Beta Workers Party", "Argentina")
        ]
    );
}

#[test]
fn several_groups_of_bullets_keep_their_headings_and_places() {
    let text = format!(
        "{PROSE}\n\nParties:\n- Party of Alpha\n• Beta Workers Party\n\nYouth organisations:\n* Gamma Communist Youth\n\nLater subscriptions\n- Delta Socialist League\n"
    );
    assert_eq!(
        rows(&text, "g.txt"),
        [
            row(4, "Parties", 1, "Party of Alpha", ""),
            row(5, "Parties", 2, "Beta Workers Party", ""),
            row(8, "Youth organisations", 1, "Gamma Communist Youth", ""),
            row(11, "Later subscriptions", 1, "Delta Socialist League", ""),
        ]
    );
}

#[test]
fn inline_lists_after_signed_by_split_on_commas_or_semicolons() {
    let text = "The statement was signed by the Party of Alpha, Beta Workers Party and Gamma Communist Union.\n\nSigned by: Delta Socialist League (Portugal); Epsilon Labour Front, Norway\n";
    assert_eq!(
        rows(text, "i.txt"),
        [
            row(1, "", 1, "Party of Alpha", ""),
            row(1, "", 2, "Beta Workers Party", ""),
            row(1, "", 3, "Gamma Communist Union", ""),
            row(3, "", 1, "Delta Socialist League", "Portugal"),
            row(3, "", 2, "Epsilon Labour Front", "Norway"),
        ]
    );
}

#[test]
fn stored_html_lists_are_read_at_their_source_lines() {
    let html = "<html><body>\n<p>We condemn the repression of the workers in the strongest terms and express our full solidarity.</p>\n<p>Signatories:</p>\n<ol>\n<li>Party of Alpha</li>\n<li>Beta Workers Party &amp; Friends</li>\n</ol>\n<p>Later subscriptions</p>\n<ul><li>Greece, Gamma Communist Union</li></ul>\n<p>Delta Socialist League<br>Epsilon Labour Front</p>\n</body></html>\n";
    // HTML is stored as the text a reader sees (`add text`); lines are that text's.
    for file in ["h.txt", "h.html"] {
        let got = rows(html, file);
        assert_eq!(
            got[..3],
            [
                row(4, "Signatories", 1, "Party of Alpha", ""),
                row(5, "Signatories", 2, "Beta Workers Party & Friends", ""),
                row(
                    8,
                    "Later subscriptions",
                    1,
                    "Gamma Communist Union",
                    "Greece"
                ),
            ],
            "{file}"
        );
    }
}

#[test]
fn no_list_names_the_forms_looked_for_and_the_lines_almost_taken() {
    let env = Env::new();
    let text = format!("{PROSE}\n\nOur demands:\nFree elections now\n\n{PROSE}\n");
    let id = statement_with_text(&env, "No list", "none.txt", &text);
    env.run(&["sign", "--from-text", &id])
        .code(2)
        .one_line_error()
        .stderr_has("no signatory list")
        .stderr_has("\"Country, Party\"")
        .stderr_has("inline list after \"signed by\"")
        .stderr_has("line 4 “Free elections now”");
}
