//! The columns that answer stay on screen: the README's commands under a pseudo-terminal at
//! 80, 100 and 120 columns, written as a table of commands × the columns each must show. A
//! column counts as shown when its name heads a column (or a shortened header whose legend
//! names it), or labels a record line; snippets show their match whole.
mod common;
use common::{Env, shell_words};
use unicode_width::UnicodeWidthStr;

const CSTO: &str = "csto-kazakhstan-2022";
const JOINT: &str = "solidnet-2022-01-18-kazakhstan";
const ANSWERS: &[&str] = &["value", "as_of", "evidence", "basis"];

/// Each command (as in the README) and the columns a person must see at every width.
fn table() -> Vec<(Vec<&'static str>, Vec<&'static str>)> {
    let issues = [
        CSTO,
        "eurasian-integration",
        "kazakhstan-protests-2022",
        "russia-imperialist",
    ];
    let with = |head: &[&'static str], tail: &[&'static str]| [head, tail].concat();
    vec![
        (vec!["stance", "KPRF"], with(&["issue"], ANSWERS)),
        (
            vec!["stance", "KPRF", "--history"],
            with(&["issue"], ANSWERS),
        ),
        (vec!["matrix"], with(&["org_id", "country"], &issues)),
        (
            vec!["issues"],
            vec![
                "id",
                "organisations",
                "support",
                "oppose",
                "ambivalent",
                "none_found",
            ],
        ),
        (vec!["statements"], vec!["id", "date", "signatories"]),
        (
            vec!["camps", CSTO],
            with(
                &[
                    "organisations",
                    "own_words",
                    "attributed",
                    "by_signature_only",
                    "order_unknown",
                    "org_id",
                    "country",
                ],
                ANSWERS,
            ),
        ),
        (
            vec!["signatories", JOINT],
            vec!["position", "org_id", "country", "signed_on"],
        ),
        (
            vec!["signed", "PKP 1930"],
            vec!["statement_id", "statement_date", "position"],
        ),
        (
            vec!["members", "SKP-KPSS"],
            vec!["org_id", "country", "role"],
        ),
        (vec!["orgs"], vec!["id", "country"]),
        (
            vec!["compare", "KPRF", "Communist Party of Greece"],
            vec!["issue", "kprf value", "cp-greece value", "agree"],
        ),
        (vec!["search", "кпрф"], vec!["type", "id", "matched"]),
        (vec!["check"], vec!["check", "status", "subject"]),
        (
            vec!["mentions", "rcit-2022-01-08-kprf"],
            vec!["id", "count", "snippet"],
        ),
        (
            vec![
                "text",
                "rcit-2022-01-08-kprf",
                "--around",
                "comrades in Russia",
            ],
            vec!["document", "match", "passage"],
        ),
    ]
}

/// The text without ANSI styling.
fn plain(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `column` is on screen: a header (the line above a rule) naming it, a legend line
/// "(columns: … = column…)", or a record line starting with it.
fn shown(lines: &[&str], column: &str) -> bool {
    let in_header = lines.windows(2).any(|w| {
        w[1].starts_with('─')
            && w[0]
                .split("  ")
                .map(str::trim)
                .any(|h| h == column || column.contains(' ') && w[0].contains(column))
    });
    let in_legend = lines
        .iter()
        .any(|l| l.contains(&format!("= {column};")) || l.contains(&format!("= {column})")));
    let in_record = lines
        .iter()
        .any(|l| l.strip_prefix(column).is_some_and(|r| r.starts_with("  ")));
    in_header || in_legend || in_record
}

#[test]
fn every_readme_command_shows_its_answer_columns_at_80_100_and_120() {
    let env = Env::new();
    env.ready();
    env.run(&["add", "texts", "../shared/seeds"]).ok();
    let mut missing = Vec::new();
    for cols in [80, 100, 120] {
        for (args, required) in table() {
            let text = plain(&common::pty(&env, cols, "", &args).replace('\r', ""));
            let lines: Vec<&str> = text.lines().collect();
            for l in &lines {
                assert!(
                    l.width() <= cols,
                    "{} at {cols}: a line is {} wide:\n{l}\n---\n{text}",
                    shell_words(&args),
                    l.width()
                );
            }
            for c in required {
                if !shown(&lines, c) {
                    missing.push(format!("{} at {cols}: {c}\n{text}", shell_words(&args)));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "hidden answers:\n{}",
        missing.join("\n")
    );
}

#[test]
fn snippets_keep_their_match_whole_at_every_width() {
    let env = Env::new();
    env.ready();
    env.run(&["add", "texts", "../shared/seeds"]).ok();
    for cols in [80, 100, 120] {
        let around = [
            "text",
            "rcit-2022-01-08-kprf",
            "--around",
            "comrades in Russia",
        ];
        let text = plain(&common::pty(&env, cols, "", &around));
        assert!(text.contains("»comrades in Russia«"), "at {cols}\n{text}");
        let text = plain(&common::pty(
            &env,
            cols,
            "",
            &["mentions", "rcit-2022-01-08-kprf"],
        ));
        // A match wider than the room a snippet keeps for it (40) shows its start.
        for l in text.lines().filter(|l| l.contains('»')) {
            let from = &l[l.find('»').unwrap_or(0)..];
            assert!(
                l.contains('«') || from.ends_with('…') && from.width() >= 36,
                "a match cut at {cols}: {l}\n{text}"
            );
        }
        assert!(text.contains("»KPRF«"), "at {cols}\n{text}");
        let text = plain(&common::pty(&env, cols, "", &["search", "кпрф"]));
        let passage = text.lines().find(|l| l.starts_with("passage"));
        assert!(
            passage.is_some_and(|l| l.contains("»КПРФ«")),
            "at {cols}\n{text}"
        );
    }
}
