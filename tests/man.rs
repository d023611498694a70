//! `man`: stancedb(1) and a page per subcommand, generated from the clap definitions, are
//! well-formed roff (groff reads them without a warning) naming every subcommand, and
//! writing them touches no database.
mod common;
use clap::CommandFactory;
use common::{Env, Outcome};

/// The roff requests clap_mangen uses; anything else would be a malformed page.
const REQUESTS: &[&str] = &[
    ".TH", ".SH", ".SS", ".TP", ".IP", ".PP", ".RS", ".RE", ".br", ".ie", ".el", ".B", ".I",
];

/// The names of the visible subcommands of stancedb per clap.
fn subcommands() -> Vec<String> {
    stancedb::cli::Cli::command()
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name().to_string())
        .collect()
}

/// The page file of every command with a page: stancedb, its subcommands and theirs.
fn pages() -> Vec<String> {
    fn walk(cmd: &clap::Command, prefix: &str, out: &mut Vec<String>) {
        for sub in cmd.get_subcommands().filter(|c| !c.is_hide_set()) {
            let name = format!("{prefix}-{}", sub.get_name());
            out.push(format!("{name}.1"));
            walk(sub, &name, out);
        }
    }
    let mut out = vec!["stancedb.1".to_string()];
    walk(
        &stancedb::cli::Cli::command().disable_help_subcommand(true),
        "stancedb",
        &mut out,
    );
    out.retain(|p| !p.contains("-help"));
    out.sort();
    out
}

/// Assert `page` is a roff man page titled `title`: known requests only, a NAME and a
/// SYNOPSIS, and (when groff is installed) no warning from groff's own parser.
#[track_caller]
fn assert_roff(page: &str, title: &str, context: &dyn std::fmt::Display) {
    assert!(
        page.lines()
            .any(|l| l.starts_with(&format!(".TH {title} 1 "))),
        "no .TH {title} 1\n{context}"
    );
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION"] {
        assert!(
            page.lines().any(|l| l == section),
            "no {section} in {title}\n{context}"
        );
    }
    for line in page.lines().filter(|l| l.starts_with('.')) {
        let request = line.split_whitespace().next().unwrap_or(line);
        assert!(
            REQUESTS.contains(&request),
            "unknown request {line:?} in {title}\n{context}"
        );
    }
    if std::process::Command::new("groff")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("NOTICE: groff not found; the roff of {title} was checked only by its requests");
        return;
    }
    let mut groff = std::process::Command::new("groff");
    groff.args(["-k", "-man", "-ww", "-z", "-Tutf8"]);
    let out = common::run_piped(
        groff,
        format!("groff -k -man -ww -z ({title})"),
        page.as_bytes(),
    );
    assert!(
        out.code == 0 && out.stderr.is_empty(),
        "groff warns on {title}\n{out}\n{context}"
    );
}

#[test]
fn the_man_page_is_valid_roff_naming_every_subcommand() {
    let env = Env::new();
    let out: Outcome = env.run(&["man"]);
    out.ok();
    assert_roff(&out.stdout, "stancedb", &out);
    let listed = out
        .stdout
        .split(".SH SUBCOMMANDS")
        .nth(1)
        .unwrap_or_else(|| panic!("no SUBCOMMANDS section\n{out}"));
    for name in subcommands() {
        let reference = format!("stancedb\\-{}(1)", name.replace('-', "\\-"));
        assert!(
            listed.contains(&reference),
            "the page does not name {name}\n{out}"
        );
    }
    assert!(!env.db.exists(), "man created a database");
}

#[test]
fn man_dir_writes_a_valid_page_for_every_subcommand_and_lists_them() {
    let env = Env::new();
    let dir = env.path("man1");
    let out = env.run(&["-f", "csv", "man", "--dir", dir.to_str().unwrap()]);
    let listed = out.ok().table();
    let files = common::dir_files(&dir);
    let want = pages();
    assert!(want.contains(&"stancedb-add-org.1".to_string()), "{want:?}");
    assert_eq!(files.keys().cloned().collect::<Vec<_>>(), want, "{out}");
    let mut reported: Vec<String> = listed
        .column("file")
        .iter()
        .map(|f| f.rsplit('/').next().unwrap().to_string())
        .collect();
    reported.sort();
    assert_eq!(
        reported, want,
        "the files reported are the files written\n{out}"
    );
    for (file, bytes) in &files {
        let title = file.trim_end_matches(".1");
        assert_roff(&String::from_utf8_lossy(bytes), title, &out);
    }
    assert!(!env.db.exists(), "man created a database");
}
