//! What a person sees in a terminal: the real binary under a pseudo-terminal (`script`) at 80,
//! 100 and 120 columns. No line is wider than the terminal, no id is split (a long one may be
//! cut at its end with `…`, as `--wide` shows it whole), lists take a line
//! per row, one thing is a record with its whole quote, and the bold header follows the rules.
mod common;
use common::{Env, shell_words};
use unicode_width::UnicodeWidthStr;

const CSTO: &str = "csto-kazakhstan-2022";
const JOINT: &str = "solidnet-2022-01-18-kazakhstan";

fn pty(env: &Env, cols: usize, vars: &str, args: &[&str]) -> String {
    common::pty(env, cols, vars, args).replace('\r', "")
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

fn check_fits(text: &str, cols: usize, what: &str) -> Vec<String> {
    let lines: Vec<String> = plain(text).lines().map(String::from).collect();
    for l in &lines {
        assert!(
            l.width() <= cols,
            "{what} at {cols} columns: a line is {} wide:\n{l}\n---\n{}",
            l.width(),
            plain(text)
        );
    }
    lines
}

/// Whether `id` is on a line whole, or cut at its end with `…` on one line (never wrapped
/// onto two, never cut without the mark).
fn whole_or_marked(lines: &[String], id: &str) -> bool {
    lines.iter().any(|l| {
        l.split_whitespace().any(|w| {
            w == id
                || w.strip_suffix('…')
                    .is_some_and(|p| p.chars().count() >= 8 && id.starts_with(p))
        })
    })
}

/// Every value of `column` in the command's CSV (a section of it, if given).
fn ids(env: &Env, args: &[&str], column: &str) -> Vec<String> {
    let out = env.run(&[&["-f", "csv"], args].concat());
    out.ok()
        .table()
        .column(column)
        .iter()
        .map(|s| s.to_string())
        .collect()
}

#[test]
fn lists_fit_the_terminal_with_a_line_per_row_and_whole_ids() {
    let env = Env::new();
    env.ready();
    let orgs = ids(
        &env,
        &["camps", CSTO, "--section", "organisations"],
        "org_id",
    );
    let signers = ids(&env, &["signatories", JOINT], "org_id");
    for cols in [80, 100, 120] {
        let camps = check_fits(&pty(&env, cols, "", &["camps", CSTO]), cols, "camps");
        assert!(
            camps.len() <= orgs.len() + 15,
            "camps takes {} lines",
            camps.len()
        );
        for id in &orgs {
            assert!(whole_or_marked(&camps, id), "{id} split or lost");
        }
        let text = pty(&env, cols, "", &["signatories", JOINT]);
        let lines = check_fits(&text, cols, "signatories");
        if cols == 100 {
            assert!(lines.len() <= 30, "signatories takes {} lines", lines.len());
        }
        for id in &signers {
            assert!(whole_or_marked(&lines, id), "{id} split\n{text}");
        }
        for args in [
            &["orgs"][..],
            &["statements"],
            &["members", "csto"],
            &["matrix"],
            &["stance", "KPRF"],
            &["sql", "SELECT * FROM current_stances"],
        ] {
            check_fits(&pty(&env, cols, "", args), cols, &shell_words(args));
        }
    }
}

#[test]
fn one_thing_is_a_record_with_its_whole_quote() {
    let env = Env::new();
    env.ready();
    let quote = env.run(&["-f", "csv", "stance", "KPRF", "--issue", CSTO]);
    let quote = quote.ok().table().column("quote")[0].to_string();
    for cols in [80, 100, 120] {
        let text = pty(&env, cols, "", &["stance", "KPRF", "--issue", CSTO]);
        let lines = check_fits(&text, cols, "stance --issue");
        assert!(lines.len() <= 25, "{} lines\n{text}", lines.len());
        let shown = plain(&text);
        let joined: Vec<&str> = shown.split_whitespace().collect();
        let want: Vec<&str> = quote.split_whitespace().collect();
        assert!(
            joined.windows(want.len()).any(|w| w == want.as_slice()),
            "the whole quote, wrapped at spaces\n{text}"
        );
        for args in [&["show", "KPRF"][..], &["compare", "KPRF", "cp-greece"]] {
            check_fits(&pty(&env, cols, "", args), cols, &shell_words(args));
        }
    }
}

#[test]
fn bold_header_only_on_a_terminal_without_no_color_or_dumb() {
    let env = Env::new();
    env.ready();
    assert!(pty(&env, 100, "", &["orgs"]).contains("\x1b[1m"));
    assert!(!pty(&env, 100, "NO_COLOR=1", &["orgs"]).contains('\x1b'));
    assert!(!pty(&env, 100, "TERM=dumb", &["orgs"]).contains('\x1b'));
    assert!(!pty(&env, 100, "", &["--color", "never", "orgs"]).contains('\x1b'));
    let piped = env.run(&["orgs"]);
    assert!(!piped.ok().stdout.contains('\x1b'), "{piped}");
}

#[test]
fn piped_output_is_cut_only_when_columns_is_set() {
    let env = Env::new();
    let quote = "forced but adequate and timely measure";
    let out = env.run(&["stance", "KPRF"]);
    out.ok().stdout_has(quote);
    let mut cmd = common::bin();
    cmd.args(["--db", &env.db.display().to_string(), "stance", "KPRF"])
        .env("COLUMNS", "80");
    let out = common::run_cmd(cmd, "COLUMNS=80 stancedb stance KPRF".into());
    out.ok().stdout_lacks(quote);
    assert!(out.stdout.lines().all(|l| l.width() <= 80), "{out}");
    env.run(&["--width", "80", "--wide", "stance", "KPRF"])
        .ok()
        .stdout_has(quote);
}

#[test]
fn sql_escapes_controls_and_shows_blobs_as_hex() {
    let env = Env::new();
    let out = env.run(&[
        "sql",
        "SELECT 'a' || char(10) || char(27) || '[31mb' AS t, x'00ff' AS b",
    ]);
    out.ok()
        .stdout_has("a\\n\\u{1b}[31mb")
        .stdout_has("x'00ff'");
    assert!(!out.stdout.contains('\x1b'), "{out}");
    let out = env.run(&["-f", "json", "sql", "SELECT x'00ff' AS b"]);
    assert_eq!(out.ok().json()[0]["b"], "x'00ff'", "{out}");
}
