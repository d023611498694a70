//! `completions`: the scripts are generated from the clap definitions, so bash really completes
//! every subcommand, the subcommands of `add` and the words of a vocabulary flag; zsh and fish
//! scripts name every subcommand. None of it opens a database.
mod common;
use clap::CommandFactory;
use common::{Env, Outcome};

/// The names of the visible subcommands of `path` (e.g. [] for the top, ["add"]) per clap.
fn subcommands(path: &[&str]) -> Vec<String> {
    let mut cmd = stancedb::cli::Cli::command();
    for name in path {
        cmd = cmd.find_subcommand(name).expect("subcommand").clone();
    }
    cmd.get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name().to_string())
        .collect()
}

/// The words bash offers after `line` (the word being completed is the last, maybe empty),
/// with the script `stancedb completions bash` printed.
fn bash_offers(script: &Outcome, line: &[&str]) -> Vec<String> {
    let words: Vec<String> = line.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        "source /dev/stdin; COMP_WORDS=({}); COMP_CWORD={}; COMP_LINE='{}'; COMP_POINT=${{#COMP_LINE}}; \
         _stancedb stancedb '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        words.join(" "),
        line.len() - 1,
        line.join(" "),
        line[line.len() - 1],
        line[line.len() - 2],
    );
    let mut cmd = std::process::Command::new("bash");
    cmd.arg("-c").arg(&program);
    let out = common::run_piped(
        cmd,
        format!("bash -c {program:?}"),
        script.stdout.as_bytes(),
    );
    out.ok();
    assert!(out.stderr.is_empty(), "bash complained\n{out}");
    out.stdout.lines().map(String::from).collect()
}

#[test]
fn bash_completes_every_subcommand_the_add_subcommands_and_vocabulary_words() {
    let env = Env::new();
    let script = env.run(&["completions", "bash"]);
    script.ok();
    let offered = bash_offers(&script, &["stancedb", ""]);
    for name in subcommands(&[]) {
        assert!(
            offered.contains(&name),
            "bash does not offer {name}: {offered:?}"
        );
    }
    let offered = bash_offers(&script, &["stancedb", "add", ""]);
    for name in subcommands(&["add"]) {
        assert!(
            offered.contains(&name),
            "bash does not offer add {name}: {offered:?}"
        );
    }
    let offered = bash_offers(&script, &["stancedb", "add", "org", "--kind", ""]);
    let kinds: Vec<String> = stancedb::vocab::OrgKind::ALL
        .iter()
        .map(|k| k.to_string())
        .collect();
    assert_eq!(offered, kinds, "--kind completes to the organisation kinds");
    assert!(!env.db.exists(), "completions created a database");
}

#[test]
fn zsh_and_fish_scripts_offer_every_subcommand_with_its_description() {
    let env = Env::new();
    // How each script offers a subcommand: zsh as 'NAME:description', fish as -a "NAME".
    let offers = [("zsh", "'{}:"), ("fish", "-a \"{}\" -d ")];
    for (shell, pattern) in offers {
        let out = env.run(&["completions", shell]);
        out.ok();
        for name in subcommands(&[]).into_iter().chain(subcommands(&["add"])) {
            let offer = pattern.replace("{}", &name);
            assert!(
                out.stdout.contains(&offer),
                "the {shell} script does not offer {name} ({offer})\n{out}"
            );
        }
    }
    assert!(!env.db.exists(), "completions created a database");
}

#[test]
fn an_unknown_shell_is_a_usage_error_listing_the_shells() {
    let env = Env::new();
    env.run(&["completions", "tcsh"])
        .code(2)
        .one_line_error()
        .stderr_has("invalid value 'tcsh' for '<SHELL>' [possible values: bash, elvish, fish, powershell, zsh]");
}
